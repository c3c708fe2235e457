using System.Diagnostics;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>One request of a sampled run: when it completed (from the start of the run), its latency and outcome.</summary>
public readonly record struct Sample(TimeSpan CompletedAfter, double Milliseconds, bool Success);

public static partial class LoadDriver
{
    /// <summary>
    /// Like a measurement without warm-up, but keeps every request's completion time and latency (for curves over
    /// time, e.g. the dashboard's warm-up on a fresh process).
    /// </summary>
    public static async Task<IReadOnlyList<Sample>> SampleAsync(HttpClient client, Func<HttpRequestMessage> request, int connections,
        TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var samples = new List<Sample>(1024);
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                bool success;
                try
                {
                    using var message = request();
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    await response.Content.ReadAsByteArrayAsync();
                    success = (int)response.StatusCode is >= 200 and < 300;
                }
                catch (HttpRequestException)
                {
                    success = false;
                }
                catch (TaskCanceledException)
                {
                    success = false;
                }
                samples.Add(new Sample(watch.Elapsed, Stopwatch.GetElapsedTime(start).TotalMilliseconds, success));
            }
            return samples;
        })).ToList();
        return (await Task.WhenAll(workers)).SelectMany(s => s).OrderBy(s => s.CompletedAfter).ToList();
    }

    /// <summary>The p-quantile (nearest rank) of sorted values; 0 when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
}
