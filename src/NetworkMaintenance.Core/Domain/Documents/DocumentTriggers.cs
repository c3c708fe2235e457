using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>Which documents a workflow step issues (PRODUCT.md "Documents"), in the order they are issued.</summary>
public static class DocumentTriggers
{
    /// <summary>The documents <paramref name="step"/> issues, for a report whose earlier steps are unknown.</summary>
    public static IReadOnlyList<DocumentType> After(ReportEvent step) => After(step, []);

    /// <summary>
    /// The documents <paramref name="step"/> issues; <paramref name="history"/> is the report's timeline (the step may be
    /// in it): the Kasi's approval adds "Mengetahui" to the replacement request only when there is one.
    /// </summary>
    public static IReadOnlyList<DocumentType> After(ReportEvent step, IEnumerable<ReportEvent> history)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(history);
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
            // The Kasi's approval of the work is the "Mengetahui," of the Berita Acara (and of the replacement request).
            WorkflowAction.Approve when step.FromStatus == ReportStatus.KasiReview =>
                history.Any(e => e.Action == WorkflowAction.SubmitReplacementRequest && e.AtUtc <= step.AtUtc)
                    ? [DocumentType.WorkBa, DocumentType.ReplacementRequestBa]
                    : [DocumentType.WorkBa],
            // Closing: the results report with the Kasi's, Kabid's and Kadis's review notes.
            WorkflowAction.Approve when step.ToStatus == ReportStatus.Closed => [DocumentType.WorkReport],
            _ => [],
        };
    }

    /// <summary>
    /// Why a step gives a document a new version (printed on the verification page). A signature, an acknowledgement,
    /// an approval or the closing is not a correction: the version keeps the document's number.
    /// </summary>
    public static string Reason(ReportEvent step, bool firstIssue)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (firstIssue) return "Diterbitkan";
        return step.Action switch
        {
            WorkflowAction.Acknowledge => "Disetujui secara elektronik oleh pelapor",
            WorkflowAction.AcknowledgeOnSite => "Ditandatangani pelapor di lokasi",
            WorkflowAction.Approve when step.FromStatus == ReportStatus.KasiReview => "Diketahui (disetujui) " + step.CapacityTitle,
            WorkflowAction.Approve when step.ToStatus == ReportStatus.Closed => "Laporan ditutup dengan persetujuan " + step.CapacityTitle,
            WorkflowAction.CompleteWork => "Pekerjaan diselesaikan kembali",
            _ => Workflow.Workflow.ActionLabel(step.Action),
        };
    }
}
