namespace NetworkMaintenance.Core.Domain.Reports;

/// <summary>Where a report is in the service standard's procedure. Labels are in <see cref="Labels"/>.</summary>
public enum ReportStatus
{
    Submitted,
    DisposedToKabid,
    DisposedToKasi,
    Assigned,
    Diagnosing,
    OnSiteInspection,
    Repairing,
    AwaitingReplacementRequest,
    Replacing,
    AwaitingAcknowledgement,
    Revision,
    KasiReview,
    KabidReview,
    KadisReview,
    Closed,
    Rejected,
}

/// <summary>How a report reached Diskominfo (the seed's channels).</summary>
public enum ReportChannel
{
    Web,
    Letter,
    Email,
    Sms,
    WhatsApp,
    Phone,
    WalkIn,
    /// <summary>Opened by a monitoring alert (docs/monitoring.md); never chosen on a form.</summary>
    Monitoring,
}

public enum FaultCategory
{
    NoInternet,
    SlowConnection,
    WifiProblem,
    CableDamage,
    DeviceDamage,
    NetworkConfiguration,
    Other,
}

public enum DeviceCondition
{
    Baik,
    RusakRingan,
    RusakBerat,
}

/// <summary>What a device line on a report records.</summary>
public enum DevicePurpose
{
    /// <summary>Listed by the reporter in the replacement-request Berita Acara.</summary>
    ReplacementRequest,
    /// <summary>Repaired by the technician.</summary>
    Repaired,
    /// <summary>Replaced by the technician: the old serial and the new one.</summary>
    Replaced,
    /// <summary>Examined in the diagnosis or the on-site inspection (the devices the fault was found in).</summary>
    Examined,
}

/// <summary>The standard disposition instructions of a lembar disposisi (GOV-FORMATS.md).</summary>
[Flags]
public enum StandardInstruction
{
    None = 0,
    UntukDiketahui = 1,
    UntukDitindaklanjuti = 2,
    SegeraSelesaikan = 4,
    Koordinasikan = 8,
    PelajariDanBeriSaran = 16,
    LaporkanHasilnya = 32,
    Arsipkan = 64,
}

public static class Labels
{
    public static string Of(ReportStatus s) => s switch
    {
        ReportStatus.Submitted => "Diajukan",
        ReportStatus.DisposedToKabid => "Disposisi ke Kabid",
        ReportStatus.DisposedToKasi => "Disposisi ke Kasi",
        ReportStatus.Assigned => "Ditugaskan",
        ReportStatus.Diagnosing => "Pemeriksaan jaringan",
        ReportStatus.OnSiteInspection => "Pemeriksaan di lokasi",
        ReportStatus.Repairing => "Perbaikan perangkat",
        ReportStatus.AwaitingReplacementRequest => "Menunggu BA pengajuan penggantian",
        ReportStatus.Replacing => "Penggantian perangkat",
        ReportStatus.AwaitingAcknowledgement => "Menunggu persetujuan BA pekerjaan",
        ReportStatus.Revision => "Revisi laporan",
        ReportStatus.KasiReview => "Pemeriksaan laporan oleh Kasi",
        ReportStatus.KabidReview => "Pemeriksaan laporan oleh Kabid",
        ReportStatus.KadisReview => "Review Kepala Dinas",
        ReportStatus.Closed => "Selesai",
        ReportStatus.Rejected => "Ditolak",
        _ => s.ToString(),
    };

    public static string Of(ReportChannel c) => c switch
    {
        ReportChannel.Web => "Aplikasi web",
        ReportChannel.Letter => "Surat permohonan",
        ReportChannel.Email => "Email",
        ReportChannel.Sms => "SMS",
        ReportChannel.WhatsApp => "WhatsApp",
        ReportChannel.Phone => "Telepon",
        ReportChannel.WalkIn => "Datang langsung",
        ReportChannel.Monitoring => "Pemantauan jaringan",
        _ => c.ToString(),
    };

    /// <summary>Channels a person records on a form: not <see cref="ReportChannel.Monitoring"/>, which only alerts open.</summary>
    public static bool IsChosenByPeople(ReportChannel c) => c != ReportChannel.Monitoring;

    public static string Of(FaultCategory c) => c switch
    {
        FaultCategory.NoInternet => "Internet mati / tidak terhubung",
        FaultCategory.SlowConnection => "Koneksi lambat / tidak stabil",
        FaultCategory.WifiProblem => "Gangguan WiFi / access point",
        FaultCategory.CableDamage => "Kabel jaringan / fiber optik",
        FaultCategory.DeviceDamage => "Kerusakan perangkat jaringan",
        FaultCategory.NetworkConfiguration => "Konfigurasi jaringan / IP",
        FaultCategory.Other => "Lainnya",
        _ => c.ToString(),
    };

    public static string Of(DeviceCondition c) => c switch
    {
        DeviceCondition.Baik => "Baik",
        DeviceCondition.RusakRingan => "Rusak Ringan",
        DeviceCondition.RusakBerat => "Rusak Berat",
        _ => c.ToString(),
    };

    public static string Of(StandardInstruction i) => i switch
    {
        StandardInstruction.UntukDiketahui => "Untuk diketahui",
        StandardInstruction.UntukDitindaklanjuti => "Untuk ditindaklanjuti",
        StandardInstruction.SegeraSelesaikan => "Segera selesaikan",
        StandardInstruction.Koordinasikan => "Koordinasikan",
        StandardInstruction.PelajariDanBeriSaran => "Pelajari dan beri saran",
        StandardInstruction.LaporkanHasilnya => "Laporkan hasilnya",
        StandardInstruction.Arsipkan => "Arsipkan",
        _ => i.ToString(),
    };

    public static readonly IReadOnlyList<StandardInstruction> AllInstructions =
        Enum.GetValues<StandardInstruction>().Where(i => i != StandardInstruction.None).ToList();

    public static IEnumerable<string> OfEach(StandardInstruction flags) =>
        AllInstructions.Where(i => flags.HasFlag(i)).Select(Of);
}
