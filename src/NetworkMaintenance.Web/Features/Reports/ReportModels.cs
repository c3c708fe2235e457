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

public sealed record ReportListModel(string Title, IReadOnlyList<ReportListRow> Rows, int Total, int Page, int PageSize,
    ReportStatus? Status, bool IsInbox = false)
{
    public ReportFilter Filter { get; init; } = new();
    public IReadOnlyList<OptionItem> Opds { get; init; } = [];
    public IReadOnlyList<OptionItem> Technicians { get; init; } = [];
    public bool ShowFilters { get; init; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record NewReportModel(NewReportInput Input, IReadOnlyList<OptionItem> Opds,
    IReadOnlyList<ReportListRow>? PossibleDuplicates = null);

public sealed record ReportDetailsModel(ReportView Report, IReadOnlyList<Transition> Available, string NextActor,
    IReadOnlyList<Documents.IssuedDocumentRow> Documents,
    IReadOnlyList<NetworkMaintenance.Core.Domain.Intake.Attachment> Attachments, string TrackingUrl, string? WhatsAppShareLink,
    bool SurveyInvited = false, bool SurveyDone = false, bool MayKeepClock = false);

public sealed record StepModel(ReportView Report, Transition Transition, StepInputForm Form,
    IReadOnlyList<(string Id, string Name, string? Position)> People);

public sealed record ReceiptModel(ReportView Report, string TrackingUrl);
