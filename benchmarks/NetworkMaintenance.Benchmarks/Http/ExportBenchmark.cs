using System.Diagnostics;
using System.Globalization;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>
/// The exports and the month's figures on a large generated database (issue #18 points 4 and 7, docs/perf-round2/exports.md):
/// starts the published app on an existing generated SQLite file (<c>database generate … --seed 42</c>, whose accounts
/// have the password in NM_GENERATE_PASSWORD), signs in as the generated Kepala Dinas and downloads the report list as
/// CSV and as Excel, unfiltered and for the newest ~10 % (a date range), then times the monthly recap PDF, the device
/// figures page (<c>/perangkat/angka</c>) and the dashboard (which carries the device card). For each export it prints
/// the rows, bytes, time to the first byte and to the last, and the app's peak RSS (VmHWM) before and after with the
/// highest RSS sampled during: an export that streams leaves the peak where it was, whatever its rows.
/// Figures are printed, never asserted.
/// </summary>
public static partial class HttpBenchmark
{
    public const string ExportsUsage =
        "Usage: exports --db GENERATED_SQLITE_FILE [--app BUILD_OR_PUBLISH_DIR] [--repeat N (3)]   (password in NM_GENERATE_PASSWORD)";

    public static async Task<int> ExportsAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var db = Option("--db");
        var password = Environment.GetEnvironmentVariable("NM_GENERATE_PASSWORD");
        if (db is null || !File.Exists(db) || string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine(ExportsUsage);
            return 2;
        }
        var repeat = int.Parse(Option("--repeat") ?? "3", CultureInfo.InvariantCulture);
        var root = RepositoryRoot();
        var work = Path.Combine(root, "artifacts", "bench");
        Directory.CreateDirectory(work);
        var app = Option("--app") is { } given ? Path.GetFullPath(given) : Path.Combine(work, "app");
        if (Option("--app") is null)
        {
            Console.WriteLine($"Publishing the web app (Release) to {app} …");
            await RunToEndAsync("dotnet", ["publish", Path.Combine(root, "src", "NetworkMaintenance.Web"), "-c", "Release", "-o", app, "--nologo", "-v", "q"], root, new Dictionary<string, string>());
        }

        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.GetFullPath(db)}",
            ["RateLimiting__LoginPermitLimitPerIp"] = "1000000000",
            ["Security__RequireHttps"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Webhooks__SenderEnabled"] = "false",
        };
        ShippedEnvironment.Apply(root, env);
        using var server = StartServer(app, baseUrl, env, Path.Combine(work, "app-exports.log"));
        try
        {
            await WaitForFirstPageAsync(baseUrl, server, TimeSpan.FromSeconds(300));
            // A client of its own: a download of a million rows takes longer than the load driver's 60 s timeout.
            using var staff = LoadDriver.Client(baseUrl);
            staff.Timeout = TimeSpan.FromHours(1);
            var token = await LoadDriver.AntiforgeryTokenAsync(staff, "/masuk");
            using (var signIn = await staff.PostAsync(new Uri("/masuk", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                   {
                       ["UserName"] = "uji.kadis", ["Password"] = password, ["__RequestVerificationToken"] = token,
                   })))
            {
                if ((int)signIn.StatusCode / 100 != 3) throw new InvalidOperationException($"Signing in failed: {(int)signIn.StatusCode}.");
            }
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, database {db} ({new FileInfo(db).Length / 1048576} MB)");
            Console.WriteLine();

            // The newest ~10 % of two years of reports: the last 73 days (WIB dates).
            var today = DateTime.UtcNow.AddHours(7).Date;
            var recent = $"from={today.AddDays(-73):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
            Console.WriteLine("| Export | Rows | MB | First byte (s) | Last byte (s) | VmHWM before (MB) | Max RSS during (MB) | VmHWM after (MB) | Load average |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var (name, path) in new[]
                     {
                         ("CSV, last 73 days", "/laporan/ekspor.csv?" + recent), ("Excel, last 73 days", "/laporan/ekspor.xlsx?" + recent),
                         ("CSV, all", "/laporan/ekspor.csv"), ("Excel, all", "/laporan/ekspor.xlsx"),
                     })
            {
                var before = Memory(server.Id);
                var maxRss = before.Rss;
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        maxRss = Math.Max(maxRss, Memory(server.Id).Rss);
                        try { await Task.Delay(100, sampling.Token); } catch (OperationCanceledException) { }
                    }
                });
                var watch = Stopwatch.StartNew();
                using var response = await staff.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                var buffer = new byte[81920];
                var bytes = 0L;
                double? firstByte = null;
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    firstByte ??= watch.Elapsed.TotalSeconds;
                    bytes += read;
                }
                var total = watch.Elapsed.TotalSeconds;
                await sampling.CancelAsync();
                await sampler;
                var after = Memory(server.Id);
                var rows = response.Headers.TryGetValues("X-Export-Rows", out var values) ? values.First() : "?";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {rows} | {bytes / 1048576.0:F1} | {firstByte ?? total:F2} | {total:F2} | {before.Hwm / 1024} | {maxRss / 1024} | {after.Hwm / 1024} | {LoadAverage()} |"));
            }

            Console.WriteLine();
            var month = DateTime.UtcNow.AddHours(7).AddMonths(-1);
            Console.WriteLine($"| Page (median of {repeat} after one warm-up) | Median (ms) | Min (ms) | Max (ms) | KB | Load average |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (name, path) in new[]
                     {
                         ("Monthly recap PDF (last month)", $"/laporan/rekap?bulan={month:yyyy-MM}"),
                         ("Device figures /perangkat/angka", "/perangkat/angka"),
                         ("Dashboard (with the device card)", "/"),
                     })
            {
                var times = new List<double>();
                long size = 0;
                for (var i = 0; i <= repeat; i++)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await staff.GetAsync(new Uri(path, UriKind.Relative));
                    response.EnsureSuccessStatusCode();
                    size = (await response.Content.ReadAsByteArrayAsync()).LongLength;
                    if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {times[times.Count / 2]:F0} | {times[0]:F0} | {times[^1]:F0} | {size / 1024} | {LoadAverage()} |"));
            }
            var end = Memory(server.Id);
            Console.WriteLine();
            Console.WriteLine($"App at the end: VmRSS {end.Rss / 1024} MB, VmHWM {end.Hwm / 1024} MB");
            return 0;
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>VmRSS and VmHWM of a process in KB (Linux), zero elsewhere.</summary>
    private static (long Rss, long Hwm) Memory(int pid)
    {
        long rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
            }
        }
        catch (IOException)
        {
        }
        return (rss, hwm);

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
