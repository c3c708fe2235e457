using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web;
using NetworkMaintenance.Web.Commands;
using NetworkMaintenance.Web.Commands.Generate;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// <c>database generate</c>: bulk test data written with raw SQL must read back through EF and the app exactly as if the
/// app had recorded it: every event a legal move of the workflow table, numbers from the yearly counters, documents
/// numbered and superseded, and the pages working on it.
/// </summary>
// The embedded database's own file, tools or locking: not run on PostgreSQL (.ci/run, docs/operations.md).
[Trait("Database", "SqliteOnly")]
public sealed class BulkDataGeneration : IDisposable
{
    private const string Password = "Uji#Generator2026";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nm-gen-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task GeneratedReportsFollowTheWorkflowTableAndTheAppServesThem()
    {
        using var factory = new AppFactory();
        var result = await factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(500, 7, 3, Password)));
        Assert.Equal(500, result.Reports);

        var reports = await factory.QueryAsync(db => db.Reports.AsNoTracking().Include(r => r.Events).Include(r => r.Technicians).ToListAsync());
        Assert.Equal(500, reports.Count);
        Assert.Equal(Enum.GetValues<ReportStatus>().Order(), reports.Select(r => r.Status).Distinct().Order());
        // Every channel a person records; monitoring reports come only from alerts (docs/monitoring.md), not from the generator.
        Assert.Equal(Enum.GetValues<ReportChannel>().Where(Labels.IsChosenByPeople).Order(), reports.Select(r => r.Channel).Distinct().Order());
        Assert.Equal(Enum.GetValues<FaultCategory>().Order(), reports.Select(r => r.Category).Distinct().Order());
        Assert.True(reports.Max(r => r.ReceivedAtUtc) - reports.Min(r => r.ReceivedAtUtc) > TimeSpan.FromDays(600));
        Assert.True(reports.Select(r => r.OpdId).Distinct().Count() > 10);

        foreach (var report in reports)
        {
            var events = report.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList();
            Assert.Equal(WorkflowAction.Submit, events[0].Action);
            Assert.Null(events[0].FromStatus);
            for (var i = 1; i < events.Count; i++)
            {
                var transition = WorkflowTable.Find(events[i].Action, events[i].FromStatus!.Value);
                Assert.True(transition is not null, $"{report.Number}: {events[i].Action} from {events[i].FromStatus} is not in the workflow table.");
                Assert.Equal(transition.To, events[i].ToStatus);
                Assert.Equal(events[i - 1].ToStatus, events[i].FromStatus);
                Assert.Equal((long)(events[i].AtUtc - events[i - 1].AtUtc).TotalSeconds, events[i].SecondsInFromStatus);
            }
            Assert.Equal(report.Status, events[^1].ToStatus);
            Assert.Equal(Report.FormatNumber(report.Year, report.Sequence), report.Number);
            if (report.WorkCompletedAtUtc is { } done)
                Assert.Equal((long)(done - report.SlaClockStartUtc).TotalSeconds, report.SlaElapsedSeconds);
            Assert.Equal(report.Status is ReportStatus.Closed or ReportStatus.Rejected, report.ClosedAtUtc is not null);
            if (report.Status >= ReportStatus.Assigned && report.Status != ReportStatus.Rejected) Assert.NotEmpty(report.Technicians);
        }

        // Report numbers: 1..n per year in order of receipt, and the yearly counters stand at n.
        var sequences = await factory.QueryAsync(db => db.NumberSequences.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.LastValue));
        foreach (var year in reports.GroupBy(r => r.Year))
        {
            var ordered = year.OrderBy(r => r.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, ordered.Count).Select(i => (long)i), ordered.Select(r => r.Sequence));
            Assert.Equal(ordered.OrderBy(r => r.ReceivedAtUtc).Select(r => r.Id), ordered.Select(r => r.Id));
            Assert.Equal(ordered.Count, sequences[$"GJ-{year.Key}"]);
        }

        // Documents: the current set of a closed report, unique numbers, counters at the number of issues.
        var documents = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .Select(d => new { d.Id, d.ReportId, d.Type, d.Number, d.Version, d.IsSuperseded, d.SupersededById, d.IssuedAtUtc }).ToListAsync());
        foreach (var closed in reports.Where(r => r.Status == ReportStatus.Closed))
        {
            var current = documents.Where(d => d.ReportId == closed.Id && !d.IsSuperseded).Select(d => d.Type).Order().ToList();
            Assert.Superset(new HashSet<DocumentType> { DocumentType.Receipt, DocumentType.DispositionSheet, DocumentType.WorkBa, DocumentType.WorkReport },
                current.ToHashSet());
            Assert.Equal(current.Count, current.Distinct().Count());
        }
        foreach (var superseded in documents.Where(d => d.IsSuperseded))
        {
            var next = documents.Single(d => d.Id == superseded.SupersededById);
            Assert.Equal((superseded.ReportId, superseded.Type, superseded.Version + 1), (next.ReportId, next.Type, next.Version));
        }
        // One number per document: its versions share it; a letter number takes one counter value when first issued.
        Assert.Equal(documents.Count, documents.Select(d => (d.Type, d.Number, d.Version)).Distinct().Count());
        var firstIssues = documents.Where(d => DocumentTypes.LetterNumbered.Contains(d.Type))
            .GroupBy(d => (d.Type, d.Number)).Select(g => g.MinBy(d => d.Version)!);
        foreach (var group in firstIssues.GroupBy(d => d.Type.SequenceName(d.IssuedAtUtc.AddHours(7).Year)))
        {
            Assert.Equal(group.Count(), sequences[group.Key]);
        }

        var connectionString = await factory.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await check.ExecuteReaderAsync();
            Assert.False(await reader.ReadAsync(), "Generated rows break a foreign key.");
        }

        // The generated Kepala Dinas signs in with the given password; the dashboard, list, report page and PDF work.
        using var kadis = await WebSession.SignedInAsync(factory, "uji.kadis", Password);
        var dashboard = await kadis.GetPageAsync("/");
        Assert.Contains("Tren bulanan", dashboard, StringComparison.Ordinal);
        var closedReports = reports.Where(r => r.Status == ReportStatus.Closed).OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id).ToList();
        var list = await kadis.GetPageAsync("/laporan?status=Closed&page=2");
        Assert.Contains(closedReports[25].Number, list, StringComparison.Ordinal);
        var newest = closedReports[0];
        var page = await kadis.GetPageAsync($"/laporan/{newest.Id}");
        Assert.Contains(newest.Number, page, StringComparison.Ordinal);
        var workBa = documents.Single(d => d.ReportId == newest.Id && d.Type == DocumentType.WorkBa && !d.IsSuperseded);
        using var pdf = await kadis.GetAsync($"/laporan/{newest.Id}/dokumen/{workBa.Id}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(PdfReader.Text(await pdf.Content.ReadAsByteArrayAsync()));
        var oldest = closedReports[^1];
        var placeholder = documents.First(d => d.ReportId == oldest.Id && d.Type == DocumentType.Receipt);
        using var small = await kadis.GetAsync($"/laporan/{oldest.Id}/dokumen/{placeholder.Id}");
        var smallText = PdfReader.Text(await small.Content.ReadAsByteArrayAsync());
        Assert.Contains("PDF pengganti data uji", smallText, StringComparison.Ordinal);
        Assert.Contains(placeholder.Number, smallText, StringComparison.Ordinal);

        // Placeholders are spliced from a template: each is a well-formed PDF (strict parsing: exact cross-reference
        // offsets and stream length) with its own bytes, and the stored SHA-256 is that of the stored bytes.
        var secondOldest = closedReports[^2].Id;
        var stored = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Where(d => d.ReportId == oldest.Id || d.ReportId == secondOldest)
            .Select(d => new { d.Number, d.Type, d.Pdf, d.Sha256 }).ToListAsync());
        Assert.True(stored.Count >= 8);
        foreach (var document in stored)
        {
            Assert.Equal(IssuedDocument.HashOf(document.Pdf), document.Sha256);
            Assert.True(document.Pdf.Length < 700, $"{document.Number}: placeholder of {document.Pdf.Length} bytes.");
            using var parsed = UglyToad.PdfPig.PdfDocument.Open(document.Pdf, new UglyToad.PdfPig.ParsingOptions { UseLenientParsing = false });
            Assert.Equal(1, parsed.NumberOfPages);
            Assert.Contains(document.Number, string.Join(" ", parsed.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
        }
        Assert.Equal(stored.Count, stored.Select(d => d.Sha256).Distinct().Count());
        var placeholderHashes = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Where(d => d.SnapshotJson == "{}")
            .Select(d => d.Sha256).ToListAsync());
        Assert.True(placeholderHashes.Count > documents.Count / 2);
        Assert.Equal(placeholderHashes.Count, placeholderHashes.Distinct().Count());

        // Attachment records (no files) and satisfaction surveys: a realistic share, on their reports, in time.
        var attachments = await factory.QueryAsync(db => db.Attachments.AsNoTracking().ToListAsync());
        var surveys = await factory.QueryAsync(db => db.SatisfactionSurveys.AsNoTracking().ToListAsync());
        var byId = reports.ToDictionary(r => r.Id);
        var reporterIds = await factory.QueryAsync(db => db.Users.AsNoTracking().Where(u => u.UserName!.StartsWith("uji.pelapor"))
            .ToDictionaryAsync(u => u.OpdId!.Value, u => u.Id));
        var withAttachments = attachments.Select(a => a.ReportId).Distinct().Count();
        Assert.InRange(withAttachments, reports.Count / 5, reports.Count * 4 / 5);
        Assert.Equal(attachments.Count, attachments.Select(a => a.StoredName).Distinct().Count());
        foreach (var attachment in attachments)
        {
            var report = byId[Assert.NotNull(attachment.ReportId)];
            Assert.Null(attachment.ComplaintId);
            Assert.InRange(attachment.UploadedAtUtc, report.ReceivedAtUtc, DateTime.UtcNow);
            var extension = attachment.ContentType switch { "image/jpeg" => ".jpg", "image/png" => ".png", "application/pdf" => ".pdf", _ => "?" };
            Assert.EndsWith(extension, attachment.StoredName, StringComparison.Ordinal);
            Assert.Equal(attachment.OriginalName, NetworkMaintenance.Web.Features.Attachments.AttachmentStore.SafeName(attachment.OriginalName, extension));
            Assert.InRange(attachment.SizeBytes, 1, NetworkMaintenance.Web.Features.Attachments.UploadOptions.DefaultMaxBytes);
            Assert.NotNull(attachment.UploadedByUserId);
        }
        var closedCount = reports.Count(r => r.Status == ReportStatus.Closed);
        Assert.InRange(surveys.Count, closedCount / 4, closedCount * 2 / 3);
        Assert.Equal(surveys.Count, surveys.Select(s => s.ReportId).Distinct().Count());
        foreach (var survey in surveys)
        {
            var report = byId[survey.ReportId];
            Assert.Equal(ReportStatus.Closed, report.Status);
            Assert.Equal(report.OpdId, survey.OpdId);
            Assert.Equal(reporterIds[report.OpdId], survey.UserId);
            Assert.True(survey.SubmittedAtUtc >= report.ClosedAtUtc, $"{report.Number}: survey before closing.");
            Assert.All(survey.Scores, score => Assert.InRange(score, 1, 4));
        }
        // Mostly "Baik" or better, with every score used somewhere.
        Assert.InRange(surveys.Average(s => s.Scores.Average()), 2.8, 3.8);
        Assert.Equal([1, 2, 3, 4], surveys.SelectMany(s => s.Scores).Distinct().Order());

        // The report page of a report with attachments lists them; a generated attachment has no file, and downloading
        // it says so (404, in Indonesian), never a 500.
        var photographed = attachments.GroupBy(a => a.ReportId!.Value).OrderByDescending(g => g.Count()).First();
        var photographedPage = await kadis.GetPageAsync($"/laporan/{photographed.Key}");
        Assert.All(photographed, a => Assert.Contains(WebUtility.HtmlEncode(a.OriginalName), photographedPage, StringComparison.Ordinal));
        using (var missing = await kadis.GetAsync($"/lampiran/{photographed.First().Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains(NetworkMaintenance.Web.Features.Attachments.AttachmentsController.MissingFileTitle,
                await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The IKM recap of the year with the most surveys counts them; the SKM follow-up and public results pages work.
        var busiest = surveys.GroupBy(s => s.SubmittedAtUtc.AddHours(7).Year).OrderByDescending(g => g.Count()).First();
        var ikm = await kadis.GetPageAsync($"/skm?year={busiest.Key}");
        Assert.Contains($"{busiest.Count()} responden", ikm, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ikm-value\"", ikm, StringComparison.Ordinal);
        await kadis.GetPageAsync("/skm/tindak-lanjut");
        using var visitor = WebSession.Create(factory);
        await visitor.GetPageAsync("/hasil-skm");
        Assert.Contains("IKM", await visitor.GetPageAsync("/standar-pelayanan"), StringComparison.Ordinal);

        // A generated report can be moved on by the app itself (its concurrency token round-trips through EF).
        var submitted = reports.First(r => r.Status == ReportStatus.Submitted);
        using var driver = new WorkflowDriver(factory);
        await driver.DisposeAsync(submitted.Id);
        Assert.Equal(ReportStatus.DisposedToKabid, await driver.StatusAsync(submitted.Id));
    }

    [Fact]
    public async Task TheSameSeedAtTheSameTimeGivesTheSameData()
    {
        // Each report is planned from its own seed (the run's and its id), the documents are numbered from a queue:
        // two runs at the same clock give the same rows (user ids aside: Identity makes them).
        var at = new DateTimeOffset(2026, 3, 18, 4, 30, 0, TimeSpan.Zero);
        async Task<List<string>> GenerateAsync(int seed)
        {
            using var factory = new AppFactory { TestServices = s => s.AddSingleton<TimeProvider>(new FixedTime(at)) };
            await factory.WithScopeAsync(sp =>
                ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(250, seed, 2, null)));
            var connectionString = await factory.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var rows = new List<string>();
            foreach (var sql in new[]
            {
                "SELECT Id, Number, Status, ReceivedAtUtc, TrackingCode, OpdId, Channel, Category, ClosedAtUtc, SlaElapsedSeconds FROM Reports ORDER BY Id",
                "SELECT Id, ReportId, Action, AtUtc, SecondsInFromStatus FROM ReportEvents ORDER BY Id",
                "SELECT Id, ReportId, Type, Number, Version, IssuedAtUtc, VerificationCode, Sha256, SupersededById FROM IssuedDocuments ORDER BY Id",
                "SELECT Id, ReportId, StoredName, OriginalName, ContentType, SizeBytes, UploadedAtUtc FROM Attachments ORDER BY Id",
                "SELECT Id, ReportId, OpdId, U1, U2, U3, U4, U5, U6, U7, U8, U9, Suggestion, SubmittedAtUtc FROM SatisfactionSurveys ORDER BY Id",
            })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i))));
                }
            }
            return rows;
        }

        var first = await GenerateAsync(11);
        Assert.Equal(first, await GenerateAsync(11));
        Assert.NotEqual(first, await GenerateAsync(12));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task AFailedLoadLeavesTheDatabaseAsItWas()
    {
        using var factory = new AppFactory();
        var connectionString = await factory.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using (var connection = new SqliteConnection(connectionString))
        {
            // The writer fails in the middle of the documents, long after the reports and their timelines were written.
            await connection.OpenAsync();
            await using var trigger = connection.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER FailGeneration BEFORE INSERT ON IssuedDocuments WHEN NEW.Id = 700 " +
                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END";
            await trigger.ExecuteNonQueryAsync();
        }

        var failure = await Assert.ThrowsAsync<SqliteException>(() => factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(300, 3, 0, null))));
        Assert.Contains("injected failure", failure.Message, StringComparison.Ordinal);

        SqlitePools.Release(connectionString);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT COUNT(*) FROM Reports), (SELECT COUNT(*) FROM ReportEvents), " +
                "(SELECT COUNT(*) FROM IssuedDocuments), (SELECT COUNT(*) FROM NumberSequences WHERE Name LIKE 'GJ-%'), " +
                "(SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'IssuedDocuments'), " +
                "(SELECT journal_mode FROM pragma_journal_mode)";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal([0L, 0L, 0L, 0L], new[] { reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3) });
            Assert.True(reader.GetInt64(4) >= 5, "The documents' indexes are still there.");
            Assert.Equal("wal", reader.GetString(5));
        }
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        Assert.False(File.Exists(path + "-journal"), "A rollback journal was left behind.");
    }

    /// <summary>
    /// The generator checks what it wrote before committing: a generated row that names no existing parent, or a
    /// verification code or stored file name given twice (their unique indexes are built after the load on a new
    /// database), fails the whole load and leaves nothing behind — and the indexes as the migrations made them.
    /// </summary>
    [Theory]
    [InlineData("UPDATE IssuedDocuments SET IssuedByUserId = 'no-such-user' WHERE Id = NEW.Id", "table IssuedDocuments")]
    [InlineData("UPDATE IssuedDocuments SET ReportId = 987654 WHERE Id = NEW.Id", "table IssuedDocuments")]
    [InlineData("UPDATE IssuedDocuments SET VerificationCode = (SELECT VerificationCode FROM IssuedDocuments WHERE Id = NEW.Id - 1) WHERE Id = NEW.Id",
        "IssuedDocuments.VerificationCode")]
    public async Task BrokenGeneratedRowsFailTheLoad(string corruption, string expected)
    {
        using var factory = new AppFactory();
        var connectionString = await factory.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var indexes = await IndexesAsync(connectionString);
        Assert.Contains(indexes, i => i.Name == "IX_IssuedDocuments_VerificationCode");
        Assert.Contains(indexes, i => i.Name == "IX_Attachments_StoredName");
        await using (var connection = new SqliteConnection(connectionString))
        {
            // Foreign keys are off during the load, so the broken row is written and only the check can find it.
            await connection.OpenAsync();
            await using var trigger = connection.CreateCommand();
            trigger.CommandText = $"CREATE TRIGGER BreakGeneration AFTER INSERT ON IssuedDocuments WHEN NEW.Id = 700 BEGIN {corruption}; END";
            await trigger.ExecuteNonQueryAsync();
        }

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(300, 3, 0, null))));
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);

        SqlitePools.Release(connectionString);
        Assert.Equal(0, await factory.QueryAsync(db => db.Reports.CountAsync()));
        Assert.Equal(indexes, await IndexesAsync(connectionString));
    }

    [Fact]
    public async Task TheIndexesBuiltAfterTheLoadAreTheMigrationsOwn()
    {
        using var factory = new AppFactory();
        var connectionString = await factory.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var before = await IndexesAsync(connectionString);
        await factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(200, 5, 0, null)));
        SqlitePools.Release(connectionString);
        Assert.Equal(before, await IndexesAsync(connectionString));
    }

    /// <summary>
    /// The check of the foreign keys before the commit reads indexes, never a whole table: on a new database each key's
    /// distinct values from the index that starts with it; on an append (<c>--force</c>, every benchmark run with
    /// <c>--reuse-db</c>) only the new rows, by their id. With DISTINCT there, SQLite read the key's whole index instead:
    /// 33 s for one appended report at a million.
    /// </summary>
    [Fact]
    public async Task TheForeignKeyCheckReadsTheKeysIndexOrOnlyTheNewRows()
    {
        using var factory = new AppFactory();
        var connectionString = await factory.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(200, 5, 0, null)));
        SqlitePools.Release(connectionString);
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;

        var keys = new List<(string Table, string From, string Parent, string? To)>();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT t.name, k.\"from\", k.\"table\", k.\"to\" FROM sqlite_master t, pragma_foreign_key_list(t.name) k " +
                "WHERE t.type = 'table' AND t.name IN ('Reports', 'ReportEvents', 'ReportAssignments', 'ReportDevices', 'ReportPauses', " +
                "'GuestBookEntries', 'IssuedDocuments', 'Attachments', 'SatisfactionSurveys')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        Assert.True(keys.Count >= 20, $"Only {keys.Count} foreign keys found.");
        foreach (var (table, from, parent, to) in keys)
        {
            var whole = string.Join(" | ", SqliteStatements.Plan(file, BulkDataGenerator.ForeignKeyCheck(table, from, parent, to, appended: false)));
            Assert.Matches($"(SCAN|SEARCH) {table} USING COVERING INDEX", whole);
            var appended = string.Join(" | ", SqliteStatements.Plan(file, BulkDataGenerator.ForeignKeyCheck(table, from, parent, to, appended: true)));
            Assert.Contains("SEARCH c USING INTEGER PRIMARY KEY (rowid>?)", appended, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The planner's statistics are gathered after a load, and kept by an append of less than a tenth of the reports
    /// there (the benchmark runner's one report per run: ANALYZE took two minutes at a million on a cold cache).
    /// </summary>
    [Fact]
    public async Task StatisticsAreGatheredAfterALoadAndKeptByASmallAppend()
    {
        using var factory = new AppFactory();
        var connectionString = await factory.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        Task<GeneratorResult> Generate(int reports, int seed) => factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(reports, seed, 0, null)));
        async Task<string?> ReportsCountedAsync()
        {
            SqlitePools.Release(connectionString);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT stat FROM sqlite_stat1 WHERE idx = 'IX_Reports_Number'";
            return (string?)await command.ExecuteScalarAsync();
        }

        await Generate(100, 1);
        Assert.StartsWith("100 ", await ReportsCountedAsync(), StringComparison.Ordinal);
        await Generate(9, 2);
        Assert.StartsWith("100 ", await ReportsCountedAsync(), StringComparison.Ordinal);
        Assert.Contains("Generator: statistics kept (9 reports added to 100)", await factory.ReadLogsAsync(), StringComparison.Ordinal);
        await Generate(11, 3);
        Assert.StartsWith("120 ", await ReportsCountedAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<(string Name, string Sql)>> IndexesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    [Fact]
    public async Task RefusesProductionAndADatabaseWithReportsUnlessToldTo()
    {
        Assert.Equal(1, await RunAsync("Production", "database", "generate", "--reports", "20"));
        Assert.Equal(2, await RunAsync("Development", "database", "generate"));
        Assert.Equal(2, await RunAsync("Development", "database", "generate", "--reports", "many"));
        Assert.Equal(0, await RunAsync("Development", "database", "generate", "--reports", "30", "--seed", "1"));
        Assert.Equal(1, await RunAsync("Development", "database", "generate", "--reports", "30"));
        Assert.Equal(0, await RunAsync("Production", "database", "generate", "--reports", "30", "--seed", "2", "--force", "--allow-production"));
        // The benchmark runner's --reuse-db appends one report with the same seed on every run.
        Assert.Equal(0, await RunAsync("Production", "database", "generate", "--reports", "30", "--seed", "2", "--force", "--allow-production"));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "networkmaintenance.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT Number), (SELECT SUM(LastValue) FROM NumberSequences WHERE Name LIKE 'GJ-%') FROM Reports";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(90, reader.GetInt64(0));
        Assert.Equal(90, reader.GetInt64(1));
        Assert.Equal(90, reader.GetInt64(2));
    }

    private async Task<int> RunAsync(string environment, params string[] args)
    {
        await using var app = AppHost.Build([.. args, "--environment", environment, "--Database:Provider", "Sqlite",
            "--Database:DataDirectory", _folder, "--ConnectionStrings:Sqlite", ""]);
        return await CommandLine.RunAsync(app, args);
    }

    public void Dispose()
    {
        SqlitePools.ReleaseDataDirectory(_folder);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
