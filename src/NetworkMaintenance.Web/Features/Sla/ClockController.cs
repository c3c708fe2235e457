using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Authorization;
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
public sealed class ClockController(ClockService clockService, ActorFactory actors) : Controller
{
    [HttpPost("/laporan/{id:int}/jeda")]
    public async Task<IActionResult> Pause(int id, PauseInput input, CancellationToken ct) =>
        await actors.ForUserAsync(User.UserId(), ct) is { } actor
            ? Show(id, await clockService.PauseAsync(User, actor, id, input, ct))
            : Forbid();

    [HttpPost("/laporan/{id:int}/lanjutkan")]
    public async Task<IActionResult> Resume(int id, PauseInput input, CancellationToken ct) =>
        await actors.ForUserAsync(User.UserId(), ct) is { } actor
            ? Show(id, await clockService.ResumeAsync(User, actor, id, input.Version, ct))
            : Forbid();

    private IActionResult Show(int id, StepOutcome outcome)
    {
        switch (outcome)
        {
            case StepOutcome.Done done:
                TempData.Success(done.Message);
                break;
            case StepOutcome.Conflict conflict:
                TempData.Error(conflict.Message);
                break;
            case StepOutcome.Refused refused:
                TempData.Error(string.Join(" ", refused.Reasons.Select(r => r.Message)));
                break;
            default:
                return NotFound();
        }
        return RedirectToAction(nameof(ReportsController.Details), ReportsController.Name, new { id });
    }
}
