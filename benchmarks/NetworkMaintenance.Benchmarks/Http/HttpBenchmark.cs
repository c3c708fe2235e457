using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>
/// End-to-end HTTP benchmark (docs/performance.md). Publishes the web app (or uses --app), generates a database of
/// --reports reports with the app's own <c>database generate</c> command, starts the app in Production with the baseline
/// endpoints switched on, signs in as the generated Kepala Dinas, and measures each page and its bare baseline with a
/// fixed number of concurrent connections for a fixed time. With <c>--postgres CONNECTION</c> (or <c>NM_BENCH_POSTGRES</c>)
/// the same rows are then copied into that PostgreSQL database (dropped and created; <see cref="PostgresCopy"/>) and the
/// same pages are measured there, in the same run. Prints markdown tables and writes artifacts/benchmark.json.
/// Only loopback addresses are used; every loop is bounded by time.
/// </summary>
public static partial class HttpBenchmark
{
    public const string Usage =
        "Usage: http [--reports N] [--seconds S] [--warmup S] [--connections C] [--seed S] [--app PUBLISH_DIR] [--db FILE] [--reuse-db] [--out FILE] [--postgres CONNECTION] [--reuse-postgres] [--postgres-instances N] [--no-fresh-start] [--fresh-seconds S] [--fresh-only] [--only TEXT] [--writes-only] " + PeerOptions.Usage;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private sealed record Options(int Reports, double Seconds, double Warmup, int Connections, int Seed, string? App, string? Db,
        bool ReuseDb, string Out, string? Postgres, int PostgresInstances = 1, bool FreshStart = true, double FreshSeconds = 5, bool FreshOnly = false,
        PeerOptions? Peer = null, string? Only = null, bool WritesOnly = false, bool ReusePostgres = false);

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var root = RepositoryRoot();
        var work = Path.Combine(root, "artifacts", "bench");
        Directory.CreateDirectory(work);
        var app = options.App is null ? Path.Combine(work, "app") : Path.GetFullPath(options.App);
        if (options.App is null)
        {
            Console.WriteLine($"Publishing the web app (Release) to {app} …");
            await RunToEndAsync("dotnet", ["publish", Path.Combine(root, "src", "NetworkMaintenance.Web"), "-c", "Release", "-o", app, "--nologo", "-v", "q"], root, new Dictionary<string, string>());
        }

        var db = options.Db is null ? Path.Combine(work, $"bench-{options.Reports}.db") : Path.GetFullPath(options.Db);
        var password = "Uji#" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Sqlite"] = $"Data Source={db}",
            ["NM_GENERATE_PASSWORD"] = password,
        };
        ShippedEnvironment.Apply(root, env);

        double? generateSeconds = null;
        if (!options.ReuseDb || !File.Exists(db))
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(db + suffix);
            Console.WriteLine($"Generating {options.Reports} reports into {db} …");
            var watch = Stopwatch.StartNew();
            await RunToEndAsync("dotnet", [Path.Combine(app, "NetworkMaintenance.Web.dll"), "database", "generate", "--reports",
                options.Reports.ToString(CultureInfo.InvariantCulture), "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
                "--allow-production"], app, env);
            generateSeconds = watch.Elapsed.TotalSeconds;
        }
        else
        {
            // Reusing a database: its accounts keep the password of the run that generated it, so set a new one.
            await RunToEndAsync("dotnet", [Path.Combine(app, "NetworkMaintenance.Web.dll"), "database", "generate", "--reports", "1",
                "--seed", options.Seed.ToString(CultureInfo.InvariantCulture), "--allow-production", "--force"], app, env);
        }

        env.Remove("NM_GENERATE_PASSWORD");
        await WriteScenarios.CompleteLetterheadAsync(db);
        var runs = new List<(string Database, BenchmarkReport Report, long Errors)>();
        var peerRuns = new List<PeerComparison>();
        var fresh = new List<FreshStartResult>();
        if (options.FreshStart) fresh.Add(await FreshStartAsync(app, work, env, password, options.Connections, options.FreshSeconds, "SQLite"));
        if (options.FreshOnly)
        {
            foreach (var result in fresh) Console.WriteLine(result.Markdown());
            return fresh.Sum(f => f.Errors) > 0 ? 1 : 0;
        }
        var sqlite = await MeasureAsync(app, work, env, password, options, "SQLite", () => new FileInfo(db).Length / 1024d / 1024d, generateSeconds, peerRuns: peerRuns);
        runs.Add(("SQLite", sqlite.Report, sqlite.Errors));
        if (options.Postgres is { } postgres)
        {
            // The same rows on PostgreSQL: the app's migrations make the schema, then the SQLite rows are copied over
            // (with --reuse-postgres, a database that holds reports already is kept: migrated, its accounts' passwords set).
            var reuse = options.ReusePostgres && await PostgresCopy.HoldsReportsAsync(postgres);
            if (!reuse) await RecreateDatabaseAsync(postgres);
            var pgEnv = new Dictionary<string, string>(env)
            {
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__PostgreSql"] = postgres,
                ["Database__MigrateOnStartup"] = "true",
            };
            Console.WriteLine("Creating the PostgreSQL schema with the app's migrations …");
            // Any command of the app prepares the database first (migrations, reference data); a dry purge changes nothing.
            await RunToEndAsync("dotnet", [Path.Combine(app, "NetworkMaintenance.Web.dll"), "personal-data", "purge", "--dry-run"], app, pgEnv);
            if (reuse)
            {
                var accounts = await PostgresCopy.CopyPasswordsAsync(db, postgres);
                Console.WriteLine($"Reusing the PostgreSQL database: {accounts} accounts' passwords copied from {db}.");
            }
            else
            {
                var copy = Stopwatch.StartNew();
                var rows = await PostgresCopy.CopyAsync(db, postgres);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Copied {rows} rows from {db} to PostgreSQL in {copy.Elapsed.TotalSeconds:F1} s."));
            }
            if (options.FreshStart) fresh.Add(await FreshStartAsync(app, work, pgEnv, password, options.Connections, options.FreshSeconds, "PostgreSQL"));
            var pg = await MeasureAsync(app, work, pgEnv, password, options, "PostgreSQL", () => PostgresSizeMb(postgres), null);
            runs.Add(("PostgreSQL", pg.Report, pg.Errors));
            if (options.PostgresInstances > 1)
            {
                // Several instances on the same database (Data Protection keys are in the database, so cookies and
                // antiforgery tokens hold on every instance); the load driver spreads the connections over them.
                var name = $"PostgreSQL ×{options.PostgresInstances}";
                var multi = await MeasureAsync(app, work, pgEnv, password, options, name, () => PostgresSizeMb(postgres), null, options.PostgresInstances);
                runs.Add((name, multi.Report, multi.Errors));
            }
        }

        foreach (var result in fresh)
        {
            Console.WriteLine();
            Console.WriteLine(result.Markdown());
        }
        foreach (var (database, report, _) in runs)
        {
            Console.WriteLine();
            Console.WriteLine($"## {database}");
            Console.WriteLine();
            Console.WriteLine(report.Markdown());
        }
        if (runs.Count > 1)
        {
            Console.WriteLine("## Side by side (req/s and p95 ms of the app's pages)");
            Console.WriteLine();
            Console.WriteLine(BenchmarkReport.SideBySide(runs.Select(r => (r.Database, r.Report)).ToList()));
        }
        foreach (var peer in peerRuns)
        {
            Console.WriteLine("## Against Redmine (benchmarks/redmine)");
            Console.WriteLine();
            Console.WriteLine(peer.Markdown());
        }
        var outPath = Path.IsPathRooted(options.Out) ? options.Out : Path.Combine(root, options.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(runs.ToDictionary(r => r.Database, r => r.Report), JsonOptions));
        if (peerRuns.Count > 0) await File.WriteAllTextAsync(Path.ChangeExtension(outPath, ".peer.json"), JsonSerializer.Serialize(peerRuns, JsonOptions));
        Console.WriteLine($"Written {outPath}");
        var errors = runs.Sum(r => r.Errors);
        if (errors > 0)
        {
            Console.Error.WriteLine($"{errors} requests failed (non-2xx or transport error); see {Path.Combine(work, "app-*.log")}.");
            return 1;
        }
        return 0;
    }

    /// <summary>The documents the app still has to render (its outbox), read from the database the app runs on.</summary>
    private static async Task<long> PendingDocumentsAsync(Dictionary<string, string> env)
    {
        const string Sql = "SELECT COUNT(*) FROM \"PendingDocumentRenders\"";
        if (env.TryGetValue("ConnectionStrings__PostgreSql", out var postgres) && env.GetValueOrDefault("Database__Provider") == "PostgreSql")
        {
            await using var pg = new Npgsql.NpgsqlConnection(postgres);
            await pg.OpenAsync();
            await using var pgCommand = new Npgsql.NpgsqlCommand(Sql, pg);
            return Convert.ToInt64(await pgCommand.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var file = new SqliteConnectionStringBuilder(env["ConnectionStrings__Sqlite"]) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var sqlite = new SqliteConnection(file.ToString());
        await sqlite.OpenAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = Sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<(BenchmarkReport Report, long Errors)> MeasureAsync(string app, string work, Dictionary<string, string> baseEnv,
        string password, Options options, string database, Func<double> databaseMb, double? generateSeconds, int instances = 1,
        List<PeerComparison>? peerRuns = null)
    {
        var env = new Dictionary<string, string>(baseEnv)
        {
            ["Benchmark__BaselineEndpoints"] = "true",
            // The baseline endpoints are never mapped in Production; "Benchmark" runs the same production pipeline.
            ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
            ["RateLimiting__PublicPermitLimit"] = "1000000000",
            ["RateLimiting__LoginPermitLimitPerIp"] = "1000000000",
            // The write scenarios sign each connection in with a session of its own (WriteScenarios).
            ["RateLimiting__LoginPermitLimitPerUser"] = "1000000000",
            // Plain HTTP on the loopback interface: no HTTPS redirect, cookies not Secure-only (docs/security.md).
            ["Security__RequireHttps"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        Console.WriteLine($"Measuring on {database} …");
        var servers = new List<Process>();
        var clients = new List<HttpClient>();
        try
        {
            var firstPage = TimeSpan.Zero;
            var instancePages = new List<List<Scenario>>();
            Targets? firstTargets = null;
            for (var instance = 0; instance < instances; instance++)
            {
                var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
                var logPath = Path.Combine(work, $"app-{database.ToLowerInvariant().Replace(" ×", "-x", StringComparison.Ordinal)}{(instance > 0 ? $"-{instance + 1}" : "")}.log");
                var server = StartServer(app, baseUrl, env, logPath);
                servers.Add(server);
                var served = await WaitForFirstPageAsync(baseUrl, server, TimeSpan.FromSeconds(120));
                if (instance == 0) firstPage = served;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"App started on {baseUrl}: first page served {served.TotalSeconds:F2} s after process start."));
                // Each instance gets its own signed-in user and visitor (and so its own tracking-form token).
                var staffClient = await LoadDriver.SignInAsync(baseUrl, "uji.kadis", password);
                clients.Add(staffClient);
                var visitorClient = LoadDriver.Client(baseUrl);
                clients.Add(visitorClient);
                var instanceTargets = await Targets.FindAsync(staffClient, visitorClient);
                Console.WriteLine($"Targets: report {instanceTargets.ReportId} ({instanceTargets.Number}), document {instanceTargets.DocumentId}, list page {instanceTargets.ListPage}.");
                firstTargets ??= instanceTargets;
                instancePages.Add(PagesOf(staffClient, visitorClient, instanceTargets));
                instancePages[^1].AddRange(await ListScenariosAsync(staffClient, instanceTargets));
            }
            var server0 = servers[0];
            var bareUrl = clients[0].BaseAddress!;

            int RandomReport() => Random.Shared.Next(1, options.Reports + 1);
            List<Scenario> PagesOf(HttpClient staff, HttpClient visitor, Targets targets) => new()
            {
                new("Login page (/masuk)", visitor, () => Get("/masuk"), "/_baseline/masuk"),
                new("Dashboard (Kepala Dinas)", staff, () => Get("/"), "/_baseline/dashboard"),
                new($"Report list (Closed, page {targets.ListPage})", staff, () => Get($"/laporan?status=Closed&page={targets.ListPage}"),
                    $"/_baseline/laporan?status=Closed&page={targets.ListPage}"),
                new("Report page", staff, () => Get($"/laporan/{targets.ReportId}"), $"/_baseline/laporan/{targets.ReportId}"),
                // A different report on every request (ids 1..N of the generated data): the page's kept reports
                // (ReportSnapshots) and rendered timelines hardly ever help, so this is its cost on first sight.
                new("Report pages, random reports", staff, () => Get($"/laporan/{RandomReport()}"), "/_baseline/laporan/", () => Get($"/_baseline/laporan/{RandomReport()}")),
                // The floor under every signed-in page: the layout (navigation, badges, the sign-out form's antiforgery token)
                // around one small form, against the random reports' baseline. No report page can cost less than this, so
                // its ratio bounds what the report page can reach against that baseline (docs/performance.md).
                new("Layout alone (/akun/kata-sandi), against the report baseline", staff, () => Get("/akun/kata-sandi"), "/_baseline/laporan/",
                    () => Get($"/_baseline/laporan/{RandomReport()}")),
                new("Public tracking (POST /lacak)", visitor, () => targets.TrackRequest(), $"/_baseline/lacak?nomor={targets.Number}&kode={targets.TrackingCode}"),
                new("Berita Acara PDF", staff, () => Get($"/laporan/{targets.ReportId}/dokumen/{targets.DocumentId}"), $"/_baseline/dokumen/{targets.DocumentId}"),
            };

            // --only TEXT: just the pages whose name contains TEXT (profiling one page; docs/perf-round2/firstsight.md).
            // --writes-only: none of the read pages.
            if (options.Only is not null || options.WritesOnly)
            {
                foreach (var pages in instancePages) pages.RemoveAll(p => options.WritesOnly || !p.Name.Contains(options.Only!, StringComparison.OrdinalIgnoreCase));
            }
            using var bare = LoadDriver.Client(bareUrl);
            var results = new List<PageResult>();
            for (var p = 0; p < instancePages[0].Count; p++)
            {
                var page = instancePages[0][p];
                // The app's CPU per request is the first instance's (one instance: the whole app).
                var (measured, cpu) = await LoadDriver.MeasureWithCpuAsync(instancePages.Select(pages => (pages[p].Client, pages[p].Request)).ToList(),
                    options.Connections, options.Warmup, options.Seconds, servers.Count == 1 ? server0.Id : null);
                // The baseline endpoints read the SQLite file directly; on PostgreSQL there is none (shown as 0).
                var (baseline, baselineCpu) = database == "SQLite"
                    ? await LoadDriver.MeasureWithCpuAsync([(bare, page.BaselineRequest ?? (() => Get(page.Baseline)))], options.Connections,
                        options.Warmup, options.Seconds, server0.Id)
                    : (new Measurement(0, 0, 0, 0, 0, 0, 0, 0, 0), "");
                results.Add(new PageResult(page.Name, measured, baseline));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {page.Name}: {measured.RequestsPerSecond:F0} req/s, p95 {measured.P95:F1} ms{cpu} (baseline {baseline.RequestsPerSecond:F0} req/s{baselineCpu})"));
            }

            if (options.WritesOnly || options.Only is null || "Filing a report, Taking a step".Contains(options.Only, StringComparison.OrdinalIgnoreCase))
            {
                results.AddRange(await WriteScenarios.MeasureAsync(bareUrl, password, options.Connections, options.Warmup, options.Seconds,
                    () => PendingDocumentsAsync(env), server0.Id));
            }
            if (peerRuns is not null && options.Peer is { } peer)
            {
                // Never fails the run: the peer is another program (benchmarks/redmine), proven where it is installed.
                Console.WriteLine($"Against the peer at {peer.Url} (interleaved) …");
                try
                {
                    peerRuns.Add(await PeerScenarios.RunAsync(peer, bareUrl, clients[0], password, firstTargets!.ListPage, options.Reports, options.Connections,
                        options.Warmup, options.Seconds, server0.Id, () => PendingDocumentsAsync(env)));
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or IOException)
                {
                    Console.WriteLine($"Redmine peer: failed ({ex.Message})");
                }
            }

            var memory = ProcessMemory.Read(server0.Id);
            foreach (var other in servers.Skip(1))
            {
                var more = ProcessMemory.Read(other.Id);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  another instance (pid {other.Id}): peak RSS {more.PeakMb:F0} MB, at end {more.CurrentMb:F0} MB"));
            }
            var report = new BenchmarkReport(DateTime.UtcNow, Environment.ProcessorCount, Environment.Version.ToString(), LoadAverage(),
                options.Reports, options.Connections, options.Seconds, generateSeconds, firstPage.TotalSeconds, memory.PeakMb, memory.CurrentMb,
                results, databaseMb()) { Database = database };
            return (report, results.Sum(r => r.Page.Errors + r.Baseline.Errors));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
            foreach (var server in servers)
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true);
                    await server.WaitForExitAsync();
                }
                server.Dispose();
            }
        }
    }

    private static async Task RecreateDatabaseAsync(string postgres)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
        var name = builder.Database ?? throw new FormatException("--postgres needs a Database=… in its connection string.");
        if (name is "postgres" or "template0" or "template1") throw new FormatException("--postgres must name a database of its own (it is dropped and created).");
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\"" })
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static double PostgresSizeMb(string postgres)
    {
        using var connection = new Npgsql.NpgsqlConnection(postgres);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)command.ExecuteScalar()! / 1024d / 1024d;
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            if (i < 0) return null;
            return i + 1 < args.Length ? args[i + 1] : throw new FormatException($"{name} needs a value.");
        }
        double Number(string name, double fallback, double min)
        {
            var text = Value(name);
            if (text is null) return fallback;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min)
                throw new FormatException($"{name} must be a number of at least {min}.");
            return v;
        }
        foreach (var a in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            if (a is not ("--reports" or "--seconds" or "--warmup" or "--connections" or "--seed" or "--app" or "--db" or "--reuse-db" or "--out" or "--postgres"
                or "--postgres-instances" or "--reuse-postgres" or "--no-fresh-start" or "--fresh-seconds" or "--fresh-only" or "--only" or "--writes-only")
                && !PeerOptions.OptionNames.Contains(a))
                throw new FormatException($"Unknown option {a}.");
        }
        return new Options((int)Number("--reports", 100_000, 1), Number("--seconds", 10, 0.2), Number("--warmup", 2, 0),
            (int)Number("--connections", 8, 1), (int)Number("--seed", 42, int.MinValue), Value("--app"), Value("--db"),
            args.Contains("--reuse-db"), Value("--out") ?? Path.Combine("artifacts", "benchmark.json"),
            Value("--postgres") ?? (Environment.GetEnvironmentVariable("NM_BENCH_POSTGRES") is { Length: > 0 } pg ? pg : null),
            (int)Number("--postgres-instances", 1, 1), !args.Contains("--no-fresh-start") || args.Contains("--fresh-only"), Number("--fresh-seconds", 5, 0.2),
            args.Contains("--fresh-only"), PeerOptions.From(Value), Value("--only"), args.Contains("--writes-only"),
            args.Contains("--reuse-postgres"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetworkMaintenance.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run from inside the repository (NetworkMaintenance.sln not found).");
    }

    private static async Task RunToEndAsync(string file, string[] arguments, string workingDirectory, IReadOnlyDictionary<string, string> env)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
    }

    private static Process StartServer(string app, Uri url, IReadOnlyDictionary<string, string> env, string logPath)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(app, "NetworkMaintenance.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url.ToString().TrimEnd('/'));
        foreach (var (k, v) in env) info.Environment[k] = v;
        var process = Process.Start(info)!;
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is null) return;
            lock (gate) log.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<TimeSpan> WaitForFirstPageAsync(Uri baseUrl, Process server, TimeSpan timeout)
    {
        var started = server.StartTime.ToUniversalTime();
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (server.HasExited) throw new InvalidOperationException($"The app exited with {server.ExitCode} before serving a page.");
            try
            {
                using var response = await client.GetAsync("/masuk");
                if (response.StatusCode == HttpStatusCode.OK) return DateTime.UtcNow - started;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // A first request slower than the client's timeout (a busy machine): ask again until the deadline.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("The app did not serve /masuk in time.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private sealed record Scenario(string Name, HttpClient Client, Func<HttpRequestMessage> Request, string Baseline,
        Func<HttpRequestMessage>? BaselineRequest = null);

    /// <summary>What the runner measures on: a closed report with a Berita Acara pekerjaan, found through the app's own pages.</summary>
    private sealed partial record Targets(int ReportId, string Number, string TrackingCode, int DocumentId, int ListPage, string TrackToken)
    {
        public HttpRequestMessage TrackRequest() => new(HttpMethod.Post, "/lacak")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Nomor"] = Number, ["Kode"] = TrackingCode, ["__RequestVerificationToken"] = TrackToken,
            }),
        };

        public static async Task<Targets> FindAsync(HttpClient staff, HttpClient visitor)
        {
            var list = await staff.GetStringAsync("/laporan?status=Closed");
            var total = int.Parse(TotalRegex().Match(list) is { Success: true } m ? m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal) : "0",
                CultureInfo.InvariantCulture);
            var listPage = Math.Clamp((total + 24) / 25, 1, 50);
            foreach (Match link in ReportLinkRegex().Matches(list))
            {
                var id = int.Parse(link.Groups[1].Value, CultureInfo.InvariantCulture);
                var page = await staff.GetStringAsync($"/laporan/{id}");
                var code = TrackingCodeRegex().Match(page);
                var number = NumberRegex().Match(page);
                if (!code.Success || !number.Success) continue;
                foreach (Match doc in DocumentLinkRegex().Matches(page).Where(d => d.Groups[1].Value == link.Groups[1].Value))
                {
                    var documentId = int.Parse(doc.Groups[2].Value, CultureInfo.InvariantCulture);
                    using var response = await staff.GetAsync($"/laporan/{id}/dokumen/{documentId}");
                    var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "";
                    if (response.IsSuccessStatusCode && name.Trim('"').StartsWith("berita-acara-pekerjaan", StringComparison.Ordinal))
                    {
                        var token = await LoadDriver.AntiforgeryTokenAsync(visitor, "/lacak");
                        return new Targets(id, number.Value, code.Groups[1].Value, documentId, listPage, token);
                    }
                }
            }
            throw new InvalidOperationException("No closed report with a Berita Acara pekerjaan was found on the first list page.");
        }

        [GeneratedRegex(@"href=""/laporan/(\d+)""")]
        private static partial Regex ReportLinkRegex();

        [GeneratedRegex(@"/laporan/(\d+)/dokumen/(\d+)""")]
        private static partial Regex DocumentLinkRegex();

        [GeneratedRegex(@"data-testid=""tracking-code"">([A-Z0-9]+)<")]
        private static partial Regex TrackingCodeRegex();

        [GeneratedRegex(@"GJ-\d{4}-\d{6}")]
        private static partial Regex NumberRegex();

        // "lebih dari 10.000" past the list's counting cap (ReportCount): the capped count is enough for a page number.
        [GeneratedRegex(@"data-testid=""total"">(?:lebih dari )?([\d.,]+)<")]
        private static partial Regex TotalRegex();
    }
}
