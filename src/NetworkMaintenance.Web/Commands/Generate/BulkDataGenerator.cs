using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Data.Seeding;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Infrastructure;
using DeviceCondition = NetworkMaintenance.Core.Domain.Reports.DeviceCondition;

namespace NetworkMaintenance.Web.Commands.Generate;

/// <param name="Reports">How many reports to add.</param>
/// <param name="Seed">Seed of the random choices: the same seed on the same day gives the same data.</param>
/// <param name="SamplePdfs">How many of the newest closed reports store full-size sample PDFs instead of placeholders.</param>
/// <param name="Password">Password of the generated staff accounts, or null for accounts that cannot sign in.</param>
internal sealed record GeneratorOptions(int Reports, int Seed, int SamplePdfs, string? Password);

internal sealed record GeneratorResult(int Reports, long Events, long Documents, long Attachments, long Surveys,
    IReadOnlyDictionary<ReportStatus, int> ByStatus, TimeSpan Elapsed, string DatabasePath)
{
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"Generated {Reports} reports, {Events} timeline events, {Documents} issued-document records, {Attachments} attachment records and {Surveys} satisfaction surveys in {Elapsed.TotalSeconds:F1} s into {DatabasePath}.\n") +
        string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
}

/// <summary>
/// Generates realistic reports for load tests. Each report is built and moved through the workflow by the domain model
/// itself (<see cref="Report.Receive"/>, <see cref="Report.Dispose"/>, …) with a simulated clock, so states, timeline
/// events (with <see cref="ReportEvent.SecondsInFromStatus"/>), SLA fields, pauses, devices and assignments are exactly
/// what the app would have recorded; the rows are then written with prepared SQLite commands in one transaction
/// (no EF change tracking). Issued documents are metadata rows numbered from the yearly counters in issue order; their
/// PDF bytes are a small placeholder (a full-size sample PDF for the newest closed reports), see docs/performance.md.
/// </summary>
internal sealed class BulkDataGenerator(AppDbContext db, UserManager<AppUser> users, UserProvisioning provisioning,
    TimeProvider clock, DataChanges changes, ILogger<BulkDataGenerator> logger)
{
    public const string UserPrefix = "uji.";

    internal sealed record Staff(WorkflowActor Actor, PersonRef Ref);

    private static readonly string[] FirstNames =
    [
        "Andi", "Budi", "Citra", "Dedi", "Eka", "Fitri", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lina", "Mahmud", "Nur",
        "Oki", "Putri", "Rahmat", "Siti", "Taufik", "Umi", "Wahyu", "Yanti", "Zulkifli", "Ayu", "Bambang", "Dewi", "Erwin",
    ];

    private static readonly string[] LastNames =
    [
        "Siregar", "Nasution", "Lubis", "Harahap", "Simanjuntak", "Sitompul", "Saragih", "Damanik", "Pohan", "Hasibuan",
        "Pratama", "Saputra", "Wijaya", "Hidayat", "Santoso", "Rangkuti", "Tanjung", "Purba", "Ginting", "Sembiring",
    ];

    private static readonly string[] Rooms =
        ["Ruang Kepala", "Ruang Sekretariat", "Ruang Pelayanan", "Ruang Rapat", "Ruang Keuangan", "Ruang Arsip", "Lobi", "Ruang Server"];

    private static readonly (ReportChannel Channel, double Weight)[] Channels =
    [
        (ReportChannel.Web, 45), (ReportChannel.WhatsApp, 20), (ReportChannel.Phone, 12), (ReportChannel.Letter, 8),
        (ReportChannel.Email, 7), (ReportChannel.Sms, 3), (ReportChannel.WalkIn, 5),
    ];

    private static readonly (FaultCategory Category, double Weight, string Text)[] Categories =
    [
        (FaultCategory.NoInternet, 35, "Internet di {0} tidak terhubung sejak pagi, semua komputer tidak dapat membuka aplikasi."),
        (FaultCategory.SlowConnection, 22, "Koneksi internet di {0} sangat lambat dan sering terputus saat jam kerja."),
        (FaultCategory.WifiProblem, 15, "WiFi di {0} tidak muncul atau tidak bisa tersambung dari laptop dan ponsel."),
        (FaultCategory.CableDamage, 8, "Kabel jaringan di {0} terputus karena pekerjaan renovasi."),
        (FaultCategory.DeviceDamage, 10, "Switch di {0} mati, lampu indikator tidak menyala."),
        (FaultCategory.NetworkConfiguration, 6, "Komputer di {0} mendapat alamat IP yang bentrok dan tidak dapat masuk jaringan."),
        (FaultCategory.Other, 4, "Gangguan jaringan lain di {0}: printer jaringan tidak dapat diakses."),
    ];

    private static readonly string[] FaultTypes = ["Kabel UTP putus", "Switch rusak", "Access point hang", "Konfigurasi DHCP", "Gangguan ISP", "Port switch mati"];

    public async Task<GeneratorResult> GenerateAsync(GeneratorOptions options, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;

        // The full-size sample PDFs need no database: they are rendered on the other core while the accounts are created.
        var sampling = Task.Run(SamplePdfs, ct);

        var opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(ct);
        if (opds.Count == 0) throw new InvalidOperationException("No active OPD: the reference data is missing.");
        var settings = await db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? DocumentSettings.CreateDefault();
        var staff = await EnsureStaffAsync(opds.Select(o => (o.Id, o.ShortName ?? o.Name)).ToList(), options.Password, now);
        var connectionString = db.Database.GetConnectionString()!;
        var databasePath = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var samples = await sampling;

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // Foreign keys are checked once at the end (a superseded document names its successor, written later). The rollback
        // journal stays: pages past the file's end at the start of the transaction are not journaled, so on a new database
        // it costs little, and a failed or killed run leaves the database as it was (the hot journal is rolled back on the
        // next open). synchronous=OFF: only a power cut or OS crash during the run can damage the file. The 256 MB page
        // cache holds the indexes' working set; temporary storage in memory.
        // Leaving WAL needs the file to itself: the idle pooled connections of the same database (the generator's own
        // queries above, or a host's, when it runs inside one as the tests do) are closed first, and a busy file is
        // tried again after clearing them once more.
        SqliteConnection.ClearPool(connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(connection, "PRAGMA foreign_keys=OFF; PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; " +
                    "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", ct);
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5 && attempt < 3)
            {
                SqliteConnection.ClearPool(connection);
            }
        }
        var previousLatency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            using var writer = new BulkWriter(connection);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            // Most indexes stay in place during the load: the rows arrive in an order they append to (ids, report and time,
            // status and time, type and number), and CREATE INDEX would scan the whole table once per index. The two whose
            // keys are random are built after the load on a table that was empty (below).
            var deferred = await DropRandomKeyIndexesAsync(connection, tx, ct);
            writer.Prepare(tx);
            var sequences = await ReadSequencesAsync(connection, tx, ct);
            var nextReportId = await MaxIdAsync(connection, tx, "Reports", ct) + 1;
            writer.NextEventId = await MaxIdAsync(connection, tx, "ReportEvents", ct) + 1;
            var firstEventId = writer.NextEventId;
            writer.NextAssignmentId = await MaxIdAsync(connection, tx, "ReportAssignments", ct) + 1;
            writer.NextDeviceId = await MaxIdAsync(connection, tx, "ReportDevices", ct) + 1;
            writer.NextPauseId = await MaxIdAsync(connection, tx, "ReportPauses", ct) + 1;
            writer.NextGuestId = await MaxIdAsync(connection, tx, "GuestBookEntries", ct) + 1;
            writer.NextAttachmentId = await MaxIdAsync(connection, tx, "Attachments", ct) + 1;
            writer.NextSurveyId = await MaxIdAsync(connection, tx, "SatisfactionSurveys", ct) + 1;
            var nextDocumentId = await MaxIdAsync(connection, tx, "IssuedDocuments", ct) + 1;
            var firstIds = new Dictionary<string, long>
            {
                ["Reports"] = nextReportId, ["ReportEvents"] = writer.NextEventId, ["ReportAssignments"] = writer.NextAssignmentId,
                ["ReportDevices"] = writer.NextDeviceId, ["ReportPauses"] = writer.NextPauseId, ["GuestBookEntries"] = writer.NextGuestId,
                ["IssuedDocuments"] = nextDocumentId, ["Attachments"] = writer.NextAttachmentId,
                ["SatisfactionSurveys"] = writer.NextSurveyId,
            };
            LogPhase("setup", watch);

            // 2. One thread plans and builds the reports one at a time through the domain model and prepares the documents
            // their timelines issue (numbers, codes, PDFs, hashes) as soon as their order of issue is known; this thread
            // writes what it hands over. The builder is sequential, so a seed gives the same data; the bounded channel
            // keeps under a thousand built reports in memory (few enough to die young: the garbage collector would
            // otherwise promote and copy what waits in the queue), and nothing else is kept per report.
            var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(8)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            // Each report's random numbers come from the seed and its id, the verification codes from the seed and the
            // first document id: appending (--force) with the same --seed does not draw the same (unique) codes again.
            var stream = new ReportStream(options.Reports, options.Seed, nextReportId, now);
            var codes = new Random(ReportStream.ReportSeed(unchecked(options.Seed * 397), nextDocumentId));
            var producer = new Producer(options, stream, opds.Select(o => (o.Id, o.ShortName ?? o.Name)).ToArray(), staff, settings,
                sequences, nextReportId, nextDocumentId, codes, samples, now, channel.Writer);
            var production = Task.Factory.StartNew(() => producer.Run(stop.Token), stop.Token, TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap();

            var times = new WriterTimes();
            var written = 0;
            var progressStep = Math.Max(50_000, options.Reports / 10);
            var nextProgress = progressStep;
            try
            {
                while (true)
                {
                    times.Wait.Start();
                    var more = await channel.Reader.WaitToReadAsync(ct);
                    times.Wait.Stop();
                    if (!more) break;
                    while (channel.Reader.TryRead(out var batch))
                    {
                        times.Reports.Start();
                        foreach (var item in batch.Reports)
                        {
                            writer.WriteReport(item.Id, item.Report, item.Guest, item.Events);
                            writer.WriteExtras(item.Attachments, item.Survey);
                        }
                        times.Reports.Stop();
                        times.Documents.Start();
                        foreach (ref readonly var row in CollectionsMarshal.AsSpan(batch.Documents)) writer.WriteDocument(row);
                        times.Documents.Stop();
                        written += batch.Reports.Count;
                        if (written >= nextProgress && written < options.Reports)
                        {
                            LogPhase($"{written} reports written", watch, times, producer);
                            nextProgress += progressStep;
                        }
                    }
                }
                await production;
            }
            catch
            {
                await stop.CancelAsync();
                try
                {
                    await production;
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    // The builder stopped because the writer failed: the writer's exception is the one to report.
                }
                throw;
            }

            await writer.WriteSequencesAsync(sequences, ct);
            LogPhase("reports and documents written", watch, times, producer);
            foreach (var sql in deferred) await ExecuteAsync(connection, sql, ct, tx);
            if (deferred.Count > 0) LogPhase("random-key indexes built", watch);
            await CheckForeignKeysAsync(connection, tx, firstIds, ct);
            LogPhase("foreign keys checked", watch);
            await tx.CommitAsync(ct);
            LogPhase("committed", watch);
            changes.ReferenceChanged();

            // Statistics for the query planner from a sample of each index (analysis_limit): the full scan took as long as
            // the load, and the planner needs the shape of the data, not exact counts. An append of less than a tenth of
            // the reports there (the benchmark runner's one report per run) keeps the statistics it found: they describe
            // the same shape, and at a million reports on a cold page cache ANALYZE took two minutes.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", ct);
            var existingReports = nextReportId - 1L;
            if (options.Reports * 10L >= existingReports)
            {
                await ExecuteAsync(connection, "PRAGMA analysis_limit=1000; ANALYZE;", ct);
                LogPhase("statistics (ANALYZE)", watch);
            }
            else
            {
                logger.LogInformation("Generator: statistics kept ({Reports} reports added to {Existing})", options.Reports, existingReports);
            }
            watch.Stop();
            var result = new GeneratorResult(options.Reports, writer.NextEventId - firstEventId, producer.Documents, producer.Attachments,
                producer.Surveys, producer.ByStatus, watch.Elapsed, databasePath);
            logger.LogInformation("Generated {Reports} reports with {Documents} documents in {Seconds:F1} s", options.Reports,
                producer.Documents, watch.Elapsed.TotalSeconds);
            return result;
        }
        catch
        {
            // The transaction has been rolled back (nothing of the load remains); put the file back in WAL mode, as the
            // app keeps it, before reporting the failure.
            try
            {
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;", CancellationToken.None);
            }
            catch (SqliteException)
            {
                // Best effort: the app sets WAL again when it starts.
            }
            throw;
        }
        finally
        {
            GCSettings.LatencyMode = previousLatency;
        }
    }

    private void LogPhase(string phase, Stopwatch total, WriterTimes? writer = null, Producer? producer = null)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime.TotalSeconds;
        // Memory: the process's resident set now and at its peak, the managed heap after the last collection.
        var memory = string.Create(CultureInfo.InvariantCulture,
            $"RSS {process.WorkingSet64 / 1048576} MB, peak {process.PeakWorkingSet64 / 1048576} MB, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576} MB");
        if (writer is null)
        {
            logger.LogInformation("Generator: {Phase} after {Seconds:F1} s (process CPU {Cpu:F1} s; {Memory})", phase, total.Elapsed.TotalSeconds, cpu,
                memory);
        }
        else
        {
            logger.LogInformation("Generator: {Phase} after {Seconds:F1} s (process CPU {Cpu:F1} s; builder thread: domain model {Build:F1} s, " +
                "documents {Prepare:F1} s; writer thread: report rows {Reports:F1} s, document rows {Documents:F1} s, waiting {Wait:F1} s; {Memory})",
                phase, total.Elapsed.TotalSeconds, cpu, producer!.BuildSeconds, producer.PrepareSeconds, writer.Reports.Elapsed.TotalSeconds,
                writer.Documents.Elapsed.TotalSeconds, writer.Wait.Elapsed.TotalSeconds, memory);
        }
    }

    /// <summary>Where the writer thread's time goes.</summary>
    private sealed class WriterTimes
    {
        public Stopwatch Reports { get; } = new();
        public Stopwatch Documents { get; } = new();
        public Stopwatch Wait { get; } = new();
    }

    private readonly record struct BuiltReport(int Id, Report Report, GuestBookEntry? Guest, ReportEvent[] Events,
        IReadOnlyList<Attachment> Attachments, SatisfactionSurvey? Survey);

    /// <summary>What the builder hands to the writer: built reports and the document rows that are ready.</summary>
    private sealed class Batch
    {
        public List<BuiltReport> Reports { get; } = new(Producer.ReportBatch);
        public List<DocumentRow> Documents { get; } = [];
    }

    /// <summary>A document a report's timeline issues, waiting in the queue of issues until its number can be given.</summary>
    /// <param name="NewNumber">A first issue or a re-completion (a correction) takes a number; a signature or approval keeps it.</param>
    /// <param name="HasSuccessor">A later version of the same document follows in the same report's timeline.</param>
    private readonly record struct DocIssue(int ReportId, DocumentType Type, int Version, DateTime AtUtc, string? ByUserId,
        bool NewNumber, bool HasSuccessor, string ReportNumber, bool FullSize);

    /// <summary>The order documents are issued in: time, then report, type and version (two numbers to compare).</summary>
    private readonly record struct IssueKey(long Ticks, long Tie) : IComparable<IssueKey>
    {
        public static IssueKey Of(in DocIssue issue) =>
            new(issue.AtUtc.Ticks, (long)issue.ReportId << 24 | (long)(int)issue.Type << 12 | (uint)issue.Version);

        public int CompareTo(IssueKey other)
        {
            var c = Ticks.CompareTo(other.Ticks);
            return c != 0 ? c : Tie.CompareTo(other.Tie);
        }
    }

    /// <summary>
    /// The builder thread: takes the plans one at a time from the <see cref="ReportStream"/> (in order of receipt, numbers
    /// from the yearly counters), builds each report, its attachments and survey, and queues the documents its timeline
    /// issues. Documents are numbered in order of issue: before a report received at time T is built, every queued issue
    /// up to T is final (every later report is received, and issues, at T or after), so it is numbered, given its id and
    /// its placeholder PDF, and handed over. A version that a later one supersedes waits (as a row) until that one has
    /// its id; rows are handed over in order of id (SQLite appends them at the end of the table and of the id index
    /// instead of splitting pages in the middle). Nothing here grows with the number of reports: the queue and the
    /// waiting rows are the documents of the reports in progress.
    /// </summary>
    private sealed class Producer(GeneratorOptions options, ReportStream stream, (int Id, string Name)[] opds, GeneratorStaff staff,
        DocumentSettings settings, Dictionary<string, long> sequences, int nextReportId, int nextDocumentId, Random codes,
        Dictionary<DocumentType, (byte[] Pdf, string Hash, string Snapshot)> samples, DateTime nowUtc, ChannelWriter<Batch> output)
    {
        public const int ReportBatch = 100;

        private readonly PriorityQueue<DocIssue, IssueKey> _queue = new();
        private readonly Dictionary<(int ReportId, DocumentType Type), DocumentRow> _waiting = [];
        private readonly Dictionary<int, DocumentRow> _ready = [];
        private int _nextToHandOver;
        private readonly Dictionary<DocumentType, NumberFormatter> _formatters = [];
        private readonly Dictionary<(DocumentType, int), string> _sequenceNames = [];
        private readonly Stopwatch _prepare = new();
        private readonly Stopwatch _active = new();
        private Batch _batch = new();
        private int _issued;

        public Dictionary<ReportStatus, int> ByStatus { get; } = [];
        public int Documents => _issued;
        public int Attachments { get; private set; }
        public int Surveys { get; private set; }
        /// <summary>Time spent building reports (not waiting for the writer, not preparing documents).</summary>
        public double BuildSeconds => _active.Elapsed.TotalSeconds - _prepare.Elapsed.TotalSeconds;
        public double PrepareSeconds => _prepare.Elapsed.TotalSeconds;

        public async Task Run(CancellationToken ct)
        {
            try
            {
                await RunCore(ct);
                output.Complete();
            }
            catch (Exception e)
            {
                output.Complete(e);
                throw;
            }
        }

        private async Task RunCore(CancellationToken ct)
        {
            _active.Start();
            _nextToHandOver = nextDocumentId;
            var fullSize = stream.LastClosed(options.SamplePdfs);
            var versions = new Dictionary<DocumentType, int>();
            var issues = new List<DocIssue>(8);
            for (var i = 0; i < stream.Count; i++)
            {
                var plan = stream.Plan(i);
                // Every issue up to this receipt is final: number it and hand it over.
                _prepare.Start();
                while (_queue.TryPeek(out var first, out _) && first.AtUtc <= plan.ReceivedAtUtc) Issue(_queue.Dequeue());
                _prepare.Stop();

                var local = plan.Random;
                var (opdId, opdName) = opds[Skewed(local, opds.Length)];
                var year = Wib.FromUtc(plan.ReceivedAtUtc).Year;
                var name = $"{Report.NumberPrefix}-{year}";
                var sequence = sequences[name] = sequences.GetValueOrDefault(name) + 1;
                var (report, guest) = Build(local, plan.Target, plan.Steps, plan.ReceivedAtUtc, plan.RecordDelay, year, sequence,
                    opdId, opdName, staff);
                var reportId = nextReportId + i;
                ByStatus[report.Status] = ByStatus.GetValueOrDefault(report.Status) + 1;

                var events = report.Events.ToArray();
                // Stable, like OrderBy: events recorded at the same second keep the order they were recorded in.
                if (!IsOrdered(events)) events = [.. events.OrderBy(e => e.AtUtc)];
                versions.Clear();
                issues.Clear();
                foreach (var ev in events)
                {
                    foreach (var type in DocumentTriggers.After(ev, events))
                    {
                        var version = versions[type] = versions.GetValueOrDefault(type) + 1;
                        issues.Add(new DocIssue(reportId, type, version, ev.AtUtc, ev.ActorUserId,
                            version == 1 || ev.Action == WorkflowAction.CompleteWork, false, report.Number, fullSize.Contains(i)));
                    }
                }
                foreach (var issue in issues)
                {
                    var queued = issue.Version < versions[issue.Type] ? issue with { HasSuccessor = true } : issue;
                    _queue.Enqueue(queued, IssueKey.Of(queued));
                }

                var (attachments, survey) = ReportExtras.For(local, report, reportId, staff, nowUtc);
                Attachments += attachments.Count;
                if (survey is not null) Surveys++;
                _batch.Reports.Add(new BuiltReport(reportId, report, guest, events, attachments, survey));
                if (_batch.Reports.Count == ReportBatch) await HandOverAsync(ct);
            }

            // The documents still queued (the newest reports' last steps), in order of issue.
            _prepare.Start();
            while (_queue.TryDequeue(out var issue, out _))
            {
                Issue(issue);
                if (_batch.Documents.Count >= 500) await HandOverAsync(ct);
            }
            _prepare.Stop();
            if (_waiting.Count > 0 || _ready.Count > 0)
                throw new InvalidOperationException("A document version waits for a successor that was never issued.");
            if (_batch.Reports.Count > 0 || _batch.Documents.Count > 0) await HandOverAsync(ct);
            _active.Stop();
        }

        private async Task HandOverAsync(CancellationToken ct)
        {
            var preparing = _prepare.IsRunning;
            _active.Stop();
            _prepare.Stop();
            await output.WriteAsync(_batch, ct);
            _batch = new Batch();
            _active.Start();
            if (preparing) _prepare.Start();
        }

        /// <summary>Numbers one issue (the next in order of issue), gives it its id and PDF, and hands over what is complete.</summary>
        private void Issue(DocIssue issue)
        {
            var id = nextDocumentId + _issued++;
            var key = (issue.ReportId, issue.Type);
            string? previousNumber = null;
            if (_waiting.Remove(key, out var previous))
            {
                // The version this one supersedes now knows its successor.
                previousNumber = previous.Number;
                Ready(previous with { SupersededById = id, SupersededAtUtc = issue.AtUtc });
            }
            string number;
            if (!DocumentTypes.LetterNumbered.Contains(issue.Type))
            {
                number = issue.ReportNumber;
            }
            else if (!issue.NewNumber)
            {
                number = previousNumber ?? throw new InvalidOperationException($"Version {issue.Version} of {issue.Type} has no earlier number.");
            }
            else
            {
                var issuedOn = Wib.DateOf(issue.AtUtc);
                if (!_sequenceNames.TryGetValue((issue.Type, issuedOn.Year), out var name))
                {
                    _sequenceNames[(issue.Type, issuedOn.Year)] = name = issue.Type.SequenceName(issuedOn.Year);
                }
                ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(sequences, name, out _);
                var sequence = ++last;
                if (!_formatters.TryGetValue(issue.Type, out var formatter))
                {
                    _formatters[issue.Type] = formatter = new NumberFormatter(settings.NumberPattern(issue.Type));
                }
                number = formatter.Format(sequence, issuedOn);
            }
            var code = NewVerificationCode(codes);
            byte[] pdf;
            string hash, snapshot;
            if (issue.FullSize)
            {
                (pdf, hash, snapshot) = samples[issue.Type];
            }
            else
            {
                pdf = PlaceholderPdf.For(issue.Type.Label(), issue.Version > 1 ? $"{number} versi {issue.Version}" : number);
                hash = IssuedDocument.HashOf(pdf);
                snapshot = "{}";
            }
            var row = new DocumentRow(id, issue.ReportId, issue.Type, number, issue.Version, issue.AtUtc, issue.ByUserId, code, hash, pdf,
                snapshot, null, null);
            if (issue.HasSuccessor) _waiting[key] = row;
            else Ready(row);
        }

        /// <summary>A complete row: handed over with every complete row after it once all rows before it are.</summary>
        private void Ready(in DocumentRow row)
        {
            if (row.Id != _nextToHandOver)
            {
                _ready.Add(row.Id, row);
                return;
            }
            _batch.Documents.Add(row);
            _nextToHandOver++;
            while (_ready.Remove(_nextToHandOver, out var next))
            {
                _batch.Documents.Add(next);
                _nextToHandOver++;
            }
        }

        private static bool IsOrdered(ReportEvent[] events)
        {
            for (var k = 1; k < events.Length; k++)
            {
                if (events[k].AtUtc < events[k - 1].AtUtc) return false;
            }
            return true;
        }
    }

    /// <summary>
    /// <see cref="DocumentNumberPattern.Format"/> for one pattern, without validating the pattern on every call: the
    /// text around the sequence number is computed once per month (by formatting a marker sequence and splitting there).
    /// </summary>
    private sealed class NumberFormatter(string pattern)
    {
        private const long Marker = 987_654_321_987_654_321;
        private readonly Dictionary<(int Year, int Month), (string Before, string After)?> _parts = [];

        public string Format(long sequence, DateOnly issuedOn)
        {
            var key = (issuedOn.Year, issuedOn.Month);
            if (!_parts.TryGetValue(key, out var parts))
            {
                var marked = DocumentNumberPattern.Format(pattern, Marker, issuedOn);
                var markerText = Marker.ToString(CultureInfo.InvariantCulture);
                var at = marked.IndexOf(markerText, StringComparison.Ordinal);
                parts = at < 0 || marked.IndexOf(markerText, at + 1, StringComparison.Ordinal) >= 0 || pattern.Trim() != pattern
                    ? null
                    : (marked[..at], marked[(at + markerText.Length)..]);
                _parts[key] = parts;
            }
            return parts is var (before, after)
                ? string.Concat(before, sequence.ToString(CultureInfo.InvariantCulture), after)
                : DocumentNumberPattern.Format(pattern, sequence, issuedOn);
        }
    }

    /// <summary>Receives the report and walks it through its planned steps with the domain model, on a simulated clock.</summary>
    private static (Report Report, GuestBookEntry? Guest) Build(Random rng, ReportStatus target, List<PlannedStep> steps, DateTime received,
        TimeSpan recordDelay, int year, long sequence, int opdId, string opdName, GeneratorStaff staff)
    {
        var channel = Pick(rng, Channels, c => c.Weight).Channel;
        var category = Pick(rng, Categories, c => c.Weight);
        var reporterUser = staff.Reporters[opdId];
        var webChannel = channel == ReportChannel.Web;
        var reporterName = webChannel ? reporterUser.Actor.FullName : PersonName(rng);
        var room = $"{Rooms[rng.Next(Rooms.Length)]}, {opdName}";
        var createdAt = webChannel ? received : received + recordDelay;
        var recordedBy = webChannel ? reporterUser.Actor : staff.FrontDesk.Actor;
        var guest = channel == ReportChannel.WalkIn
            ? new GuestVisit(reporterName, IdentityType.KtaAsn, rng.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                opdName, "Melaporkan gangguan jaringan", received, received + TimeSpan.FromMinutes(20))
            : null;
        var input = new NewReport(opdId, webChannel ? reporterUser.Actor.UserId : null, reporterName,
            webChannel ? reporterUser.Actor.Nip : null, "Staf " + opdName,
            "+62812" + rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), null, channel, received, room,
            category.Category, string.Format(CultureInfo.InvariantCulture, category.Text, room),
            channel == ReportChannel.Letter ? $"000.8/{rng.Next(1, 999)}/{year}" : null,
            channel == ReportChannel.Letter ? DateOnly.FromDateTime(Wib.FromUtc(received)).AddDays(-rng.Next(0, 3)) : null, guest);
        var report = Report.Receive(input, year, sequence, TrackingCode(rng), recordedBy, createdAt);
        var guestEntry = guest is null ? null : GuestBookEntry.Record(guest, recordedBy.UserId, createdAt);

        var at = createdAt;
        Staff? kabid = null, kasi = null;
        List<Staff> team = [];
        foreach (var step in steps)
        {
            at += step.Delay;
            switch (step.Action)
            {
                case WorkflowAction.Dispose:
                    kabid = staff.Kabids[rng.Next(staff.Kabids.Count)];
                    report.Dispose(staff.Kadis.Actor, new Disposition(kabid.Ref, StandardInstruction.UntukDitindaklanjuti | StandardInstruction.SegeraSelesaikan,
                        "Mohon segera ditindaklanjuti.", rng.NextDouble() < 0.3 ? at.AddDays(1) : null), at);
                    break;
                case WorkflowAction.Reject:
                    report.Reject(report.Status == ReportStatus.Submitted ? staff.Kadis.Actor : kabid!.Actor,
                        "Bukan gangguan jaringan; diteruskan ke bidang aplikasi.", at);
                    break;
                case WorkflowAction.Verify:
                    kasi = staff.Kasis[rng.Next(staff.Kasis.Count)];
                    report.Verify(kabid!.Actor, new Disposition(kasi.Ref, StandardInstruction.UntukDitindaklanjuti | StandardInstruction.LaporkanHasilnya,
                        null, null), at);
                    break;
                case WorkflowAction.Assign:
                    var size = rng.NextDouble() < 0.7 ? 1 : 2;
                    var first = rng.Next(staff.Technicians.Count);
                    team = Enumerable.Range(0, size).Select(k => staff.Technicians[(first + k) % staff.Technicians.Count]).ToList();
                    report.Assign(kasi!.Actor, new TechnicianAssignment(team.Select(t => t.Ref).ToList(), team[0].Actor.UserId,
                        StandardInstruction.SegeraSelesaikan, "Segera periksa ke lokasi."), at);
                    break;
                case WorkflowAction.StartDiagnosis:
                    report.StartDiagnosis(team[0].Actor, null, at);
                    break;
                case WorkflowAction.DiagnoseInDataCenter or WorkflowAction.DiagnoseOutsideDataCenter:
                    var inside = step.Action == WorkflowAction.DiagnoseInDataCenter;
                    report.RecordDiagnosis(team[0].Actor, new DiagnosisInput(FaultTypes[rng.Next(FaultTypes.Length)],
                        inside ? "Rak server Data Center" : room, "Perangkat diperiksa dengan ping dan traceroute."), inside, at);
                    break;
                case WorkflowAction.InspectRepair or WorkflowAction.InspectReplace:
                    report.RecordInspection(team[0].Actor, new InspectionInput(at.AddMinutes(-5), "Perangkat di lokasi diperiksa bersama pelapor.",
                        rng.NextDouble() < 0.8), step.Action == WorkflowAction.InspectReplace, at);
                    break;
                case WorkflowAction.SubmitReplacementRequest:
                    report.SubmitReplacementRequest(rng.NextDouble() < 0.7 ? reporterUser.Actor : staff.FrontDesk.Actor,
                        new ReplacementRequestInput([new DeviceLine("Access point", "TP-Link EAP225", Serial(rng), DeviceCondition.RusakBerat, null)], null), at);
                    break;
                case WorkflowAction.CompleteWork:
                    var replaced = report.ReplacementNeeded == true
                        ? new[] { new DeviceLine("Access point", "TP-Link EAP225", Serial(rng), DeviceCondition.RusakBerat, null, "TP-Link EAP245", Serial(rng)) }
                        : [];
                    var repaired = replaced.Length == 0 && rng.NextDouble() < 0.5
                        ? new[] { new DeviceLine("Kabel UTP Cat6", null, null, DeviceCondition.RusakRingan, "Disambung ulang") }
                        : [];
                    report.CompleteWork(team[0].Actor, new WorkReportInput("Perangkat diperbaiki dan koneksi diuji kembali.",
                        rng.NextDouble() < 0.6 ? "Konektor longgar" : null, repaired, replaced), at);
                    break;
                case WorkflowAction.Acknowledge:
                    report.Acknowledge(staff.Reporters[opdId].Actor, null, at);
                    break;
                case WorkflowAction.AcknowledgeOnSite:
                    report.AcknowledgeOnSite(team[0].Actor, new OnSiteSignature(report.ReporterName, SignaturePng.Bytes), at);
                    break;
                case WorkflowAction.Dispute:
                    report.Dispute(staff.Reporters[opdId].Actor, "Internet masih terputus setelah perbaikan.", at);
                    break;
                case WorkflowAction.Approve or WorkflowAction.Return:
                    var reviewer = report.Status switch
                    {
                        ReportStatus.KasiReview => kasi!.Actor,
                        ReportStatus.KabidReview => kabid!.Actor,
                        _ => staff.Kadis.Actor,
                    };
                    if (step.Action == WorkflowAction.Approve) report.Approve(reviewer, null, at);
                    else report.Return(reviewer, "Lengkapi uraian tindakan dan foto perangkat.", at);
                    break;
                default:
                    throw new InvalidOperationException($"The generator has no input for {step.Action}.");
            }
            if (step.PauseAfter)
            {
                report.PauseClock(team[0].Actor, SlaPauseReason.WaitingForReporter, "Menunggu BA pengajuan penggantian dari OPD.", at.AddMinutes(2));
            }
        }
        if (report.Status != target) throw new InvalidOperationException($"Planned {target} but reached {report.Status}.");
        return (report, guestEntry);
    }

    internal sealed record GeneratorStaff(Staff Kadis, IReadOnlyList<Staff> Kabids, IReadOnlyList<Staff> Kasis,
        IReadOnlyList<Staff> Technicians, Staff FrontDesk, IReadOnlyDictionary<int, Staff> Reporters);

    /// <summary>The generated accounts (created once, reused on later runs) the generated reports name.</summary>
    private async Task<GeneratorStaff> EnsureStaffAsync(IReadOnlyList<(int Id, string Name)> opds, string? password, DateTime now)
    {
        await provisioning.EnsureRolesAsync();
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Name, u => u.Id);
        string? hash = null;
        if (!string.IsNullOrEmpty(password))
        {
            var probe = new AppUser { UserName = UserPrefix + "kadis" };
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, probe, password);
                if (!check.Succeeded)
                    throw new InvalidOperationException($"{GenerateCommand.PasswordVariable}: " + string.Join(" ", check.Errors.Select(e => e.Description)));
            }
            hash = users.PasswordHasher.HashPassword(probe, password);
        }

        async Task<Staff> Ensure(string userName, string fullName, string role, string position, string? nip, int? opdId, string? unit)
        {
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = userName,
                    FullName = fullName,
                    Position = position,
                    Nip = nip,
                    OpdId = opdId,
                    OrgUnitId = unit is not null && units.TryGetValue(unit, out var unitId) ? unitId : null,
                    CreatedAtUtc = now,
                    PasswordHash = hash,
                };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) throw new InvalidOperationException($"Could not create {userName}: {created.Errors.First().Description}");
                await users.AddToRoleAsync(user, role);
            }
            else if (hash is not null && user.PasswordHash != hash)
            {
                user.PasswordHash = hash;
                await users.UpdateAsync(user);
            }
            var roles = new HashSet<string> { role };
            var actor = new WorkflowActor(user.Id, user.FullName, user.Position, user.Nip, roles, user.OpdId, []);
            return new Staff(actor, new PersonRef(user.Id, user.FullName, roles, true));
        }

        var kadis = await Ensure(UserPrefix + "kadis", "Ir. Bahrum Siregar, M.Si", Roles.KepalaDinas, "Kepala Dinas Komunikasi dan Informatika",
            "197101011996031001", null, ReferenceData.AgencyName);
        var kabids = new List<Staff>
        {
            await Ensure(UserPrefix + "kabid1", "Syahrial Lubis, S.Kom", Roles.KepalaBidang, "Kepala Bidang Aplikasi Informatika", "197505052000031002", null, ReferenceData.BidangAplikasi),
            await Ensure(UserPrefix + "kabid2", "Nurhayati Damanik, S.Sos", Roles.KepalaBidang, "Kepala Bidang Informasi dan Komunikasi Publik", "197606062001122003", null, ReferenceData.BidangKomunikasi),
        };
        var kasis = new List<Staff>();
        for (var k = 1; k <= 3; k++)
        {
            kasis.Add(await Ensure(UserPrefix + "kasi" + k, $"Kepala Seksi Uji {k}", Roles.KepalaSeksi, "Kepala Seksi Infrastruktur dan Jaringan",
                $"19800{k}012005011001", null, ReferenceData.SeksiInfrastruktur));
        }
        var technicians = new List<Staff>();
        for (var k = 1; k <= 8; k++)
        {
            technicians.Add(await Ensure(UserPrefix + "teknisi" + k, $"Teknisi Uji {k}", Roles.Teknisi, "Teknisi Jaringan", null, null, ReferenceData.SeksiInfrastruktur));
        }
        var frontDesk = await Ensure(UserPrefix + "petugas", "Petugas Layanan Uji", Roles.PetugasLayanan, "Petugas Pelayanan", null, null, ReferenceData.AgencyName);
        var reporters = new Dictionary<int, Staff>();
        foreach (var (id, name) in opds)
        {
            reporters[id] = await Ensure(UserPrefix + "pelapor" + id.ToString(CultureInfo.InvariantCulture), $"Pelapor Uji {name}", Roles.Pelapor,
                "Pranata Komputer", null, id, null);
        }
        return new GeneratorStaff(kadis, kabids, kasis, technicians, frontDesk, reporters);
    }

    /// <summary>Per type: the full-size sample of DocumentSamples (the same bytes for every row that stores it).</summary>
    private static Dictionary<DocumentType, (byte[] Pdf, string Hash, string Snapshot)> SamplePdfs()
    {
        var result = new Dictionary<DocumentType, (byte[], string, string)>();
        foreach (var sample in DocumentSamples.All())
        {
            var type = sample switch
            {
                ReportReceiptDocument => DocumentType.Receipt,
                DispositionSheetDocument => DocumentType.DispositionSheet,
                DeviceReplacementBeritaAcaraDocument => DocumentType.ReplacementRequestBa,
                WorkBeritaAcaraDocument => DocumentType.WorkBa,
                _ => DocumentType.WorkReport,
            };
            var full = OfficialDocumentRenderer.Render(sample);
            result[type] = (full, IssuedDocument.HashOf(full), DocumentSnapshot.Serialize(sample));
        }
        return result;
    }

    private static async Task<Dictionary<string, long>> ReadSequencesAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT Name, LastValue FROM NumberSequences";
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result[reader.GetString(0)] = reader.GetInt64(1);
        return result;
    }

    private static async Task<int> MaxIdAsync(SqliteConnection connection, SqliteTransaction tx, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT COALESCE(MAX(Id), 0) FROM \"{table}\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The unique indexes whose keys are random (a verification code per document, a stored file name per attachment).
    /// Kept in place during the load, each insert lands on a random page: at a million reports the two outgrow the page
    /// cache together and most of their inserts read a page back from the file and write another out. Built once after
    /// the load instead (a sort), on a table that was empty: with rows already there (a <c>--force</c> append) they
    /// stay, as rebuilding them would cost more than the new rows' inserts.
    /// </summary>
    private static readonly string[] RandomKeyIndexes = ["IX_IssuedDocuments_VerificationCode", "IX_Attachments_StoredName"];

    /// <summary>
    /// Drops the <see cref="RandomKeyIndexes"/> of the tables that hold no row, inside the load's transaction (a failed or
    /// killed load gets them back with the rollback), and returns their statements, exactly as the migrations wrote them,
    /// to build them again once the rows are in. A duplicate key then fails that statement, and so the load.
    /// </summary>
    private static async Task<List<string>> DropRandomKeyIndexesAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        var deferred = new List<string>();
        foreach (var index in RandomKeyIndexes)
        {
            await using var find = connection.CreateCommand();
            find.Transaction = tx;
            find.CommandText = "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND name = $name";
            find.Parameters.AddWithValue("$name", index);
            string table, sql;
            await using (var reader = await find.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct)) continue;
                (table, sql) = (reader.GetString(0), reader.GetString(1));
            }
            await using var any = connection.CreateCommand();
            any.Transaction = tx;
            any.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table}\")";
            if (Convert.ToInt64(await any.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) != 0) continue;
            await ExecuteAsync(connection, $"DROP INDEX \"{index}\"", ct, tx);
            deferred.Add(sql);
        }
        return deferred;
    }

    /// <summary>
    /// Checks every foreign key of the written rows (ids from <paramref name="firstIds"/> on) and throws on the first
    /// violation. On a table that was empty each single-column key is checked once per distinct value, read from an
    /// index that starts with the key (every generated table's key has one) in key order, so each value is looked up
    /// once and in order; on a table that was not (a <c>--force</c> append), over the new rows only
    /// (<see cref="ForeignKeyCheck"/>).
    /// At a million reports this takes seconds where <c>PRAGMA foreign_key_check</c>, which reads every row of each table
    /// and looks up every key of it, took a minute. A composite key is left to <c>PRAGMA foreign_key_check</c>.
    /// </summary>
    private static async Task CheckForeignKeysAsync(SqliteConnection connection, SqliteTransaction tx, IReadOnlyDictionary<string, long> firstIds,
        CancellationToken ct)
    {
        foreach (var (table, firstId) in firstIds)
        {
            var keys = new List<(long Id, string Parent, string From, string? To)>();
            await using (var list = connection.CreateCommand())
            {
                list.Transaction = tx;
                list.CommandText = $"SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('{table}')";
                await using var reader = await list.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    keys.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
            foreach (var key in keys.GroupBy(k => k.Id))
            {
                var columns = key.ToList();
                await using var check = connection.CreateCommand();
                check.Transaction = tx;
                if (columns.Count != 1)
                {
                    check.CommandText = $"SELECT \"table\", rowid FROM pragma_foreign_key_check('{table}') WHERE fkid = {key.Key}";
                }
                else
                {
                    var (_, parent, from, to) = columns[0];
                    check.CommandText = ForeignKeyCheck(table, from, parent, to, appended: firstId > 1);
                    if (firstId > 1) check.Parameters.AddWithValue("$first", firstId);
                }
                await using var violations = await check.ExecuteReaderAsync(ct);
                if (await violations.ReadAsync(ct))
                    throw new InvalidOperationException(
                        $"Generated rows break a foreign key: table {table}, {(columns.Count != 1 ? "row" : columns[0].From)} {violations.GetValue(columns.Count != 1 ? 1 : 0)}.");
            }
        }
    }

    /// <summary>
    /// The first value of <paramref name="table"/>.<paramref name="from"/> that names no row of <paramref name="parent"/>.
    /// On a table that was empty, each distinct value once, in key order from the key's index. On a table that was not
    /// (<paramref name="appended"/>), the new rows' values (<c>Id &gt;= $first</c>, a range of the primary key, which
    /// NOT INDEXED leaves SQLite as its only way in): with DISTINCT, or with a partial index on the key, it would rather
    /// read the key's whole index than the few new rows.
    /// </summary>
    internal static string ForeignKeyCheck(string table, string from, string parent, string? to, bool appended)
    {
        var target = to is null ? "rowid" : $"\"{to}\"";
        return appended
            ? $"SELECT c.\"{from}\" FROM \"{table}\" c NOT INDEXED WHERE c.\"Id\" >= $first AND c.\"{from}\" IS NOT NULL " +
              $"AND NOT EXISTS (SELECT 1 FROM \"{parent}\" p WHERE p.{target} = c.\"{from}\") LIMIT 1"
            : $"SELECT k FROM (SELECT DISTINCT \"{from}\" AS k FROM \"{table}\" WHERE \"{from}\" IS NOT NULL) " +
              $"WHERE NOT EXISTS (SELECT 1 FROM \"{parent}\" p WHERE p.{target} = k) LIMIT 1";
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>An index skewed towards the first items (a few OPDs report most).</summary>
    internal static int Skewed(Random rng, int count) => Math.Min(count - 1, (int)(count * Math.Pow(rng.NextDouble(), 1.8)));

    internal static T Pick<T>(Random rng, T[] items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = rng.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0) return item;
        }
        return items[^1];
    }

    private static string PersonName(Random rng) => $"{FirstNames[rng.Next(FirstNames.Length)]} {LastNames[rng.Next(LastNames.Length)]}";

    private static string Serial(Random rng) => "SN" + rng.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    // As ReportService.NewTrackingCode, from the seeded generator (the same seed gives the same data).
    private static string TrackingCode(Random rng) =>
        string.Create(Features.Reports.ReportService.TrackingCodeLength, rng, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Features.Reports.ReportService.TrackingAlphabet[r.Next(Features.Reports.ReportService.TrackingAlphabet.Length)];
        });

    private static string NewVerificationCode(Random rng) =>
        string.Create(VerificationCode.Length, rng, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = VerificationCode.Alphabet[r.Next(VerificationCode.Alphabet.Length)]; });
}
