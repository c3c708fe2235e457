using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// A report as the pages that show it read it (the report page, its step forms, the receipt): an immutable copy made
/// from the loaded aggregate, so that a copy kept for other requests (<see cref="ReportSnapshots"/>) is a value, never
/// a shared EF entity. The rules it answers (<see cref="WhyNot"/>, <see cref="MayKeepClock"/>,
/// <see cref="RequirementsFor"/>) are the workflow table's and the report's, computed from the same facts.
/// </summary>
public sealed record ReportView : IReportParties
{
    public required int Id { get; init; }
    public required string Number { get; init; }
    public required string TrackingCode { get; init; }
    public required ReportStatus Status { get; init; }
    public required Guid Version { get; init; }
    public required int OpdId { get; init; }
    public OpdView? Opd { get; init; }
    public string? ReporterUserId { get; init; }
    public required string ReporterName { get; init; }
    public string? ReporterNip { get; init; }
    public string? ReporterPosition { get; init; }
    public string? ReporterPhone { get; init; }
    public string? ReporterEmail { get; init; }
    public required ReportChannel Channel { get; init; }
    public required DateTime ReceivedAtUtc { get; init; }
    public required string Location { get; init; }
    public required FaultCategory Category { get; init; }
    public required string Description { get; init; }
    public string? LetterNumber { get; init; }
    public DateOnly? LetterDate { get; init; }
    public string? LetterAgendaNumber { get; init; }
    public string? KabidUserId { get; init; }
    public string? KabidName { get; init; }
    public string? KasiUserId { get; init; }
    public string? KasiName { get; init; }
    public DateTime? DueAtUtc { get; init; }
    public string? FaultType { get; init; }
    public string? FaultLocation { get; init; }
    public bool? InDataCenterNetwork { get; init; }
    public string? DiagnosisFindings { get; init; }
    public DateTime? DiagnosedAtUtc { get; init; }
    public DateTime? InspectedAtUtc { get; init; }
    public string? InspectionFindings { get; init; }
    public bool? ReporterPresentAtInspection { get; init; }
    public bool? ReplacementNeeded { get; init; }
    public DateTime? ReplacementRequestedAtUtc { get; init; }
    public string? ReplacementRequestedByName { get; init; }
    public string? ActionsTaken { get; init; }
    public string? RootCause { get; init; }
    public DateTime? WorkCompletedAtUtc { get; init; }
    public DateTime? WorkStartedAtUtc { get; init; }
    public DateTime? WorkFinishedAtUtc { get; init; }
    public DateTime? AcknowledgedAtUtc { get; init; }
    public string? AcknowledgedByName { get; init; }
    /// <summary>Whether the reporter signed the acknowledgement on the technician's screen (the image stays in the report).</summary>
    public bool AcknowledgementSigned { get; init; }
    public DateTime? ClosedAtUtc { get; init; }
    public string? RejectionReason { get; init; }
    public DateTime? SlaPausedSinceUtc { get; init; }
    public required SlaFacts SlaFacts { get; init; }
    public required bool IsFinal { get; init; }
    public string? LaporNumber { get; init; }

    /// <summary>The registered device the reporter named (docs/devices.md), if any.</summary>
    public int? DeviceId { get; init; }
    public DateTime? AlertResolvedAtUtc { get; init; }
    public bool AwaitsIntakeConfirmation { get; init; }

    /// <summary><see cref="Report.ReplacedDevicesRequired"/> as the report had it.</summary>
    public required bool ReplacedDevicesRequired { get; init; }

    /// <summary>The timeline, oldest first.</summary>
    public required IReadOnlyList<ReportEventView> Events { get; init; }
    public required IReadOnlyList<TechnicianView> Technicians { get; init; }
    public required IReadOnlyList<ReportDeviceView> Devices { get; init; }
    public required IReadOnlyList<ReportPauseView> Pauses { get; init; }

    private ReportEventView? _pendingReturn;

    IReadOnlyCollection<string> IReportParties.TechnicianUserIds => Technicians.Select(t => t.UserId).ToList();

    /// <summary><see cref="Report.PendingReturn"/> as the report had it.</summary>
    public ReportEventView? PendingReturn() => _pendingReturn;

    public IEnumerable<ReportDeviceView> CurrentDevices(DevicePurpose purpose) =>
        Devices.Where(d => d.Purpose == purpose && !d.IsSuperseded);

    /// <inheritdoc cref="Report.WhyNot"/>
    public string? WhyNot(WorkflowAction action, WorkflowActor actor) => Workflow.WhyNot(action, Status, Number, this, actor);

    /// <inheritdoc cref="Report.MayKeepClock"/>
    public bool MayKeepClock(WorkflowActor actor) => Workflow.MayKeepClock(this, actor);

    /// <inheritdoc cref="Report.RequirementsFor"/>
    public StepRequirements? RequirementsFor(WorkflowAction action) => StepRequirements.For(action, Status, ReplacedDevicesRequired);

    /// <summary>The copy of a loaded report (with its OPD, technicians, devices, pauses and timeline).</summary>
    public static ReportView From(Report r)
    {
        var ordered = r.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList();
        var events = ordered.Select(ReportEventView.From).ToList();
        var pending = r.PendingReturn() is { } returned ? events[ordered.IndexOf(returned)] : null;
        return new ReportView
        {
            Id = r.Id, Number = r.Number, TrackingCode = r.TrackingCode, Status = r.Status, Version = r.Version,
            OpdId = r.OpdId, Opd = r.Opd is { } opd ? new OpdView(opd.Id, opd.Name, opd.ShortName, opd.Address, opd.DisplayName) : null,
            ReporterUserId = r.ReporterUserId, ReporterName = r.ReporterName, ReporterNip = r.ReporterNip,
            ReporterPosition = r.ReporterPosition, ReporterPhone = r.ReporterPhone, ReporterEmail = r.ReporterEmail,
            Channel = r.Channel, ReceivedAtUtc = r.ReceivedAtUtc, Location = r.Location, Category = r.Category,
            Description = r.Description, LetterNumber = r.LetterNumber, LetterDate = r.LetterDate, LetterAgendaNumber = r.LetterAgendaNumber,
            KabidUserId = r.KabidUserId, KabidName = r.KabidName, KasiUserId = r.KasiUserId, KasiName = r.KasiName,
            DueAtUtc = r.DueAtUtc, FaultType = r.FaultType, FaultLocation = r.FaultLocation,
            InDataCenterNetwork = r.InDataCenterNetwork, DiagnosisFindings = r.DiagnosisFindings, DiagnosedAtUtc = r.DiagnosedAtUtc,
            InspectedAtUtc = r.InspectedAtUtc, InspectionFindings = r.InspectionFindings,
            ReporterPresentAtInspection = r.ReporterPresentAtInspection, ReplacementNeeded = r.ReplacementNeeded,
            ReplacementRequestedAtUtc = r.ReplacementRequestedAtUtc, ReplacementRequestedByName = r.ReplacementRequestedByName,
            ActionsTaken = r.ActionsTaken, RootCause = r.RootCause, WorkCompletedAtUtc = r.WorkCompletedAtUtc,
            WorkStartedAtUtc = r.WorkStartedAtUtc, WorkFinishedAtUtc = r.WorkFinishedAtUtc,
            AcknowledgedAtUtc = r.AcknowledgedAtUtc, AcknowledgedByName = r.AcknowledgedByName,
            AcknowledgementSigned = r.AcknowledgementSignaturePng is not null,
            ClosedAtUtc = r.ClosedAtUtc, RejectionReason = r.RejectionReason, SlaPausedSinceUtc = r.SlaPausedSinceUtc,
            LaporNumber = r.LaporNumber, DeviceId = r.DeviceId, AlertResolvedAtUtc = r.AlertResolvedAtUtc,
            AwaitsIntakeConfirmation = r.AwaitsIntakeConfirmation,
            SlaFacts = r.SlaFacts, IsFinal = r.IsFinal, ReplacedDevicesRequired = r.ReplacedDevicesRequired,
            Events = events,
            Technicians = r.Technicians.Select(t => new TechnicianView(t.UserId, t.FullName, t.IsLead)).ToList(),
            Devices = r.Devices.Select(d => new ReportDeviceView(d.Id, d.Purpose, d.Name, d.BrandType, d.SerialNumber, d.Condition,
                d.Notes, d.NewBrandType, d.NewSerialNumber, d.RecordedAtUtc, d.IsSuperseded, d.DeviceId, d.NewDeviceId)).ToList(),
            Pauses = r.Pauses.Select(p => new ReportPauseView(p.Id, p.Reason, p.Note, p.PausedAtUtc, p.PausedByName,
                p.ResumedAtUtc, p.ResumedByName, p.ResumedByStep)).ToList(),
            _pendingReturn = pending,
        };
    }
}

public sealed record OpdView(int Id, string Name, string? ShortName, string? Address, string DisplayName);

public sealed record TechnicianView(string UserId, string FullName, bool IsLead);

public sealed record ReportDeviceView(int Id, DevicePurpose Purpose, string Name, string? BrandType, string? SerialNumber,
    DeviceCondition Condition, string? Notes, string? NewBrandType, string? NewSerialNumber, DateTime RecordedAtUtc,
    bool IsSuperseded, int? RegisteredDeviceId = null, int? NewRegisteredDeviceId = null);

public sealed record ReportPauseView(long Id, SlaPauseReason Reason, string Note, DateTime PausedAtUtc, string PausedByName,
    DateTime? ResumedAtUtc, string? ResumedByName, bool ResumedByStep)
{
    public bool IsOpen => ResumedAtUtc is null;
}

/// <summary>One timeline entry of a <see cref="ReportView"/>.</summary>
public sealed record ReportEventView(long Id, WorkflowAction Action, ReportStatus? FromStatus, ReportStatus ToStatus,
    DateTime AtUtc, string ActorName, string? ActorPosition, string ActorRole, string? OnBehalfOfName,
    string? OnBehalfOfPosition, string? Note, string? Details, string? TargetName, StandardInstruction Instructions,
    DateTime? DueAtUtc, long? SecondsInFromStatus, bool IsPlh, string CapacityTitle, DateTime? RecordedAtUtc = null)
{
    public static ReportEventView From(ReportEvent e) => new(e.Id, e.Action, e.FromStatus, e.ToStatus, e.AtUtc, e.ActorName,
        e.ActorPosition, e.ActorRole, e.OnBehalfOfName, e.OnBehalfOfPosition, e.Note, e.Details, e.TargetName, e.Instructions,
        e.DueAtUtc, e.SecondsInFromStatus, e.IsPlh, e.CapacityTitle, e.RecordedAtUtc);
}
