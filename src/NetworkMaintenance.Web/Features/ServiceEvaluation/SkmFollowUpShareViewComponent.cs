using Microsoft.AspNetCore.Mvc;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

/// <summary>The dashboard card of the share of this year's SKM follow-up actions done (officials' shared dashboard).</summary>
public sealed class SkmFollowUpShareViewComponent(ServiceEvaluationService service) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var year = service.CurrentPeriod.Year;
        return View((year, await service.FollowUpShareAsync(year, HttpContext.RequestAborted)));
    }
}
