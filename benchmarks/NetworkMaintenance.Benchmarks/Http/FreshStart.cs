using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>
/// The dashboard on a fresh process (issue #18, point 3): starts a new app process, waits for its first page, signs in
/// as the generated Kepala Dinas, then waits until <see cref="MeasureFrom"/> after the process started (no request in
/// between but the sign-in) and loads the dashboard with C connections for S seconds. Prints p50/p95/p99 of that
/// window and the p95 of each second from the first dashboard request on, so the warm-up curve is visible.
/// </summary>
public static partial class HttpBenchmark
{
    /// <summary>The target's start of measurement: 10 s after the process started.</summary>
    public static readonly TimeSpan MeasureFrom = TimeSpan.FromSeconds(10);

    /// <summary>One fresh-start measurement: the window's percentiles and one row per second of the window.</summary>
    public sealed record FreshStartResult(string Database, double FirstPageSeconds, double MeasuredFromSeconds, int Connections,
        long Requests, long Errors, double P50, double P95, double P99, IReadOnlyList<(int Second, int Requests, double P95)> PerSecond,
        string LoadAverage)
    {
        public string Markdown()
        {
            var c = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            text.AppendLine(c, $"Dashboard on a fresh process ({Database}): first page {FirstPageSeconds:F2} s after process start, measured from {MeasuredFromSeconds:F1} s, {Connections} connections, load average {LoadAverage}");
            text.AppendLine();
            text.AppendLine("| Requests | p50 (ms) | p95 (ms) | p99 (ms) | Errors |");
            text.AppendLine("|---|---|---|---|---|");
            text.AppendLine(c, $"| {Requests} | {P50:F1} | {P95:F1} | {P99:F1} | {Errors} |");
            text.AppendLine();
            text.AppendLine("| Second after process start | Requests completed | p95 (ms) |");
            text.AppendLine("|---|---|---|");
            foreach (var (second, requests, p95) in PerSecond) text.AppendLine(c, $"| {second}–{second + 1} | {requests} | {p95:F1} |");
            return text.ToString();
        }
    }

    private static async Task<FreshStartResult> FreshStartAsync(string app, string work, IReadOnlyDictionary<string, string> baseEnv,
        string password, int connections, double seconds, string database)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var env = new Dictionary<string, string>(baseEnv)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
            ["Security__RequireHttps"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["RateLimiting__LoginPermitLimitPerIp"] = "1000000000",
        };
        var logPath = Path.Combine(work, $"app-fresh-{database.ToLowerInvariant()}.log");
        Console.WriteLine($"Dashboard on a fresh process ({database}) …");
        using var server = StartServer(app, baseUrl, env, logPath);
        try
        {
            var started = server.StartTime.ToUniversalTime();
            var firstPage = await WaitForFirstPageAsync(baseUrl, server, TimeSpan.FromSeconds(120));
            using var staff = await LoadDriver.SignInAsync(baseUrl, "uji.kadis", password);
            var wait = started + MeasureFrom - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var from = DateTime.UtcNow - started;

            var samples = await LoadDriver.SampleAsync(staff, () => new HttpRequestMessage(HttpMethod.Get, "/"), connections,
                TimeSpan.FromSeconds(seconds));
            var latencies = samples.Select(s => s.Milliseconds).Order().ToArray();
            var perSecond = samples
                .GroupBy(s => (int)Math.Floor(from.TotalSeconds + s.CompletedAfter.TotalSeconds))
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Count(), LoadDriver.Percentile(g.Select(s => s.Milliseconds).Order().ToArray(), 0.95)))
                .ToList();
            var result = new FreshStartResult(database, firstPage.TotalSeconds, from.TotalSeconds, connections, latencies.Length,
                samples.Count(s => !s.Success), LoadDriver.Percentile(latencies, 0.50), LoadDriver.Percentile(latencies, 0.95),
                LoadDriver.Percentile(latencies, 0.99), perSecond, LoadAverage());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  first page {result.FirstPageSeconds:F2} s; dashboard from {from.TotalSeconds:F1} s: p50 {result.P50:F1} ms, p95 {result.P95:F1} ms, p99 {result.P99:F1} ms"));
            return result;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }
}
