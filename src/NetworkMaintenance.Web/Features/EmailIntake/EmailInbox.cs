using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.EmailIntake;

public sealed record AwaitingEmailReport(int Id, string Number, string Opd, string ReporterName, string? ReporterEmail, DateTime ReceivedAtUtc,
    string Description);

public sealed record SetAsideEmail(long Id, string FromAddress, string? FromName, string Subject, DateTime SentAtUtc, InboundEmailOutcome Outcome,
    string? Note, DateTime ProcessedAtUtc);

public sealed record EmailInboxModel(IReadOnlyList<AwaitingEmailReport> Awaiting, IReadOnlyList<SetAsideEmail> SetAside, bool IntakeEnabled);

/// <summary>Outcome of the front desk's confirmation.</summary>
public abstract record ConfirmOutcome
{
    public sealed record Confirmed(string Number) : ConfirmOutcome;
    public sealed record Refused(string Message) : ConfirmOutcome;
    public sealed record NotFound : ConfirmOutcome;
}

/// <summary>
/// The front desk's view of the mailbox (docs/email-intake.md): e-mail reports waiting for confirmation, and the
/// messages set aside (unknown senders, unusable replies), so that nothing sent to the service is lost.
/// </summary>
public sealed class EmailInbox(AppDbContext db, ReportHandOver handOver, IAuditLog audit, TimeProvider clock)
{
    public const int SetAsideShown = 200;

    public async Task<EmailInboxModel> ReadAsync(bool intakeEnabled, CancellationToken ct)
    {
        var awaiting = await db.Reports.AsNoTracking().Where(r => r.AwaitsIntakeConfirmation)
            .OrderBy(r => r.ReceivedAtUtc)
            .Select(r => new AwaitingEmailReport(r.Id, r.Number, r.Opd!.Name, r.ReporterName, r.ReporterEmail, r.ReceivedAtUtc,
                r.Description.Length > 300 ? r.Description.Substring(0, 300) : r.Description))
            .ToListAsync(ct);
        var setAside = await db.InboundEmails.AsNoTracking()
            .Where(e => e.Outcome == InboundEmailOutcome.UnknownSender || e.Outcome == InboundEmailOutcome.NotUsable)
            .OrderByDescending(e => e.ProcessedAtUtc).ThenByDescending(e => e.Id).Take(SetAsideShown)
            .Select(e => new SetAsideEmail(e.Id, e.FromAddress, e.FromName, e.Subject, e.SentAtUtc, e.Outcome, e.Note, e.ProcessedAtUtc))
            .ToListAsync(ct);
        return new EmailInboxModel(awaiting, setAside, intakeEnabled);
    }

    /// <summary>The front desk confirms an e-mail report: a timeline note, and the Kadis is told it waits for them.</summary>
    public async Task<ConfirmOutcome> ConfirmAsync(int reportId, WorkflowActor actor, string? note, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.Technicians).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return new ConfirmOutcome.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            report.ConfirmIntake(actor, note, now);
        }
        catch (DomainException ex)
        {
            return new ConfirmOutcome.Refused(ex.Message);
        }
        await handOver.NotifyNextActorsAsync(report, actor, now, ct);
        audit.Add(AuditEvents.EmailIntakeConfirmed, $"Laporan {report.Number} dari email dikonfirmasi petugas layanan.",
            AuditObject.Report(report.Id, report.Number));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConfirmOutcome.Refused($"Laporan {report.Number} baru saja diubah orang lain. Muat ulang halaman dan coba lagi.");
        }
        return new ConfirmOutcome.Confirmed(report.Number);
    }
}
