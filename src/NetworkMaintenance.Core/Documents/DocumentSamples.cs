using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents;

/// <summary>
/// One realistic model of each official document, for previews, the documentation and tests. People, NIPs,
/// numbers and the street address are illustrative; the emblem is a placeholder for the uploaded Lambang Kota.
/// Everything is fixed, so each sample renders to the same bytes every time.
/// </summary>
public static class DocumentSamples
{
    private const string VerificationBase = "https://gangguan.tebingtinggikota.go.id/v/";

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
    public const string ReportNumber = "GJ-2026-000123";

    private static readonly DateTime ReceivedAtUtc = Utc(2026, 11, 30, 8, 15);

    public static ReportReceiptDocument ReportReceipt() => new()
    {
        Letterhead = Letterhead,
        Number = ReportNumber,
        IssuedAtUtc = ReceivedAtUtc,
        VerificationCode = "TT7Q-4MK2",
        VerificationUrl = VerificationBase + "TT7Q4MK2",
        ReportNumber = ReportNumber,
        TrackingCode = "K7P2-9XQ4",
        OpdName = PelaporOpd,
        ReporterName = Pelapor.Name,
        ReporterNip = Pelapor.Nip,
        ReporterPhone = "+6281376543210",
        Channel = "WhatsApp",
        ReceivedAtUtc = ReceivedAtUtc,
        Location = "Kantor Dinas Pendidikan, Jl. Sudirman No. 8, Kecamatan Rambutan — ruang Subbagian Umum lantai 2",
        Category = "Koneksi internet terputus",
        Description =
            "Sejak pukul 07.30 WIB seluruh komputer di lantai 2 tidak dapat terhubung ke internet maupun ke aplikasi " +
            "SIMPEG. Lampu indikator pada switch di ruang server berkedip oranye dan beberapa port tidak menyala.",
        TrackingUrl = "https://gangguan.tebingtinggikota.go.id/lacak",
        ReceivedBy = new Signer("Dewi Lestari Tarigan", null, "Petugas Layanan", ApprovedAtUtc: ReceivedAtUtc),
    };

    public static DispositionSheetDocument DispositionSheet() => new()
    {
        Letterhead = Letterhead,
        Number = ReportNumber,
        IssuedAtUtc = Utc(2026, 11, 30, 10, 5),
        VerificationCode = "DS3H-8WRA",
        VerificationUrl = VerificationBase + "DS3H8WRA",
        From = $"{PelaporOpd} ({Pelapor.Name})",
        ReferenceNumber = ReportNumber,
        ReferenceDate = new DateOnly(2026, 11, 30),
        ReceivedAtUtc = ReceivedAtUtc,
        WithoutLetter = "WhatsApp",
        AgendaNumber = ReportNumber,
        Urgency = DispositionUrgency.Urgent,
        Classification = SecurityClassification.Ordinary,
        Subject = "Laporan gangguan jaringan (Koneksi internet terputus)",
        Steps =
        [
            new DispositionStep(
                KepalaDinas with { ApprovedAtUtc = Utc(2026, 11, 30, 8, 40) },
                "Kepala Bidang Aplikasi Informatika",
                Utc(2026, 11, 30, 8, 40),
                DispositionInstructions.FollowUp | DispositionInstructions.ResolvePromptly | DispositionInstructions.ReportBack,
                "Layanan SIMPEG sekolah terganggu, mohon diprioritaskan."),
            new DispositionStep(
                KepalaBidang with { ApprovedAtUtc = Utc(2026, 11, 30, 9, 5) },
                "Kepala Seksi Infrastruktur dan Jaringan (Data Center)",
                Utc(2026, 11, 30, 9, 5),
                DispositionInstructions.FollowUp | DispositionInstructions.Coordinate,
                "Koordinasikan dengan pelapor dan siapkan perangkat cadangan."),
            new DispositionStep(
                KepalaSeksi with { ApprovedAtUtc = Utc(2026, 11, 30, 9, 30) },
                $"{Teknisi.Name} (ketua tim), Yusuf Hidayat Purba",
                Utc(2026, 11, 30, 9, 30),
                DispositionInstructions.FollowUp | DispositionInstructions.ReportBack,
                "Periksa switch lantai 2 dan jalur fiber ke gedung."),
        ],
        Notes = "Target penyelesaian 24 jam sesuai standar pelayanan.",
        DueDate = new DateOnly(2026, 12, 1),
    };

    public static DeviceReplacementBeritaAcaraDocument DeviceReplacementBeritaAcara() => new()
    {
        Letterhead = Letterhead,
        Number = "000.8.3.3/103/Diskominfo/2026",
        IssuedAtUtc = Utc(2026, 11, 30, 14, 5),
        VerificationCode = "BA5N-2JTC",
        VerificationUrl = VerificationBase + "BA5N2JTC",
        ReportNumber = ReportNumber,
        Location = "Kantor Dinas Pendidikan, ruang server lantai 2",
        Reporter = new BeritaAcaraParty(Pelapor with { ApprovedAtUtc = Utc(2026, 11, 30, 14, 5) }, PelaporOpd),
        // The technician inspected but approves nothing in the application: a space for a handwritten signature.
        Technician = new BeritaAcaraParty(Teknisi with { ApprovedAtUtc = null, WetOnly = true },
            "Dinas Komunikasi dan Informatika Kota Tebing Tinggi"),
        Reason = "switch dan access point lantai 2 mati total akibat tegangan listrik tidak stabil.",
        Devices =
        [
            new DeviceItem("Switch 24 port", "TP-Link TL-SG1024D", "2236154000123", DeviceCondition.RusakBerat, "Tidak menyala"),
            new DeviceItem("Access point", "Ubiquiti UniFi U6 Lite", "E063DA4F21B7", DeviceCondition.RusakBerat, "Tidak menyala"),
        ],
        // The final version: "Mengetahui," filled by the Plh. Kasi's approval of the work.
        KnownBy = PlhKepalaSeksi with { ApprovedAtUtc = Utc(2026, 12, 1, 8, 35) },
    };

    public static WorkBeritaAcaraDocument WorkBeritaAcara() => new()
    {
        Letterhead = Letterhead,
        Number = "000.8.3.3/104/Diskominfo/2026",
        IssuedAtUtc = Utc(2026, 11, 30, 16, 50),
        VerificationCode = "BP8K-6VZM",
        VerificationUrl = VerificationBase + "BP8K6VZM",
        ReportNumber = ReportNumber,
        Location = "Kantor Dinas Pendidikan, ruang server lantai 2",
        WorkStartedAtUtc = Utc(2026, 11, 30, 10, 10),
        WorkFinishedAtUtc = Utc(2026, 11, 30, 16, 40),
        Technician = new BeritaAcaraParty(Teknisi with { ApprovedAtUtc = Utc(2026, 11, 30, 16, 50) },
            "Dinas Komunikasi dan Informatika Kota Tebing Tinggi"),
        Reporter = new BeritaAcaraParty(Pelapor with { ApprovedAtUtc = Utc(2026, 11, 30, 16, 55), SignaturePng = SampleImages.Signature(seed: 3) },
            PelaporOpd),
        WorkDone =
        [
            "Memeriksa jalur fiber optik dari Data Center ke gedung Dinas Pendidikan; redaman normal (-18,2 dBm).",
            "Mengganti switch 24 port yang rusak dan memasang ulang konfigurasi VLAN 10 (staf) dan VLAN 20 (tamu).",
            "Mengganti access point lantai 2 dan mendaftarkannya ke UniFi Controller Diskominfo.",
            "Mengganti 4 patch cord UTP Cat6 dan merapikan kabel di rak server.",
            "Menguji koneksi dari 18 komputer dan akses ke aplikasi SIMPEG; semuanya berhasil.",
        ],
        Devices =
        [
            new WorkDeviceItem("Switch 24 port", "TP-Link TL-SG1024D", DeviceWorkAction.Replaced, "2236154000123", "2311870004567", "Perangkat lama diserahkan ke Data Center"),
            new WorkDeviceItem("Access point", "Ubiquiti UniFi U6 Lite", DeviceWorkAction.Replaced, "E063DA4F21B7", "F492C1A09D3E"),
            new WorkDeviceItem("Router", "MikroTik hEX RB750Gr3", DeviceWorkAction.Reconfigured, "HCT08A1B2C3", null, "Pembaruan RouterOS 7.16"),
        ],
        Result = "Jaringan internet dan intranet di lantai 2 Kantor Dinas Pendidikan telah berfungsi normal kembali.",
        KnownBy = KepalaSeksi,
    };

    public static WorkReportDocument WorkReport() => new()
    {
        Letterhead = Letterhead,
        Number = "000.8.3.3/105/Diskominfo/2026",
        // The closing version keeps the date of the first (the work's completion); the reviews were added since.
        IssuedAtUtc = Utc(2026, 11, 30, 16, 50),
        VerificationCode = "LH2D-7PQE",
        VerificationUrl = VerificationBase + "LH2D7PQE",
        ReportNumber = ReportNumber,
        OpdName = PelaporOpd,
        Location = "Kantor Dinas Pendidikan, Jl. Sudirman No. 8, ruang server lantai 2",
        Category = "Koneksi internet terputus",
        FaultDescription = "Seluruh komputer di lantai 2 tidak dapat terhubung ke internet maupun ke aplikasi SIMPEG.",
        ReceivedAtUtc = ReceivedAtUtc,
        // Recorded when the Berita Acara Pekerjaan was issued; the work itself as the technician stated it (the BA prints the same).
        CompletedAtUtc = Utc(2026, 11, 30, 16, 50),
        WorkStartedAtUtc = Utc(2026, 11, 30, 10, 10),
        WorkFinishedAtUtc = Utc(2026, 11, 30, 16, 40),
        Paused = TimeSpan.FromMinutes(45),
        Diagnosis =
            "Jaringan Data Center dan jalur fiber ke gedung dalam keadaan normal. Gangguan berada di lokasi pelapor: " +
            "switch akses lantai 2 mati total akibat tegangan listrik tidak stabil, access point lantai 2 rusak, dan " +
            "empat patch cord memiliki konektor retak. Perangkat tidak dapat diperbaiki sehingga diajukan penggantian.",
        Actions =
        [
            "Pemeriksaan koneksi dari Data Center dan pengukuran redaman fiber optik.",
            "Pemeriksaan di lokasi bersama pelapor; pengajuan penggantian perangkat melalui Berita Acara.",
            "Penggantian switch, access point dan patch cord; konfigurasi ulang VLAN dan router.",
            "Pengujian koneksi dan aplikasi bersama pelapor; Berita Acara Pekerjaan ditandatangani pelapor.",
        ],
        Timeline =
        [
            new TimelineEntry(ReceivedAtUtc, "Laporan diterima melalui WhatsApp", "Dewi Lestari Tarigan"),
            new TimelineEntry(Utc(2026, 11, 30, 8, 40), "Disposisi ke Kepala Bidang Aplikasi Informatika", "Kepala Dinas"),
            new TimelineEntry(Utc(2026, 11, 30, 9, 5), "Disposisi ke Kepala Seksi Infrastruktur dan Jaringan", "Kepala Bidang"),
            new TimelineEntry(Utc(2026, 11, 30, 9, 30), "Penugasan tim Data Center", "Kepala Seksi"),
            new TimelineEntry(Utc(2026, 11, 30, 10, 10), "Pemeriksaan jaringan dari Data Center", Teknisi.Name),
            new TimelineEntry(Utc(2026, 11, 30, 11, 0), "Pemeriksaan di lokasi bersama pelapor", Teknisi.Name),
            new TimelineEntry(Utc(2026, 11, 30, 14, 5), "Berita Acara pengajuan penggantian perangkat diajukan", Pelapor.Name),
            new TimelineEntry(Utc(2026, 11, 30, 14, 50), "Perangkat pengganti disiapkan dari gudang (waktu layanan ditunda 45 menit)", "Tim Data Center"),
            new TimelineEntry(Utc(2026, 11, 30, 16, 50), "Pekerjaan selesai (10.10–16.40 WIB); Berita Acara Pekerjaan diterbitkan", Teknisi.Name),
            new TimelineEntry(Utc(2026, 11, 30, 16, 55), "Berita Acara Pekerjaan ditandatangani pelapor", Pelapor.Name),
        ],
        Technician = Teknisi with { ApprovedAtUtc = Utc(2026, 11, 30, 16, 50) },
        WorkBaNumber = "000.8.3.3/104/Diskominfo/2026",
        Basis =
        [
            $"Laporan gangguan jaringan Nomor {ReportNumber} tanggal 30 November 2026.",
            $"Lembar Disposisi Nomor Agenda {ReportNumber}.",
            "Berita Acara Pengajuan Penggantian Perangkat Nomor 000.8.3.3/103/Diskominfo/2026.",
            "Berita Acara Pekerjaan Nomor 000.8.3.3/104/Diskominfo/2026.",
        ],
        Reviews =
        [
            new ReviewNote(KepalaSeksi, "Pekerjaan sesuai prosedur. Perangkat lama telah diterima Data Center."),
            new ReviewNote(KepalaBidang, "Disetujui. Usulkan pengadaan stabilizer untuk ruang server OPD."),
            new ReviewNote(KepalaDinas, "Disetujui. Laporan ditutup."),
        ],
    };

    /// <summary>All five samples, in the order of the workflow.</summary>
    public static IReadOnlyList<OfficialDocument> All() =>
        [ReportReceipt(), DispositionSheet(), DeviceReplacementBeritaAcara(), WorkBeritaAcara(), WorkReport()];

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
