using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>The cast of a report's life, and a way to bring a report into any state through real steps.</summary>
public static class WorkflowFixture
{
    public const int Opd = 7;
    public const int OtherOpd = 8;
    public static readonly DateTime Start = new(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);

    public enum Kind
    {
        Kadis,
        KadisPlh,
        DisposedKabid,
        KabidPlh,
        OtherKabid,
        DisposedKasi,
        KasiPlh,
        OtherKasi,
        AssignedTechnician,
        OtherTechnician,
        Reporter,
        ReporterOfOtherOpd,
        FrontDesk,
        Administrator,
    }

    private static HashSet<string> R(params string[] roles) => [.. roles];

    public static readonly WorkflowActor Kadis = new("kadis", "Kadis", "Kepala Dinas", "197003121995031002", R(Roles.KepalaDinas), null, []);
    public static readonly WorkflowActor Kabid = new("kabid", "Kabid", "Kepala Bidang", null, R(Roles.KepalaBidang), null, []);
    public static readonly WorkflowActor OtherKabid = new("kabid2", "Kabid Lain", null, null, R(Roles.KepalaBidang), null, []);
    public static readonly WorkflowActor Kasi = new("kasi", "Kasi", "Kepala Seksi", null, R(Roles.KepalaSeksi), null, []);
    public static readonly WorkflowActor OtherKasi = new("kasi2", "Kasi Lain", null, null, R(Roles.KepalaSeksi), null, []);
    public static readonly WorkflowActor Technician = new("tech", "Teknisi", null, null, R(Roles.Teknisi), null, []);
    public static readonly WorkflowActor OtherTechnician = new("tech2", "Teknisi Lain", null, null, R(Roles.Teknisi), null, []);
    public static readonly WorkflowActor Reporter = new("pelapor", "Pelapor", null, null, R(Roles.Pelapor), Opd, []);
    public static readonly WorkflowActor ReporterOfOtherOpd = new("pelapor2", "Pelapor Lain", null, null, R(Roles.Pelapor), OtherOpd, []);
    public static readonly WorkflowActor FrontDesk = new("petugas", "Petugas", null, null, R(Roles.PetugasLayanan), null, []);
    public static readonly WorkflowActor Administrator = new("admin", "Admin", null, null, R(Roles.Administrator), null, []);

    // Plh. holders hold only the Teknisi role themselves; they act through their appointments.
    public static readonly WorkflowActor KadisPlh = Plh("plh.kadis", Kadis);
    public static readonly WorkflowActor KabidPlh = Plh("plh.kabid", Kabid);
    public static readonly WorkflowActor KasiPlh = Plh("plh.kasi", Kasi);

    private static WorkflowActor Plh(string id, WorkflowActor official) => new(id, "Plh " + official.FullName, "Staf", null,
        R(Roles.Teknisi), null, [new ActingFor(official.UserId, official.FullName, official.Position, official.Nip, official.Roles)]);

    public static WorkflowActor Actor(Kind kind) => kind switch
    {
        Kind.Kadis => Kadis,
        Kind.KadisPlh => KadisPlh,
        Kind.DisposedKabid => Kabid,
        Kind.KabidPlh => KabidPlh,
        Kind.OtherKabid => OtherKabid,
        Kind.DisposedKasi => Kasi,
        Kind.KasiPlh => KasiPlh,
        Kind.OtherKasi => OtherKasi,
        Kind.AssignedTechnician => Technician,
        Kind.OtherTechnician => OtherTechnician,
        Kind.Reporter => Reporter,
        Kind.ReporterOfOtherOpd => ReporterOfOtherOpd,
        Kind.FrontDesk => FrontDesk,
        Kind.Administrator => Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static PersonRef Person(WorkflowActor a) => new(a.UserId, a.FullName, a.Roles, IsActive: true);

    public static Report NewReport() => Report.Receive(new NewReport(Opd, Reporter.UserId, "Pelapor", null, "Staf", "+6281234567890",
        null, ReportChannel.Web, Start, "Gedung A lantai 2", FaultCategory.NoInternet, "Internet mati sejak pagi"),
        2026, 1, "ABCD2345", Reporter, Start);

    /// <summary>Brings a fresh report into <paramref name="target"/> by the shortest path of legal steps.</summary>
    public static Report InState(ReportStatus target)
    {
        var r = NewReport();
        var t = Start;
        DateTime Next() => t = t.AddMinutes(10);
        if (target == ReportStatus.Submitted) return r;
        if (target == ReportStatus.Rejected) { r.Reject(Kadis, "Bukan gangguan jaringan", Next()); return r; }
        r.Dispose(Kadis, new Disposition(Person(Kabid), StandardInstruction.UntukDitindaklanjuti, null, null), Next());
        if (target == ReportStatus.DisposedToKabid) return r;
        r.Verify(Kabid, new Disposition(Person(Kasi), StandardInstruction.SegeraSelesaikan, null, null), Next());
        if (target == ReportStatus.DisposedToKasi) return r;
        r.Assign(Kasi, new TechnicianAssignment([Person(Technician)], Technician.UserId, StandardInstruction.LaporkanHasilnya, null), Next());
        if (target == ReportStatus.Assigned) return r;
        r.StartDiagnosis(Technician, null, Next());
        if (target == ReportStatus.Diagnosing) return r;
        var onSite = target is ReportStatus.OnSiteInspection or ReportStatus.AwaitingReplacementRequest or ReportStatus.Replacing;
        r.RecordDiagnosis(Technician, Diagnosis, inDataCenterNetwork: !onSite, Next());
        if (target is ReportStatus.OnSiteInspection or ReportStatus.Repairing) return r;
        if (onSite)
        {
            r.RecordInspection(Technician, new InspectionInput(t, "Switch mati", true), replacementNeeded: true, Next());
            if (target == ReportStatus.AwaitingReplacementRequest) return r;
            r.SubmitReplacementRequest(Reporter, Request, Next());
            return r;
        }
        r.CompleteWork(Technician, Work, Next());
        if (target == ReportStatus.AwaitingAcknowledgement) return r;
        r.Acknowledge(Reporter, null, Next());
        if (target == ReportStatus.KasiReview) return r;
        if (target == ReportStatus.Revision) { r.Return(Kasi, "Lengkapi nomor seri", Next()); return r; }
        r.Approve(Kasi, null, Next());
        if (target == ReportStatus.KabidReview) return r;
        r.Approve(Kabid, null, Next());
        if (target == ReportStatus.KadisReview) return r;
        r.Approve(Kadis, null, Next());
        return r;
    }

    public static readonly DiagnosisInput Diagnosis = new("Putus koneksi", "Switch lantai 2", "Port uplink mati");
    public static readonly ReplacementRequestInput Request = new([new DeviceLine("Switch 24 port", "TP-Link TL-SG1024", "SN-OLD-1", DeviceCondition.RusakBerat, "Mati total")], null);
    public static readonly WorkReportInput Work = new("Mengganti switch dan merapikan kabel", "Switch rusak karena petir", [],
        [new DeviceLine("Switch 24 port", "TP-Link TL-SG1024", "SN-OLD-1", DeviceCondition.RusakBerat, null, "TP-Link TL-SG1024", "SN-NEW-1")]);

    /// <summary>Calls the report's method for <paramref name="action"/> with valid inputs.</summary>
    public static ReportEvent Do(Report r, WorkflowAction action, WorkflowActor actor, DateTime at) => action switch
    {
        WorkflowAction.Dispose => r.Dispose(actor, new Disposition(Person(Kabid), StandardInstruction.UntukDiketahui, "catatan", null), at),
        WorkflowAction.Verify => r.Verify(actor, new Disposition(Person(Kasi), StandardInstruction.UntukDiketahui, null, null), at),
        WorkflowAction.Reject => r.Reject(actor, "alasan", at),
        WorkflowAction.Assign => r.Assign(actor, new TechnicianAssignment([Person(Technician)], Technician.UserId, StandardInstruction.None, null), at),
        WorkflowAction.StartDiagnosis => r.StartDiagnosis(actor, null, at),
        WorkflowAction.DiagnoseInDataCenter => r.RecordDiagnosis(actor, Diagnosis, true, at),
        WorkflowAction.DiagnoseOutsideDataCenter => r.RecordDiagnosis(actor, Diagnosis, false, at),
        WorkflowAction.InspectRepair => r.RecordInspection(actor, new InspectionInput(at.AddMinutes(-1), "temuan", true), false, at),
        WorkflowAction.InspectReplace => r.RecordInspection(actor, new InspectionInput(at.AddMinutes(-1), "temuan", true), true, at),
        WorkflowAction.SubmitReplacementRequest => r.SubmitReplacementRequest(actor, Request, at),
        WorkflowAction.CompleteWork => r.CompleteWork(actor, Work, at),
        WorkflowAction.Acknowledge => r.Acknowledge(actor, null, at),
        WorkflowAction.AcknowledgeOnSite => r.AcknowledgeOnSite(actor, new OnSiteSignature("Pelapor", SignaturePng), at),
        WorkflowAction.Dispute => r.Dispute(actor, "masih mati", at),
        WorkflowAction.Approve => r.Approve(actor, null, at),
        WorkflowAction.Return => r.Return(actor, "perbaiki", at),
        WorkflowAction.CloseResolvedByItself => r.CloseResolvedByItself(actor, null, at),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static readonly byte[] SignaturePng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[200]];
}
