using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Domain.Workflow;

/// <summary>One legal move: from a state, by whom, to which state, with which inputs.</summary>
public sealed record Transition(
    WorkflowAction Action,
    ReportStatus From,
    ReportStatus To,
    ActorRule Actor,
    StepInput Inputs,
    string Label,
    string SeedSteps);

/// <summary>
/// The single declaration of the workflow (PRODUCT.md "The workflow"). The report's methods, the buttons on the
/// report page, the authorization checks, docs/workflow.md and the tests all read this table.
/// </summary>
public static class Workflow
{
    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(WorkflowAction.Dispose, ReportStatus.Submitted, ReportStatus.DisposedToKabid, ActorRule.KepalaDinas,
            StepInput.Kabid | StepInput.Instructions | StepInput.Note | StepInput.DueDate, "Disposisi ke Kepala Bidang", "2"),
        new(WorkflowAction.Reject, ReportStatus.Submitted, ReportStatus.Rejected, ActorRule.KepalaDinas,
            StepInput.Reason, "Tolak laporan", "2"),
        new(WorkflowAction.CloseResolvedByItself, ReportStatus.Submitted, ReportStatus.Closed, ActorRule.KepalaDinasOnResolvedAlert,
            StepInput.Note, "Tutup: gangguan pulih dengan sendirinya", "2"),
        new(WorkflowAction.Verify, ReportStatus.DisposedToKabid, ReportStatus.DisposedToKasi, ActorRule.DisposedKabid,
            StepInput.Kasi | StepInput.Instructions | StepInput.Note | StepInput.DueDate, "Verifikasi dan disposisi ke Kepala Seksi", "3"),
        new(WorkflowAction.Reject, ReportStatus.DisposedToKabid, ReportStatus.Rejected, ActorRule.DisposedKabid,
            StepInput.Reason, "Tolak laporan", "3"),
        new(WorkflowAction.Assign, ReportStatus.DisposedToKasi, ReportStatus.Assigned, ActorRule.DisposedKasi,
            StepInput.Technicians | StepInput.Instructions | StepInput.Note, "Tugaskan staf/tim Data Center", "4"),
        new(WorkflowAction.StartDiagnosis, ReportStatus.Assigned, ReportStatus.Diagnosing, ActorRule.AssignedTechnician,
            StepInput.Note, "Mulai pemeriksaan jaringan", "5"),
        new(WorkflowAction.DiagnoseInDataCenter, ReportStatus.Diagnosing, ReportStatus.Repairing, ActorRule.AssignedTechnician,
            StepInput.Diagnosis, "Gangguan di jaringan Data Center: perbaiki", "5"),
        new(WorkflowAction.DiagnoseOutsideDataCenter, ReportStatus.Diagnosing, ReportStatus.OnSiteInspection, ActorRule.AssignedTechnician,
            StepInput.Diagnosis, "Gangguan di luar Data Center: periksa ke lokasi", "5, 6"),
        new(WorkflowAction.InspectRepair, ReportStatus.OnSiteInspection, ReportStatus.Repairing, ActorRule.AssignedTechnician,
            StepInput.Inspection, "Hasil pemeriksaan lokasi: perangkat diperbaiki", "7, 8"),
        new(WorkflowAction.InspectReplace, ReportStatus.OnSiteInspection, ReportStatus.AwaitingReplacementRequest, ActorRule.AssignedTechnician,
            StepInput.Inspection, "Hasil pemeriksaan lokasi: perangkat harus diganti", "7, 8, 9"),
        new(WorkflowAction.SubmitReplacementRequest, ReportStatus.AwaitingReplacementRequest, ReportStatus.Replacing, ActorRule.ReporterOrFrontDesk,
            StepInput.ReplacementDevices | StepInput.Note, "Ajukan Berita Acara penggantian perangkat", "9"),
        new(WorkflowAction.CompleteWork, ReportStatus.Repairing, ReportStatus.AwaitingAcknowledgement, ActorRule.AssignedTechnician,
            StepInput.WorkReport, "Selesaikan pekerjaan dan buat Berita Acara", "8, 11"),
        new(WorkflowAction.CompleteWork, ReportStatus.Replacing, ReportStatus.AwaitingAcknowledgement, ActorRule.AssignedTechnician,
            StepInput.WorkReport, "Selesaikan penggantian dan buat Berita Acara", "10, 11"),
        new(WorkflowAction.CompleteWork, ReportStatus.Revision, ReportStatus.AwaitingAcknowledgement, ActorRule.AssignedTechnician,
            StepInput.WorkReport, "Kirim laporan hasil revisi", "11"),
        new(WorkflowAction.Acknowledge, ReportStatus.AwaitingAcknowledgement, ReportStatus.KasiReview, ActorRule.Reporter,
            StepInput.Note, "Setujui Berita Acara pekerjaan", "11"),
        new(WorkflowAction.AcknowledgeOnSite, ReportStatus.AwaitingAcknowledgement, ReportStatus.KasiReview, ActorRule.AssignedTechnician,
            StepInput.Signature, "Tanda tangan pelapor di lokasi", "11"),
        new(WorkflowAction.Dispute, ReportStatus.AwaitingAcknowledgement, ReportStatus.Diagnosing, ActorRule.Reporter,
            StepInput.Reason, "Gangguan belum teratasi", "11"),
        new(WorkflowAction.Approve, ReportStatus.KasiReview, ReportStatus.KabidReview, ActorRule.DisposedKasi,
            StepInput.Note, "Setujui dan teruskan ke Kepala Bidang", "12"),
        new(WorkflowAction.Return, ReportStatus.KasiReview, ReportStatus.Revision, ActorRule.DisposedKasi,
            StepInput.Reason, "Kembalikan ke teknisi untuk revisi", "12"),
        new(WorkflowAction.Approve, ReportStatus.KabidReview, ReportStatus.KadisReview, ActorRule.DisposedKabid,
            StepInput.Note, "Setujui dan teruskan ke Kepala Dinas", "13"),
        new(WorkflowAction.Return, ReportStatus.KabidReview, ReportStatus.KasiReview, ActorRule.DisposedKabid,
            StepInput.Reason, "Kembalikan ke Kepala Seksi", "13"),
        new(WorkflowAction.Approve, ReportStatus.KadisReview, ReportStatus.Closed, ActorRule.KepalaDinas,
            StepInput.Note, "Setujui dan tutup laporan", "14"),
        new(WorkflowAction.Return, ReportStatus.KadisReview, ReportStatus.KabidReview, ActorRule.KepalaDinas,
            StepInput.Reason, "Kembalikan ke Kepala Bidang", "14"),
    ];

    public static readonly IReadOnlySet<ReportStatus> FinalStates = new HashSet<ReportStatus> { ReportStatus.Closed, ReportStatus.Rejected };

    public static Transition? Find(WorkflowAction action, ReportStatus from) =>
        Transitions.FirstOrDefault(t => t.Action == action && t.From == from);

    public static IEnumerable<Transition> From(ReportStatus from) => Transitions.Where(t => t.From == from);

    /// <summary>
    /// Whether a state waits for the actor of this transition. Not for the technician's on-site signature: that is
    /// the reporter's acknowledgement collected on the technician's phone, so the state waits for the reporter.
    /// </summary>
    /// Nor the Kadis's closing of a resolved alert: an option next to the disposition the state waits for.
    public static bool IsAwaited(Transition t) => t.Action is not (WorkflowAction.AcknowledgeOnSite or WorkflowAction.CloseResolvedByItself);

    /// <summary>Who must act next in a state (for the hand-over notifications): the actors of its awaited transitions.</summary>
    public static IReadOnlySet<ActorRule> NextActors(ReportStatus status) => From(status).Where(IsAwaited)
        .Select(t => t.Actor == ActorRule.ReporterOrFrontDesk ? ActorRule.Reporter : t.Actor).ToHashSet();

    /// <summary>States that wait for a party under one of <paramref name="rules"/> ("Menunggu tindakan saya").</summary>
    public static IReadOnlyList<ReportStatus> StatesAwaiting(params ActorRule[] rules) =>
        Transitions.Where(t => IsAwaited(t) && rules.Contains(t.Actor)).Select(t => t.From).Distinct().ToList();

    /// <summary>
    /// The capacity in which <paramref name="actor"/> may act under <paramref name="rule"/> on a report with
    /// these parties, or null when they may not.
    /// </summary>
    public static ActingCapacity? Qualify(ActorRule rule, IReportParties report, WorkflowActor actor) =>
        DidTheWork(rule, report, actor) || WaitsForFrontDesk(rule, report) ? null : QualifyByRole(rule, report, actor);

    /// <summary>Why <paramref name="actor"/> may not take a step of <paramref name="rule"/> on the report, or null.</summary>
    public static string? Refusal(ActorRule rule, IReportParties report, WorkflowActor actor) =>
        QualifyByRole(rule, report, actor) is null ? RefusalMessage(rule)
        : DidTheWork(rule, report, actor) ? OwnWorkMessage
        : WaitsForFrontDesk(rule, report) ? UnconfirmedIntakeMessage
        : null;

    /// <summary>The refusal of the Kadis's steps on an e-mail report the front desk has not confirmed yet.</summary>
    public const string UnconfirmedIntakeMessage =
        "Laporan ini diterima dari email dan menunggu konfirmasi petugas layanan sebelum dapat ditindaklanjuti Kepala Dinas.";

    /// <summary>
    /// A report the e-mail intake recorded waits for the front desk's confirmation (docs/email-intake.md) before the
    /// Kadis (or Plh.) disposes, rejects or closes it.
    /// </summary>
    public static bool WaitsForFrontDesk(ActorRule rule, IReportParties report) =>
        report.AwaitsIntakeConfirmation && rule is ActorRule.KepalaDinas or ActorRule.KepalaDinasOnResolvedAlert;

    private static ActingCapacity? QualifyByRole(ActorRule rule, IReportParties report, WorkflowActor actor)
    {
        switch (rule)
        {
            case ActorRule.KepalaDinas:
                return DirectOrPlh(actor, Roles.KepalaDinas, official => official.Roles.Contains(Roles.KepalaDinas), actsDirectly: actor.HasRole(Roles.KepalaDinas));
            case ActorRule.KepalaDinasOnResolvedAlert:
                return report.AlertResolvedAtUtc is null ? null
                    : DirectOrPlh(actor, Roles.KepalaDinas, official => official.Roles.Contains(Roles.KepalaDinas), actsDirectly: actor.HasRole(Roles.KepalaDinas));
            case ActorRule.DisposedKabid:
                return report.KabidUserId is null ? null
                    : DirectOrPlh(actor, Roles.KepalaBidang, o => o.OfficialUserId == report.KabidUserId,
                        actsDirectly: actor.UserId == report.KabidUserId && actor.HasRole(Roles.KepalaBidang));
            case ActorRule.DisposedKasi:
                return report.KasiUserId is null ? null
                    : DirectOrPlh(actor, Roles.KepalaSeksi, o => o.OfficialUserId == report.KasiUserId,
                        actsDirectly: actor.UserId == report.KasiUserId && actor.HasRole(Roles.KepalaSeksi));
            case ActorRule.AssignedTechnician:
                return actor.HasRole(Roles.Teknisi) && report.TechnicianUserIds.Contains(actor.UserId)
                    ? new ActingCapacity(Roles.Teknisi, null) : null;
            case ActorRule.Reporter:
                return IsReporter(report, actor) ? new ActingCapacity(Roles.Pelapor, null) : null;
            case ActorRule.ReporterOrFrontDesk:
                if (IsReporter(report, actor)) return new ActingCapacity(Roles.Pelapor, null);
                return actor.HasRole(Roles.PetugasLayanan) ? new ActingCapacity(Roles.PetugasLayanan, null) : null;
            default:
                return null;
        }
    }

    /// <summary>The refusal when someone would review work they did (separation of duties).</summary>
    public const string OwnWorkMessage =
        "Anda ditugaskan mengerjakan laporan ini, sehingga tidak dapat memeriksa, menyetujui atau mengembalikannya, "
        + "juga sebagai Plh. Langkah ini dilakukan oleh pejabat lain atau Plh. lain.";

    /// <summary>
    /// Separation of duties: a technician assigned to the report never takes an official's step on it (the review
    /// steps, Approve and Return, at the Kasi, Kabid and Kadis), directly or as Plh., so nobody approves their own work.
    /// </summary>
    public static bool DidTheWork(ActorRule rule, IReportParties report, WorkflowActor actor) =>
        rule is ActorRule.KepalaDinas or ActorRule.KepalaDinasOnResolvedAlert or ActorRule.DisposedKabid or ActorRule.DisposedKasi
        && report.TechnicianUserIds.Contains(actor.UserId);

    private static bool IsReporter(IReportParties report, WorkflowActor actor) =>
        actor.HasRole(Roles.Pelapor) && actor.OpdId == report.OpdId;

    private static ActingCapacity? DirectOrPlh(WorkflowActor actor, string role, Func<ActingFor, bool> matches, bool actsDirectly)
    {
        if (actsDirectly) return new ActingCapacity(role, null);
        var official = actor.ActingFor.FirstOrDefault(o => matches(o) && o.Roles.Contains(role));
        return official is null ? null : new ActingCapacity(role, official);
    }

    /// <summary>
    /// Can <paramref name="actor"/> take <paramref name="action"/> on the report (in <paramref name="status"/>, numbered
    /// <paramref name="number"/>) now? Null when yes; else the reason why not. Read by the report and its read copies.
    /// </summary>
    public static string? WhyNot(WorkflowAction action, ReportStatus status, string number, IReportParties report, WorkflowActor actor) =>
        Find(action, status) is { } t ? Refusal(t.Actor, report, actor) : NotNowMessage(action, number, status);

    /// <summary>The refusal of a step the report's state does not offer.</summary>
    public static string NotNowMessage(WorkflowAction action, string number, ReportStatus status) =>
        $"Langkah \"{ActionLabel(action)}\" tidak dapat dilakukan karena laporan {number} sekarang berstatus \"{Labels.Of(status)}\".";

    /// <summary>Who may pause and resume the 24-hour clock: an assigned technician, or the Kasi the report was disposed to (or Plh.).</summary>
    public static bool MayKeepClock(IReportParties report, WorkflowActor actor) =>
        Qualify(ActorRule.AssignedTechnician, report, actor) is not null
        || Qualify(ActorRule.DisposedKasi, report, actor) is not null;

    /// <summary>The transitions <paramref name="actor"/> may take now: what the report page offers as buttons.</summary>
    public static IReadOnlyList<Transition> Available(IReportParties report, ReportStatus status, WorkflowActor actor) =>
        From(status).Where(t => Qualify(t.Actor, report, actor) is not null).ToList();

    public static string ActorLabel(ActorRule rule) => rule switch
    {
        ActorRule.KepalaDinas => "Kepala Dinas",
        ActorRule.DisposedKabid => "Kepala Bidang yang menerima disposisi",
        ActorRule.DisposedKasi => "Kepala Seksi yang menerima disposisi",
        ActorRule.AssignedTechnician => "Staf/Tim Data Center yang ditugaskan",
        ActorRule.Reporter => "Pelapor (staf OPD)",
        ActorRule.ReporterOrFrontDesk => "Pelapor atau petugas layanan",
        ActorRule.KepalaDinasOnResolvedAlert => "Kepala Dinas, bila peringatan pemantauan sudah pulih",
        _ => rule.ToString(),
    };

    public static string ActionLabel(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "Laporan diterima",
        WorkflowAction.Dispose => "Disposisi ke Kepala Bidang",
        WorkflowAction.Reject => "Laporan ditolak",
        WorkflowAction.Verify => "Verifikasi dan disposisi ke Kepala Seksi",
        WorkflowAction.Assign => "Penugasan staf/tim Data Center",
        WorkflowAction.StartDiagnosis => "Pemeriksaan jaringan dimulai",
        WorkflowAction.DiagnoseInDataCenter => "Diagnosis: gangguan di jaringan Data Center",
        WorkflowAction.DiagnoseOutsideDataCenter => "Diagnosis: gangguan di luar Data Center",
        WorkflowAction.InspectRepair => "Pemeriksaan lokasi: perangkat diperbaiki",
        WorkflowAction.InspectReplace => "Pemeriksaan lokasi: perangkat harus diganti",
        WorkflowAction.SubmitReplacementRequest => "BA pengajuan penggantian perangkat diajukan",
        WorkflowAction.CompleteWork => "Pekerjaan selesai, Berita Acara dibuat",
        WorkflowAction.Acknowledge => "Berita Acara pekerjaan disetujui pelapor",
        WorkflowAction.AcknowledgeOnSite => "Berita Acara ditandatangani pelapor di lokasi",
        WorkflowAction.Dispute => "Pelapor menyatakan gangguan belum teratasi",
        WorkflowAction.Approve => "Laporan disetujui",
        WorkflowAction.Return => "Laporan dikembalikan",
        WorkflowAction.Note => "Catatan",
        WorkflowAction.CloseResolvedByItself => "Ditutup: gangguan pulih dengan sendirinya",
        _ => action.ToString(),
    };

    public static string RefusalMessage(ActorRule rule) => rule switch
    {
        ActorRule.KepalaDinas => "Langkah ini hanya dapat dilakukan oleh Kepala Dinas atau Plh. Kepala Dinas.",
        ActorRule.DisposedKabid => "Langkah ini hanya dapat dilakukan oleh Kepala Bidang yang menerima disposisi laporan ini, atau Plh.-nya.",
        ActorRule.DisposedKasi => "Langkah ini hanya dapat dilakukan oleh Kepala Seksi yang menerima disposisi laporan ini, atau Plh.-nya.",
        ActorRule.AssignedTechnician => "Langkah ini hanya dapat dilakukan oleh staf/tim Data Center yang ditugaskan pada laporan ini.",
        ActorRule.Reporter => "Langkah ini hanya dapat dilakukan oleh staf OPD pelapor.",
        ActorRule.ReporterOrFrontDesk => "Langkah ini hanya dapat dilakukan oleh staf OPD pelapor atau petugas layanan.",
        ActorRule.KepalaDinasOnResolvedAlert => "Laporan hanya dapat ditutup sebagai pulih dengan sendirinya oleh Kepala Dinas atau Plh. Kepala Dinas, dan hanya bila peringatan pemantauan yang membukanya sudah pulih.",
        _ => "Anda tidak berhak melakukan langkah ini.",
    };
}

/// <summary>The people a report is disposed or assigned to: what <see cref="Workflow.Qualify"/> needs.</summary>
public interface IReportParties
{
    int OpdId { get; }
    string? KabidUserId { get; }
    string? KasiUserId { get; }
    IReadOnlyCollection<string> TechnicianUserIds { get; }
    /// <summary>When the monitoring alert that opened the report resolved; null for other reports and firing alerts.</summary>
    DateTime? AlertResolvedAtUtc { get; }
    /// <summary>An e-mail report the front desk has not confirmed yet (<see cref="Reports.Report.ConfirmIntake"/>).</summary>
    bool AwaitsIntakeConfirmation { get; }
}

/// <summary>
/// What a step asks of the person taking it now: the table's inputs, and whether the work report must list replaced
/// devices (<see cref="Reports.Report.ReplacedDevicesRequired"/>). The step form and its validator read this.
/// </summary>
public sealed record StepRequirements(StepInput Inputs, bool ReplacedDevices)
{
    public static readonly StepRequirements None = new(StepInput.None, false);

    /// <summary>
    /// What <paramref name="action"/> asks for in <paramref name="status"/>, or null when the state does not offer it;
    /// <paramref name="replacedDevicesRequired"/> is the report's <see cref="Reports.Report.ReplacedDevicesRequired"/>.
    /// </summary>
    public static StepRequirements? For(WorkflowAction action, ReportStatus status, bool replacedDevicesRequired) =>
        Workflow.Find(action, status) is { } t
            ? new StepRequirements(t.Inputs, ReplacedDevices: action == WorkflowAction.CompleteWork && replacedDevicesRequired)
            : null;

    public bool Needs(StepInput input) => Inputs.HasFlag(input);
}
