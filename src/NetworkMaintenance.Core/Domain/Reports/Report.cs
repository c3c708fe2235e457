using System.Globalization;
using System.Text;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;

namespace NetworkMaintenance.Core.Domain.Reports;

/// <summary>
/// A network-outage report (laporan gangguan jaringan) and its life through the service standard's 14 steps.
/// Every change of state goes through <see cref="Move"/>, which checks <see cref="WorkflowTable"/> and appends
/// a timeline event; there is no way to set the status directly.
/// </summary>
public class Report : IReportParties
{
    public const string NumberPrefix = "GJ";

    private readonly List<ReportEvent> _events = [];
    private readonly List<ReportAssignment> _technicians = [];
    private readonly List<ReportDevice> _devices = [];
    private readonly List<ReportPause> _pauses = [];

    private Report() { }

    /// <summary>Records a report as received (seed step 1). The number comes from the yearly sequence.</summary>
    public static Report Receive(NewReport input, int year, long sequence, string trackingCode, WorkflowActor recordedBy,
        DateTime nowUtc)
    {
        var report = Receive(input, year, trackingCode, recordedBy, nowUtc);
        report.TakeNumber(sequence);
        return report;
    }

    /// <summary>
    /// Records a report as received (seed step 1), still without its number: the filing checks and builds the report
    /// before it takes the writer's turn, and inside it only takes the next value of the year's sequence
    /// (<see cref="TakeNumber"/>) and saves.
    /// </summary>
    public static Report Receive(NewReport input, int year, string trackingCode, WorkflowActor recordedBy, DateTime nowUtc)
    {
        Require(input.ReporterName, ReportMessages.ReporterNameRequired);
        Require(input.Location, ReportMessages.FaultLocationRequired);
        Require(input.Description, ReportMessages.DescriptionRequired);
        if (input.ReceivedAtUtc > nowUtc.AddMinutes(5))
            throw new DomainException("Waktu laporan diterima tidak boleh di masa depan.");
        if (input.Channel == ReportChannel.WalkIn && input.Guest is null)
            throw new DomainException("Laporan dari kunjungan langsung wajib dicatat di buku tamu: isi nama, identitas, instansi, keperluan dan jam masuk tamu.");
        if (input.Channel == ReportChannel.Letter && (string.IsNullOrWhiteSpace(input.LetterNumber) || input.LetterDate is null))
            throw new DomainException("Laporan melalui surat wajib mencantumkan nomor dan tanggal surat.");
        if (input.Channel == ReportChannel.Web && recordedBy.OpdId != input.OpdId)
            throw new DomainException("Laporan melalui aplikasi hanya dapat dibuat untuk OPD Anda sendiri.");

        var report = new Report
        {
            Year = year,
            TrackingCode = trackingCode,
            OpdId = input.OpdId,
            DeviceId = input.DeviceId,
            ReporterUserId = input.ReporterUserId,
            ReporterName = input.ReporterName.Trim(),
            ReporterNip = input.ReporterNip,
            ReporterPosition = Clean(input.ReporterPosition),
            ReporterPhone = input.ReporterPhone,
            ReporterEmail = Clean(input.ReporterEmail),
            Channel = input.Channel,
            ReceivedAtUtc = input.ReceivedAtUtc,
            Location = input.Location.Trim(),
            Category = input.Category,
            Description = input.Description.Trim(),
            LetterNumber = Clean(input.LetterNumber),
            LetterDate = input.LetterDate,
            LetterAgendaNumber = input.Channel == ReportChannel.Letter ? Clean(input.LetterAgendaNumber) : null,
            RecordedByUserId = recordedBy.UserId,
            CreatedAtUtc = nowUtc,
            Status = ReportStatus.Submitted,
            Version = Guid.NewGuid(),
            SlaClockStartUtc = input.ReceivedAtUtc,
            // A report the mailbox turned into one (docs/email-intake.md): the front desk confirms it before the Kadis acts.
            AwaitsIntakeConfirmation = input.Channel == ReportChannel.Email && recordedBy.HasRole(Roles.Sistem),
        };
        if (input.Channel == ReportChannel.Monitoring && !recordedBy.HasRole(Roles.Sistem))
            throw new DomainException("Laporan dari pemantauan jaringan hanya dibuka oleh peringatan pemantauan.");
        report.RecordLaporNumber(input.LaporNumber);
        var capacity = new ActingCapacity(recordedBy.Roles.Contains(Roles.PetugasLayanan) ? Roles.PetugasLayanan
            : recordedBy.Roles.Contains(Roles.Sistem) ? Roles.Sistem : Roles.Pelapor, null);
        var ev = new ReportEvent(WorkflowAction.Submit, null, ReportStatus.Submitted, nowUtc, recordedBy, capacity,
            null);
        ev.Describe($"Saluran: {Labels.Of(input.Channel)}. Diterima {IndonesianTime(input.ReceivedAtUtc)}.");
        report._events.Add(ev);
        return report;
    }

    /// <summary>Gives the received report its number: the next value of its year's sequence. Once.</summary>
    public void TakeNumber(long sequence)
    {
        if (Sequence != 0) throw new InvalidOperationException($"Report {Number} already has its number.");
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Sequence = sequence;
        Number = FormatNumber(Year, sequence);
    }

    public static string FormatNumber(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{NumberPrefix}-{year}-{sequence:D6}");

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public int Year { get; private set; }
    public long Sequence { get; private set; }

    /// <summary>Secret code that, with the number, lets the public follow the report without logging in.</summary>
    public string TrackingCode { get; private set; } = "";

    /// <summary>The one-time token of the web form that filed the report (null for reports filed otherwise).</summary>
    public string? FormToken { get; private set; }

    /// <summary>Records the form's one-time token; a second post of the same form then finds this report.</summary>
    public void FiledWithForm(string formToken)
    {
        if (FormToken is not null) throw new DomainException("Token formulir laporan sudah tercatat.");
        FormToken = formToken;
    }

    public int OpdId { get; private set; }
    public Opd? Opd { get; private set; }

    /// <summary>The registered device the reporter named as affected (null: "tidak tahu").</summary>
    public int? DeviceId { get; private set; }
    public string? ReporterUserId { get; private set; }
    public string ReporterName { get; private set; } = "";
    public string? ReporterNip { get; private set; }
    public string? ReporterPosition { get; private set; }
    public string? ReporterPhone { get; private set; }
    public string? ReporterEmail { get; private set; }
    public ReportChannel Channel { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public string Location { get; private set; } = "";
    public FaultCategory Category { get; private set; }
    public string Description { get; private set; } = "";
    public string? LetterNumber { get; private set; }
    public DateOnly? LetterDate { get; private set; }
    /// <summary>
    /// The nomor agenda the Sekretariat gave the incoming letter in its agenda book (optional); the lembar disposisi is
    /// identified by it, or by the report number when there is none.
    /// </summary>
    public string? LetterAgendaNumber { get; private set; }
    public const int LetterAgendaNumberMaxLength = 50;
    public string RecordedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The SP4N-LAPOR! tracking number of the same complaint, when it also arrived there (<see cref="Formatting.LaporNumber"/>).</summary>
    public string? LaporNumber { get; private set; }

    /// <summary>Records or clears the SP4N-LAPOR! tracking number (format checked; no call to LAPOR! is made).</summary>
    public void RecordLaporNumber(string? laporNumber)
    {
        LaporNumber = Formatting.LaporNumber.Normalize(laporNumber);
        Version = Guid.NewGuid();
    }

    /// <summary>When the monitoring alert that opened this report resolved (<see cref="RecordAlertResolved"/>).</summary>
    public DateTime? AlertResolvedAtUtc { get; private set; }

    /// <summary>
    /// A report the e-mail intake recorded, not yet confirmed by the front desk: the Kadis's steps wait for it
    /// (<see cref="NetworkMaintenance.Core.Domain.Workflow.Workflow.Refusal"/>). Set on receipt, cleared by <see cref="ConfirmIntake"/>.
    /// </summary>
    public bool AwaitsIntakeConfirmation { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every change (works on SQLite and SQL Server alike).</summary>
    public Guid Version { get; private set; }

    // Disposition chain
    public string? KabidUserId { get; private set; }
    public string? KabidName { get; private set; }
    public string? KasiUserId { get; private set; }
    public string? KasiName { get; private set; }
    public DateTime? DueAtUtc { get; private set; }

    // Diagnosis (seed step 5)
    public string? FaultType { get; private set; }
    public string? FaultLocation { get; private set; }
    public bool? InDataCenterNetwork { get; private set; }
    public string? DiagnosisFindings { get; private set; }
    public DateTime? DiagnosedAtUtc { get; private set; }

    // On-site inspection (seed steps 6–8)
    /// <summary>When the site visit actually started and ended, as the technician stated them (the documents print these).</summary>
    public DateTime? InspectedAtUtc { get; private set; }
    public DateTime? InspectionEndedAtUtc { get; private set; }
    public string? InspectionFindings { get; private set; }
    public bool? ReporterPresentAtInspection { get; private set; }
    public bool? ReplacementNeeded { get; private set; }

    // Replacement request (seed step 9)
    public DateTime? ReplacementRequestedAtUtc { get; private set; }
    public string? ReplacementRequestedByName { get; private set; }

    // Work report (seed steps 10–11)
    public string? ActionsTaken { get; private set; }
    public string? RootCause { get; private set; }
    public DateTime? WorkCompletedAtUtc { get; private set; }

    /// <summary>When the work actually started and ended, as the technician stated them (the documents print these).</summary>
    public DateTime? WorkStartedAtUtc { get; private set; }
    public DateTime? WorkFinishedAtUtc { get; private set; }

    // Acknowledgement by the reporter (seed step 11)
    public DateTime? AcknowledgedAtUtc { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public byte[]? AcknowledgementSignaturePng { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }
    public string? RejectionReason { get; private set; }

    // The 24-hour clock (docs/sla.md)
    /// <summary>Receipt time shifted later by every finished pause: the deadline is this plus the target.</summary>
    public DateTime SlaClockStartUtc { get; private set; }
    /// <summary>Set while the clock is paused.</summary>
    public DateTime? SlaPausedSinceUtc { get; private set; }
    /// <summary>Clock time used when the work was completed (pauses excluded), in seconds.</summary>
    public long? SlaElapsedSeconds { get; private set; }

    public IReadOnlyCollection<ReportPause> Pauses => _pauses.AsReadOnly();

    public SlaFacts SlaFacts => new(SlaClockStartUtc, SlaPausedSinceUtc, WorkCompletedAtUtc, Status == ReportStatus.Rejected);

    public IReadOnlyCollection<ReportEvent> Events => _events.AsReadOnly();
    public IReadOnlyCollection<ReportAssignment> Technicians => _technicians.AsReadOnly();
    public IReadOnlyCollection<ReportDevice> Devices => _devices.AsReadOnly();

    IReadOnlyCollection<string> IReportParties.TechnicianUserIds => _technicians.Select(t => t.UserId).ToList();

    /// <summary>
    /// Completes a report read untracked without its collections, each of which was read with a query of its own (a
    /// read copy: the report page reads the report row and then each collection by its report id, simpler statements
    /// than a split include). Never for a tracked report, nor for one whose collections are already loaded.
    /// </summary>
    public void CompleteReadCopy(IEnumerable<ReportEvent> events, IEnumerable<ReportAssignment> technicians,
        IEnumerable<ReportDevice> devices, IEnumerable<ReportPause> pauses)
    {
        if (_events.Count + _technicians.Count + _devices.Count + _pauses.Count > 0)
            throw new InvalidOperationException($"Report {Id} already has its collections loaded.");
        _events.AddRange(events.Where(e => e.ReportId == Id));
        _technicians.AddRange(technicians.Where(t => t.ReportId == Id));
        _devices.AddRange(devices.Where(d => d.ReportId == Id));
        _pauses.AddRange(pauses.Where(p => p.ReportId == Id));
    }

    public bool IsFinal => WorkflowTable.FinalStates.Contains(Status);

    public IEnumerable<ReportDevice> CurrentDevices(DevicePurpose purpose) =>
        _devices.Where(d => d.Purpose == purpose && !d.IsSuperseded);

    /// <summary>
    /// The return ("Kembalikan") or dispute ("Gangguan belum teratasi") that the report is still answering: the latest
    /// such step, as long as nobody has since completed the work again or approved it. Null otherwise, and once the report
    /// is closed or rejected. Its <see cref="ReportEvent.Note"/> is the reason, shown at the top of the report page and
    /// on the step forms, and sent in the notification.
    /// </summary>
    public ReportEvent? PendingReturn()
    {
        if (IsFinal) return null;
        var ordered = _events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList();
        var last = ordered.FindLastIndex(e => e.Action is WorkflowAction.Return or WorkflowAction.Dispute);
        if (last < 0) return null;
        return ordered.Skip(last + 1).Any(e => e.Action is WorkflowAction.CompleteWork or WorkflowAction.Approve)
            ? null
            : ordered[last];
    }

    /// <summary>Kepala Dinas disposes the report to a Kepala Bidang (seed step 2).</summary>
    public ReportEvent Dispose(WorkflowActor actor, Disposition disposition, DateTime nowUtc) =>
        Forward(WorkflowAction.Dispose, actor, disposition, Roles.KepalaBidang, "Kepala Bidang", nowUtc, to =>
        {
            KabidUserId = to.UserId;
            KabidName = to.FullName;
        });

    /// <summary>The Kepala Bidang verifies and disposes to a Kepala Seksi (seed step 3).</summary>
    public ReportEvent Verify(WorkflowActor actor, Disposition disposition, DateTime nowUtc) =>
        Forward(WorkflowAction.Verify, actor, disposition, Roles.KepalaSeksi, "Kepala Seksi", nowUtc, to =>
        {
            KasiUserId = to.UserId;
            KasiName = to.FullName;
        });

    private ReportEvent Forward(WorkflowAction action, WorkflowActor actor, Disposition disposition, string role, string title,
        DateTime nowUtc, Action<PersonRef> recordRecipient)
    {
        var (t, capacity) = Guard(action, actor, null);
        RequireOfficial(disposition.To, role, title);
        RequireDue(disposition.DueAtUtc, nowUtc);
        var ev = Move(t, capacity, actor, nowUtc, disposition.Note);
        ev.Target(disposition.To.UserId, disposition.To.FullName, disposition.Instructions, disposition.DueAtUtc);
        recordRecipient(disposition.To);
        DueAtUtc = disposition.DueAtUtc ?? DueAtUtc;
        return ev;
    }

    /// <summary>Kadis (from Submitted) or the disposed Kabid (from DisposedToKabid) rejects with a reason.</summary>
    public ReportEvent Reject(WorkflowActor actor, string reason, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.Reject, actor, reason);
        var ev = Move(t, capacity, actor, nowUtc, reason);
        RejectionReason = reason.Trim();
        ClosedAtUtc = nowUtc;
        return ev;
    }

    /// <summary>The Kepala Seksi assigns one or more technicians, one of them the lead (seed step 4).</summary>
    public ReportEvent Assign(WorkflowActor actor, TechnicianAssignment assignment, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.Assign, actor, null);
        if (assignment.Technicians.Count == 0) throw new DomainException(ReportMessages.TechniciansRequired);
        if (assignment.Technicians.Select(x => x.UserId).Distinct().Count() != assignment.Technicians.Count)
            throw new DomainException("Staf yang sama dipilih lebih dari sekali.");
        foreach (var tech in assignment.Technicians) RequireOfficial(tech, Roles.Teknisi, "staf/tim Data Center");
        var lead = assignment.Technicians.FirstOrDefault(x => x.UserId == assignment.LeadUserId)
            ?? throw new DomainException("Ketua tim harus salah satu staf yang ditugaskan.");

        var ev = Move(t, capacity, actor, nowUtc, assignment.Note);
        ev.Target(lead.UserId, lead.FullName, assignment.Instructions, DueAtUtc);
        ev.Describe("Tim: " + string.Join(", ", assignment.Technicians.Select(x =>
            x.UserId == lead.UserId ? x.FullName + " (ketua)" : x.FullName)) + ".");
        foreach (var tech in assignment.Technicians)
        {
            _technicians.Add(new ReportAssignment(tech.UserId, tech.FullName, tech.UserId == lead.UserId, nowUtc));
        }
        return ev;
    }

    /// <summary>An assigned technician starts checking the network (seed step 5).</summary>
    public ReportEvent StartDiagnosis(WorkflowActor actor, string? note, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.StartDiagnosis, actor, null);
        return Move(t, capacity, actor, nowUtc, note);
    }

    /// <summary>
    /// The technician records the type and location of the fault (seed step 5): in the data-center network it is
    /// repaired there; otherwise the technician inspects on site with the reporter (step 6).
    /// </summary>
    public ReportEvent RecordDiagnosis(WorkflowActor actor, DiagnosisInput diagnosis, bool inDataCenterNetwork, DateTime nowUtc)
    {
        var action = inDataCenterNetwork ? WorkflowAction.DiagnoseInDataCenter : WorkflowAction.DiagnoseOutsideDataCenter;
        var (t, capacity) = Guard(action, actor, null);
        Require(diagnosis.FaultType, ReportMessages.FaultTypeRequired);
        Require(diagnosis.FaultLocation, ReportMessages.FaultLocationRequired);
        Require(diagnosis.Findings, ReportMessages.FindingsRequired);
        var ev = Move(t, capacity, actor, nowUtc, null);
        FaultType = diagnosis.FaultType.Trim();
        FaultLocation = diagnosis.FaultLocation.Trim();
        DiagnosisFindings = diagnosis.Findings.Trim();
        InDataCenterNetwork = inDataCenterNetwork;
        DiagnosedAtUtc = nowUtc;
        ev.Describe($"Jenis gangguan: {FaultType}. Lokasi: {FaultLocation}. " +
            (inDataCenterNetwork ? "Di jaringan Data Center." : "Di luar jaringan Data Center.") + $" Temuan: {Sentence(DiagnosisFindings)}"
            + RecordExamined(diagnosis.Devices, nowUtc));
        return ev;
    }

    /// <summary>The on-site inspection with the reporter (seed steps 7–8): repairable, or the device must be replaced.</summary>
    public ReportEvent RecordInspection(WorkflowActor actor, InspectionInput inspection, bool replacementNeeded, DateTime nowUtc)
    {
        var action = replacementNeeded ? WorkflowAction.InspectReplace : WorkflowAction.InspectRepair;
        var (t, capacity) = Guard(action, actor, null);
        Require(inspection.Findings, ReportMessages.InspectionFindingsRequired);
        var visitEnded = inspection.VisitEndedAtUtc ?? nowUtc;
        if (inspection.VisitedAtUtc > nowUtc.AddMinutes(5))
            throw new DomainException("Waktu kunjungan tidak boleh di masa depan.");
        if (visitEnded > nowUtc.AddMinutes(5))
            throw new DomainException("Waktu selesai kunjungan tidak boleh di masa depan.");
        if (visitEnded < inspection.VisitedAtUtc)
            throw new DomainException("Waktu selesai kunjungan harus sesudah waktu mulainya.");
        // Times are entered to the minute: a visit in the minute the report arrived is fine.
        if (inspection.VisitedAtUtc < ReceivedAtUtc.AddTicks(-(ReceivedAtUtc.Ticks % TimeSpan.TicksPerMinute)))
            throw new DomainException("Waktu kunjungan tidak boleh sebelum laporan diterima.");
        var ev = Move(t, capacity, actor, nowUtc, null);
        InspectedAtUtc = inspection.VisitedAtUtc;
        InspectionEndedAtUtc = visitEnded;
        InspectionFindings = inspection.Findings.Trim();
        ReporterPresentAtInspection = inspection.ReporterPresent;
        ReplacementNeeded = replacementNeeded;
        ev.Describe($"Kunjungan {IndonesianTime(inspection.VisitedAtUtc)} s.d. {IndonesianTime(visitEnded)}; pelapor {(inspection.ReporterPresent ? "hadir" : "tidak hadir")}. " +
            $"Temuan: {Sentence(InspectionFindings)} " + (replacementNeeded ? "Perangkat harus diganti." : "Perangkat dapat diperbaiki.")
            + RecordExamined(inspection.Devices, nowUtc));
        return ev;
    }

    /// <summary>
    /// The devices examined in the diagnosis or the inspection replace those recorded before (kept, marked superseded);
    /// returns the sentence the timeline adds ("" when none were given).
    /// </summary>
    private string RecordExamined(IReadOnlyList<DeviceLine>? devices, DateTime nowUtc)
    {
        if (devices is null) return "";
        foreach (var old in CurrentDevices(DevicePurpose.Examined)) old.Supersede();
        var lines = devices.Select(d => new ReportDevice(DevicePurpose.Examined, d, nowUtc)).ToList();
        _devices.AddRange(lines);
        return lines.Count == 0 ? "" : " Perangkat diperiksa: " + string.Join("; ", lines.Select(DescribeDevice)) + ".";
    }

    /// <summary>The reporter (or the front desk from the reporter's paper form) files the replacement request (seed step 9).</summary>
    public ReportEvent SubmitReplacementRequest(WorkflowActor actor, ReplacementRequestInput request, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.SubmitReplacementRequest, actor, null);
        if (request.Devices.Count == 0) throw new DomainException(ReportMessages.ReplacementRequestDevicesRequired);
        var lines = request.Devices.Select(d => new ReportDevice(DevicePurpose.ReplacementRequest, d, nowUtc)).ToList();
        var ev = Move(t, capacity, actor, nowUtc, request.Note);
        foreach (var old in CurrentDevices(DevicePurpose.ReplacementRequest)) old.Supersede();
        _devices.AddRange(lines);
        ReplacementRequestedAtUtc = nowUtc;
        ReplacementRequestedByName = capacity.Role == Roles.PetugasLayanan ? ReporterName : actor.FullName;
        ev.Describe("Perangkat diajukan: " + string.Join("; ", lines.Select(DescribeDevice)) + ".");
        return ev;
    }

    /// <summary>The technician completes the work (seed steps 8, 10, 11): this issues the work Berita Acara.</summary>
    public ReportEvent CompleteWork(WorkflowActor actor, WorkReportInput work, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.CompleteWork, actor, null);
        Require(work.ActionsTaken, ReportMessages.ActionsTakenRequired);
        if (ReplacedDevicesRequired && work.ReplacedDevices.Count == 0)
            throw new DomainException(ReportMessages.ReplacedDevicesRequired);
        var lines = work.RepairedDevices.Select(d => new ReportDevice(DevicePurpose.Repaired, d, nowUtc))
            .Concat(work.ReplacedDevices.Select(d => new ReportDevice(DevicePurpose.Replaced, d, nowUtc))).ToList();
        var started = work.StartedAtUtc
            ?? _events.Where(e => e.Action == WorkflowAction.StartDiagnosis).Select(e => (DateTime?)e.AtUtc).LastOrDefault()
            ?? ReceivedAtUtc;
        var finished = work.FinishedAtUtc ?? nowUtc;
        if (finished > nowUtc.AddMinutes(5)) throw new DomainException("Waktu selesai pekerjaan tidak boleh di masa depan.");
        if (started > finished) throw new DomainException("Waktu mulai pekerjaan harus sebelum waktu selesainya.");
        if (started < ReceivedAtUtc.AddTicks(-(ReceivedAtUtc.Ticks % TimeSpan.TicksPerMinute)))
            throw new DomainException("Waktu mulai pekerjaan tidak boleh sebelum laporan diterima.");

        var ev = Move(t, capacity, actor, nowUtc, null);
        foreach (var old in _devices.Where(d => (d.Purpose is DevicePurpose.Repaired or DevicePurpose.Replaced) && !d.IsSuperseded)) old.Supersede();
        _devices.AddRange(lines);
        ActionsTaken = work.ActionsTaken.Trim();
        RootCause = Clean(work.RootCause);
        WorkCompletedAtUtc = nowUtc;
        WorkStartedAtUtc = started;
        WorkFinishedAtUtc = finished;
        SlaElapsedSeconds = (long)(nowUtc - SlaClockStartUtc).TotalSeconds;
        AcknowledgedAtUtc = null;
        AcknowledgedByName = null;
        AcknowledgementSignaturePng = null;
        var details = new StringBuilder($"Pekerjaan {IndonesianTime(started)} s.d. {IndonesianTime(finished)}. Tindakan: {Sentence(ActionsTaken)}");
        if (RootCause is not null) details.Append(CultureInfo.InvariantCulture, $" Penyebab: {Sentence(RootCause)}");
        if (lines.Count > 0) details.Append(" Perangkat: ").Append(string.Join("; ", lines.Select(DescribeDevice))).Append('.');
        ev.Describe(details.ToString());
        return ev;
    }

    /// <summary>The reporter acknowledges the work Berita Acara in the app (seed step 11).</summary>
    public ReportEvent Acknowledge(WorkflowActor actor, string? note, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.Acknowledge, actor, null);
        var ev = Move(t, capacity, actor, nowUtc, note);
        AcknowledgedAtUtc = nowUtc;
        AcknowledgedByName = actor.FullName;
        return ev;
    }

    /// <summary>On site, the reporter signs with a finger on the technician's phone instead of logging in.</summary>
    public ReportEvent AcknowledgeOnSite(WorkflowActor actor, OnSiteSignature signature, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.AcknowledgeOnSite, actor, null);
        Require(signature.SignerName, ReportMessages.SignerNameRequired);
        if (signature.SignaturePng.Length is < 100 or > 512 * 1024)
            throw new DomainException("Tanda tangan pelapor tidak terbaca. Minta pelapor menandatangani lagi.");
        var ev = Move(t, capacity, actor, nowUtc, null);
        AcknowledgedAtUtc = nowUtc;
        AcknowledgedByName = signature.SignerName.Trim();
        AcknowledgementSignaturePng = signature.SignaturePng;
        ev.Describe($"Ditandatangani oleh {AcknowledgedByName} pada perangkat teknisi.");
        return ev;
    }

    /// <summary>The reporter says the outage is not fixed: back to diagnosis.</summary>
    public ReportEvent Dispute(WorkflowActor actor, string reason, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.Dispute, actor, reason);
        var ev = Move(t, capacity, actor, nowUtc, reason);
        WorkCompletedAtUtc = null;
        SlaElapsedSeconds = null;
        return ev;
    }

    /// <summary>Kasi, Kabid or Kadis approves the work report (seed steps 12–14); the Kadis's approval closes it.</summary>
    public ReportEvent Approve(WorkflowActor actor, string? note, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.Approve, actor, null);
        var ev = Move(t, capacity, actor, nowUtc, note);
        if (Status == ReportStatus.Closed) ClosedAtUtc = nowUtc;
        return ev;
    }

    /// <summary>Kasi, Kabid or Kadis returns the work report one level down, with a reason.</summary>
    public ReportEvent Return(WorkflowActor actor, string reason, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.Return, actor, reason);
        return Move(t, capacity, actor, nowUtc, reason);
    }

    /// <summary>
    /// A timeline note that changes no state (a repeated alert, an e-mail reply). Closed and rejected reports take none.
    /// </summary>
    public ReportEvent AddNote(WorkflowActor actor, string note, DateTime nowUtc)
    {
        Require(note, "Catatan wajib diisi.");
        if (IsFinal) throw new DomainException($"Laporan {Number} sudah berstatus \"{Labels.Of(Status)}\"; catatan tidak dapat ditambahkan.");
        var capacity = new ActingCapacity(actor.HasRole(Roles.Sistem) ? Roles.Sistem : actor.Roles.FirstOrDefault() ?? Roles.Sistem, null);
        var ev = new ReportEvent(WorkflowAction.Note, null, Status, nowUtc, actor, capacity, note);
        _events.Add(ev);
        Version = Guid.NewGuid();
        return ev;
    }

    /// <summary>
    /// The front desk confirms a report the e-mail intake recorded (docs/email-intake.md): a timeline note, and the
    /// report goes on to the Kadis like any other. Not a state change: the report stays "Diajukan".
    /// </summary>
    public ReportEvent ConfirmIntake(WorkflowActor actor, string? note, DateTime nowUtc)
    {
        if (!AwaitsIntakeConfirmation) throw new DomainException($"Laporan {Number} tidak menunggu konfirmasi petugas layanan.");
        if (!actor.HasRole(Roles.PetugasLayanan)) throw new DomainException("Laporan dari email hanya dapat dikonfirmasi oleh petugas layanan.");
        var text = "Laporan dari email dikonfirmasi petugas layanan dan diteruskan ke Kepala Dinas."
            + (string.IsNullOrWhiteSpace(note) ? "" : " Catatan: " + note.Trim());
        var ev = new ReportEvent(WorkflowAction.Note, null, Status, nowUtc, actor, new ActingCapacity(Roles.PetugasLayanan, null), text);
        _events.Add(ev);
        AwaitsIntakeConfirmation = false;
        Version = Guid.NewGuid();
        return ev;
    }

    /// <summary>
    /// The monitoring alert that opened this report resolved at <paramref name="endedAtUtc"/>: a timeline note, and the
    /// Kadis may now close the report as resolved by itself while nobody has acted (<see cref="CloseResolvedByItself"/>).
    /// </summary>
    public ReportEvent RecordAlertResolved(WorkflowActor actor, DateTime endedAtUtc, string note, DateTime nowUtc)
    {
        if (Channel != ReportChannel.Monitoring) throw new DomainException("Hanya laporan dari pemantauan jaringan yang dapat dinyatakan pulih oleh peringatan.");
        var ev = AddNote(actor, note, nowUtc);
        AlertResolvedAtUtc = endedAtUtc < ReceivedAtUtc ? ReceivedAtUtc : endedAtUtc;
        return ev;
    }

    /// <summary>
    /// The Kadis closes a monitoring report whose alert resolved before anyone acted on it ("selesai dengan
    /// sendirinya"). The 24-hour clock stops at the alert's end: the outage lasted that long.
    /// </summary>
    public ReportEvent CloseResolvedByItself(WorkflowActor actor, string? note, DateTime nowUtc)
    {
        var (t, capacity) = Guard(WorkflowAction.CloseResolvedByItself, actor, null);
        var ev = Move(t, capacity, actor, nowUtc, note);
        var ended = AlertResolvedAtUtc!.Value;
        WorkCompletedAtUtc = ended;
        SlaElapsedSeconds = (long)(ended - SlaClockStartUtc).TotalSeconds;
        ClosedAtUtc = nowUtc;
        ev.Describe($"Peringatan pemantauan pulih {IndonesianTime(ended)} sebelum ada tindakan.");
        return ev;
    }

    /// <summary>
    /// Whether completing the work now must list the replaced devices: the work is a replacement, or the revision of a
    /// work report that replaced devices (not of a plain repair that followed a disputed replacement). The one rule; the
    /// step form and its validator read it through <see cref="RequirementsFor"/>.
    /// </summary>
    public bool ReplacedDevicesRequired =>
        Status == ReportStatus.Replacing || (Status == ReportStatus.Revision && CurrentDevices(DevicePurpose.Replaced).Any());

    /// <summary>What taking <paramref name="action"/> now asks of the person, or null when it cannot be taken now.</summary>
    public StepRequirements? RequirementsFor(WorkflowAction action) =>
        StepRequirements.For(action, Status, ReplacedDevicesRequired);

    /// <summary>How far ahead of the server's clock a phone's clock may be (the same tolerance as the step forms' times).</summary>
    public static readonly TimeSpan ClientClockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a step done at <paramref name="doneAtUtc"/> (on the technician's phone, synced later) may be recorded
    /// with that time now: not in the future beyond <see cref="ClientClockTolerance"/>, not before the previous step.
    /// Null when it may; else the reason why not, in Indonesian.
    /// </summary>
    public string? WhyNotDoneAt(DateTime doneAtUtc, DateTime nowUtc)
    {
        if (doneAtUtc > nowUtc + ClientClockTolerance)
            return "Waktu langkah di perangkat lebih dari 5 menit di masa depan. Periksa jam dan tanggal ponsel Anda.";
        var previous = _events.Where(e => e.Action != WorkflowAction.Note).Select(e => (DateTime?)e.AtUtc).Max();
        if (previous is { } p && doneAtUtc < p)
            return $"Waktu langkah ({IndonesianTime(doneAtUtc)}) lebih awal daripada langkah sebelumnya ({IndonesianTime(p)}). Periksa jam dan tanggal ponsel Anda.";
        return null;
    }

    /// <summary>Can <paramref name="actor"/> take <paramref name="action"/> now? Null when yes; else the reason why not.</summary>
    public string? WhyNot(WorkflowAction action, WorkflowActor actor) => WorkflowTable.WhyNot(action, Status, Number, this, actor);

    private (Transition Transition, ActingCapacity Capacity) Guard(WorkflowAction action, WorkflowActor actor, string? reason)
    {
        var t = WorkflowTable.Find(action, Status) ?? throw new DomainException(WorkflowTable.NotNowMessage(action, Number, Status));
        if (WorkflowTable.Refusal(t.Actor, this, actor) is { } refusal) throw new DomainException(refusal);
        var capacity = WorkflowTable.Qualify(t.Actor, this, actor)
            ?? throw new DomainException(WorkflowTable.RefusalMessage(t.Actor));
        if (t.Inputs.HasFlag(StepInput.Reason) && string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ReportMessages.ReasonRequired);
        return (t, capacity);
    }

    /// <summary>
    /// The assigned technician or the Kasi pauses the 24-hour clock, with a reason (docs/sla.md). Not a state
    /// transition: the status does not change, and the pause is recorded in the timeline.
    /// </summary>
    public ReportPause PauseClock(WorkflowActor actor, SlaPauseReason reason, string? note, DateTime nowUtc)
    {
        RequireClockKeeper(actor);
        if (IsFinal || WorkCompletedAtUtc is not null)
            throw new DomainException("Waktu layanan tidak dapat dijeda karena pekerjaan sudah selesai.");
        if (SlaPausedSinceUtc is not null) throw new DomainException("Waktu layanan sudah dijeda.");
        Require(note, "Alasan penjedaan wajib diisi.");
        var pause = new ReportPause(reason, note!.Trim(), nowUtc, actor.UserId, actor.FullName);
        _pauses.Add(pause);
        SlaPausedSinceUtc = nowUtc;
        Version = Guid.NewGuid();
        return pause;
    }

    /// <summary>The assigned technician or the Kasi resumes the clock; the paused time moves the deadline later.</summary>
    public ReportPause ResumeClock(WorkflowActor actor, DateTime nowUtc)
    {
        RequireClockKeeper(actor);
        if (SlaPausedSinceUtc is null) throw new DomainException("Waktu layanan tidak sedang dijeda.");
        var pause = EndPause(nowUtc, actor.UserId, actor.FullName, byStep: false);
        Version = Guid.NewGuid();
        return pause;
    }

    /// <summary>Who may pause and resume: an assigned technician, or the Kasi the report was disposed to (or Plh.).</summary>
    public bool MayKeepClock(WorkflowActor actor) => WorkflowTable.MayKeepClock(this, actor);

    private void RequireClockKeeper(WorkflowActor actor)
    {
        if (!MayKeepClock(actor))
            throw new DomainException("Hanya Staf Data Center yang ditugaskan atau Kepala Seksi yang dapat menjeda atau melanjutkan waktu layanan.");
    }

    private ReportPause EndPause(DateTime nowUtc, string? userId, string userName, bool byStep)
    {
        var pause = _pauses.Single(p => p.IsOpen);
        var at = nowUtc < SlaPausedSinceUtc!.Value ? SlaPausedSinceUtc.Value : nowUtc;
        pause.Resume(at, userId, userName, byStep);
        SlaClockStartUtc += at - SlaPausedSinceUtc.Value;
        SlaPausedSinceUtc = null;
        return pause;
    }

    private ReportEvent Move(Transition t, ActingCapacity capacity, WorkflowActor actor, DateTime nowUtc, string? note)
    {
        // Any step ends a pause: the awaited thing has happened (or the work goes on regardless).
        if (SlaPausedSinceUtc is not null) EndPause(nowUtc, actor.UserId, actor.FullName, byStep: true);
        var ev = new ReportEvent(t.Action, Status, t.To, nowUtc, actor, capacity, note);
        if (_events.Count > 0)
        {
            // Notes change no state: the time in the previous state runs from the previous step.
            var previous = _events.Where(e => e.Action != WorkflowAction.Note).Max(e => e.AtUtc);
            ev.SpentInPreviousState(nowUtc > previous ? nowUtc - previous : TimeSpan.Zero);
        }
        _events.Add(ev);
        Status = t.To;
        Version = Guid.NewGuid();
        return ev;
    }


    private static void RequireOfficial(PersonRef person, string role, string title)
    {
        if (!person.IsActive || !person.Roles.Contains(role))
            throw new DomainException($"{person.FullName} bukan {title} yang aktif.");
    }

    private static void RequireDue(DateTime? dueAtUtc, DateTime nowUtc)
    {
        if (dueAtUtc is { } due && due < nowUtc.AddMinutes(-1))
            throw new DomainException("Batas waktu penyelesaian tidak boleh di masa lalu.");
    }

    private static void Require(string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException(message);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The text as one sentence ending in a single full stop.</summary>
    private static string Sentence(string text) => text.TrimEnd().TrimEnd('.', ' ') + ".";

    private static string IndonesianTime(DateTime utc) =>
        Wib.FromUtc(utc).ToString("d MMMM yyyy HH.mm", CultureInfo.GetCultureInfo("id-ID")) + " WIB";

    private static string DescribeDevice(ReportDevice d)
    {
        var text = new StringBuilder(d.Name);
        if (d.BrandType is not null) text.Append(CultureInfo.InvariantCulture, $" ({d.BrandType})");
        if (d.SerialNumber is not null) text.Append(CultureInfo.InvariantCulture, $", SN {d.SerialNumber}");
        if (d.NewSerialNumber is not null) text.Append(CultureInfo.InvariantCulture, $" diganti SN {d.NewSerialNumber}");
        text.Append(CultureInfo.InvariantCulture, $", {Labels.Of(d.Condition)}");
        return text.ToString();
    }
}
