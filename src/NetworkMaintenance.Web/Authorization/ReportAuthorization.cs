using Microsoft.AspNetCore.Authorization;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Authorization;

/// <summary>A report together with the person asking, the resource of per-report checks.</summary>
/// <remarks>Any report in memory: the aggregate, or the read copy of the report pages (<c>ReportView</c>).</remarks>
public sealed record ReportAccess(IReportParties Report, WorkflowActor Actor);

public sealed class ReportRequirement(string name) : IAuthorizationRequirement
{
    public string Name { get; } = name;
}

/// <summary>The per-report operations checked through <see cref="IAuthorizationService"/>.</summary>
public static class ReportOperations
{
    /// <summary>See the report, its timeline and its documents.</summary>
    public static readonly ReportRequirement View = new(nameof(View));
}

/// <summary>
/// Who may see a report (its OPD's staff, the technicians assigned, Diskominfo's officials and front desk). Who may
/// take which step is the report's own rule (<c>Report.WhyNot</c>, read from the workflow table, including Plh.).
/// </summary>
public sealed class ReportAuthorizationHandler : AuthorizationHandler<ReportRequirement, ReportAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReportRequirement requirement,
        ReportAccess resource)
    {
        var canView = ReportQueries.MaySee(resource.Report, resource.Actor);
        if (requirement.Name == nameof(ReportOperations.View) && canView) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
