using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using DeviceCondition = NetworkMaintenance.Core.Domain.Reports.DeviceCondition;

namespace NetworkMaintenance.Core.Documents;

/// <summary>
/// One realistic model of each official document, for previews, the documentation and tests, made the way the
/// application makes them: a report walked through the domain (<see cref="SampleReport"/>), mapped by
/// <see cref="ReportDocumentMapper"/>, numbered by <see cref="DocumentNumberPattern"/> with the default patterns, with
/// verification codes and URLs of the application's form. People, NIPs, the running numbers and the street address are
/// illustrative; the emblem is a placeholder for the uploaded Lambang Kota. Everything is fixed, so each sample renders
/// to the same bytes every time.
/// </summary>
public static class DocumentSamples
{
    public static LetterheadSettings Letterhead { get; } = new()
    {
        AgencyName = "Dinas Komunikasi dan Informatika",
        Address = "Jl. Dr. Sutomo No. 14, Kota Tebing Tinggi, Sumatera Utara 20615",
        Phone = "(0621) 325203",
        Email = "diskominfo@tebingtinggikota.go.id",
        Website = "tebingtinggikota.go.id",
        Logo = SampleImages.Emblem(),
    };

    // The people of the chain (Kepala Dinas → Kepala Bidang → Kepala Seksi → technician) and a reporter.
    public static Signer KepalaDinas { get; } = new(
        "Drs. H. Muhammad Fauzi Harahap, M.Si.", "197204101998031005", "Kepala Dinas Komunikasi dan Informatika",
        ApprovedAtUtc: Utc(2026, 12, 1, 15, 40));

    public static Signer KepalaBidang { get; } = new(
        "Rina Sari Siregar, S.Kom., M.T.", "198003222005012007", "Kepala Bidang Aplikasi Informatika",
        ApprovedAtUtc: Utc(2026, 12, 1, 10, 20));

    public static Signer KepalaSeksi { get; } = new(
        "Andi Pratama Nasution, S.T.", "198609262015051001", "Kepala Seksi Infrastruktur dan Jaringan (Data Center)",
        ApprovedAtUtc: Utc(2026, 12, 1, 8, 35));

    /// <summary>An acting Kepala Seksi (Plh.), used where the Kasi is on leave.</summary>
    public static Signer PlhKepalaSeksi { get; } = new(
        "Hendra Gunawan Sinaga, S.Kom.", "198407172009031002", "Kepala Seksi Infrastruktur dan Jaringan (Data Center)",
        IsPlh: true, ApprovedAtUtc: Utc(2026, 11, 30, 14, 50));

    /// <summary>A PPPK technician: 18-digit number whose digits 13–14 are not a month.</summary>
    public static Signer Teknisi { get; } = new(
        "Rizky Ramadhan Lubis, A.Md.Kom.", "199503152023211004", "Pranata Komputer, Tim Data Center",
        ApprovedAtUtc: Utc(2026, 11, 30, 14, 45));

    public static Signer Pelapor { get; } = new(
        "Siti Aisyah Damanik, S.E.", "198811052010012003", "Kepala Subbagian Umum dan Kepegawaian",
        ApprovedAtUtc: Utc(2026, 11, 30, 14, 30));

    public const string PelaporOpd = "Dinas Pendidikan Kota Tebing Tinggi";

    /// <summary>The sample's public base address (PublicBaseUrl): the verification and tracking URLs are built from it.</summary>
    public const string PublicBaseUrl = "https://gangguan.tebingtinggikota.go.id";

    /// <summary>The running numbers of the sample: report 123 of 2026 and the letter counters of each document type.</summary>
    public const long ReportSequence = 123;

    private const int OpdId = 5;

    public static string ReportNumber => Report.FormatNumber(2026, ReportSequence);

    /// <summary>
    /// The sample report, walked through the domain exactly as the application records it: received by the front desk
    /// from WhatsApp, disposed by the Kepala Dinas, verified by the Kepala Bidang, assigned by the Plh. Kepala Seksi,
    /// diagnosed, inspected on site (the visit's stated times), the reporter's replacement request, the work completed
    /// (stated times, two devices replaced, one reconfigured), signed by the reporter on the technician's phone, approved
    /// by the Plh. Kasi, the Kabid and the Kadis (closed).
    /// </summary>
    public static Report SampleReport()
    {
        var frontDesk = Actor("petugas", new Signer("Dewi Lestari Tarigan", null, "Petugas Layanan"), Roles.PetugasLayanan);
        var kadis = Actor("kadis", KepalaDinas, Roles.KepalaDinas);
        var kabid = Actor("kabid", KepalaBidang, Roles.KepalaBidang);
        var kasi = Actor("kasi", KepalaSeksi, Roles.KepalaSeksi);
        var plhKasi = new WorkflowActor("plh.kasi", PlhKepalaSeksi.Name, "Pranata Komputer Ahli Muda", PlhKepalaSeksi.Nip,
            new HashSet<string> { Roles.Teknisi }, null,
            [new ActingFor(kasi.UserId, kasi.FullName, kasi.Position, kasi.Nip, kasi.Roles)]);
        var teknisi = Actor("teknisi", Teknisi, Roles.Teknisi);
        var teknisi2 = Actor("teknisi2", new Signer("Yusuf Hidayat Purba", null, "Teknisi Jaringan"), Roles.Teknisi);
        var pelapor = Actor("pelapor", Pelapor, Roles.Pelapor, OpdId);

        var report = Report.Receive(
            new NewReport(OpdId, pelapor.UserId, Pelapor.Name, Pelapor.Nip, Pelapor.Position, "+6281376543210", null,
                ReportChannel.WhatsApp, Utc(2026, 11, 30, 8, 15),
                "Kantor Dinas Pendidikan, ruang server lantai 2",
                FaultCategory.NoInternet,
                "Sejak pukul 07.30 WIB seluruh komputer di lantai 2 tidak dapat terhubung ke internet maupun ke aplikasi " +
                "SIMPEG. Lampu indikator pada switch di ruang server berkedip oranye dan beberapa port tidak menyala."),
            2026, ReportSequence, "K7P29XQ4", frontDesk, Utc(2026, 11, 30, 8, 15));
        PersonRef Person(WorkflowActor a) => new(a.UserId, a.FullName, a.Roles, IsActive: true);

        report.Dispose(kadis, new Disposition(Person(kabid),
            StandardInstruction.UntukDitindaklanjuti | StandardInstruction.SegeraSelesaikan | StandardInstruction.LaporkanHasilnya,
            "Layanan SIMPEG sekolah terganggu, mohon diprioritaskan.", null), Utc(2026, 11, 30, 8, 40));
        report.Verify(kabid, new Disposition(Person(kasi), StandardInstruction.UntukDitindaklanjuti | StandardInstruction.Koordinasikan,
            "Koordinasikan dengan pelapor dan siapkan perangkat cadangan.", null), Utc(2026, 11, 30, 9, 5));
        report.Assign(plhKasi, new TechnicianAssignment([Person(teknisi), Person(teknisi2)], teknisi.UserId,
            StandardInstruction.UntukDitindaklanjuti | StandardInstruction.LaporkanHasilnya,
            "Periksa switch lantai 2 dan jalur fiber ke gedung."), Utc(2026, 11, 30, 9, 30));
        report.StartDiagnosis(teknisi, null, Utc(2026, 11, 30, 10, 10));
        report.RecordDiagnosis(teknisi, new DiagnosisInput("Koneksi terputus", "Switch akses lantai 2 Dinas Pendidikan",
            "Jaringan Data Center dan jalur fiber ke gedung normal; switch akses lantai 2 tidak merespons."),
            inDataCenterNetwork: false, Utc(2026, 11, 30, 10, 35));
        report.RecordInspection(teknisi, new InspectionInput(Utc(2026, 11, 30, 11, 0),
            "Switch 24 port dan access point lantai 2 mati total akibat tegangan listrik tidak stabil.", ReporterPresent: true,
            VisitEndedAtUtc: Utc(2026, 11, 30, 11, 40)), replacementNeeded: true, Utc(2026, 11, 30, 11, 45));
        report.SubmitReplacementRequest(pelapor, new ReplacementRequestInput(
        [
            new DeviceLine("Switch 24 port", "TP-Link TL-SG1024D", "2236154000123", DeviceCondition.RusakBerat, "Tidak menyala"),
            new DeviceLine("Access point", "Ubiquiti UniFi U6 Lite", "E063DA4F21B7", DeviceCondition.RusakBerat, "Tidak menyala"),
        ], null), Utc(2026, 11, 30, 14, 5));
        report.CompleteWork(teknisi, new WorkReportInput(
            "Mengganti switch 24 port yang rusak dan memasang ulang konfigurasi VLAN 10 (staf) dan VLAN 20 (tamu).\n" +
            "Mengganti access point lantai 2 dan mendaftarkannya ke UniFi Controller Diskominfo.\n" +
            "Menguji koneksi dari 18 komputer dan akses ke aplikasi SIMPEG; semuanya berhasil.",
            "Tegangan listrik tidak stabil di ruang server",
            [new DeviceLine("Router", "MikroTik hEX RB750Gr3", "HCT08A1B2C3", DeviceCondition.Baik, "Pembaruan RouterOS 7.16")],
            [
                new DeviceLine("Switch 24 port", "TP-Link TL-SG1024D", "2236154000123", DeviceCondition.RusakBerat,
                    "Perangkat lama diserahkan ke Data Center", "TP-Link TL-SG1024D", "2311870004567"),
                new DeviceLine("Access point", "Ubiquiti UniFi U6 Lite", "E063DA4F21B7", DeviceCondition.RusakBerat, null,
                    "Ubiquiti UniFi U6 Lite", "F492C1A09D3E"),
            ],
            StartedAtUtc: Utc(2026, 11, 30, 14, 30), FinishedAtUtc: Utc(2026, 11, 30, 16, 40)), Utc(2026, 11, 30, 16, 50));
        report.AcknowledgeOnSite(teknisi, new OnSiteSignature(Pelapor.Name, SampleImages.Signature(seed: 3)), Utc(2026, 11, 30, 16, 55));
        report.Approve(plhKasi, "Pekerjaan sesuai prosedur. Perangkat lama telah diterima Data Center.", Utc(2026, 12, 1, 8, 35));
        report.Approve(kabid, "Disetujui. Usulkan pengadaan stabilizer untuk ruang server OPD.", Utc(2026, 12, 1, 10, 20));
        report.Approve(kadis, "Disetujui. Laporan ditutup.", Utc(2026, 12, 1, 15, 40));
        return report;
    }

    /// <summary>How each sample document was issued: the step's time, the running number of its type, its verification code.</summary>
    private static readonly Dictionary<DocumentType, (DateTime IssuedAtUtc, long Sequence, string Code)> Issues = new()
    {
        [DocumentType.Receipt] = (Utc(2026, 11, 30, 8, 15), 0, "TT7Q4MK2HX9RWB3C"),
        [DocumentType.DispositionSheet] = (Utc(2026, 11, 30, 9, 30), 0, "DS3H8WRAKM5TPV2N"),
        [DocumentType.ReplacementRequestBa] = (Utc(2026, 11, 30, 14, 5), 17, "BA5N2JTCQ8XZ4LFE"),
        [DocumentType.WorkBa] = (Utc(2026, 11, 30, 16, 50), 41, "BP8K6VZMR3YD7GHA"),
        [DocumentType.WorkReport] = (Utc(2026, 11, 30, 16, 50), 38, "LH2D7PQEW9NC5SUB"),
    };

    /// <summary>
    /// The number a sample document carries, from the application's formatter: the report number for the receipt and the
    /// lembar disposisi (its nomor agenda), the default pattern of its type for the letters.
    /// </summary>
    public static string NumberOf(DocumentType type) => DocumentTypes.LetterNumbered.Contains(type)
        ? DocumentNumberPattern.Format(DocumentNumberPattern.Default(type), Issues[type].Sequence, Wib.DateOf(Issues[type].IssuedAtUtc))
        : ReportNumber;

    /// <summary>
    /// The final stored version of a document of the sample report (after the closing), built by the application's own
    /// mapper: same number and date as its first version, the signatures and approvals the steps gave.
    /// </summary>
    public static OfficialDocument Issued(DocumentType type)
    {
        var (issuedAt, _, code) = Issues[type];
        var issue = new DocumentIssue(Letterhead, NumberOf(type), issuedAt, code, VerificationCode.Url(PublicBaseUrl, code), PelaporOpd)
        {
            TrackingUrl = PublicBaseUrl + "/lacak",
            People = new Dictionary<string, PersonInfo>
            {
                ["kabid"] = new(KepalaBidang.Name, KepalaBidang.Nip, KepalaBidang.Position),
                ["kasi"] = new(KepalaSeksi.Name, KepalaSeksi.Nip, KepalaSeksi.Position),
            },
            Related = Issues.Keys.Where(t => t != type && DocumentTypes.LetterNumbered.Contains(t)).ToDictionary(t => t, NumberOf),
        };
        return ReportDocumentMapper.Map(type, SampleReport(), issue);
    }

    public static ReportReceiptDocument ReportReceipt() => (ReportReceiptDocument)Issued(DocumentType.Receipt);

    public static DispositionSheetDocument DispositionSheet() => (DispositionSheetDocument)Issued(DocumentType.DispositionSheet);

    public static DeviceReplacementBeritaAcaraDocument DeviceReplacementBeritaAcara() =>
        (DeviceReplacementBeritaAcaraDocument)Issued(DocumentType.ReplacementRequestBa);

    public static WorkBeritaAcaraDocument WorkBeritaAcara() => (WorkBeritaAcaraDocument)Issued(DocumentType.WorkBa);

    public static WorkReportDocument WorkReport() => (WorkReportDocument)Issued(DocumentType.WorkReport);

    /// <summary>All five samples, in the order of the workflow.</summary>
    public static IReadOnlyList<OfficialDocument> All() =>
        [ReportReceipt(), DispositionSheet(), DeviceReplacementBeritaAcara(), WorkBeritaAcara(), WorkReport()];

    private static WorkflowActor Actor(string id, Signer person, string role, int? opdId = null) =>
        new(id, person.Name, person.Position, person.Nip, new HashSet<string> { role }, opdId, []);

    /// <summary>A Rekap Bulanan for November 2026 with realistic figures (the figures are consistent with each other).</summary>
    public static MonthlyRecapDocument MonthlyRecap() => new()
    {
        Letterhead = Letterhead,
        Year = 2026,
        Month = 11,
        GeneratedAtUtc = Utc(2026, 11, 30, 16, 0),
        CutoffUtc = Utc(2026, 12, 1, 0, 0),
        OpenAtStart = 4,
        Received = 23,
        Completed = 20,
        Closed = 23,
        Rejected = 1,
        OpenAtEnd = 3,
        OpenCountedOn = new DateOnly(2026, 11, 30),
        ByChannel =
        [
            new("Aplikasi web", 14), new("WhatsApp", 4), new("Telepon", 3), new("Surat permohonan", 1), new("Datang langsung", 1),
        ],
        CompletedWithinTarget = 18,
        CompliancePercent = 90,
        MedianHours = 6.5,
        P90Hours = 23.8,
        ByOpd =
        [
            new("Dinas Pendidikan", 6, 5, 5),
            new("Dinas Kesehatan", 5, 5, 4),
            new("Badan Kepegawaian Daerah", 4, 4, 4),
            new("Sekretariat Daerah", 4, 3, 3),
            new("RSUD dr. Kumpulan Pane", 2, 2, 1),
            new("Kecamatan Padang Hulu", 2, 1, 1),
        ],
        ByCategory =
        [
            new("Internet mati / tidak terhubung", 9, 8, 7),
            new("Koneksi lambat / tidak stabil", 6, 5, 5),
            new("Gangguan WiFi / access point", 4, 4, 4),
            new("Kabel jaringan / fiber optik", 3, 2, 1),
            new("Kerusakan perangkat jaringan", 1, 1, 1),
        ],
        Ikm = Domain.Quality.IkmCalculator.Compute(
        [
            [4, 3, 3, 4, 3, 4, 4, 3, 3], [3, 3, 4, 4, 3, 3, 4, 3, 3], [4, 4, 3, 4, 4, 4, 4, 3, 4], [3, 3, 3, 4, 3, 3, 3, 3, 3],
        ]),
        Trend =
        [
            new(2025, 12, 14, 12), new(2026, 1, 17, 15), new(2026, 2, 12, 13), new(2026, 3, 19, 16), new(2026, 4, 15, 17),
            new(2026, 5, 21, 18), new(2026, 6, 16, 18), new(2026, 7, 18, 17), new(2026, 8, 22, 19), new(2026, 9, 20, 21),
            new(2026, 10, 19, 20), new(2026, 11, 23, 23),
        ],
        DevicesReplaced =
        [
            new("GJ-2026-000118", "Dinas Pendidikan", "Switch 24 port", "TP-Link TL-SG1024D", "2231045001872", "TP-Link TL-SG1024D", "2236091004415"),
            new("GJ-2026-000121", "Dinas Kesehatan", "Access point", "Ubiquiti UniFi U6 Lite", "F4E2C6A1B2C3", "Ubiquiti UniFi U6 Lite", "F4E2C6D7E8F9"),
            new("GJ-2026-000127", "Sekretariat Daerah", "Router", "MikroTik RB4011", "HCQ08A1B2C3", "MikroTik RB5009", "HD109X7Y8Z9"),
        ],
        DeviceWork =
        [
            new("Dinas Pendidikan", 4, 1), new("Dinas Kesehatan", 2, 1), new("Sekretariat Daerah", 1, 1), new("Kecamatan Padang Hulu", 2, 0),
        ],
        StockOnHand =
        [
            new("Switch", "unit", 2, 3, Serialised: true), new("Access point", "unit", 4, 2, Serialised: true),
            new("Router", "unit", 1, 1, Serialised: true), new("Kabel UTP Cat6", "meter", 305, 100, Serialised: false),
            new("Konektor RJ45 Cat6", "buah", 40, 50, Serialised: false),
        ],
        MostFaultyDevices =
        [
            new(1, "Switch TP-Link TL-SG1024D", "Dinas Pendidikan", "2231045001872", 4),
            new(2, "Access point Ubiquiti UniFi U6 Lite", "Dinas Kesehatan", "F4E2C6A1B2C3", 3),
            new(3, "Router MikroTik RB4011", "Sekretariat Daerah", "HCQ08A1B2C3", 2),
        ],
        Overdue =
        [
            new("GJ-2026-000109", "Kecamatan Padang Hulu", Utc(2026, 11, 5, 9, 10), 31.5, false,
                "Ditunda: menunggu perangkat (switch pengganti dari gudang). Penyebab: petir merusak switch."),
            new("GJ-2026-000124", "RSUD dr. Kumpulan Pane", Utc(2026, 11, 19, 14, 0), 27.2, false,
                "Dikembalikan Kepala Seksi: foto hasil pekerjaan belum dilampirkan."),
        ],
        Narrative = new RecapNarrative(
            "Gangguan terbanyak adalah internet mati di sekolah (Dinas Pendidikan) setelah hujan disertai petir.",
            "Stok switch cadangan di gudang tinggal dua unit; dua laporan menunggu perangkat pengganti.",
            "Pemasangan arrester petir di tiga sekolah dijadwalkan Desember 2026.",
            "Pengadaan lima switch cadangan dan arrester petir pada perubahan anggaran berikutnya."),
        KepalaDinas = KepalaDinas with { ApprovedAtUtc = null },
        CoverLetter = new RecapCoverLetterReference("000.8.3.3/12/ND/Diskominfo/2026", new DateOnly(2026, 12, 2)),
    };

    /// <summary>The nota dinas that sends <see cref="MonthlyRecap"/> to the Wali Kota, signed by a Plh. Kepala Dinas.</summary>
    public static RecapCoverLetterDocument RecapCoverLetter() => new()
    {
        Letterhead = Letterhead,
        Number = "000.8.3.3/12/ND/Diskominfo/2026",
        Date = new DateOnly(2026, 12, 2),
        Year = 2026,
        Month = 11,
        Received = 23,
        Closed = 23,
        OpenAtEnd = 3,
        // The Kepala Dinas is away on the signing date: the Kepala Bidang signs as Plh.
        KepalaDinas = new Signer(KepalaBidang.Name, KepalaBidang.Nip, KepalaDinas.Position, IsPlh: true),
    };

    /// <summary>A UTC instant given by its WIB wall-clock time.</summary>
    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        Wib.ToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));
}
