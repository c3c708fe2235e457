using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Web.Commands.Generate;

/// <summary>One planned step of a generated report: the action, the state it leads to, and the time since the previous step.</summary>
internal readonly record struct PlannedStep(WorkflowAction Action, ReportStatus To, TimeSpan Delay, bool PauseAfter);

/// <summary>
/// Plans a path through <see cref="Workflow.Transitions"/> from Submitted to a target state: every move is looked up in
/// the table (an illegal move throws), with realistic branches (diagnosis in or outside the data center, repair or
/// replacement, an occasional dispute or return) and realistic delays.
/// </summary>
internal static class ReportPlanner
{
    public static List<PlannedStep> Plan(Random rng, ReportStatus target)
    {
        var steps = new List<PlannedStep>(16);
        var status = ReportStatus.Submitted;
        bool disputed = false, returnedKasi = false, returnedKabid = false, returnedKadis = false;
        while (status != target)
        {
            if (Workflow.FinalStates.Contains(status) || steps.Count > 40)
                throw new InvalidOperationException($"Cannot plan a path to {target}.");
            var action = status switch
            {
                ReportStatus.Submitted => target == ReportStatus.Rejected && rng.NextDouble() < 0.6 ? WorkflowAction.Reject : WorkflowAction.Dispose,
                ReportStatus.DisposedToKabid => target == ReportStatus.Rejected ? WorkflowAction.Reject : WorkflowAction.Verify,
                ReportStatus.DisposedToKasi => WorkflowAction.Assign,
                ReportStatus.Assigned => WorkflowAction.StartDiagnosis,
                ReportStatus.Diagnosing => target is ReportStatus.OnSiteInspection or ReportStatus.AwaitingReplacementRequest or ReportStatus.Replacing
                    || (disputed ? rng.NextDouble() < 0.2 : rng.NextDouble() < 0.6)
                    ? WorkflowAction.DiagnoseOutsideDataCenter : WorkflowAction.DiagnoseInDataCenter,
                ReportStatus.OnSiteInspection => target is ReportStatus.AwaitingReplacementRequest or ReportStatus.Replacing
                    || (target != ReportStatus.Repairing && rng.NextDouble() < 0.3)
                    ? WorkflowAction.InspectReplace : WorkflowAction.InspectRepair,
                ReportStatus.AwaitingReplacementRequest => WorkflowAction.SubmitReplacementRequest,
                ReportStatus.Repairing or ReportStatus.Replacing or ReportStatus.Revision => WorkflowAction.CompleteWork,
                ReportStatus.AwaitingAcknowledgement => !disputed && target != ReportStatus.KasiReview && rng.NextDouble() < 0.04
                    ? WorkflowAction.Dispute
                    : rng.NextDouble() < 0.7 ? WorkflowAction.Acknowledge : WorkflowAction.AcknowledgeOnSite,
                ReportStatus.KasiReview => target == ReportStatus.Revision || (!returnedKasi && rng.NextDouble() < 0.05)
                    ? WorkflowAction.Return : WorkflowAction.Approve,
                ReportStatus.KabidReview => !returnedKabid && target != ReportStatus.KadisReview && rng.NextDouble() < 0.03
                    ? WorkflowAction.Return : WorkflowAction.Approve,
                ReportStatus.KadisReview => !returnedKadis && rng.NextDouble() < 0.02 ? WorkflowAction.Return : WorkflowAction.Approve,
                _ => throw new InvalidOperationException($"No planned move from {status}."),
            };
            if (action == WorkflowAction.Dispute) disputed = true;
            if (action == WorkflowAction.Return)
            {
                if (status == ReportStatus.KasiReview) returnedKasi = true;
                if (status == ReportStatus.KabidReview) returnedKabid = true;
                if (status == ReportStatus.KadisReview) returnedKadis = true;
            }

            var transition = Workflow.Find(action, status)
                ?? throw new InvalidOperationException($"The workflow table has no {action} from {status}.");
            // Half of the technicians pause the clock while they wait for the reporter's replacement request.
            var pause = transition.To == ReportStatus.AwaitingReplacementRequest && rng.NextDouble() < 0.5;
            steps.Add(new PlannedStep(action, transition.To, Delay(rng, action, status), pause));
            status = transition.To;
        }
        return steps;
    }

    /// <summary>How long the previous state lasted before <paramref name="action"/>.</summary>
    private static TimeSpan Delay(Random rng, WorkflowAction action, ReportStatus from) => action switch
    {
        WorkflowAction.Dispose or WorkflowAction.Reject when from == ReportStatus.Submitted => Minutes(rng, 5, 120),
        WorkflowAction.Verify or WorkflowAction.Reject => Minutes(rng, 5, 90),
        WorkflowAction.Assign => Minutes(rng, 5, 60),
        WorkflowAction.StartDiagnosis => Minutes(rng, 5, 60),
        WorkflowAction.DiagnoseInDataCenter or WorkflowAction.DiagnoseOutsideDataCenter => Minutes(rng, 10, 120),
        WorkflowAction.InspectRepair or WorkflowAction.InspectReplace => Minutes(rng, 30, 300),
        WorkflowAction.SubmitReplacementRequest => Minutes(rng, 60, 60 * 48),
        WorkflowAction.CompleteWork => Minutes(rng, 20, 480),
        WorkflowAction.Acknowledge or WorkflowAction.AcknowledgeOnSite or WorkflowAction.Dispute => Minutes(rng, 5, 60 * 24),
        WorkflowAction.Approve or WorkflowAction.Return when from == ReportStatus.KadisReview => Minutes(rng, 30, 60 * 48),
        WorkflowAction.Approve or WorkflowAction.Return => Minutes(rng, 20, 60 * 24),
        _ => Minutes(rng, 5, 60),
    };

    /// <summary>Skewed towards the short end: most steps are quick, some take long.</summary>
    private static TimeSpan Minutes(Random rng, int min, int max)
    {
        var u = rng.NextDouble();
        return TimeSpan.FromSeconds(Math.Round((min + (max - min) * u * u) * 60 + rng.Next(60)));
    }
}
