using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>Latency and throughput of one page: requests completed in the measured window and their percentiles (ms).</summary>
public sealed record Measurement(long Requests, long Errors, double Seconds, double RequestsPerSecond, double P50, double P95, double P99,
    double Max, long BytesPerResponse)
{
    /// <summary>Requests answered with a success per second: a write that failed did no work, however fast it failed.</summary>
    public double SucceededPerSecond => Seconds <= 0 ? 0 : (Requests - Errors) / Seconds;
}

/// <summary>
/// A small closed-loop load driver: C concurrent workers, each sending its next request when the previous one has been
/// read to the end, for a fixed time after a warm-up. Only 2xx responses count as successes.
/// </summary>
public static partial class LoadDriver
{
    public static HttpClient Client(Uri baseUrl, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies ?? new CookieContainer(),
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Signs in through the login form with its antiforgery token; the client keeps the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(Uri baseUrl, string userName, string password)
    {
        var client = Client(baseUrl);
        var token = await AntiforgeryTokenAsync(client, "/masuk");
        using var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode}.");
        }
        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenRegex().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    public static Task<Measurement> MeasureAsync(HttpClient client, Func<HttpRequestMessage> request, int connections,
        double warmupSeconds, double seconds) =>
        MeasureAsync([(client, request)], connections, warmupSeconds, seconds);

    /// <summary>
    /// The same over several targets (e.g. one per app instance): connection <c>i</c> sends to target <c>i mod n</c>,
    /// so the connections are spread evenly over the instances.
    /// </summary>
    public static async Task<Measurement> MeasureAsync(IReadOnlyList<(HttpClient Client, Func<HttpRequestMessage> Request)> targets,
        int connections, double warmupSeconds, double seconds) =>
        (await MeasureWithCpuAsync(targets, connections, warmupSeconds, seconds, null)).Measured;

    /// <summary>
    /// <see cref="MeasureAsync(IReadOnlyList{ValueTuple{HttpClient, Func{HttpRequestMessage}}}, int, double, double)"/>
    /// and the app's CPU per request over the timed run (after the warm-up; see <see cref="ProcessCpu"/>): less noisy
    /// than the throughput on a machine shared with the load driver.
    /// </summary>
    public static async Task<(Measurement Measured, string Cpu)> MeasureWithCpuAsync(
        IReadOnlyList<(HttpClient Client, Func<HttpRequestMessage> Request)> targets, int connections, double warmupSeconds,
        double seconds, int? appPid)
    {
        if (warmupSeconds > 0) await RunAsync(targets, connections, TimeSpan.FromSeconds(warmupSeconds));
        var before = ProcessCpu.Read(appPid);
        var measured = await RunAsync(targets, connections, TimeSpan.FromSeconds(seconds));
        return (measured, ProcessCpu.PerRequest(before, ProcessCpu.Read(appPid), measured.Requests));
    }

    private static async Task<Measurement> RunAsync(IReadOnlyList<(HttpClient Client, Func<HttpRequestMessage> Request)> targets,
        int connections, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var (client, request) = targets[w % targets.Count];
            var latencies = new List<double>(4096);
            long errors = 0, bytes = 0;
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var message = request();
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if ((int)response.StatusCode is >= 200 and < 300) bytes = body.Length;
                    else errors++;
                }
                catch (HttpRequestException)
                {
                    errors++;
                }
                catch (TaskCanceledException)
                {
                    errors++;
                }
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return (latencies, errors, bytes);
        })).ToList();
        var done = await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = done.SelectMany(d => d.latencies).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new Measurement(all.Length, done.Sum(d => d.errors), elapsed, all.Length / elapsed, Percentile(0.50), Percentile(0.95),
            Percentile(0.99), all.Length == 0 ? 0 : all[^1], done.Max(d => d.bytes));
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenRegex();
}

/// <summary>Resident memory of a process from /proc/&lt;pid&gt;/status (Linux): VmHWM is the peak, VmRSS the current.</summary>
public static class ProcessMemory
{
    public static (double PeakMb, double CurrentMb) Read(int pid)
    {
        try
        {
            var lines = File.ReadAllLines($"/proc/{pid}/status");
            double Kb(string key) => lines.Where(l => l.StartsWith(key, StringComparison.Ordinal))
                .Select(l => double.Parse(l[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            return (Kb("VmHWM:") / 1024, Kb("VmRSS:") / 1024);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }
}

/// <summary>
/// CPU time of the app from /proc (Linux, 100 ticks a second): the whole process (<c>/proc/&lt;pid&gt;/stat</c>, exited
/// threads included) and, apart, the background renderer's thread (named "Low-priority work", LowPriorityWorker), so a
/// write's cost on the request path can be told from the rendering it defers.
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100;

    public readonly record struct Sample(double TotalMs, double BackgroundMs);

    public static Sample? Read(int? pid)
    {
        if (pid is not { } id) return null;
        try
        {
            var background = 0.0;
            foreach (var task in Directory.EnumerateDirectories($"/proc/{id}/task"))
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                if (stat.Contains("(Low-priority wo)", StringComparison.Ordinal)) background += Ms(stat);
            }
            return new Sample(Ms(File.ReadAllText($"/proc/{id}/stat")), background);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>utime + stime: fields 14 and 15, counted after the command name's closing parenthesis.</summary>
    private static double Ms(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
            + double.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 1000 / TicksPerSecond;
    }

    /// <summary>" app CPU 7.1 ms per request (+ 1.2 ms background)" over a timed window, or "" off Linux.</summary>
    public static string PerRequest(Sample? before, Sample? after, long requests) =>
        before is { } b && after is { } a && requests > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $", app CPU {(a.TotalMs - b.TotalMs - (a.BackgroundMs - b.BackgroundMs)) / requests:F2} ms per request (+ {(a.BackgroundMs - b.BackgroundMs) / requests:F2} ms background)")
            : "";
}
