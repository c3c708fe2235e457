using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Faults;

/// <summary>
/// The app process is killed with SIGKILL in the middle of a burst of report submissions and workflow steps posted
/// over real HTTP by several users at once. Started again on the same SQLite file, it has every write it had
/// acknowledged, a sound database file, and no half-done work: no step without its event or documents, no number
/// taken twice or skipped.
/// </summary>
// The embedded database's own file, tools or locking: not run on PostgreSQL (.ci/run, docs/operations.md).
[Trait("Database", "SqliteOnly")]
public sealed partial class KilledProcess : IDisposable
{
    private static readonly string[] Users = ["pelapor", "pelapor.dinkes", "kadis", "kabid", "kasi", "teknisi"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "nm-kill-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesASigkillAndNothingIsHalfDone()
    {
        Directory.CreateDirectory(_dataDirectory);
        var ledger = new Ledger();
        int inFlightAtKill;

        using (var app = await AppProcess.StartAsync(_dataDirectory))
        {
            var people = await UserIdsAsync(app.DatabasePath);
            var signIns = new Dictionary<string, CookieCollection>();
            foreach (var user in Users)
            {
                using var session = WebSession.ForAddress(app.BaseAddress);
                await session.LoginAsAsync(user);
                signIns[user] = session.Cookies!.GetCookies(app.BaseAddress);
            }

            // Four people walk reports through the whole workflow, two others keep filing new reports: every worker
            // has its own browser (cookie jar) per account, so the one-shot messages never cross.
            var burst = new Burst(app.BaseAddress, signIns, people, ledger);
            var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(burst.WalkReportsAsync))
                .Concat(Enumerable.Range(0, 2).Select(_ => Task.Run(burst.SubmitReportsAsync)))
                .ToArray();

            // Kill once enough writes were acknowledged, while the workers are still posting (on a quiet machine after
            // a few seconds; the limit is for a machine shared with other builds).
            var watch = Stopwatch.StartNew();
            while ((ledger.Steps.Count < 20 || ledger.Submissions.Count < 10) && watch.Elapsed < TimeSpan.FromSeconds(120)
                   && !workers.All(w => w.IsCompleted))
            {
                await Task.Delay(50);
            }
            inFlightAtKill = burst.InFlight;
            app.Kill();
            burst.Stop();
            await Task.WhenAll(workers);
            Assert.True(burst.Failures.IsEmpty, "The app refused a step it should have taken: " + string.Join(" | ", burst.Failures));
        }

        Assert.True(ledger.Steps.Count >= 5 && ledger.Submissions.Count >= 5,
            $"Too little was acknowledged before the kill ({ledger.Submissions.Count} reports, {ledger.Steps.Count} steps).");

        using (var restarted = await AppProcess.StartAsync(_dataDirectory))
        {
            // Documents whose PDF the kill left unrendered (issued, numbered, their outbox row committed) are rendered
            // by the restarted app's start-up pass (FilingCrash proves it in detail).
            var rendering = Stopwatch.StartNew();
            while (await PendingRendersAsync(restarted.DatabasePath) > 0 && rendering.Elapsed < TimeSpan.FromSeconds(120)) await Task.Delay(100);
            var violations = await FindViolationsAsync(restarted.DatabasePath, ledger);
            Assert.True(violations.Count == 0,
                $"After SIGKILL ({inFlightAtKill} requests in flight, {ledger.Submissions.Count} reports and {ledger.Steps.Count} steps acknowledged):\n"
                + string.Join("\n", violations.Take(30)));

            // The restarted app serves the acknowledged reports (to the Kepala Dinas, who sees every OPD's: the first
            // report may be either reporter's) and numbers the next one right after the last.
            using var kadis = WebSession.ForAddress(restarted.BaseAddress);
            await kadis.LoginAsAsync("kadis");
            var first = ledger.Submissions.Where(s => s.Value.Length > 0).MinBy(s => s.Key);
            var page = WebPageHelpers.Text(await kadis.GetPageAsync($"/laporan/{first.Key}"));
            Assert.Contains(first.Value, page, StringComparison.Ordinal);
            using var pelapor = WebSession.ForAddress(restarted.BaseAddress);
            await pelapor.LoginAsAsync("pelapor");
            var after = new Burst(restarted.BaseAddress, [], [], new Ledger());
            var next = await after.SubmitAsync(pelapor);
            Assert.True(after.Failures.IsEmpty, string.Join(" | ", after.Failures));
            var count = await CountReportsAsync(restarted.DatabasePath);
            Assert.EndsWith("-" + count.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), next!.Value.Number, StringComparison.Ordinal);
        }
    }

    private static async Task<int> PendingRendersAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options);
        return await db.PendingDocumentRenders.CountAsync();
    }

    private static async Task<int> CountReportsAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options);
        return await db.Reports.CountAsync();
    }

    /// <summary>Everything that would be wrong in the database after the crash (empty when all is well).</summary>
    private static async Task<List<string>> FindViolationsAsync(string databasePath, Ledger ledger)
    {
        var problems = new List<string>();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            var integrity = await ReadColumnAsync(connection, "PRAGMA integrity_check");
            if (integrity is not ["ok"]) problems.Add("integrity_check: " + string.Join("; ", integrity));
            var foreignKeys = await ReadColumnAsync(connection, "PRAGMA foreign_key_check");
            if (foreignKeys.Count > 0) problems.Add($"foreign_key_check: {foreignKeys.Count} rows violate a foreign key");
        }

        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options);
        var reports = await db.Reports.AsNoTracking().Select(r => new { r.Id, r.Number, r.Status, r.ReceivedAtUtc }).ToListAsync();
        var events = (await db.ReportEvents.AsNoTracking().ToListAsync()).OrderBy(e => e.Id).ToLookup(e => e.ReportId);
        var documents = (await db.IssuedDocuments.AsNoTracking().ToListAsync()).OrderBy(d => d.Id).ToList();
        var sequences = await db.NumberSequences.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.LastValue);

        // Every acknowledged write is there.
        foreach (var (id, number) in ledger.Submissions)
        {
            // (The number is known unless the kill came between the acknowledgement and the page it led to.)
            if (!reports.Any(r => r.Id == id && (number.Length == 0 || r.Number == number))) problems.Add($"acknowledged report {id} {number} is missing");
        }
        foreach (var step in ledger.Steps)
        {
            if (!events[step.ReportId].Any(e => e.Action == step.Action && e.ToStatus == step.To))
                problems.Add($"acknowledged step {step.Action} -> {step.To} on report {step.ReportId} is missing");
        }

        // Each report's events are one unbroken chain from Submit to its current status.
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
                    problems.Add($"{report.Number}: event {chain[i].Id} starts from {chain[i].FromStatus}, the previous ended in {chain[i - 1].ToStatus}");
            }
            if (chain[^1].ToStatus != report.Status)
                problems.Add($"{report.Number}: status {report.Status} but the last event ends in {chain[^1].ToStatus}");
        }

        // Report numbers: unique, and per year exactly 1..n with the counter at n (no number lost or taken twice).
        if (reports.Select(r => r.Number).Distinct().Count() != reports.Count) problems.Add("a report number is used twice");
        foreach (var year in reports.GroupBy(r => Wib.FromUtc(r.ReceivedAtUtc).Year))
        {
            var numbers = year.Select(r => int.Parse(r.Number[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count))) problems.Add($"report numbers of {year.Key} are not 1..{numbers.Count}");
            var counter = sequences.GetValueOrDefault($"{Report.NumberPrefix}-{year.Key}");
            if (counter != numbers.Count) problems.Add($"report counter of {year.Key} is {counter}, {numbers.Count} reports exist");
        }

        // Every step has exactly the documents it issues, issued at the moment the step was recorded; versions follow
        // one another and only the last one is current; the stored PDF still matches its registered hash.
        foreach (var report in reports)
        {
            var expected = events[report.Id].SelectMany(e => DocumentTriggers.After(e, events[report.Id]).Select(type => (Type: type, e.AtUtc))).ToList();
            var issued = documents.Where(d => d.ReportId == report.Id).ToList();
            foreach (var group in issued.GroupBy(d => d.Type))
            {
                var versions = group.Select(d => d.Version).ToList();
                if (!versions.SequenceEqual(Enumerable.Range(1, versions.Count))) problems.Add($"{report.Number}: {group.Key} versions {string.Join(",", versions)}");
                if (group.Count(d => !d.IsSuperseded) != 1 || group.Last().IsSuperseded) problems.Add($"{report.Number}: {group.Key} has not exactly one current version, the last");
            }
            var unmatched = issued.Select(d => (d.Type, d.IssuedAtUtc)).ToList();
            foreach (var want in expected)
            {
                if (!unmatched.Remove(want)) problems.Add($"{report.Number}: the {want.Type} of the step at {want.AtUtc:O} was not issued");
            }
            foreach (var extra in unmatched) problems.Add($"{report.Number}: a {extra.Type} issued at {extra.IssuedAtUtc:O} belongs to no step");
        }
        if (await db.PendingDocumentRenders.AnyAsync()) problems.Add("documents are still waiting for their PDF after the restart");
        foreach (var document in documents.Where(d => IssuedDocument.HashOf(d.Pdf) != d.Sha256))
        {
            problems.Add($"document {document.Number}: the PDF does not match its SHA-256");
        }

        // Document numbers: one per document (its versions share it, never another report's), and every counter
        // equals the number of documents it numbered (first issues; the receipt and the disposition carry the report number).
        foreach (var type in documents.GroupBy(d => d.Type))
        {
            if (type.GroupBy(d => d.Number).Any(n => n.Select(d => d.ReportId).Distinct().Count() > 1))
                problems.Add($"a {type.Key} number is used by two reports");
            if (type.Select(d => (d.Number, d.Version)).Distinct().Count() != type.Count()) problems.Add($"a {type.Key} number and version is used twice");
            if (!DocumentTypes.LetterNumbered.Contains(type.Key)) continue;
            foreach (var year in type.GroupBy(d => d.Number).Select(n => n.MinBy(d => d.Version)!).GroupBy(d => Wib.DateOf(d.IssuedAtUtc).Year))
            {
                var counter = sequences.GetValueOrDefault(type.Key.SequenceName(year.Key));
                if (counter != year.Count()) problems.Add($"{type.Key} counter of {year.Key} is {counter}, {year.Count()} documents exist");
            }
        }
        return problems;
    }

    private static async Task<List<string>> ReadColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetValue(0).ToString() ?? "");
        return rows;
    }

    private static async Task<Dictionary<string, string>> UserIdsAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options);
        return await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id);
    }

    public void Dispose()
    {
        SqlitePools.ReleaseDataDirectory(_dataDirectory);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>What the app acknowledged: reports it answered with a redirect to the new report, steps it confirmed.</summary>
    private sealed class Ledger
    {
        public ConcurrentDictionary<int, string> Submissions { get; } = new();
        public ConcurrentBag<AcknowledgedStep> Steps { get; } = [];
    }

    private sealed record AcknowledgedStep(int ReportId, WorkflowAction Action, ReportStatus To);

    private sealed record Step(string User, WorkflowAction Action, ReportStatus To, Func<Dictionary<string, string>, (string, string)[]> Fields);

    /// <summary>The steps from a new report to Closed, with realistic inputs (user ids looked up by user name).</summary>
    private static readonly Step[] Walk =
    [
        new("kadis", WorkflowAction.Dispose, ReportStatus.DisposedToKabid, p => [("TargetUserId", p["kabid"]), ("Instructions", "UntukDitindaklanjuti"), ("Note", "Mohon segera ditangani")]),
        new("kabid", WorkflowAction.Verify, ReportStatus.DisposedToKasi, p => [("TargetUserId", p["kasi"]), ("Instructions", "LaporkanHasilnya")]),
        new("kasi", WorkflowAction.Assign, ReportStatus.Assigned, p => [("TechnicianIds", p["teknisi"]), ("LeadUserId", p["teknisi"]), ("Note", "Cek switch lantai 2")]),
        new("teknisi", WorkflowAction.StartDiagnosis, ReportStatus.Diagnosing, _ => []),
        new("teknisi", WorkflowAction.DiagnoseInDataCenter, ReportStatus.Repairing, _ => [("FaultType", "Koneksi terputus"), ("FaultLocation", "Core switch Data Center"), ("Findings", "Port uplink tidak menyala")]),
        new("teknisi", WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement, _ => [("ActionsTaken", "Mengganti kabel patch"), ("RootCause", "Kabel patch rusak"), ("Devices[0].Name", "Kabel patch Cat6"), ("Devices[0].Condition", "RusakRingan")]),
        new("pelapor", WorkflowAction.Acknowledge, ReportStatus.KasiReview, _ => [("Note", "Sudah normal")]),
        new("kasi", WorkflowAction.Approve, ReportStatus.KabidReview, _ => []),
        new("kabid", WorkflowAction.Approve, ReportStatus.KadisReview, _ => []),
        new("kadis", WorkflowAction.Approve, ReportStatus.Closed, _ => [("Note", "Baik")]),
    ];

    /// <summary>The workers: they post until the app stops answering.</summary>
    private sealed partial class Burst(Uri baseAddress, Dictionary<string, CookieCollection> signIns,
        Dictionary<string, string> people, Ledger ledger)
    {
        private int _inFlight;
        private volatile bool _stopped;

        public int InFlight => Volatile.Read(ref _inFlight);
        public ConcurrentQueue<string> Failures { get; } = new();

        public void Stop() => _stopped = true;

        public async Task WalkReportsAsync()
        {
            var sessions = Users.ToDictionary(u => u, SessionOf);
            try
            {
                while (!_stopped)
                {
                    var report = await SubmitAsync(sessions["pelapor"]);
                    if (report is null) return;
                    foreach (var step in Walk)
                    {
                        if (_stopped || !await StepAsync(sessions[step.User], report.Value, step)) return;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // The app was killed.
            }
            finally
            {
                foreach (var session in sessions.Values) session.Dispose();
            }
        }

        public async Task SubmitReportsAsync()
        {
            using var session = SessionOf("pelapor.dinkes");
            try
            {
                while (!_stopped && await SubmitAsync(session) is not null)
                {
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
            }
        }

        /// <summary>Files a report through the web form; returns its id and number once the app acknowledged it.</summary>
        public async Task<(int Id, string Number)?> SubmitAsync(WebSession session)
        {
            using var form = await session.GetAsync("/laporan/baru");
            if (form.StatusCode != HttpStatusCode.OK)
            {
                Failures.Enqueue($"new-report form answered {(int)form.StatusCode}");
                return null;
            }
            var token = WebPageHelpers.GetRequestVerificationToken(await form.Content.ReadAsStringAsync(), "/laporan/baru");
            using var response = await PostAsync(session, "/laporan/baru", token,
            [
                ("ReporterName", "Rina Marlina"), ("ReporterPhone", "0812 6000 0100"),
                ("Location", "Gedung utama lantai 2"), ("Category", nameof(FaultCategory.NoInternet)),
                ("Description", "Internet di ruang kepegawaian mati sejak pagi"), ("ConfirmDuplicate", "true"),
            ]);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !ReportUrl().IsMatch(location))
            {
                Failures.Enqueue($"new report answered {(int)response.StatusCode} {location}");
                return null;
            }
            // A redirect to the new report is the acknowledgement; its number is on the page it leads to.
            var id = int.Parse(location["/laporan/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            ledger.Submissions[id] = "";
            var page = await session.GetPageAsync(location);
            var number = ReportNumber().Match(page).Value;
            ledger.Submissions[id] = number;
            return (id, number);
        }

        private async Task<bool> StepAsync(WebSession session, (int Id, string Number) report, Step step)
        {
            var url = $"/laporan/{report.Id}/langkah/{step.Action}";
            var html = await session.GetPageAsync(url);
            var token = WebPageHelpers.GetRequestVerificationToken(html, url);
            var fields = step.Fields(people).Append(("Version", WebPageHelpers.InputValue(html, "Version")!)).ToArray();
            using var response = await PostAsync(session, url, token, fields);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != $"/laporan/{report.Id}")
            {
                Failures.Enqueue($"{step.Action} on {report.Number} answered {(int)response.StatusCode}");
                return false;
            }
            // The same redirect follows a refused step: the one-shot message on the report page tells them apart.
            var page = WebPageHelpers.Text(await session.GetPageAsync($"/laporan/{report.Id}"));
            if (!page.Contains($"Status laporan {report.Number} sekarang", StringComparison.Ordinal))
            {
                Failures.Enqueue($"{step.Action} on {report.Number} was not confirmed");
                return false;
            }
            ledger.Steps.Add(new AcknowledgedStep(report.Id, step.Action, step.To));
            return true;
        }

        private async Task<HttpResponseMessage> PostAsync(WebSession session, string url, string token, IEnumerable<(string, string)> fields)
        {
            Interlocked.Increment(ref _inFlight);
            try
            {
                return await session.PostWithTokenAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), token);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private WebSession SessionOf(string user)
        {
            var jar = new CookieContainer();
            if (signIns.TryGetValue(user, out var cookies)) jar.Add(cookies);
            return WebSession.ForAddress(baseAddress, jar);
        }

        [GeneratedRegex("^/laporan/[0-9]+$")]
        private static partial Regex ReportUrl();

        [GeneratedRegex("GJ-[0-9]{4}-[0-9]{6}")]
        private static partial Regex ReportNumber();
    }
}
