using System.Linq.Expressions;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Web.Features.Reports;

public sealed record OptionItem(string Value, string Text);

public sealed record ReportListRow(int Id, string Number, string OpdName, string ReporterName, FaultCategory Category,
    ReportChannel Channel, ReportStatus Status, DateTime ReceivedAtUtc, string Location,
    DateTime SlaClockStartUtc, DateTime? SlaPausedSinceUtc, DateTime? WorkCompletedAtUtc)
{
    public static readonly Expression<Func<Report, ReportListRow>> Projection = r => new ReportListRow(
        r.Id, r.Number, r.Opd!.ShortName ?? r.Opd.Name, r.ReporterName, r.Category, r.Channel, r.Status, r.ReceivedAtUtc, r.Location,
        r.SlaClockStartUtc, r.SlaPausedSinceUtc, r.WorkCompletedAtUtc);

    public SlaFacts SlaFacts => new(SlaClockStartUtc, SlaPausedSinceUtc, WorkCompletedAtUtc, Status == ReportStatus.Rejected);
}

/// <summary>
/// The report list. <paramref name="Total"/> is capped (<see cref="ReportCount"/>): past the cap the pager numbers the
/// pages it knows of (up to the cap, and up to the next page when <see cref="HasNext"/>) and links "Berikutnya".
/// </summary>
public sealed record ReportListModel(string Title, IReadOnlyList<ReportListRow> Rows, ReportCount Total, int Page, int PageSize,
    ReportStatus? Status, bool IsInbox = false)
{
    public ReportFilter Filter { get; init; } = new();
    public IReadOnlyList<OptionItem> Opds { get; init; } = [];
    public IReadOnlyList<OptionItem> Technicians { get; init; } = [];
    public bool ShowFilters { get; init; }

    /// <summary>Whether the page after this one has rows.</summary>
    public bool HasNext { get; init; }

    /// <summary>The last page known to have rows: from the exact count, or past the cap the cap's pages and the next one.</summary>
    public int Pages => Math.Max(Math.Max(1, (Total.Value + PageSize - 1) / PageSize), HasNext ? Page + 1 : Page);

    /// <summary>
    /// The numbered page links: the first, the four either side of this one, and the last when the count is exact
    /// (past the cap the last page is not known: "Berikutnya" leads on).
    /// </summary>
    public IEnumerable<int> PageLinks
    {
        get
        {
            var from = Math.Max(1, Page - 4);
            var to = Math.Min(Pages, Page + 4);
            if (from > 1) yield return 1;
            for (var p = from; p <= to; p++) yield return p;
            if (to < Pages && !Total.MoreThan) yield return Pages;
        }
    }

    /// <summary>The first and last row shown (1-based), for "Menampilkan 26–50".</summary>
    public (int First, int Last) Shown => Rows.Count == 0 ? (0, 0) : ((Page - 1) * PageSize + 1, (Page - 1) * PageSize + Rows.Count);
}

public sealed record NewReportModel(NewReportInput Input, IReadOnlyList<OptionItem> Opds,
    IReadOnlyList<ReportListRow>? PossibleDuplicates = null);

public sealed record ReportDetailsModel(ReportView Report, IReadOnlyList<Transition> Available, string NextActor,
    IReadOnlyList<Documents.IssuedDocumentRow> Documents,
    IReadOnlyList<NetworkMaintenance.Core.Domain.Intake.Attachment> Attachments, string TrackingUrl, string? WhatsAppShareLink,
    bool SurveyInvited = false, bool SurveyDone = false, bool MayKeepClock = false, bool SeenAgain = false);

public sealed record StepModel(ReportView Report, Transition Transition, StepInputForm Form,
    IReadOnlyList<(string Id, string Name, string? Position)> People);

public sealed record ReceiptModel(ReportView Report, string TrackingUrl);
