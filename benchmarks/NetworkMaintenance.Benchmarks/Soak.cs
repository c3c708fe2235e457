using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Benchmarks;

/// <summary>
/// Soak test over real HTTP: N simulated users each file a report and walk it to Closed through every official
/// (Kadis, Kabid, Kasi, teknisi, the reporter), for M minutes, posting every form with its antiforgery token; one
/// step in ten is double-submitted from two browsers at once. At the end the database is checked: no 5xx, every
/// event chain valid, exactly one event per confirmed transition, no number taken twice or skipped (reports and
/// documents), every step's documents issued. Exits 1 on any violation, 2 on bad arguments.
/// <code>
/// dotnet run -c Release --project benchmarks/NetworkMaintenance.Benchmarks -- soak --users 8 --minutes 3
/// dotnet run -c Release --project benchmarks/NetworkMaintenance.Benchmarks -- soak --base-url http://127.0.0.1:5080 --database src/NetworkMaintenance.Web/App_Data/networkmaintenance.db
/// dotnet run -c Release --project benchmarks/NetworkMaintenance.Benchmarks -- soak --base-url http://127.0.0.1:5081 --base-url http://127.0.0.1:5082 --postgres "Host=…;Database=…;Username=…"
/// </code>
/// Several <c>--base-url</c>s spread the users over several instances of one database (user i on instance i mod n; its
/// double posts go to the next instance); <c>--postgres</c> names that database when it is PostgreSQL.
/// Without <c>--base-url</c> it builds and starts the app itself (Release, Staging environment with the demo accounts,
/// a fresh database in a temporary folder, a free loopback port) and stops it at the end. It never talks to anything
/// but this machine: a base URL other than localhost, 127.0.0.1 or ::1 is refused.
/// </summary>
internal static partial class Soak
{
    private const string Password = "Demo#2026pass";
    private const string ConflictText = "baru saja diproses oleh orang lain";
    private static readonly string[] Accounts = ["pelapor", "pelapor.dinkes", "kadis", "kabid", "kasi", "teknisi"];

    public static async Task<int> RunAsync(string[] args)
    {
        SoakOptions options;
        try
        {
            options = SoakOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine("soak: " + ex.Message);
            Console.Error.WriteLine("usage: soak [--users N (1-64, 8)] [--minutes M (0.05-60, 3)] [--max-requests R (200000)] [--seed S]");
            Console.Error.WriteLine("            [--base-url http://127.0.0.1:PORT ... (--database PATH/networkmaintenance.db | --postgres CONNECTION)] [--no-build]");
            return 2;
        }

        using var app = options.BaseUrls.Count == 0 ? await AppUnderTest.StartAsync(options.NoBuild) : null;
        IReadOnlyList<Uri> baseAddresses = app is null ? options.BaseUrls : [app.BaseAddress];
        var database = new SoakDatabase(app?.DatabasePath ?? options.Database, options.Postgres);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Soak: {options.Users} users for {options.Minutes} min (at most {options.MaxRequests} requests) against {string.Join(", ", baseAddresses)}, database {database}"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}");

        var run = new SoakRun(baseAddresses, options, await UserIdsAsync(database));
        await run.SignInAsync();
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(options.Minutes));
        var users = Enumerable.Range(0, options.Users).Select(i => Task.Run(() => run.UserAsync(i, stop.Token))).ToArray();
        await Task.WhenAll(users);
        var elapsed = watch.Elapsed;
        Console.WriteLine($"Load average after the run: {LoadAverage()}");

        var violations = run.Violations.ToList();
        violations.AddRange(await CheckDatabaseAsync(database, run));
        run.PrintSummary(elapsed);
        if (violations.Count == 0)
        {
            Console.WriteLine("RESULT: OK: zero 5xx, zero lost or duplicated transitions, no duplicate or skipped numbers.");
            return 0;
        }
        Console.WriteLine($"RESULT: {violations.Count} violation(s):");
        foreach (var v in violations.Take(50)) Console.WriteLine("  - " + v);
        return 1;
    }

    /// <summary>Checks what the database holds against what the users were told.</summary>
    private static async Task<List<string>> CheckDatabaseAsync(SoakDatabase database, SoakRun run)
    {
        var problems = new List<string>();
        if (database.SqlitePath is { } databasePath)
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var integrity = (string?)await command.ExecuteScalarAsync();
            if (integrity != "ok") problems.Add("integrity_check: " + integrity);
        }

        await using var db = database.Open();
        var reports = await db.Reports.AsNoTracking().Select(r => new { r.Id, r.Number, r.Status, r.ReceivedAtUtc }).ToListAsync();
        var events = (await db.ReportEvents.AsNoTracking().ToListAsync()).OrderBy(e => e.Id).ToLookup(e => e.ReportId);
        var documents = (await db.IssuedDocuments.AsNoTracking()
            .Select(d => new { d.Id, d.ReportId, d.Type, d.Number, d.Version, d.IsSuperseded, d.IssuedAtUtc }).ToListAsync()).OrderBy(d => d.Id).ToList();
        var sequences = await db.NumberSequences.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.LastValue);

        // Exactly one event per transition the app confirmed (the run's own reports), none for the refused double posts.
        var ours = run.Submitted.Keys.ToHashSet();
        var submitEvents = events.Where(g => ours.Contains(g.Key)).SelectMany(g => g).Count(e => e.Action == WorkflowAction.Submit);
        var stepEvents = events.Where(g => ours.Contains(g.Key)).SelectMany(g => g).Count(e => e.Action != WorkflowAction.Submit);
        if (submitEvents != run.Submitted.Count) problems.Add($"{run.Submitted.Count} reports acknowledged, {submitEvents} Submit events recorded");
        if (stepEvents != run.ConfirmedSteps)
            problems.Add($"{run.ConfirmedSteps} transitions confirmed, {stepEvents} recorded (unknown outcomes: {run.UnknownOutcomes})");
        foreach (var (id, number) in run.Submitted)
        {
            if (!reports.Any(r => r.Id == id && r.Number == number)) problems.Add($"acknowledged report {number} (id {id}) is missing");
        }

        foreach (var report in reports)
        {
            var chain = events[report.Id].ToList();
            if (chain.Count == 0 || chain[0].Action != WorkflowAction.Submit || chain[0].FromStatus is not null)
            {
                problems.Add($"{report.Number}: does not start with its Submit event");
                continue;
            }
            for (var i = 1; i < chain.Count; i++)
            {
                if (chain[i].FromStatus != chain[i - 1].ToStatus)
                    problems.Add($"{report.Number}: event {chain[i].Id} {chain[i].Action} starts from {chain[i].FromStatus}, the previous ended in {chain[i - 1].ToStatus}");
            }
            if (chain[^1].ToStatus != report.Status) problems.Add($"{report.Number}: status {report.Status}, last event ends in {chain[^1].ToStatus}");

            var expected = chain.SelectMany(e => DocumentTriggers.After(e).Select(type => (Type: type, e.AtUtc))).ToList();
            var issued = documents.Where(d => d.ReportId == report.Id).Select(d => (d.Type, d.IssuedAtUtc)).ToList();
            foreach (var want in expected)
            {
                if (!issued.Remove(want)) problems.Add($"{report.Number}: the {want.Type} of the step at {want.AtUtc:O} is missing");
            }
            foreach (var extra in issued) problems.Add($"{report.Number}: a {extra.Type} at {extra.IssuedAtUtc:O} belongs to no step");
            foreach (var type in documents.Where(d => d.ReportId == report.Id).GroupBy(d => d.Type))
            {
                if (!type.Select(d => d.Version).SequenceEqual(Enumerable.Range(1, type.Count())) || type.Count(d => !d.IsSuperseded) != 1)
                    problems.Add($"{report.Number}: {type.Key} versions are not 1..n with one current");
            }
        }

        if (reports.Select(r => r.Number).Distinct().Count() != reports.Count) problems.Add("a report number is used twice");
        foreach (var year in reports.GroupBy(r => Wib.FromUtc(r.ReceivedAtUtc).Year))
        {
            var numbers = year.Select(r => int.Parse(r.Number[^6..], CultureInfo.InvariantCulture)).Order().ToList();
            if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count))) problems.Add($"report numbers of {year.Key} are not 1..{numbers.Count}");
            if (sequences.GetValueOrDefault($"{Report.NumberPrefix}-{year.Key}") != numbers.Count) problems.Add($"report counter of {year.Key} is not {numbers.Count}");
        }
        foreach (var type in documents.GroupBy(d => d.Type))
        {
            if (type.Select(d => d.Number).Distinct().Count() != type.Count()) problems.Add($"a {type.Key} number is used twice");
            if (type.Key == DocumentType.Receipt) continue;
            foreach (var year in type.GroupBy(d => Wib.DateOf(d.IssuedAtUtc).Year))
            {
                if (sequences.GetValueOrDefault(type.Key.SequenceName(year.Key)) != year.Count())
                    problems.Add($"{type.Key} counter of {year.Key} is not {year.Count()} (numbers skipped or reused)");
            }
        }

        Console.WriteLine($"Database: {reports.Count} reports ({reports.Count(r => r.Status == ReportStatus.Closed)} closed), " +
            $"{events.Sum(g => g.Count())} events, {documents.Count} documents");
        return problems;
    }

    private static async Task<Dictionary<string, string>> UserIdsAsync(SoakDatabase database)
    {
        await using var db = database.Open();
        var ids = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id);
        foreach (var account in Accounts)
        {
            if (!ids.ContainsKey(account)) throw new InvalidOperationException($"The database has no demo account '{account}' (start the app with Demo:Enabled=true outside Production).");
        }
        return ids;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private sealed record Step(string User, WorkflowAction Action, Func<Dictionary<string, string>, (string, string)[]> Fields);

    /// <summary>From a new report to Closed, with realistic inputs.</summary>
    private static readonly Step[] Walk =
    [
        new("kadis", WorkflowAction.Dispose, p => [("TargetUserId", p["kabid"]), ("Instructions", "UntukDitindaklanjuti"), ("Note", "Mohon segera ditangani")]),
        new("kabid", WorkflowAction.Verify, p => [("TargetUserId", p["kasi"]), ("Instructions", "LaporkanHasilnya")]),
        new("kasi", WorkflowAction.Assign, p => [("TechnicianIds", p["teknisi"]), ("LeadUserId", p["teknisi"]), ("Note", "Cek switch lantai 2")]),
        new("teknisi", WorkflowAction.StartDiagnosis, _ => []),
        new("teknisi", WorkflowAction.DiagnoseInDataCenter, _ => [("FaultType", "Koneksi terputus"), ("FaultLocation", "Core switch Data Center"), ("Findings", "Port uplink tidak menyala")]),
        new("teknisi", WorkflowAction.CompleteWork, _ => [("ActionsTaken", "Mengganti kabel patch"), ("RootCause", "Kabel patch rusak"), ("Devices[0].Name", "Kabel patch Cat6"), ("Devices[0].Condition", "RusakRingan")]),
        new("pelapor", WorkflowAction.Acknowledge, _ => [("Note", "Sudah normal")]),
        new("kasi", WorkflowAction.Approve, _ => []),
        new("kabid", WorkflowAction.Approve, _ => []),
        new("kadis", WorkflowAction.Approve, _ => [("Note", "Baik")]),
    ];

    /// <summary>The simulated users, what they were told, and the request statistics.</summary>
    /// <summary>The database the soak checks at the end: the app's SQLite file, or a PostgreSQL database.</summary>
    private sealed record SoakDatabase(string? SqlitePath, string? Postgres)
    {
        public AppDbContext Open()
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            if (Postgres is not null) options.UseNpgsql(Postgres);
            else options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = SqlitePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            return new AppDbContext(options.Options);
        }

        public override string ToString() => Postgres is null ? SqlitePath! : "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(Postgres) { Password = null };
    }

    private sealed partial class SoakRun(IReadOnlyList<Uri> baseAddresses, SoakOptions options, Dictionary<string, string> people)
    {
        private readonly Uri baseAddress = baseAddresses[0];
        private readonly Dictionary<string, CookieCollection> _signIns = [];
        private readonly ConcurrentBag<(string Kind, double Ms)> _latencies = [];
        private readonly ConcurrentDictionary<string, int> _statusClasses = new();
        private long _requests;
        private int _confirmedSteps;
        private int _unknownOutcomes;
        private int _doublePosts;

        public Uri BaseAddress => baseAddress;
        public ConcurrentDictionary<int, string> Submitted { get; } = new();
        public ConcurrentQueue<string> Violations { get; } = new();
        public int ConfirmedSteps => _confirmedSteps;
        public int UnknownOutcomes => _unknownOutcomes;

        public async Task SignInAsync()
        {
            foreach (var account in Accounts)
            {
                using var browser = new Browser(this, new CookieContainer(), baseAddress);
                var token = Token(await browser.GetPageAsync("/masuk", "page"), "/masuk");
                using var response = await browser.PostAsync("/masuk", token, [("UserName", account), ("Password", Password)], "login");
                if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {account} answered {(int)response.StatusCode}.");
                _signIns[account] = browser.Cookies.GetCookies(baseAddress);
            }
        }

        /// <summary>One simulated user: files a report, walks it to Closed through every official, again and again.</summary>
        public async Task UserAsync(int index, CancellationToken stop)
        {
            var random = new Random(options.Seed + index);
            // User i works on instance i mod n; its second browser (the double posts) on the next instance.
            var home = baseAddresses[index % baseAddresses.Count];
            var other = baseAddresses[(index + 1) % baseAddresses.Count];
            var browsers = Accounts.ToDictionary(a => a, a => BrowserOf(a, home));
            var twins = Accounts.ToDictionary(a => a, a => BrowserOf(a, other)); // a second browser of the same person
            try
            {
                while (!stop.IsCancellationRequested && !Exhausted)
                {
                    var reporter = index % 2 == 0 ? "pelapor" : "pelapor.dinkes";
                    var report = await SubmitAsync(browsers[reporter]);
                    if (report is null) return;
                    foreach (var step in Walk)
                    {
                        if (stop.IsCancellationRequested || Exhausted) return;
                        var user = step.User == "pelapor" ? reporter : step.User;
                        // People look around between steps: their task list or the dashboard.
                        await browsers[user].GetPageAsync(random.Next(2) == 0 ? "/tugas" : "/", "page");
                        var doubleClick = random.Next(10) == 0;
                        if (!await StepAsync(browsers[user], doubleClick ? twins[user] : null, report.Value, step)) return;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException)
            {
                Violations.Enqueue($"user {index}: {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                foreach (var b in browsers.Values.Concat(twins.Values)) b.Dispose();
            }
        }

        private bool Exhausted => Interlocked.Read(ref _requests) >= options.MaxRequests;

        private async Task<(int Id, string Number)?> SubmitAsync(Browser browser)
        {
            var token = Token(await browser.GetPageAsync("/laporan/baru", "page"), "/laporan/baru");
            using var response = await browser.PostAsync("/laporan/baru", token,
            [
                ("ReporterName", "Rina Marlina"), ("ReporterPhone", "0812 6000 0100"), ("Location", "Gedung utama lantai 2"),
                ("Category", nameof(FaultCategory.NoInternet)), ("Description", "Internet di ruang kepegawaian mati sejak pagi"),
                ("ConfirmDuplicate", "true"),
            ], "submit");
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !ReportUrl().IsMatch(location))
            {
                Violations.Enqueue($"new report answered {(int)response.StatusCode} {location}");
                return null;
            }
            var id = int.Parse(location["/laporan/".Length..], CultureInfo.InvariantCulture);
            var number = ReportNumber().Match(await browser.GetPageAsync(location, "page")).Value;
            Submitted[id] = number;
            return (id, number);
        }

        /// <summary>Opens the step form and posts it (from two browsers at once when <paramref name="twin"/> is given).</summary>
        private async Task<bool> StepAsync(Browser browser, Browser? twin, (int Id, string Number) report, Step step)
        {
            var url = $"/laporan/{report.Id}/langkah/{step.Action}";
            var html = await browser.GetPageAsync(url, "page");
            var fields = step.Fields(people).Append(("Version", InputValue(html, "Version"))).ToArray();
            var token = Token(html, url);
            if (twin is null)
            {
                var outcome = await PostStepAsync(browser, url, token, fields, report);
                if (outcome != Outcome.Confirmed) Violations.Enqueue($"{step.Action} on {report.Number}: {outcome}");
                return outcome == Outcome.Confirmed;
            }

            // A double click: the same form (same version) posted twice at once. Exactly one may be recorded.
            Interlocked.Increment(ref _doublePosts);
            var twinHtml = await twin.GetPageAsync(url, "page");
            var twinToken = Token(twinHtml, url);
            var outcomes = await Task.WhenAll(PostStepAsync(browser, url, token, fields, report), PostStepAsync(twin, url, twinToken, fields, report));
            if (outcomes.Count(o => o == Outcome.Confirmed) != 1 || outcomes.Count(o => o == Outcome.Conflict) != 1)
            {
                Violations.Enqueue($"double post of {step.Action} on {report.Number}: {outcomes[0]} and {outcomes[1]}");
                return outcomes.Contains(Outcome.Confirmed);
            }
            return true;
        }

        private async Task<Outcome> PostStepAsync(Browser browser, string url, string token, (string, string)[] fields, (int Id, string Number) report)
        {
            using var response = await browser.PostAsync(url, token, fields, "step");
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != $"/laporan/{report.Id}")
            {
                return Outcome.Refused;
            }
            var page = await browser.GetPageAsync($"/laporan/{report.Id}", "page");
            if (page.Contains($"Status laporan {report.Number} sekarang", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _confirmedSteps);
                return Outcome.Confirmed;
            }
            if (page.Contains(ConflictText, StringComparison.Ordinal)) return Outcome.Conflict;
            Interlocked.Increment(ref _unknownOutcomes);
            return Outcome.Unknown;
        }

        private Browser BrowserOf(string account, Uri address)
        {
            // The sign-in cookie of the first instance: every instance on the database accepts it.
            var jar = new CookieContainer();
            foreach (Cookie cookie in _signIns[account]) jar.Add(address, new Cookie(cookie.Name, cookie.Value, "/"));
            return new Browser(this, jar, address);
        }

        public void Record(string kind, HttpStatusCode? status, double ms)
        {
            Interlocked.Increment(ref _requests);
            _latencies.Add((kind, ms));
            var key = status is { } s ? $"{(int)s / 100}xx" : "error";
            _statusClasses.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (status is null || (int)status >= 500) Violations.Enqueue($"{kind} answered {(status is null ? "no response" : ((int)status).ToString(CultureInfo.InvariantCulture))}");
        }

        public void PrintSummary(TimeSpan elapsed)
        {
            var all = _latencies.ToList();
            var culture = CultureInfo.InvariantCulture;
            Console.WriteLine();
            Console.WriteLine(string.Create(culture, $"Requests: {all.Count} in {elapsed.TotalSeconds:F0} s ({all.Count / elapsed.TotalSeconds:F1}/s); " +
                $"reports filed {Submitted.Count}, transitions confirmed {_confirmedSteps}, double posts {_doublePosts}, unknown outcomes {_unknownOutcomes}"));
            Console.WriteLine("Status classes: " + string.Join(", ", _statusClasses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
            Console.WriteLine();
            Console.WriteLine("| Requests | Count | p50 (ms) | p90 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var group in all.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(all.GroupBy(_ => "all").Single()))
            {
                var ms = group.Select(l => l.Ms).Order().ToArray();
                double P(double q) => ms[Math.Min(ms.Length - 1, (int)(q * ms.Length))];
                Console.WriteLine(string.Create(culture, $"| {group.Key} | {ms.Length} | {P(0.50):F0} | {P(0.90):F0} | {P(0.95):F0} | {P(0.99):F0} | {ms[^1]:F0} |"));
            }
            Console.WriteLine();
        }

        private enum Outcome
        {
            Confirmed,
            Conflict,
            Refused,
            Unknown,
        }

        [GeneratedRegex("^/laporan/[0-9]+$")]
        private static partial Regex ReportUrl();

        [GeneratedRegex("GJ-[0-9]{4}-[0-9]{6}")]
        private static partial Regex ReportNumber();
    }

    /// <summary>One browser: its own cookie jar, no automatic redirects; every request timed and counted.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly HttpClient _client;
        private readonly SoakRun _run;

        public Browser(SoakRun run, CookieContainer cookies, Uri baseAddress)
        {
            _run = run;
            Cookies = cookies;
            _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
            {
                BaseAddress = baseAddress,
                Timeout = TimeSpan.FromSeconds(60),
            };
        }

        public CookieContainer Cookies { get; }

        public async Task<string> GetPageAsync(string url, string kind)
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative)), kind);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
            return html;
        }

        public Task<HttpResponseMessage> PostAsync(string url, string token, IEnumerable<(string, string)> fields, string kind) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))
                    .Append(new("__RequestVerificationToken", token))),
            }, kind);

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string kind)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await _client.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                _run.Record(kind, response.StatusCode, watch.Elapsed.TotalMilliseconds);
                return response;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                _run.Record(kind, null, watch.Elapsed.TotalMilliseconds);
                throw;
            }
            finally
            {
                request.Dispose();
            }
        }

        public void Dispose() => _client.Dispose();
    }

    private static string Token(string html, string formAction)
    {
        var form = Regex.Matches(html, "<form(?<attrs>[^>]*)>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2))
            .FirstOrDefault(m => WebUtility.HtmlDecode(Attribute(m.Groups["attrs"].Value, "action") ?? "") == formAction)
            ?? throw new InvalidOperationException($"No form posting to {formAction}.");
        return InputValue(form.Value, "__RequestVerificationToken");
    }

    private static string InputValue(string html, string name)
    {
        foreach (Match input in Regex.Matches(html, "<input(?<attrs>[^>]*)/?>", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2)))
        {
            if (Attribute(input.Groups["attrs"].Value, "name") == name) return WebUtility.HtmlDecode(Attribute(input.Groups["attrs"].Value, "value") ?? "");
        }
        throw new InvalidOperationException($"No input named {name}.");
    }

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $"(?:^|\\s){Regex.Escape(name)}\\s*=\\s*\"(?<v>[^\"]*)\"", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));
        return match.Success ? match.Groups["v"].Value : null;
    }

    /// <summary>Command-line options, with the bounds that keep a soak from running away.</summary>
    private sealed record SoakOptions(int Users, double Minutes, long MaxRequests, int Seed, IReadOnlyList<Uri> BaseUrls, string? Database,
        string? Postgres, bool NoBuild)
    {
        public static SoakOptions Parse(string[] args)
        {
            string? Value(string name)
            {
                var i = Array.IndexOf(args, name);
                if (i < 0) return null;
                return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            }
            var known = new[] { "--users", "--minutes", "--max-requests", "--seed", "--base-url", "--database", "--postgres", "--no-build" };
            foreach (var arg in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
            {
                if (!known.Contains(arg)) throw new ArgumentException($"unknown option {arg}.");
            }

            var users = int.Parse(Value("--users") ?? "8", CultureInfo.InvariantCulture);
            var minutes = double.Parse(Value("--minutes") ?? "3", CultureInfo.InvariantCulture);
            var maxRequests = long.Parse(Value("--max-requests") ?? "200000", CultureInfo.InvariantCulture);
            var seed = int.Parse(Value("--seed") ?? "2026", CultureInfo.InvariantCulture);
            if (users is < 1 or > 64) throw new ArgumentException("--users must be between 1 and 64.");
            if (minutes is < 0.05 or > 60) throw new ArgumentException("--minutes must be between 0.05 and 60.");
            if (maxRequests is < 1 or > 10_000_000) throw new ArgumentException("--max-requests must be between 1 and 10000000.");

            var baseUrls = new List<Uri>();
            var database = Value("--database");
            var postgres = Value("--postgres");
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] != "--base-url") continue;
                var url = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException("--base-url needs a value.");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                    throw new ArgumentException($"--base-url {url} is not an http(s) address.");
                if (baseUrl.Host is not ("localhost" or "127.0.0.1" or "[::1]"))
                    throw new ArgumentException($"--base-url must be localhost, 127.0.0.1 or [::1]; refusing {baseUrl.Host}.");
                baseUrls.Add(baseUrl);
            }
            if (baseUrls.Count > 0)
            {
                if ((database is null) == (postgres is null) || (database is not null && !File.Exists(database)))
                    throw new ArgumentException("--base-url needs either --database with the path of that app's SQLite file or --postgres with its PostgreSQL connection string, for the final checks.");
            }
            else if (database is not null || postgres is not null)
            {
                throw new ArgumentException("--database and --postgres go with --base-url; without it the soak starts its own app on a fresh database.");
            }
            return new SoakOptions(users, minutes, maxRequests, seed, baseUrls, database, postgres, args.Contains("--no-build"));
        }
    }

    /// <summary>The app started by the soak: Release build, Staging, a fresh temporary database, a free loopback port.</summary>
    private sealed class AppUnderTest : IDisposable
    {
        private readonly Process _process;
        private readonly string _dataDirectory;
        private readonly StringBuilder _output = new();

        private AppUnderTest(Process process, Uri baseAddress, string dataDirectory)
        {
            _process = process;
            BaseAddress = baseAddress;
            _dataDirectory = dataDirectory;
        }

        public Uri BaseAddress { get; }
        public string DatabasePath => Path.Combine(_dataDirectory, "networkmaintenance.db");

        public static async Task<AppUnderTest> StartAsync(bool noBuild)
        {
            var root = RepositoryRoot();
            var webProject = Path.Combine(root, "src", "NetworkMaintenance.Web");
            if (!noBuild)
            {
                Console.WriteLine("Building the web app (Release)…");
                using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", webProject, "-c", "Release", "-v", "q", "-nologo"]))!;
                await build.WaitForExitAsync();
                if (build.ExitCode != 0) throw new InvalidOperationException("dotnet build failed.");
            }
            var dll = Path.Combine(webProject, "bin", "Release", "net10.0", "NetworkMaintenance.Web.dll");
            if (!File.Exists(dll)) throw new FileNotFoundException("Build the web app first (Release).", dll);

            var dataDirectory = Path.Combine(Path.GetTempPath(), "nm-soak-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dataDirectory);
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = webProject,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { dll, $"--urls={baseAddress.ToString().TrimEnd('/')}", "--Database:Provider=Sqlite",
                         $"--Database:DataDirectory={dataDirectory}", "--ConnectionStrings:Sqlite=", "--Demo:Enabled=true",
                         "--Serilog:MinimumLevel:Default=Warning" })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
            start.Environment["DOTNET_ENVIRONMENT"] = "Staging";
            start.Environment["Security__RequireHttps"] = "false"; // plain HTTP on the loopback interface
            // Many simulated people sign in from the one loopback address within a minute.
            start.Environment["RateLimiting__LoginPermitLimitPerIp"] = "100000";
            start.Environment["RateLimiting__LoginPermitLimitPerUser"] = "100000";
            Http.ShippedEnvironment.Apply(root, start.Environment!);
            var process = Process.Start(start)!;
            var app = new AppUnderTest(process, baseAddress, dataDirectory);
            process.OutputDataReceived += (_, e) => app.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (process.HasExited) throw new InvalidOperationException("The app exited while starting:\n" + app._output);
                try
                {
                    using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                    if (health.IsSuccessStatusCode) return app;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }
                await Task.Delay(250);
            }
            app.Dispose();
            throw new TimeoutException("The app did not become healthy within 2 minutes.");
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            lock (_output)
            {
                _output.AppendLine(line);
                if (_output.Length > 20_000) _output.Remove(0, 10_000);
            }
        }

        private static string RepositoryRoot()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "NetworkMaintenance.sln"))) return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException("Run the soak from inside the repository (NetworkMaintenance.sln not found).");
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(10_000);
            _process.Dispose();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
