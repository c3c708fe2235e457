using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Monitoring;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>
/// The alert storm of issue #20 (docs/performance.md, "Alert storm"): --alerts firing alerts (default 1,000) spread
/// evenly over --seconds (default 60) for --opds OPDs (default 30), each OPD repeating --fingerprints fingerprints
/// (default 3), posted over HTTP to <c>POST /api/alerts/alertmanager</c> (one Alertmanager v4 delivery per alert, at
/// most --senders in flight) while a signed-in Kepala Dinas loads the dashboard and the report list. Prints the
/// reports the storm opened (and asserts at most one per OPD and fingerprint), the intake's throughput and latency
/// percentiles, and the two pages' latency before and during the storm against the targets. Exit code 1 when a
/// fingerprint opened two reports or an alert was refused; figures themselves are printed, not asserted.
/// </summary>
public static partial class HttpBenchmark
{
    public const string StormUsage =
        "Usage: storm [--alerts N (1000)] [--opds O (30)] [--fingerprints F (3)] [--seconds S (60)] [--senders C (8)] " +
        "[--reports R (2000)] [--quiet-seconds Q (3)] [--seed S] [--app BUILD_OR_PUBLISH_DIR]";

    private sealed record StormOptions(int Alerts, int Opds, int Fingerprints, double Seconds, int Senders, int Reports,
        double QuietSeconds, int Seed, string? App);

    public static async Task<int> StormAsync(string[] args)
    {
        StormOptions o;
        try
        {
            o = ParseStorm(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(StormUsage);
            return 2;
        }

        var root = RepositoryRoot();
        var work = Path.Combine(root, "artifacts", "bench");
        Directory.CreateDirectory(work);
        var app = o.App is null ? Path.Combine(work, "app") : Path.GetFullPath(o.App);
        if (o.App is null)
        {
            Console.WriteLine($"Publishing the web app (Release) to {app} …");
            await RunToEndAsync("dotnet", ["publish", Path.Combine(root, "src", "NetworkMaintenance.Web"), "-c", "Release", "-o", app, "--nologo", "-v", "q"], root, new Dictionary<string, string>());
        }

        var db = Path.Combine(work, $"storm-{o.Reports}.db");
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(db + suffix);
        var password = "Uji#" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Sqlite"] = $"Data Source={db}",
            ["NM_GENERATE_PASSWORD"] = password,
        };
        ShippedEnvironment.Apply(root, env);
        Console.WriteLine($"Generating {o.Reports} reports into {db} …");
        await RunToEndAsync("dotnet", [Path.Combine(app, "NetworkMaintenance.Web.dll"), "database", "generate", "--reports",
            o.Reports.ToString(CultureInfo.InvariantCulture), "--seed", o.Seed.ToString(CultureInfo.InvariantCulture), "--allow-production"], app, env);
        env.Remove("NM_GENERATE_PASSWORD");

        var (opds, token, sourceId) = await PrepareStormAsync(db, o.Opds);
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        env["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        env["RateLimiting__LoginPermitLimitPerIp"] = "1000000000";
        env["Security__RequireHttps"] = "false";
        env["Serilog__MinimumLevel__Default"] = "Warning";
        env["Webhooks__SenderEnabled"] = "false";
        using var server = StartServer(app, baseUrl, env, Path.Combine(work, "app-storm.log"));
        try
        {
            await WaitForFirstPageAsync(baseUrl, server, TimeSpan.FromSeconds(120));
            using var staff = await LoadDriver.SignInAsync(baseUrl, "uji.kadis", password);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Storm: {o.Alerts} alerts over {o.Seconds:F0} s, {opds.Count} OPDs × {o.Fingerprints} fingerprints, {o.Senders} senders, {o.Reports} generated reports"));

            // The pages on their own first, then while the storm blows.
            var quiet = new Dictionary<string, Measurement>();
            foreach (var (name, path) in StormPages)
            {
                quiet[name] = await LoadDriver.MeasureAsync(staff, () => Get(path), 1, Math.Min(1, o.QuietSeconds), o.QuietSeconds);
            }

            using var alertClient = LoadDriver.Client(baseUrl);
            var alertLatencies = new ConcurrentBag<double>();
            var refused = new ConcurrentBag<string>();
            var outcomes = new ConcurrentDictionary<string, int>();
            using var gate = new SemaphoreSlim(o.Senders);
            using var stormOver = new CancellationTokenSource();
            var pageSamples = StormPages.ToDictionary(p => p.Name, _ => new ConcurrentBag<double>());
            var pageErrors = 0L;
            var sampler = Task.Run(async () =>
            {
                // One user going back and forth between the two pages for as long as the storm lasts.
                while (!stormOver.IsCancellationRequested)
                {
                    foreach (var (name, path) in StormPages)
                    {
                        var watch = Stopwatch.StartNew();
                        using var response = await staff.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                        pageSamples[name].Add(watch.Elapsed.TotalMilliseconds);
                        if (!response.IsSuccessStatusCode) Interlocked.Increment(ref pageErrors);
                    }
                }
            });

            var started = Stopwatch.StartNew();
            var startsAt = DateTime.UtcNow.AddMinutes(-5);
            var posts = new List<Task>(o.Alerts);
            for (var i = 0; i < o.Alerts; i++)
            {
                // Open loop: alert i is due at i × S / N seconds, whatever the app's pace.
                var due = TimeSpan.FromSeconds(o.Seconds * i / o.Alerts);
                var wait = due - started.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var opd = opds[i % opds.Count];
                var fingerprint = $"storm-{opd.Id}-{i / opds.Count % o.Fingerprints}";
                await gate.WaitAsync();
                posts.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/alertmanager")
                        {
                            Content = new StringContent(AlertmanagerBody(fingerprint, opd.Label, startsAt), Encoding.UTF8, "application/json"),
                        };
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        var watch = Stopwatch.StartNew();
                        using var response = await alertClient.SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        alertLatencies.Add(watch.Elapsed.TotalMilliseconds);
                        if (!response.IsSuccessStatusCode)
                        {
                            refused.Add($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                            return;
                        }
                        using var json = JsonDocument.Parse(body);
                        foreach (var outcome in json.RootElement.GetProperty("outcomes").EnumerateArray())
                            outcomes.AddOrUpdate(outcome.GetString()!, 1, (_, n) => n + 1);
                    }
                    catch (HttpRequestException ex)
                    {
                        refused.Add(ex.Message);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
            await Task.WhenAll(posts);
            var stormSeconds = started.Elapsed.TotalSeconds;
            await stormOver.CancelAsync();
            await sampler;
            var loadAfter = LoadAverage();

            var (reports, worstKey) = await CountStormReportsAsync(db, sourceId);
            var keys = Math.Min(o.Alerts, opds.Count * o.Fingerprints);
            Console.WriteLine();
            Console.WriteLine("## Alert storm");
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Alerts posted: {o.Alerts} (offered at {o.Alerts / o.Seconds:F1} alerts/s over {o.Seconds:F0} s), all answered after {stormSeconds:F1} s " +
                $"(throughput {alertLatencies.Count / stormSeconds:F1} alerts/s), refused {refused.Count}; " +
                $"outcomes: {string.Join(", ", outcomes.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}"));
            Console.WriteLine($"Reports created: {reports.Count} for {keys} OPD-and-fingerprint pairs; most reports for one pair: {worstKey} " +
                $"({(worstKey <= 1 && reports.Count <= keys ? "OK: at most one per OPD and fingerprint" : "VIOLATION")})");
            var l = Percentiles(alertLatencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Alert intake latency (ms): p50 {l.P50:F1}, p95 {l.P95:F1}, p99 {l.P99:F1}, max {l.Max:F1}"));
            Console.WriteLine();
            Console.WriteLine("| Page | Quiet p50 (ms) | Quiet p95 (ms) | Storm p50 (ms) | Storm p95 (ms) | Storm p99 (ms) | Storm samples | Target |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var (name, _) in StormPages)
            {
                var q = quiet[name];
                var s = Percentiles(pageSamples[name]);
                var target = name.StartsWith("Dashboard", StringComparison.Ordinal)
                    ? $"p95 ≤ 100 ms: {(s.P95 <= 100 ? "met" : "missed")}"
                    : $"p50 ≤ 2× quiet (≈ half the throughput): {(s.P50 <= 2 * q.P50 ? "met" : "missed")} ({s.P50 / Math.Max(q.P50, 0.001):F1}×)";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {q.P50:F1} | {q.P95:F1} | {s.P50:F1} | {s.P95:F1} | {s.P99:F1} | {pageSamples[name].Count} | {target} |"));
            }
            Console.WriteLine();
            Console.WriteLine($"Load average after the storm: {loadAfter}; page errors during the storm: {pageErrors}");
            foreach (var r in refused.Take(5)) Console.WriteLine("  refused: " + r);

            var ok = worstKey <= 1 && reports.Count <= keys && refused.IsEmpty;
            Console.WriteLine(ok ? "RESULT: OK" : "RESULT: FAILED (a fingerprint opened more than one report, or alerts were refused)");
            return ok ? 0 : 1;
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

    private static readonly (string Name, string Path)[] StormPages =
    [
        ("Dashboard (Kepala Dinas)", "/"),
        ("Report list (/laporan)", "/laporan"),
    ];

    private sealed record StormOpd(int Id, string Label);

    /// <summary>At least <paramref name="count"/> active OPDs (the seeded ones, then "Dinas Uji Badai n") and a monitoring source; returns its token.</summary>
    private static async Task<(IReadOnlyList<StormOpd> Opds, string Token, int SourceId)> PrepareStormAsync(string path, int count)
    {
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()).Options);
        var existing = await db.Opds.CountAsync(x => x.IsActive);
        for (var i = existing + 1; i <= count; i++) db.Opds.Add(new Opd($"Dinas Uji Badai {i}", $"BADAI{i}", null));
        var userId = await db.Users.OrderBy(u => u.UserName).Select(u => u.Id).FirstAsync();
        // A complete kop surat, as a real installation has: every report opened by an alert issues its receipt.
        var settings = await db.DocumentSettings.SingleOrDefaultAsync();
        if (settings is null || settings.MissingForIssuing().Count > 0)
        {
            if (settings is not null) db.DocumentSettings.Remove(settings);
            await db.SaveChangesAsync();
            db.DocumentSettings.Add(Core.Domain.Documents.DocumentSettings.CreateDemo(Core.Documents.DocumentSamples.Letterhead.Logo!.Value.ToArray()));
        }
        var (source, token) = MonitoringSource.Create("Alertmanager badai (benchmark)", userId, DateTime.UtcNow);
        db.MonitoringSources.Add(source);
        await db.SaveChangesAsync();
        var opds = await db.Opds.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.Id).Take(count)
            .Select(x => new { x.Id, x.ShortName }).ToListAsync();
        SqliteConnection.ClearAllPools();
        return (opds.Select(x => new StormOpd(x.Id, x.ShortName ?? x.Id.ToString(CultureInfo.InvariantCulture))).ToList(), token, source.Id);
    }

    /// <summary>The reports the source's alerts opened, and the most reports any one OPD-and-fingerprint pair opened.</summary>
    private static async Task<(List<int> Reports, int WorstKey)> CountStormReportsAsync(string path, int sourceId)
    {
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString()).Options);
        var alerts = await db.MonitoringAlerts.AsNoTracking().Where(a => a.SourceId == sourceId && a.ReportId != null)
            .Select(a => new { a.OpdId, a.Fingerprint, ReportId = a.ReportId!.Value }).ToListAsync();
        var reports = alerts.Select(a => a.ReportId).Distinct().ToList();
        var worst = alerts.GroupBy(a => (a.OpdId, a.Fingerprint)).Select(g => g.Select(a => a.ReportId).Distinct().Count()).DefaultIfEmpty(0).Max();
        SqliteConnection.ClearAllPools();
        return (reports, worst);
    }

    private static string AlertmanagerBody(string fingerprint, string opd, DateTime startsAt) => JsonSerializer.Serialize(new
    {
        version = "4", groupKey = "{}:{alertname=\"UplinkDown\"}", truncatedAlerts = 0, status = "firing", receiver = "networkmaintenance",
        groupLabels = new { alertname = "UplinkDown" }, commonLabels = new { alertname = "UplinkDown" }, commonAnnotations = new { },
        externalURL = "http://127.0.0.1:9093",
        alerts = new[]
        {
            new
            {
                status = "firing",
                labels = new Dictionary<string, string> { ["alertname"] = "UplinkDown", ["opd"] = opd, ["instance"] = fingerprint, ["severity"] = "critical" },
                annotations = new { summary = $"Uplink {opd} tidak merespons ping (badai uji)" },
                startsAt = startsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                endsAt = "0001-01-01T00:00:00Z",
                generatorURL = "http://prometheus/graph",
                fingerprint,
            },
        },
    });

    private static (double P50, double P95, double P99, double Max) Percentiles(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) return (0, 0, 0, 0);
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    private static StormOptions ParseStorm(string[] args)
    {
        var o = new StormOptions(1000, 30, 3, 60, 8, 2000, 3, 7, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            int Int() => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new FormatException($"{args[i]}: a positive whole number.");
            double Dbl() => double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new FormatException($"{args[i]}: a positive number.");
            o = args[i] switch
            {
                "--alerts" => o with { Alerts = Int() },
                "--opds" => o with { Opds = Int() },
                "--fingerprints" => o with { Fingerprints = Int() },
                "--seconds" => o with { Seconds = Dbl() },
                "--senders" => o with { Senders = Int() },
                "--reports" => o with { Reports = Int() },
                "--quiet-seconds" => o with { QuietSeconds = Dbl() },
                "--seed" => o with { Seed = Int() },
                "--app" => o with { App = Next() },
                _ => throw new FormatException($"Unknown option {args[i]}."),
            };
        }
        return o;
    }
}
