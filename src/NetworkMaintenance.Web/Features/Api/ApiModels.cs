using System.Text.Json.Serialization;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Api;

// What the API sends and takes. Enumerations travel as their names ("NoInternet"), times as UTC (ISO 8601, "Z").

/// <summary>One page of a list.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>A report in a list.</summary>
public sealed record ApiReportSummary(int Id, string Number, string Opd, string ReporterName, string Category, string Channel,
    string Status, string StatusLabel, DateTime ReceivedAtUtc, string Location, DateTime SlaClockStartUtc, DateTime? WorkCompletedAtUtc)
{
    public static ApiReportSummary From(ReportListRow r) => new(r.Id, r.Number, r.OpdName, r.ReporterName, r.Category.ToString(),
        r.Channel.ToString(), r.Status.ToString(), Labels.Of(r.Status), r.ReceivedAtUtc, r.Location, r.SlaClockStartUtc, r.WorkCompletedAtUtc);
}

/// <summary>A report with its timeline.</summary>
public sealed record ApiReport(int Id, string Number, string Status, string StatusLabel, int OpdId, string? Opd,
    string ReporterName, string Channel, string Category, string Location, string Description, DateTime ReceivedAtUtc,
    DateTime SlaClockStartUtc, DateTime? WorkCompletedAtUtc, DateTime? ClosedAtUtc, string? KabidName, string? KasiName,
    IReadOnlyList<string> Technicians, IReadOnlyList<ApiTimelineEntry> Timeline)
{
    public static ApiReport From(ReportView r) => new(r.Id, r.Number, r.Status.ToString(), Labels.Of(r.Status), r.OpdId,
        r.Opd?.DisplayName, r.ReporterName, r.Channel.ToString(), r.Category.ToString(), r.Location, r.Description,
        r.ReceivedAtUtc, r.SlaFacts.ClockStartUtc, r.WorkCompletedAtUtc, r.ClosedAtUtc, r.KabidName, r.KasiName,
        r.Technicians.Select(t => t.FullName).ToList(),
        r.Events.Select(e => new ApiTimelineEntry(e.Action.ToString(), Workflow.ActionLabel(e.Action), e.FromStatus?.ToString(),
            e.ToStatus.ToString(), e.AtUtc, e.ActorName, e.ActorRole, e.IsPlh, e.Note)).ToList());
}

public sealed record ApiTimelineEntry(string Action, string ActionLabel, string? FromStatus, string ToStatus, DateTime AtUtc,
    string ActorName, string ActorRole, bool IsPlh, string? Note);

/// <summary>
/// A new report from an OPD's system. The fields and rules are the web form's (<c>NewReportInput</c> and its
/// validator): an OPD account reports for its own OPD through channel Web; the front desk records for any OPD
/// through another channel.
/// </summary>
public sealed class ApiNewReport
{
    /// <summary>The OPD (front desk only; an OPD account always reports for its own).</summary>
    public int? OpdId { get; set; }
    public string ReporterName { get; set; } = "";
    public string? ReporterNip { get; set; }
    public string? ReporterPosition { get; set; }
    public string? ReporterPhone { get; set; }
    public string? ReporterEmail { get; set; }
    /// <summary>Front desk only: Letter, Email, Sms, WhatsApp, Phone, WalkIn.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ReportChannel>))]
    public ReportChannel? Channel { get; set; }
    /// <summary>When the report came in (WIB, front desk only); now when absent.</summary>
    public DateTime? ReceivedAt { get; set; }
    public string Location { get; set; } = "";
    [JsonConverter(typeof(JsonStringEnumConverter<FaultCategory>))]
    public FaultCategory? Category { get; set; }
    public string Description { get; set; } = "";
    public string? LetterNumber { get; set; }
    public DateOnly? LetterDate { get; set; }
    public string? LetterAgendaNumber { get; set; }
    /// <summary>File even when the OPD has an open report of the same category (otherwise 409 lists them).</summary>
    public bool ConfirmDuplicate { get; set; }
    /// <summary>Optional, 32 characters: the same key sent again returns the report it filed, not a second one.</summary>
    public string? IdempotencyKey { get; set; }

    public NewReportInput ToInput() => new()
    {
        OpdId = OpdId, ReporterName = ReporterName, ReporterNip = ReporterNip, ReporterPosition = ReporterPosition,
        ReporterPhone = ReporterPhone, ReporterEmail = ReporterEmail, Channel = Channel ?? ReportChannel.Web,
        ReceivedAt = ReceivedAt, Location = Location, Category = Category, Description = Description,
        LetterNumber = LetterNumber, LetterDate = LetterDate, LetterAgendaNumber = LetterAgendaNumber,
        ConfirmDuplicate = ConfirmDuplicate, FormToken = IdempotencyKey ?? "",
    };
}

/// <summary>A report just filed: its number and the code the reporter tracks it with.</summary>
public sealed record ApiReportCreated(int Id, string Number, string TrackingCode, bool AlreadyFiled);

/// <summary>The 409 of a possible duplicate: the open reports of the same OPD and category.</summary>
public sealed record ApiDuplicates(string Title, string Detail, int Status, IReadOnlyList<ApiReportSummary> OpenReports);

/// <summary>A complaint about the service (the public complaint form's fields and rules).</summary>
public sealed class ApiNewComplaint
{
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<ReportChannel>))]
    public ReportChannel Channel { get; set; } = ReportChannel.Web;
    public string Text { get; set; } = "";
    public string? ReportNumber { get; set; }
    /// <summary>Optional, 32 characters: the same key sent again returns the complaint it filed.</summary>
    public string? IdempotencyKey { get; set; }
}

public sealed record ApiComplaintCreated(string Number, string TrackingCode);

public sealed record ApiComplaintStatus(string Number, string Status, DateTime CreatedAtUtc, string? Answer, DateTime? AnsweredAtUtc)
{
    public static ApiComplaintStatus From(PublicPages.TrackedComplaint c) =>
        new(c.Number, c.Status.ToString(), c.CreatedAtUtc, c.Answer, c.AnsweredAtUtc);
}

/// <summary>An issued official document (metadata); the PDF is at <see cref="DownloadUrl"/>.</summary>
public sealed record ApiDocument(int Id, string Type, string Number, int Version, DateTime IssuedAtUtc, bool IsSuperseded,
    string VerificationCode, string DownloadUrl)
{
    public static ApiDocument From(int reportId, IssuedDocumentRow d) => new(d.Id, d.Type.ToString(), d.Number, d.Version,
        d.IssuedAtUtc, d.IsSuperseded, d.VerificationCode, $"{ApiPaths.Version1}/reports/{reportId}/documents/{d.Id}/pdf");
}

/// <summary>A device of the register in a list.</summary>
public sealed record ApiDeviceSummary(int Id, string Kind, string KindLabel, string BrandType, string? SerialNumber, string? Opd,
    string? Building, string? Room, string Status, string StatusLabel, string? KodeBarang, string? Nup, string? IpAddress,
    int? ReservedForReportId, bool FlaggedForRepeatFaults)
{
    public static ApiDeviceSummary From(Devices.DeviceListRow d) => new(d.Id, d.Kind.ToString(), Core.Domain.Devices.DeviceLabels.Of(d.Kind),
        d.BrandType, d.SerialNumber, d.OpdName, d.Building, d.Room, d.Status.ToString(), Core.Domain.Devices.DeviceLabels.Of(d.Status),
        d.KodeBarang, d.Nup, d.IpAddress, d.ReservedForReportId, d.Flagged);
}

/// <summary>A device with its history (newest first) and the reports that name it.</summary>
public sealed record ApiDevice(int Id, string Kind, string KindLabel, string BrandType, string? SerialNumber, int? OpdId, string? Opd,
    string? Building, string? Room, string Status, string StatusLabel, string? KodeBarang, string? Nup, string? IpAddress,
    string? MacAddress, DateOnly? InstalledOn, DateOnly? WarrantyEndsOn, int? ReservedForReportId, string? ReservedForReportNumber,
    bool FlaggedForRepeatFaults, string? RepeatFaultDecision, string? RepeatFaultDecisionNote, string ScanUrl,
    IReadOnlyList<ApiDeviceHistoryEntry> History, IReadOnlyList<ApiDeviceReport> Reports)
{
    public static ApiDevice From(Devices.DevicePage page)
    {
        var d = page.Device;
        return new(d.Id, d.Kind.ToString(), Core.Domain.Devices.DeviceLabels.Of(d.Kind), d.BrandType, d.SerialNumber, d.OpdId,
            page.OpdName ?? Core.Domain.Devices.Device.DataCenterStore, d.Building, d.Room, d.Status.ToString(),
            Core.Domain.Devices.DeviceLabels.Of(d.Status), d.KodeBarang, d.Nup, d.IpAddress, d.MacAddress, d.InstalledOn, d.WarrantyEndsOn,
            d.ReservedForReportId, page.ReservedForReportNumber, d.IsFlaggedForRepeatFaults, d.RepeatFaultDecision?.ToString(),
            d.RepeatFaultDecisionNote, page.ScanUrl,
            page.History.Select(h => new ApiDeviceHistoryEntry(h.AtUtc, h.Kind.ToString(), h.Description, h.ActorName, h.ReportId, h.ReportNumber)).ToList(),
            page.Reports.Select(r => new ApiDeviceReport(r.Id, r.Number, r.ReceivedAtUtc, r.Status.ToString(), Labels.Of(r.Status), r.How,
                $"{ApiPaths.Version1}/reports/{r.Id}")).ToList());
    }
}

public sealed record ApiDeviceHistoryEntry(DateTime AtUtc, string Kind, string Description, string ActorName, int? ReportId, string? ReportNumber);

/// <summary>A report that names the device: as the reported device ("Dilaporkan") or on a device line of its steps.</summary>
public sealed record ApiDeviceReport(int Id, string Number, DateTime ReceivedAtUtc, string Status, string StatusLabel, string How, string Url);

/// <summary>An attachment just stored: its name as kept (sanitised, with the extension of the detected type).</summary>
public sealed record ApiAttachment(int Id, int ReportId, string Name, string ContentType, long SizeBytes, DateTime UploadedAtUtc);
