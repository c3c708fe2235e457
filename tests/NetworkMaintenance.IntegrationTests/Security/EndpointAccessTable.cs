using static NetworkMaintenance.IntegrationTests.Security.Who;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>Who may use an endpoint: anonymous visitors and the demo roles, combined with <c>|</c>.</summary>
[Flags]
public enum Who
{
    None = 0,
    Anonymous = 1 << 0,
    Pelapor = 1 << 1,
    PetugasLayanan = 1 << 2,
    KepalaDinas = 1 << 3,
    KepalaBidang = 1 << 4,
    KepalaSeksi = 1 << 5,
    Teknisi = 1 << 6,
    Administrator = 1 << 7,

    /// <summary>
    /// No person at all: a machine endpoint (the monitoring alerts of docs/monitoring.md) that only a per-source bearer
    /// token opens. Every principal of the matrix, signed in or not, must get 401 with a problem body: a cookie session
    /// is no substitute for the token (so it is also no target for cross-site request forgery, see
    /// <see cref="AntiforgeryOnEveryPost"/>). The token itself is tested in Monitoring/AlertIntakeTests.
    /// </summary>
    BearerToken = 1 << 8,

    // The policies of src/NetworkMaintenance.Web/Authorization/Policies.cs as sets of roles.
    // (Policies.FrontDesk is PetugasLayanan and Policies.Reporter is Pelapor: use the role names.)
    Official = KepalaDinas | KepalaBidang | KepalaSeksi,
    Staff = PetugasLayanan | Official | Teknisi,
    ReportUser = Pelapor | Staff,
    Intake = Pelapor | PetugasLayanan,
    SignedIn = ReportUser | Administrator,
    Everyone = Anonymous | SignedIn,
}

/// <summary>One endpoint of the route table and who may use it.</summary>
public sealed record EndpointRule(string Method, string Route, Who Allowed)
{
    public override string ToString() => $"{Method} {Route}";

    /// <summary>A route of the JSON API: authenticated by API tokens only (docs/api.md).</summary>
    public bool IsApi => Route.StartsWith("/api/v1/", StringComparison.Ordinal);
}

/// <summary>
/// THE authorization expectation of every endpoint of the app, one line per route template and HTTP method (see
/// docs/security.md). <see cref="EndpointAccessMatrix"/> fails when the app has an endpoint that is not here (a new
/// action needs a line: the failure message prints it ready to paste) or when a line names an endpoint that no longer
/// exists. Route templates are written exactly as the route table has them, with a leading slash.
/// "Allowed" means the role gets past authorization when it uses its own objects (see
/// <see cref="SecurityWorld.UrlFor"/>); object-level refusals for other people's objects are in
/// <see cref="ObjectLevelAccess"/>.
/// </summary>
public static class EndpointAccessTable
{
    public static readonly IReadOnlyList<EndpointRule> Rules =
    [
        // Infrastructure and error pages.
        Get("/health", Everyone),
        Get("/health/live", Everyone),
        Get("/health/ready", Everyone),
        Get("/galat", Everyone),
        Post("/galat", Everyone),
        Get("/galat/{code:int}", Everyone),
        Post("/galat/{code:int}", Everyone),

        // Account.
        Get("/masuk", Everyone),
        Get("/logo", Everyone),
        Post("/masuk", Everyone),
        Post("/keluar", SignedIn),
        Get("/masuk/2fa", Everyone),
        Post("/masuk/2fa", Everyone),
        Get("/masuk/pemulihan", Everyone),
        Post("/masuk/pemulihan", Everyone),
        Get("/akun/2fa", SignedIn),
        Get("/akun/2fa/aktifkan", SignedIn),
        Post("/akun/2fa/aktifkan", SignedIn),
        Get("/akun/2fa/kode-pemulihan", SignedIn),
        Post("/akun/2fa/kode-pemulihan", SignedIn),
        Post("/akun/2fa/atur-ulang", SignedIn),
        Post("/akun/2fa/nonaktifkan", SignedIn),
        Get("/akun/kata-sandi", SignedIn),
        Post("/akun/kata-sandi", SignedIn),
        Get("/akses-ditolak", Everyone),

        // Home and notifications.
        Get("/", SignedIn),
        Get("/notifikasi", SignedIn),
        Post("/notifikasi/{id:long}/baca", SignedIn),
        Post("/notifikasi/baca-semua", SignedIn),

        // Public pages.
        Get("/standar-pelayanan", Everyone),
        Get("/standar-pelayanan/cetak", Everyone),
        Get("/maklumat-pelayanan/poster", Everyone),
        Get("/hasil-skm", Everyone),
        Get("/hasil-skm/laporan", Everyone),
        Get("/lacak", Everyone),
        Post("/lacak", Everyone),
        Get("/pengaduan", Everyone),
        Post("/pengaduan", Everyone),
        Get("/pengaduan/terkirim", Everyone),
        Get("/verifikasi", Everyone),
        Post("/verifikasi", Everyone),
        Get("/verifikasi/{kode}", Everyone),

        // Reports.
        Get("/laporan", ReportUser),
        Get("/laporan/ekspor.csv", Staff),
        Get("/laporan/ekspor.xlsx", Staff),
        Get("/laporan/rekap", Official),
        // The recap's narrative and nota dinas: the Kepala Dinas and Kepala Bidang (and their Plh.), not the Kepala Seksi.
        Get("/laporan/rekap/uraian", KepalaDinas | KepalaBidang),
        Post("/laporan/rekap/uraian", KepalaDinas | KepalaBidang),
        Get("/laporan/rekap/nota-dinas", KepalaDinas | KepalaBidang),
        Post("/laporan/rekap/nota-dinas", KepalaDinas | KepalaBidang),
        Get("/tugas", ReportUser),
        Get("/laporan/baru", Who.Intake),
        Post("/laporan/baru", Who.Intake),
        Get("/laporan/{id:int}", ReportUser),
        Get("/laporan/{id:int}/tanda-terima", ReportUser),
        Get("/laporan/{id:int}/dokumen/{documentId:int}", ReportUser),
        Get("/laporan/{id:int}/dokumen/{documentId:int}/tandatangan", ReportUser),
        Post("/laporan/{id:int}/dokumen/{documentId:int}/tandatangan", ReportUser),
        Get("/laporan/{id:int}/langkah/{step}", ReportUser),
        Post("/laporan/{id:int}/langkah/{step}", ReportUser),
        Post("/laporan/{id:int}/jeda", Staff),
        Post("/laporan/{id:int}/lanjutkan", Staff),
        Post("/laporan/{id:int}/lampiran", ReportUser),
        Get("/lampiran/{id:int}", ReportUser),
        Get("/laporan/{id:int}/survei", Pelapor),
        Post("/laporan/{id:int}/survei", Pelapor),

        // The device register (docs/devices.md): the administrator and the Kasi manage, everyone reads (an OPD's
        // reporter only their OPD's devices), the Kasi and the technicians reserve and prepare spares.
        Get("/perangkat", SignedIn),
        Get("/perangkat/angka", SignedIn),
        Get("/perangkat/{id:int}", SignedIn),
        Get("/perangkat/{id:int}/pindai", SignedIn),
        Get("/perangkat/baru", Administrator | KepalaSeksi),
        Post("/perangkat/baru", Administrator | KepalaSeksi),
        Get("/perangkat/{id:int}/ubah", Administrator | KepalaSeksi),
        Post("/perangkat/{id:int}/ubah", Administrator | KepalaSeksi),
        Get("/perangkat/impor", Administrator | KepalaSeksi),
        Get("/perangkat/label", Administrator | KepalaSeksi),
        Get("/perangkat/impor/templat", Administrator | KepalaSeksi),
        Post("/perangkat/impor", Administrator | KepalaSeksi),
        Post("/perangkat/{id:int}/keputusan", Administrator | KepalaSeksi),
        Post("/perangkat/batas-stok", Administrator | KepalaSeksi),
        // The technician's phone app (docs/offline.md).
        Get("/teknisi/luring", Teknisi),
        Get("/teknisi/penugasan", Teknisi),
        Post("/teknisi/sinkron", Teknisi),
        Post("/perangkat/{id:int}/cadangkan", KepalaSeksi | Teknisi),
        Post("/perangkat/{id:int}/lepas", KepalaSeksi | Teknisi),
        Post("/perangkat/laporan/{reportId:int}/siapkan", KepalaSeksi | Teknisi),
        Get("/perangkat/stok", Administrator | KepalaSeksi | Teknisi),
        Get("/perangkat/stok/baru", Administrator | KepalaSeksi),
        Post("/perangkat/stok/baru", Administrator | KepalaSeksi),
        Get("/perangkat/stok/{id:int}/ubah", Administrator | KepalaSeksi),
        Post("/perangkat/stok/{id:int}/ubah", Administrator | KepalaSeksi),
        Post("/perangkat/stok/{id:int}/terima", Administrator | KepalaSeksi),
        Post("/perangkat/stok/keluarkan", KepalaSeksi | Teknisi),

        // Front desk.
        Get("/buku-tamu", PetugasLayanan),
        Get("/buku-tamu/csv", PetugasLayanan),
        Get("/buku-tamu/xlsx", PetugasLayanan),
        Post("/buku-tamu/{id:int}/keluar", PetugasLayanan),
        Get("/email-masuk", PetugasLayanan),
        Post("/email-masuk/{id:int}/konfirmasi", PetugasLayanan),
        Get("/pengaduan/kelola", PetugasLayanan),
        Get("/pengaduan/kelola/{id:int}", PetugasLayanan),
        Post("/pengaduan/kelola/{id:int}/proses", PetugasLayanan),
        Post("/pengaduan/kelola/{id:int}/jawab", PetugasLayanan),
        Post("/pengaduan/kelola/{id:int}/lapor", PetugasLayanan),

        // Monitoring (docs/monitoring.md): alerts in from machines, the status board for the officials.
        Post("/api/alerts/alertmanager", BearerToken),
        Post("/api/alerts/generic", BearerToken),
        Get("/papan-status", Official | Administrator),

        // Officials.
        Get("/skm", Official),
        // SKM follow-up (docs/service-evaluation.md): officials read; the Kasi and Kabid record; the Kabid and Kadis publish.
        Get("/skm/tindak-lanjut", Official),
        Get("/skm/tindak-lanjut/bukti", Official),
        Post("/skm/tindak-lanjut/analisis", KepalaSeksi | KepalaBidang),
        Post("/skm/tindak-lanjut/rencana", KepalaSeksi | KepalaBidang),
        Post("/skm/tindak-lanjut/selesai", KepalaSeksi | KepalaBidang),
        Post("/skm/tindak-lanjut/publikasi", KepalaBidang | KepalaDinas),
        Get("/evaluasi-pelayanan", Official | Administrator),
        Get("/evaluasi-pelayanan/ekspor", Official | Administrator),
        Get("/plh", Official),
        Post("/plh", Official),
        Post("/plh/{id:int}/cabut", Official),

        // Administration.
        Get("/admin/audit", Administrator),
        Get("/admin/audit/ekspor.csv", Administrator),
        Get("/admin/data-pribadi", Administrator),
        Get("/admin/data-pribadi/ekspor.csv", Administrator),
        Post("/admin/data-pribadi/hapus", Administrator),
        Get("/admin/pengguna", Administrator),
        Get("/admin/pengguna/baru", Administrator),
        Post("/admin/pengguna/baru", Administrator),
        Get("/admin/pengguna/{id}/ubah", Administrator),
        Post("/admin/pengguna/{id}/ubah", Administrator),
        Post("/admin/pengguna/{id}/nonaktifkan", Administrator),
        Post("/admin/pengguna/{id}/aktifkan", Administrator),
        Post("/admin/pengguna/{id}/buka-kunci", Administrator),
        Get("/admin/pengguna/{id}/kata-sandi", Administrator),
        Post("/admin/pengguna/{id}/kata-sandi", Administrator),
        Get("/admin/pemantauan", Administrator),
        Post("/admin/pemantauan/baru", Administrator),
        Post("/admin/pemantauan/{id:int}/cabut", Administrator),
        Get("/admin/opd", Administrator),
        Get("/admin/opd/baru", Administrator),
        Post("/admin/opd/baru", Administrator),
        Get("/admin/opd/{id:int}/ubah", Administrator),
        Post("/admin/opd/{id:int}/ubah", Administrator),
        Post("/admin/opd/{id:int}/nonaktifkan", Administrator),
        Post("/admin/opd/{id:int}/aktifkan", Administrator),
        Get("/admin/unit", Administrator),
        Get("/admin/unit/baru", Administrator),
        Post("/admin/unit/baru", Administrator),
        Get("/admin/unit/{id:int}/ubah", Administrator),
        Post("/admin/unit/{id:int}/ubah", Administrator),
        Post("/admin/unit/{id:int}/nonaktifkan", Administrator),
        Post("/admin/unit/{id:int}/aktifkan", Administrator),
        Get("/admin/standar-pelayanan", Administrator),
        Post("/admin/standar-pelayanan", Administrator),
        Get("/admin/maklumat-pelayanan", Administrator),
        Post("/admin/maklumat-pelayanan", Administrator),
        Get("/admin/dokumen", Administrator),
        Post("/admin/dokumen", Administrator),
        Get("/admin/dokumen/logo", Administrator),
        Get("/admin/dokumen/pratinjau", Administrator),
        Post("/admin/dokumen/pratinjau", Administrator),
        Get("/admin/token-api", Administrator),
        Post("/admin/token-api", Administrator),
        Post("/admin/token-api/{id:int}/cabut", Administrator),
        Get("/admin/webhook", Administrator),
        Post("/admin/webhook", Administrator),
        Get("/admin/webhook/log", Administrator),
        Post("/admin/webhook/{id:int}/aktifkan", Administrator),
        Post("/admin/webhook/{id:int}/nonaktifkan", Administrator),

        // API tokens of one's own account.
        Get("/akun/token-api", SignedIn),
        Post("/akun/token-api", SignedIn),
        Post("/akun/token-api/{id:int}/cabut", SignedIn),

        // The API reference (public, like the service standard).
        Get("/api/docs", Everyone),
        Get("/api/openapi/v1.json", Everyone),

        // The JSON API (docs/api.md). "Allowed" here means with an API token of that role's account: ApiAccessMatrix
        // checks every line with tokens; with a cookie every /api/v1 route answers 401 to everyone
        // (EndpointAccessMatrix), as no cookie ever authenticates there.
        Post("/api/v1/complaints", SignedIn),
        Get("/api/v1/complaints/{number}", SignedIn),
        Get("/api/v1/reports", ReportUser),
        Post("/api/v1/reports", Who.Intake),
        Get("/api/v1/reports/{id:int}", ReportUser),
        Get("/api/v1/reports/{id:int}/documents", ReportUser),
        Get("/api/v1/reports/{id:int}/documents/{documentId:int}/pdf", ReportUser),
        Post("/api/v1/reports/{id:int}/attachments", ReportUser),
        Get("/api/v1/devices", SignedIn),
        Get("/api/v1/devices/{id:int}", SignedIn),
    ];

    private static EndpointRule Get(string route, Who allowed) => new("GET", route, allowed);

    private static EndpointRule Post(string route, Who allowed) => new("POST", route, allowed);

    /// <summary>The line to paste into <see cref="Rules"/> for an endpoint that has none.</summary>
    public static string LineFor(string method, string route) => method switch
    {
        "GET" => $"Get(\"{route}\", None /* who may use it? */),",
        "POST" => $"Post(\"{route}\", None /* who may use it? */),",
        _ => $"new(\"{method}\", \"{route}\", None /* who may use it? */),",
    };
}
