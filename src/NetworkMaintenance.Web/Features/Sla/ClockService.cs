using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Sla;

/// <summary>
/// Pauses and resumes a report's 24-hour clock (docs/sla.md), as a step is taken: the report loaded once (tracked),
/// the person's version checked, the report's method called, one save with the audit entry.
/// </summary>
public sealed class ClockService(AppDbContext db, ReportService reports, IAuthorizationService authorization,
    IAuditLog audit, TimeProvider clock, ILogger<ClockService> logger)
{
    public Task<StepOutcome> PauseAsync(ClaimsPrincipal user, WorkflowActor actor, int reportId, PauseInput input,
        CancellationToken ct = default) =>
        ChangeAsync(user, actor, reportId, input.Version, (report, now) =>
        {
            if (input.Reason is null) throw new DomainException("Pilih alasan penjedaan.");
            report.PauseClock(actor, input.Reason.Value, input.Note, now);
            return $"Waktu layanan laporan {report.Number} dijeda: {SlaLabels.Of(input.Reason.Value)}.";
        }, ct);

    public Task<StepOutcome> ResumeAsync(ClaimsPrincipal user, WorkflowActor actor, int reportId, Guid version,
        CancellationToken ct = default) =>
        ChangeAsync(user, actor, reportId, version, (report, now) =>
        {
            report.ResumeClock(actor, now);
            return $"Waktu layanan laporan {report.Number} dilanjutkan.";
        }, ct);

    private async Task<StepOutcome> ChangeAsync(ClaimsPrincipal user, WorkflowActor actor, int reportId, Guid version,
        Func<Report, DateTime, string> change, CancellationToken ct)
    {
        var report = await reports.FindAsync(reportId, ct);
        if (report is null || !(await authorization.AuthorizeAsync(user, new ReportAccess(report, actor), ReportOperations.View)).Succeeded)
        {
            return new StepOutcome.NotFound();
        }
        if (report.Version != version) return new StepOutcome.Conflict(StepOutcome.ConflictMessage);
        try
        {
            var message = change(report, clock.GetUtcNow().UtcDateTime);
            // Recorded with the pause or resume itself, in the same SaveChanges.
            audit.Add(report.SlaPausedSinceUtc is null ? AuditEvents.ClockResumed : AuditEvents.ClockPaused,
                message, AuditObject.Report(report.Id, report.Number));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Report {Number}: clock {Change} by {UserId}", report.Number,
                report.SlaPausedSinceUtc is null ? "resumed" : "paused", actor.UserId);
            return new StepOutcome.Done(message);
        }
        catch (DomainException ex)
        {
            return StepOutcome.Refuse(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StepOutcome.Conflict(StepOutcome.ConflictMessage);
        }
    }
}
