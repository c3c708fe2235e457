using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The workflow steps of a report (<c>/laporan/{id}/langkah/{step}</c>): one call to <see cref="StepService"/> per
/// request, whose <see cref="StepOutcome"/> says what the person sees next.
/// </summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class ReportStepsController(StepService steps, ActorFactory actors) : Controller
{
    [HttpGet("/laporan/{id:int}/langkah/{step}")]
    public async Task<IActionResult> Step(int id, string step, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        if (!TryParse(step, out var action)) return NotFound();
        return Show(id, await steps.FormAsync(User, actor, id, action, ct));
    }

    [HttpPost("/laporan/{id:int}/langkah/{step}")]
    public async Task<IActionResult> Step(int id, string step, StepInputForm form, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        if (!TryParse(step, out var action)) return NotFound();
        return Show(id, await steps.TakeAsync(User, actor, id, action, form, inputBound: ModelState.IsValid, ct));
    }

    /// <summary>Any action of the table but the receipt and the timeline note, which are no steps of a form.</summary>
    private static bool TryParse(string step, out WorkflowAction action) =>
        Enum.TryParse(step, ignoreCase: true, out action) && action is not (WorkflowAction.Submit or WorkflowAction.Note);

    private IActionResult Show(int id, StepOutcome outcome)
    {
        switch (outcome)
        {
            case StepOutcome.Form form:
                return View(form.Page);
            case StepOutcome.Refused { Page: { } page } refused:
                foreach (var reason in refused.Reasons) ModelState.AddModelError(reason.Field, reason.Message);
                return View(nameof(Step), page);
            case StepOutcome.Refused refused:
                TempData.Error(string.Join(" ", refused.Reasons.Select(r => r.Message)));
                return ToReport(id);
            case StepOutcome.Conflict conflict:
                TempData.Error(conflict.Message);
                return ToReport(id);
            case StepOutcome.Done done:
                TempData.Success(done.Message);
                return ToReport(id);
            default:
                return NotFound();
        }
    }

    private RedirectToActionResult ToReport(int id) =>
        RedirectToAction(nameof(ReportsController.Details), ReportsController.Name, new { id });
}
