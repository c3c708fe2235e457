using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Sla;

public sealed class PauseInput
{
    public SlaPauseReason? Reason { get; set; }
    public string? Note { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Pauses and resumes a report's 24-hour clock (docs/sla.md). Not workflow steps: the status does not change.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ClockController(AppDbContext db, ReportService reports, ActorFactory actors, TimeProvider clock,
    IAuthorizationService authorization, IAuditLog audit, ILogger<ClockController> logger) : Controller
{
    [HttpPost("/laporan/{id:int}/jeda")]
    public Task<IActionResult> Pause(int id, PauseInput input, CancellationToken ct) =>
        ChangeAsync(id, input.Version, (report, actor, now) =>
        {
            if (input.Reason is null) throw new DomainException("Pilih alasan penjedaan.");
            report.PauseClock(actor, input.Reason.Value, input.Note, now);
            return $"Waktu layanan laporan {report.Number} dijeda: {SlaLabels.Of(input.Reason.Value)}.";
        }, ct);

    [HttpPost("/laporan/{id:int}/lanjutkan")]
    public Task<IActionResult> Resume(int id, PauseInput input, CancellationToken ct) =>
        ChangeAsync(id, input.Version, (report, actor, now) =>
        {
            report.ResumeClock(actor, now);
            return $"Waktu layanan laporan {report.Number} dilanjutkan.";
        }, ct);

    private async Task<IActionResult> ChangeAsync(int id, Guid version,
        Func<Core.Domain.Reports.Report, Core.Domain.Workflow.WorkflowActor, DateTime, string> change, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        var report = await reports.FindAsync(id, ct);
        if (report is null || !(await authorization.AuthorizeAsync(User, new ReportAccess(report, actor), ReportOperations.View)).Succeeded)
        {
            return NotFound();
        }
        if (report.Version != version)
        {
            TempData.Error(ReportService.ConflictMessage);
            return Redirect($"/laporan/{id}");
        }
        try
        {
            var message = change(report, actor, clock.GetUtcNow().UtcDateTime);
            // Recorded with the pause or resume itself, in the same SaveChanges.
            audit.Add(report.SlaPausedSinceUtc is null ? Core.Domain.Audit.AuditEvents.ClockResumed : Core.Domain.Audit.AuditEvents.ClockPaused,
                message, AuditObject.Report(report.Id, report.Number));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Report {Number}: clock {Change} by {UserId}", report.Number,
                report.SlaPausedSinceUtc is null ? "resumed" : "paused", actor.UserId);
            TempData.Success(message);
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData.Error(ReportService.ConflictMessage);
        }
        return Redirect($"/laporan/{id}");
    }
}
