using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Features.PublicPages;

public sealed record ServiceStandardModel(IReadOnlyList<ServiceStandardSection> Sections, IkmResult? Ikm, int Year, ServiceCharter? Charter = null,
    int PublishedPeriods = 0);

/// <summary>A public timeline line: what happened, in which role ("Kepala Dinas", "Plh. Kepala Seksi"), and when — never who, never notes.</summary>
public sealed record PublicStep(string Label, string Role, DateTime AtUtc);

/// <summary>A tracked report; a rejected one carries the reason given to the reporter and is not measured against the promise.</summary>
public sealed record TrackedReport(string Number, ReportStatus Status, DateTime ReceivedAtUtc, DateTime? ClosedAtUtc,
    IReadOnlyList<PublicStep> Steps, TimeSpan Elapsed, bool WithinPromise, string? RejectionReason = null)
{
    public bool IsRejected => Status == ReportStatus.Rejected;
}

public sealed record TrackedComplaint(string Number, ComplaintStatus Status, DateTime CreatedAtUtc, string? Answer,
    DateTime? AnsweredAtUtc);

public sealed record TrackModel(TrackInput Input, bool Searched, TrackedReport? Report, TrackedComplaint? Complaint);

public sealed record ComplaintFormModel(ComplaintInput Input);

public sealed record ComplaintSentModel(string Number, string TrackingCode);
