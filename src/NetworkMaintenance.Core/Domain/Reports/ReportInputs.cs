namespace NetworkMaintenance.Core.Domain.Reports;

/// <summary>A person chosen in a step (the Kabid or Kasi disposed to, a technician), as loaded by the service.</summary>
public sealed record PersonRef(string UserId, string FullName, IReadOnlySet<string> Roles, bool IsActive);

/// <summary>What the reporter or front desk records when a report arrives.</summary>
public sealed record NewReport(
    int OpdId,
    string? ReporterUserId,
    string ReporterName,
    string? ReporterNip,
    string? ReporterPosition,
    string? ReporterPhone,
    string? ReporterEmail,
    ReportChannel Channel,
    DateTime ReceivedAtUtc,
    string Location,
    FaultCategory Category,
    string Description,
    string? LetterNumber = null,
    DateOnly? LetterDate = null,
    NetworkMaintenance.Core.Domain.Intake.GuestVisit? Guest = null,
    string? LetterAgendaNumber = null,
    string? LaporNumber = null,
    int? DeviceId = null);

public sealed record Disposition(PersonRef To, StandardInstruction Instructions, string? Note, DateTime? DueAtUtc);

public sealed record TechnicianAssignment(IReadOnlyList<PersonRef> Technicians, string LeadUserId,
    StandardInstruction Instructions, string? Note);

/// <param name="Devices">The devices examined (null: leave the ones recorded before as they are).</param>
public sealed record DiagnosisInput(string FaultType, string FaultLocation, string Findings, IReadOnlyList<DeviceLine>? Devices = null);

/// <param name="VisitedAtUtc">When the site visit actually started.</param>
/// <param name="VisitEndedAtUtc">When it actually ended; null means at the time of the step.</param>
/// <param name="Devices">The devices examined on site (null: leave the ones recorded before as they are).</param>
public sealed record InspectionInput(DateTime VisitedAtUtc, string Findings, bool ReporterPresent, DateTime? VisitEndedAtUtc = null,
    IReadOnlyList<DeviceLine>? Devices = null);

public sealed record DeviceLine(
    string Name,
    string? BrandType,
    string? SerialNumber,
    DeviceCondition Condition,
    string? Notes,
    string? NewBrandType = null,
    string? NewSerialNumber = null,
    int? DeviceId = null,
    int? NewDeviceId = null);

public sealed record ReplacementRequestInput(IReadOnlyList<DeviceLine> Devices, string? Note);

/// <param name="StartedAtUtc">When the work actually started, as the technician states it; null: when the diagnosis started.</param>
/// <param name="FinishedAtUtc">When the work actually ended; null: the time of this step.</param>
public sealed record WorkReportInput(string ActionsTaken, string? RootCause, IReadOnlyList<DeviceLine> RepairedDevices,
    IReadOnlyList<DeviceLine> ReplacedDevices, DateTime? StartedAtUtc = null, DateTime? FinishedAtUtc = null);

public sealed record OnSiteSignature(string SignerName, byte[] SignaturePng);
