using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.IntegrationTests.Workflow;
using Xunit.Abstractions;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// Issue #17 point 2, a straight step path, seen from the database: one workflow step POST reads the report's own row
/// once (controller → StepService → the aggregate → one save) and writes it once, in one transaction with its timeline
/// event, hand-over and audit entry.
/// </summary>
public sealed class StepPathQueries(AppFactory factory, ITestOutputHelper output) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task AStepLoadsTheReportOnceAndSavesItOnce()
    {
        var id = await _w.SubmitAsync();
        await _w.DisposeAsync(id);

        // The form first (as a person would open it); only the POST is counted.
        var session = await _w.As("kabid");
        var url = $"/laporan/{id}/langkah/{WorkflowAction.Verify}";
        var html = await session.GetPageAsync(url);
        var token = WebPageHelpers.GetRequestVerificationToken(html, url);
        var version = WebPageHelpers.InputValue(html, "Version")!;
        var kasi = await _w.UserIdAsync("kasi");

        using var counter = await SqlCommandCounter.StartAsync(factory.DataDirectory, () => factory.QueryAsync(db => db.Users.AnyAsync()));
        counter.Reset();
        using (var response = await session.PostWithTokenAsync(url,
            [new("TargetUserId", kasi), new("Instructions", "LaporkanHasilnya"), new("Version", version)], token))
        {
            await HttpAssert.RedirectsToAsync(response, $"/laporan/{id}");
        }
        var texts = counter.Texts;
        foreach (var text in texts) output.WriteLine(text.ReplaceLineEndings(" "));
        Assert.Equal(ReportStatus.DisposedToKasi, await _w.StatusAsync(id));
        // Any failure rolls the whole step back: no savepoint (two statements) around its save.
        Assert.Equal(0, counter.Savepoints);

        // The report's own row: selected with its columns (the tracking code is one only the report row has) once...
        var reportReads = texts.Count(t => t.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && t.Contains("\"TrackingCode\"", StringComparison.Ordinal) && t.Contains("FROM \"Reports\"", StringComparison.Ordinal));
        Assert.Equal(1, reportReads);
        // ...and updated once, under its concurrency token.
        var reportUpdates = texts.Count(t => t.Contains("UPDATE \"Reports\"", StringComparison.Ordinal));
        Assert.Equal(1, reportUpdates);
        Assert.Contains(texts, t => t.Contains("INSERT INTO \"ReportEvents\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFilingReadsNoDocumentsOrNotificationsOfTheReportItJustInserted()
    {
        var (id, texts, _) = await SecondFilingAsync();

        // A report received in this transaction has no documents and nobody has been told of it: its receipt is issued
        // and the Kepala Dinas told without looking for earlier ones.
        // (The background renderer's read of the receipt, by its id, may fall in the window: it is not the filing's.)
        Assert.DoesNotContain(texts, t => t.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && t.Contains("FROM \"IssuedDocuments\"", StringComparison.Ordinal) && t.Contains("\"ReportId\" =", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && t.Contains("FROM \"Notifications\"", StringComparison.Ordinal) && t.Contains("\"ReportId\" =", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("INSERT INTO \"IssuedDocuments\"", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("INSERT INTO \"Notifications\"", StringComparison.Ordinal));
        var receipt = await factory.QueryAsync(db => db.IssuedDocuments.Where(d => d.ReportId == id)
            .Select(d => new { d.Type, d.Version, d.IsSuperseded }).SingleAsync());
        Assert.Equal((Core.Domain.Documents.DocumentType.Receipt, 1, false), (receipt.Type, receipt.Version, receipt.IsSuperseded));
        var kadis = await _w.UserIdAsync("kadis");
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.ReportId == id && n.UserId == kadis && n.ReadAtUtc == null)));
    }

    /// <summary>
    /// Inside the filing's write transaction only what a new report needs: the number takes one statement (the increment
    /// returns the value), and the OPD's name, the Kepala Dinas to tell and the webhook receivers come from the reference
    /// cache (changes to them bump <c>DataChanges.Reference</c>).
    /// </summary>
    [Fact]
    public async Task AFilingReadsNoReferenceDataAndTakesItsNumberInOneStatement()
    {
        var (id, texts, savepoints) = await SecondFilingAsync();

        Assert.Single(texts, t => t.Contains("\"NumberSequences\"", StringComparison.Ordinal));
        // Any failure rolls the whole filing back: no savepoint (two statements) around each of its saves.
        Assert.Equal(0, savepoints);
        Assert.DoesNotContain(texts, t => t.StartsWith("SELECT \"o\".\"Name\" FROM \"Opds\"", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("FROM \"AspNetUserRoles\"", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("FROM \"WebhookReceivers\"", StringComparison.Ordinal));
        // What the cache served is what the rows say: the receipt names the OPD, the Kepala Dinas is told.
        var opd = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Opd!.Name).SingleAsync());
        var snapshot = await factory.QueryAsync(db => db.IssuedDocuments.Where(d => d.ReportId == id).Select(d => d.SnapshotJson).SingleAsync());
        Assert.Contains(opd, snapshot, StringComparison.Ordinal);
        var kadis = await _w.UserIdAsync("kadis");
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.ReportId == id && n.UserId == kadis)));
    }

    /// <summary>
    /// The cache is stamped by this instance's changes only: an OPD another instance added minutes ago is not in it yet,
    /// and a report filed for it still gets its receipt with the OPD's name (read from its row).
    /// </summary>
    [Fact]
    public async Task AReportForAnOpdTheCacheDoesNotKnowYetIsReceivedWithItsName()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var known = await factory.OpdIdAsync("Disdukcapil");
        using (var first = await petugas.PostFormAsync("/laporan/baru", Intake.IntakeHelpers.FrontDeskReport(known, nameof(ReportChannel.Phone))))
        {
            await HttpAssert.RedirectsToAsync(first, "/laporan/");
        }
        // Written the way another instance's save reaches this one: in the database, not in this instance's counters.
        const string name = "Badan Riset dan Inovasi Daerah Kota Tebing Tinggi";
        var added = await factory.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Opds\" (\"Name\", \"ShortName\", \"IsActive\") VALUES ({name}, {"BRIDA"}, TRUE)");
            return await db.Opds.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
        });

        using var filed = await petugas.PostFormAsync("/laporan/baru", Intake.IntakeHelpers.FrontDeskReport(added, nameof(ReportChannel.Phone)));
        var id = Intake.IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(filed, "/laporan/"));
        var snapshot = await factory.QueryAsync(db => db.IssuedDocuments.Where(d => d.ReportId == id).Select(d => d.SnapshotJson).SingleAsync());
        Assert.Contains(name, snapshot, StringComparison.Ordinal);
    }

    /// <summary>Files a report after a first one (caches warm) and returns it with the SQL the second filing sent.</summary>
    private async Task<(int Id, IReadOnlyList<string> Texts, int Savepoints)> SecondFilingAsync()
    {
        await _w.SubmitAsync();
        using var counter = await SqlCommandCounter.StartAsync(factory.DataDirectory, () => factory.QueryAsync(db => db.Users.AnyAsync()));
        counter.Reset();
        var id = await _w.SubmitAsync();
        var texts = counter.Texts;
        foreach (var text in texts) output.WriteLine(text.ReplaceLineEndings(" "));
        return (id, texts, counter.Savepoints);
    }

    public void Dispose() => _w.Dispose();
}
