using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Commands.Generate;
using NetworkMaintenance.Web.Infrastructure;
using Xunit.Abstractions;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The report page on first sight (a report this instance has not shown yet: issue #18, docs/perf-round2/firstsight.md):
/// how many SQL statements it sends, and that their prepared statements are reused from one report to the next
/// instead of being compiled again (<see cref="SqlitePreparedStatements"/>). Structural bounds, never timings.
/// </summary>
// Seeded by the bulk generator and about SQLite's prepared statements: not run on PostgreSQL (.ci/run).
[Trait("Database", "SqliteOnly")]
public sealed class FirstSightQueries(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// The report with its OPD, then its technicians, devices, pauses and timeline (5), attachments, survey flag, documents.
    /// No version lookup: with no kept copy there is nothing to compare it with.
    /// </summary>
    public const int MaxStatementsOnFirstSight = 8;

    private const string Password = "Uji#Generator2026";
    // The reuse is on by default (DatabaseOptions.PreparedStatementConnections): these tests run the shipped setting.
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task AReportSeenForTheFirstTimeSendsAtMostEightStatementsAllOnReusedPreparedStatements()
    {
        // Enough reports that twelve are closed whatever the day (the generator spreads them over the months before today).
        await GenerateAsync(100);
        var ids = await _factory.QueryAsync(db => db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Closed)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(12).ToListAsync());
        Assert.Equal(12, ids.Count);
        var statements = _factory.Services.GetRequiredService<SqlitePreparedStatements>();

        using var kadis = await WebSession.SignedInAsync(_factory, "uji.kadis", Password);
        // Warm: the session's actor and badges are cached, and every statement of the page has been prepared once.
        await kadis.GetPageAsync($"/laporan/{ids[0]}");
        await kadis.GetPageAsync($"/laporan/{ids[1]}");
        using var counter = await SqlCommandCounter.StartAsync(_factory.DataDirectory, () => _factory.QueryAsync(db => db.Users.AnyAsync()));

        var prepared = statements.Prepared;
        var executions = statements.Executions;
        foreach (var id in ids.Skip(2))
        {
            counter.Reset();
            var html = await kadis.GetPageAsync($"/laporan/{id}");
            Assert.Contains("Riwayat", html, StringComparison.Ordinal);
            var texts = counter.Texts;
            output.WriteLine($"/laporan/{id}: {texts.Count} statements");
            foreach (var text in texts) output.WriteLine("  " + text.ReplaceLineEndings(" "));
            // The page's statements are those about this report (a background service of the app may query meanwhile);
            // every one of them runs on a kept prepared statement.
            var page = texts.Where(t => t.Contains("@id", StringComparison.Ordinal) || t.Contains("@reportId", StringComparison.Ordinal)).ToList();
            Assert.InRange(page.Count, 1, MaxStatementsOnFirstSight);
            Assert.All(page, text => Assert.StartsWith("-- " + SqlitePreparedStatements.Tag, text, StringComparison.Ordinal));
            // Each reads its table by the report's id: no split include, which repeats the report's lookup, join and
            // order as a subquery in every collection's statement (more for SQLite to compile and run on each page).
            Assert.All(page, text => Assert.DoesNotContain("FROM (", text, StringComparison.Ordinal));
        }

        // Ten reports never seen before, eight statements each, and not one of them compiled again.
        output.WriteLine($"prepared {statements.Prepared - prepared}, reused {statements.Executions - executions}");
        Assert.Equal(0, statements.Prepared - prepared);
        Assert.True(statements.Executions - executions >= 10 * 7, $"{statements.Executions - executions} reused executions");
    }

    [Fact]
    public async Task AQueryInsideATransactionSeesItsOwnWritesAndIsNotTakenOver()
    {
        await GenerateAsync(30);
        var id = await _factory.QueryAsync(db => db.Reports.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var statements = _factory.Services.GetRequiredService<SqlitePreparedStatements>();
        await _factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var before = statements.Executions;
            await db.Attachments.Where(a => a.ReportId == id).ExecuteDeleteAsync();
            db.Attachments.Add(new Core.Domain.Intake.Attachment(id, null, "uji-stored.txt", "uji.txt", "text/plain", 1, null,
                new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
            // The tagged query runs inside the transaction on EF's own connection: it sees the uncommitted row.
            var files = await Web.Features.Reports.ReportQueries.AttachmentsOf(db, id).ToListAsync();
            Assert.Equal("uji.txt", Assert.Single(files).OriginalName);
            Assert.Equal(before, statements.Executions);
            await transaction.RollbackAsync();
        });
    }

    [Fact]
    public async Task TheReportReadInPartsHoldsWhatTheWholeAggregateHolds()
    {
        await GenerateAsync(100);
        var ids = await _factory.QueryAsync(db => db.Reports.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        var (technicians, devices, pauses, events) = (0, 0, 0, 0);
        foreach (var id in ids)
        {
            // The page's read copy on first sight (ReportSnapshots: the report row, then each collection by report id)
            // against the copy of the aggregate loaded whole and tracked, as a step loads it.
            var read = await _factory.WithScopeAsync(sp => sp.GetRequiredService<Web.Features.Reports.ReportSnapshots>().FindAsync(id));
            var whole = await _factory.QueryAsync(async db => Web.Features.Reports.ReportView.From(await db.Reports.Include(r => r.Opd)
                .Include(r => r.Technicians).Include(r => r.Devices).Include(r => r.Pauses).Include(r => r.Events).SingleAsync(r => r.Id == id)));
            Assert.NotNull(read);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(whole), System.Text.Json.JsonSerializer.Serialize(read));
            Assert.Equal(whole.PendingReturn()?.Id, read.PendingReturn()?.Id);
            (technicians, devices, pauses, events) = (technicians + read.Technicians.Count, devices + read.Devices.Count,
                pauses + read.Pauses.Count, events + read.Events.Count);
        }
        output.WriteLine($"{ids.Count} reports: {technicians} technicians, {devices} devices, {pauses} pauses, {events} events");
        // The generated reports hold every kind of part, so each collection was compared.
        Assert.All(new[] { technicians, devices, pauses, events }, count => Assert.True(count > 0));
        Assert.Null(await _factory.WithScopeAsync(sp => sp.GetRequiredService<Web.Features.Reports.ReportSnapshots>().FindAsync(ids.Max() + 1)));
    }

    [Fact]
    public async Task AKeptConnectionWhoseDatabaseFileWasReplacedIsNotUsedAgain()
    {
        await GenerateAsync(5);
        var id = await _factory.QueryAsync(db => db.Reports.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var statements = _factory.Services.GetRequiredService<SqlitePreparedStatements>();
        Task<string> LocationAsync() => _factory.QueryAsync(db => db.Reports.TagWith(SqlitePreparedStatements.Tag).AsNoTracking()
            .Where(r => r.Id == id).Select(r => r.Location).SingleAsync());
        var before = await LocationAsync();
        var executions = statements.Executions;
        Assert.Equal(before, await LocationAsync());
        Assert.True(statements.Executions > executions, "the tagged query ran on a kept connection");

        // The file is replaced under the running app (a volume restored, a copy put back): a copy of it in which the
        // report's location differs takes its path, and the old file is moved aside with its log.
        var connectionString = await _factory.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var database = Path.Combine(_factory.DataDirectory, "networkmaintenance.db");
        var copy = Path.Combine(_factory.DataDirectory, "copy.db");
        var aside = Directory.CreateDirectory(Path.Combine(_factory.DataDirectory, "aside")).FullName;
        await using (var live = new Microsoft.Data.Sqlite.SqliteConnection(connectionString))
        {
            await live.OpenAsync();
            await using var backup = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False");
            await backup.OpenAsync();
            live.BackupDatabase(backup);
            await using var change = backup.CreateCommand();
            change.CommandText = "UPDATE Reports SET Location = 'Ruang server lantai 3 (dipulihkan)' WHERE Id = $id";
            change.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }
        Tests.Shared.SqlitePools.Release(connectionString);
        foreach (var file in Directory.GetFiles(_factory.DataDirectory, "networkmaintenance.db*")) File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        File.Move(copy, database);

        // What the path holds now is what every query reads, the kept connections' included.
        Assert.Equal("Ruang server lantai 3 (dipulihkan)", await LocationAsync());
        Assert.Equal("Ruang server lantai 3 (dipulihkan)", await _factory.QueryAsync(db => db.Reports.AsNoTracking()
            .Where(r => r.Id == id).Select(r => r.Location).SingleAsync()));
    }

    private async Task GenerateAsync(int reports)
    {
        var result = await _factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(reports, 11, 3, Password)));
        Assert.Equal(reports, result.Reports);
    }

    public void Dispose() => _factory.Dispose();
}
