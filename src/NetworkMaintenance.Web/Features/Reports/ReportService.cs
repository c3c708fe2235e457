using System.Security.Cryptography;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// Receives reports (number, receipt, hand-over and attachment in one transaction; the receipt's PDF rendered in the
/// background after the commit, <see cref="PendingDocuments"/>) and finds them. The later steps
/// are <see cref="StepService"/>'s.
/// </summary>
public sealed class ReportService(AppDbContext db, DocumentIssuer documents, TimeProvider clock, ReportHandOver handOver,
    Devices.SpareStock faults, PendingDocuments pending, Infrastructure.SqliteWriteGate writers, Infrastructure.AfterCommitHook afterCommit,
    ILogger<ReportService> logger)
{
    /// <summary>Letters and digits of tracking codes, without the look-alikes I, O, 0 and 1.</summary>
    public const string TrackingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int TrackingCodeLength = 8;

    public Task<Report> ReceiveAsync(NewReport input, WorkflowActor recordedBy, CancellationToken ct = default) =>
        ReceiveAsync(input, recordedBy, alsoRecord: null, ct);

    /// <summary>
    /// Receives a report: number, receipt, notifications and whatever <paramref name="alsoRecord"/> adds (the uploaded
    /// attachment) are committed together, so a failure never leaves a numbered report without its attachment.
    /// </summary>
    public Task<Report> ReceiveAsync(NewReport input, WorkflowActor recordedBy, Func<Report, Task>? alsoRecord,
        CancellationToken ct = default) => ReceiveAsync(input, recordedBy, alsoRecord, formToken: null, ct);

    /// <summary>
    /// The report filed by the web form whose one-time token is <paramref name="formToken"/>, or null.
    /// </summary>
    public async Task<(int Id, string Number)?> FiledWithFormAsync(string? formToken, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(formToken)) return null;
        var filed = await db.Reports.AsNoTracking().Where(r => r.FormToken == formToken)
            .Select(r => new { r.Id, r.Number }).FirstOrDefaultAsync(ct);
        return filed is null ? null : (filed.Id, filed.Number);
    }

    /// <summary>
    /// As above, recording the web form's one-time token with the report (unique): when the same form was posted twice
    /// at the same moment, the second post gets the report the first one filed.
    /// </summary>
    public async Task<Report> ReceiveAsync(NewReport input, WorkflowActor recordedBy, Func<Report, Task>? alsoRecord,
        string? formToken, CancellationToken ct = default)
    {
        var report = await ReceiveInTransactionAsync(input, recordedBy, alsoRecord, formToken, ct);
        // After the commit: the background renderer makes the receipt's PDF from its stored snapshot.
        await afterCommit.ReachedAsync(report.Number, ct);
        pending.Wake();
        return report;
    }

    private Task<Report> ReceiveInTransactionAsync(NewReport input, WorkflowActor recordedBy, Func<Report, Task>? alsoRecord,
        string? formToken, CancellationToken ct)
    {
        var run = 0;
        // SQL Server's retrying execution strategy runs a user transaction only as one retriable unit.
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (run++ > 0) db.ChangeTracker.Clear();
            for (var attempt = 1; ; attempt++)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var year = Wib.FromUtc(input.ReceivedAtUtc).Year;
                // Read before the writer's turn (kept for the request): the kop surat and numbering the receipt uses.
                await documents.SettingsAsync(ct);
                // Checked, built and tracked before the writer's turn too: a filing the report's rules refuse never makes
                // another writer wait, and EF's walk of the new graph is no part of the one serial section.
                var report = Report.Receive(input, year, NewTrackingCode(), recordedBy, now);
                if (formToken is not null) report.FiledWithForm(formToken);
                var guest = input.Guest is null ? null : GuestBookEntry.Record(input.Guest, recordedBy.UserId, now);
                db.Reports.Add(report);
                using var writer = await writers.EnterAsync(db, ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                try
                {
                    report.TakeNumber(await db.NextAsync($"{Report.NumberPrefix}-{year}", ct));
                    await db.SaveChangesAsync(ct);
                    if (report.DeviceId is { } deviceId) await faults.RecordFaultAsync(deviceId, report, recordedBy.FullName, ct);
                    if (guest is not null)
                    {
                        guest.LinkTo(report.Id);
                        db.GuestBookEntries.Add(guest);
                    }
                    var issuedOnReceipt = await documents.IssueForStepAsync(report, report.Events.Single(), recordedBy.UserId, now, ct);
                    await handOver.NotifyFirstActorsAsync(report, recordedBy, now, ct);
                    handOver.AuditStep(report, report.Events.Single(), issuedOnReceipt);
                    await handOver.AnnounceStepAsync(report, report.Events.Single(), now, ct);
                    if (alsoRecord is not null) await alsoRecord(report);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    logger.LogInformation("Report {Number} received via {Channel}", report.Number, report.Channel);
                    return report;
                }
                catch (DbUpdateException ex) when (attempt < 3 || formToken is not null)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    // The same form posted twice at once: the unique token let only the other post through.
                    if (formToken is not null
                        && await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.FormToken == formToken, ct) is { } filed)
                    {
                        return filed;
                    }
                    if (attempt >= 3) throw;
                    // Two first-of-the-year numbers raced on SQL Server; take the next value.
                    logger.LogWarning(ex, "Numbering conflict, retrying (attempt {Attempt})", attempt);
                }
            }
        });
    }

    /// <summary>Open reports of the same OPD in the same category: a new one may well be a duplicate.</summary>
    public Task<List<ReportListRow>> PossibleDuplicatesAsync(int opdId, FaultCategory category, CancellationToken ct = default) =>
        db.Reports.AsNoTracking()
            .Where(r => r.OpdId == opdId && r.Category == category && r.Status != ReportStatus.Closed && r.Status != ReportStatus.Rejected)
            .OrderByDescending(r => r.ReceivedAtUtc).Take(5).Select(ReportListRow.Projection).ToListAsync(ct);

    /// <summary>The report with what the access rules read (its parties and technicians), untracked: for downloads.</summary>
    public Task<Report?> FindForAccessAsync(int id, CancellationToken ct = default) =>
        db.Reports.AsNoTracking().Include(r => r.Technicians).SingleOrDefaultAsync(r => r.Id == id, ct);

    public Task<Report?> FindAsync(int id, CancellationToken ct = default) =>
        WithEverything(db.Reports).SingleOrDefaultAsync(r => r.Id == id, ct);

    private static IQueryable<Report> WithEverything(IQueryable<Report> reports) =>
        reports.Include(r => r.Opd).Include(r => r.Technicians).Include(r => r.Devices).Include(r => r.Pauses)
            .Include(r => r.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
            .AsSplitQuery();

    public static string NewTrackingCode() =>
        string.Create(TrackingCodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = TrackingAlphabet[RandomNumberGenerator.GetInt32(TrackingAlphabet.Length)];
        });
}
