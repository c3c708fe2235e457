using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>Where the peer (Redmine, benchmarks/redmine/redmine.sh) listens and whom to sign in as.</summary>
public sealed record PeerOptions(Uri Url, string User, string Password)
{
    public const string Usage = "[--peer URL (--peer-user U --peer-password P | --peer-credentials FILE)]";

    public static readonly string[] OptionNames = ["--peer", "--peer-user", "--peer-password", "--peer-credentials"];

    /// <summary>The peer options of the command line; null without --peer. A credentials file holds login=… and password=… lines.</summary>
    public static PeerOptions? From(Func<string, string?> value)
    {
        if (value("--peer") is not { } url) return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.IsLoopback || uri.Host == "127.0.0.1"))
            throw new FormatException("--peer must be an http:// URL on the loopback interface.");
        var user = value("--peer-user");
        var password = value("--peer-password");
        if (value("--peer-credentials") is { } file)
        {
            if (!File.Exists(file)) throw new FormatException($"--peer-credentials: {file} not found (benchmarks/redmine/redmine.sh fill writes it).");
            var lines = File.ReadAllLines(file).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
            user ??= lines.GetValueOrDefault("login");
            password ??= lines.GetValueOrDefault("password");
        }
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
            throw new FormatException("--peer needs --peer-user and --peer-password, or --peer-credentials FILE.");
        return new PeerOptions(uri, user, password);
    }
}

/// <summary>
/// One page of ours next to its counterpart on the peer, measured one right after the other. The ratio is of successful
/// requests: Redmine on SQLite answers part of its concurrent issue creations at once with a 500 ("database is locked"),
/// and an issue not created is no throughput.
/// </summary>
public sealed record PeerRow(string Ours, string Peer, Measurement OursResult, Measurement PeerResult, double TargetRatio)
{
    public double Ratio => PeerResult.SucceededPerSecond == 0 ? 0 : OursResult.SucceededPerSecond / PeerResult.SucceededPerSecond;

    public bool Met => Ratio >= TargetRatio && OursResult.P95 < PeerResult.P95 && OursResult.Errors == 0;
}

/// <summary>The comparison with the peer: written next to artifacts/benchmark.json and printed as a markdown table.</summary>
public sealed record PeerComparison(DateTime RunAtUtc, string PeerName, Uri PeerUrl, int Reports, int PeerIssues, int Connections,
    double SecondsPerPage, string LoadAverageBefore, string LoadAverageAfter, IReadOnlyList<PeerRow> Rows, double OursPeakRssMb,
    double PeerPeakRssMb, double PeerRssAtStartMb, int PeerProcesses)
{
    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Ours ({Reports} reports) against {PeerName} ({PeerIssues} issues) at {PeerUrl}, {Connections} connections, {SecondsPerPage:0.#} s per page, interleaved (ours, then the peer, page by page); load average before {LoadAverageBefore}, after {LoadAverageAfter}");
        text.AppendLine();
        text.AppendLine("| Ours | Peer | Ours req/s | Peer req/s | Ratio | Target | Ours p95 (ms) | Peer p95 (ms) | Ours p99 | Peer p99 | Errors (ours/peer) | Met |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        // Successful requests per second; with failures, what was answered in all follows in brackets.
        string Rate(Measurement m) => m.Errors == 0
            ? m.SucceededPerSecond.ToString("F1", c)
            : string.Create(c, $"{m.SucceededPerSecond:F1} ({m.RequestsPerSecond:F1} answered)");
        foreach (var r in Rows)
        {
            text.AppendLine(c, $"| {r.Ours} | {r.Peer} | {Rate(r.OursResult)} | {Rate(r.PeerResult)} | {r.Ratio:F1}× | ≥ {r.TargetRatio:0}× | {r.OursResult.P95:F1} | {r.PeerResult.P95:F1} | {r.OursResult.P99:F1} | {r.PeerResult.P99:F1} | {r.OursResult.Errors}/{r.PeerResult.Errors} | {(r.Met ? "yes" : "**no**")} |");
        }
        text.AppendLine();
        var peerMemory = PeerProcesses == 0
            ? "not found (no puma process listening on the peer's port)"
            : string.Create(c, $"{PeerPeakRssMb:F0} MB (sum of the RSS of {PeerProcesses} processes, puma master and workers, sampled every 100 ms; {PeerRssAtStartMb:F0} MB before the first request)");
        text.AppendLine(c, $"Peak memory: ours {OursPeakRssMb:F0} MB (VmHWM of the one process, whole run), {PeerName} {peerMemory}.");
        return text.ToString();
    }
}

/// <summary>
/// Measures ours against a Redmine filled by benchmarks/redmine/redmine.sh, pair by pair in the same window: a random
/// report page against a random issue page, the filtered report list against the filtered issue list (closed, the same
/// page number), the Kepala Dinas dashboard against "My page", filing a report (the front desk's form, antiforgery
/// token, a random OPD and category) against creating an issue (the new-issue form with its authenticity token in a
/// signed-in session, a random project and category). Both sides are signed in through their login forms. A write
/// counts as done only when it answers with the redirect to the new report or issue (its own loop: the load driver
/// counts 2xx). Redmine's memory is the sum of the RSS of the puma processes listening on the peer's port, sampled.
/// </summary>
public static partial class PeerScenarios
{
    private const double ReadTarget = 20;
    private const double WriteTarget = 5;

    public static async Task<PeerComparison> RunAsync(PeerOptions peer, Uri ours, HttpClient staff, string password, int listPage, int reports,
        int connections, double warmup, double seconds, int ourPid, Func<Task<long>>? pendingDocuments = null)
    {
        var loadBefore = LoadAverage();
        // Ours: the Kepala Dinas (reads) and the front desk (filing; it records on behalf of any OPD).
        using var frontDesk = await LoadDriver.SignInAsync(ours, "uji.petugas", password);
        var form = await frontDesk.GetStringAsync("/laporan/baru");
        var ourToken = TokenRegex().Match(form) is { Success: true } t ? WebUtility.HtmlDecode(t.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on /laporan/baru.");
        var opds = OpdOptionRegex().Matches(form).Select(m => m.Groups[1].Value).ToArray();
        if (opds.Length == 0) throw new InvalidOperationException("No OPD to choose on /laporan/baru.");

        // The peer: Redmine's login form, then the new-issue form for its authenticity token and the categories.
        using var redmine = await SignInToRedmineAsync(peer);
        var list = await redmine.GetStringAsync("/issues?set_filter=1&status_id=*");
        var peerIssues = ItemsRegex().Match(list) is { Success: true } items ? int.Parse(items.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The peer's issue list shows no total.");
        // Issues are created in (at most) eight of the projects: each needs its new-issue form read once for its categories.
        var projects = ProjectRegex().Matches(await redmine.GetStringAsync("/projects")).Select(m => m.Groups[1].Value).Where(p => p != "new").Distinct().Take(8).ToArray();
        if (projects.Length == 0) throw new InvalidOperationException("The peer's user sees no project.");
        var newIssue = await redmine.GetStringAsync($"/projects/{projects[0]}/issues/new");
        var peerToken = RailsTokenRegex().Match(newIssue) is { Success: true } rt ? WebUtility.HtmlDecode(rt.Groups[1].Value)
            : throw new InvalidOperationException("No authenticity token on the peer's new-issue form.");
        var categoriesByProject = new Dictionary<string, string[]>();
        foreach (var project in projects)
        {
            var page = project == projects[0] ? newIssue : await redmine.GetStringAsync($"/projects/{project}/issues/new");
            categoriesByProject[project] = CategorySelectRegex().Match(page) is { Success: true } select
                ? OptionValueRegex().Matches(select.Groups[1].Value).Select(m => m.Groups[1].Value).Where(v => v.Length > 0).ToArray()
                : [];
        }

        var c = CultureInfo.InvariantCulture;
        using var memory = PeerMemory.Start(peer.Url);
        var pairs = new (string Ours, string Peer, HttpClient OursClient, Func<HttpRequestMessage> OursRequest, Func<HttpResponseMessage, bool> OursOk,
            Func<HttpRequestMessage> PeerRequest, Func<HttpResponseMessage, bool> PeerOk, double Target)[]
        {
            ("Report pages, random reports", "Issue pages, random issues", staff, () => Get($"/laporan/{Random.Shared.Next(1, reports + 1)}"), Success,
                () => Get($"/issues/{Random.Shared.Next(1, peerIssues + 1)}"), Success, ReadTarget),
            ($"Report list (Closed, page {listPage})", $"Issue list (closed, page {listPage})", staff, () => Get($"/laporan?status=Closed&page={listPage}"), Success,
                () => Get($"/issues?set_filter=1&status_id=c&page={listPage}"), Success, ReadTarget),
            ("Dashboard (Kepala Dinas)", "My page", staff, () => Get("/"), Success, () => Get("/my/page"), Success, ReadTarget),
            ("Filing a report (front desk)", "Creating an issue (web form)", frontDesk,
                () => WriteScenarios.FilingRequest(ourToken, opds, Random.Shared.Next()),
                r => Redirected(r, "/laporan/"),
                () =>
                {
                    var project = projects[Random.Shared.Next(projects.Length)];
                    var categories = categoriesByProject[project];
                    var fields = new Dictionary<string, string>
                    {
                        ["authenticity_token"] = peerToken,
                        ["issue[tracker_id]"] = "1",
                        ["issue[status_id]"] = "1",
                        ["issue[priority_id]"] = "2",
                        ["issue[subject]"] = "Koneksi internet: jaringan di ruang rapat putus sejak pagi",
                        ["issue[description]"] = "Jaringan di ruang rapat putus sejak pagi, semua komputer tidak bisa membuka aplikasi. Lokasi: Gedung B lantai 1, ruang rapat. Pelapor: Budi Santoso, 0812 6111 2233.",
                        ["commit"] = "Create",
                    };
                    if (categories.Length > 0) fields["issue[category_id]"] = categories[Random.Shared.Next(categories.Length)];
                    return Post($"/projects/{project}/issues", fields);
                },
                r => Redirected(r, "/issues/"), WriteTarget),
        };

        var rows = new List<PeerRow>();
        foreach (var pair in pairs)
        {
            var oursResult = await MeasureAsync(pair.OursClient, pair.OursRequest, pair.OursOk, connections, warmup, seconds);
            // Our receipts render in the background after each filing answered: that work finishes before the peer's turn
            // (and is printed), so it never takes the peer's CPU.
            if (pendingDocuments is not null) await WriteScenarios.WaitForBackgroundRendersAsync(pendingDocuments);
            var peerResult = await MeasureAsync(redmine, pair.PeerRequest, pair.PeerOk, connections, warmup, seconds);
            var row = new PeerRow(pair.Ours, pair.Peer, oursResult, peerResult, pair.Target);
            rows.Add(row);
            Console.WriteLine(string.Create(c,
                $"  {pair.Ours}: {oursResult.SucceededPerSecond:F1} req/s, p95 {oursResult.P95:F1} ms | {pair.Peer}: {peerResult.SucceededPerSecond:F1} req/s ({peerResult.Errors} failed), p95 {peerResult.P95:F1} ms | {row.Ratio:F1}×"));
        }
        var (peerPeak, peerStart, processes) = await memory.StopAsync();
        return new PeerComparison(DateTime.UtcNow, "Redmine", peer.Url, reports, peerIssues, connections, seconds, loadBefore, LoadAverage(), rows,
            ProcessMemory.Read(ourPid).PeakMb, peerPeak, peerStart, processes);
    }

    private static bool Success(HttpResponseMessage response) => (int)response.StatusCode is >= 200 and < 300;

    private static bool Redirected(HttpResponseMessage response, string to) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
        && response.Headers.Location?.ToString().Contains(to, StringComparison.Ordinal) == true;

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, Dictionary<string, string> fields) =>
        new(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };

    private static async Task<HttpClient> SignInToRedmineAsync(PeerOptions peer)
    {
        var client = LoadDriver.Client(peer.Url);
        try
        {
            var login = await client.GetStringAsync("/login");
            var token = RailsTokenRegex().Match(login) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException("No authenticity token on the peer's /login.");
            using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["authenticity_token"] = token, ["username"] = peer.User, ["password"] = peer.Password, ["login"] = "Login",
            }));
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath.EndsWith("/login", StringComparison.Ordinal) == true)
                throw new InvalidOperationException($"Signing in to the peer as {peer.User} failed: {(int)response.StatusCode}.");
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The load driver's closed loop, with the caller's test of a successful response (a write answers with a redirect).</summary>
    private static async Task<Measurement> MeasureAsync(HttpClient client, Func<HttpRequestMessage> request, Func<HttpResponseMessage, bool> ok,
        int connections, double warmupSeconds, double seconds)
    {
        if (warmupSeconds > 0) await RunAsync(client, request, ok, connections, TimeSpan.FromSeconds(warmupSeconds));
        return await RunAsync(client, request, ok, connections, TimeSpan.FromSeconds(seconds));
    }

    private static async Task<Measurement> RunAsync(HttpClient client, Func<HttpRequestMessage> request, Func<HttpResponseMessage, bool> ok,
        int connections, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(1024);
            long errors = 0, bytes = 0;
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var message = request();
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (ok(response)) bytes = body.Length;
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

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"<option value=""(\d+)""")]
    private static partial Regex OpdOptionRegex();

    [GeneratedRegex(@"name=""authenticity_token"" value=""([^""]+)""")]
    private static partial Regex RailsTokenRegex();

    [GeneratedRegex(@"<span class=""items"">\(\d+-\d+/(\d+)\)</span>")]
    private static partial Regex ItemsRegex();

    [GeneratedRegex(@"href=""/projects/([a-z0-9_-]+)""")]
    private static partial Regex ProjectRegex();

    [GeneratedRegex(@"<select[^>]*name=""issue\[category_id\]""[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex CategorySelectRegex();

    [GeneratedRegex(@"<option value=""(\d*)""")]
    private static partial Regex OptionValueRegex();
}

/// <summary>
/// The peer's memory: the puma master whose command line names the peer's port (tcp://HOST:PORT) and its children (the
/// workers), the sum of their VmRSS sampled every 100 ms from /proc. Nothing is found for a peer that is not puma on
/// this machine (then 0 processes).
/// </summary>
internal sealed class PeerMemory : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<double> sampler;
    private readonly int master;
    private int processes;

    private PeerMemory(int master)
    {
        this.master = master;
        StartMb = master == 0 ? 0 : Sample().Mb;
        sampler = master == 0 ? Task.FromResult(0d) : Task.Run(async () =>
        {
            var peak = StartMb;
            while (!stop.IsCancellationRequested)
            {
                var (mb, count) = Sample();
                peak = Math.Max(peak, mb);
                processes = Math.Max(processes, count);
                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            return peak;
        });
    }

    public double StartMb { get; }

    public static PeerMemory Start(Uri peer)
    {
        var listen = $"tcp://{peer.Host}:{peer.Port}";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.StartsWith("puma ", StringComparison.Ordinal) && cmdline.Contains(listen, StringComparison.Ordinal)) return new PeerMemory(pid);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return new PeerMemory(0);
    }

    public async Task<(double PeakMb, double StartMb, int Processes)> StopAsync()
    {
        await stop.CancelAsync();
        return (await sampler, StartMb, processes);
    }

    private (double Mb, int Count) Sample()
    {
        double kb = 0;
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                var parent = Field(status, "PPid:");
                if (pid != master && parent != master) continue;
                kb += Field(status, "VmRSS:");
                count++;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return (kb / 1024, count);
    }

    private static long Field(string[] status, string key) =>
        status.Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            sampler.Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
        }
        stop.Dispose();
    }
}
