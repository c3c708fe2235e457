using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Web.Features.Dashboard;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

/// <summary>
/// The dashboard card of the share of this year's SKM follow-up actions done (officials' shared dashboard): computed with
/// the shared dashboard figures (<see cref="SharedDashboardFigures"/>), not per request.
/// </summary>
public sealed class SkmFollowUpShareViewComponent(SharedDashboardFigures shared) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var figures = await shared.GetAsync(HttpContext.RequestAborted);
        return figures.SkmFollowUp is { } followUp ? View((followUp.Year, followUp.Share)) : Content("");
    }
}
