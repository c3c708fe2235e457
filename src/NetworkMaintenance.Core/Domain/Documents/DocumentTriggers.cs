using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>Which documents a workflow step issues (PRODUCT.md "Documents"), in the order they are issued.</summary>
public static class DocumentTriggers
{
    public static IReadOnlyList<DocumentType> After(ReportEvent step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Action switch
        {
            // Seed step 1: proof of receipt.
            WorkflowAction.Submit => [DocumentType.Receipt],
            // The chain Kadis → Kabid → Kasi is complete when the Kasi assigns.
            WorkflowAction.Assign => [DocumentType.DispositionSheet],
            WorkflowAction.SubmitReplacementRequest => [DocumentType.ReplacementRequestBa],
            // Completing (again, after a dispute or a revision) issues a new version of both.
            WorkflowAction.CompleteWork => [DocumentType.WorkBa, DocumentType.WorkReport],
            // The acknowledged Berita Acara carries the reporter's signature or electronic approval.
            WorkflowAction.Acknowledge or WorkflowAction.AcknowledgeOnSite => [DocumentType.WorkBa],
            // Closing: the results report with the Kasi's, Kabid's and Kadis's review notes.
            WorkflowAction.Approve when step.ToStatus == ReportStatus.Closed => [DocumentType.WorkReport],
            _ => [],
        };
    }
}
