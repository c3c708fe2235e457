using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// The per-report rule of the web pages (<see cref="ReportOperations.View"/>) for an API route that names a report:
/// its documents, their PDFs, an attachment upload. False answers 404.
/// </summary>
public sealed class ApiReportAccess(ActorFactory actors, ReportService reports, IAuthorizationService authorization)
{
    public async Task<bool> MaySeeAsync(ClaimsPrincipal user, int reportId, CancellationToken ct = default)
    {
        var actor = await actors.ForUserAsync(user.UserId(), ct);
        if (actor is null) return false;
        var report = await reports.FindForAccessAsync(reportId, ct);
        return report is not null && (await authorization.AuthorizeAsync(user, new ReportAccess(report, actor), ReportOperations.View)).Succeeded;
    }
}
