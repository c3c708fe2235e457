using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Quality;

namespace NetworkMaintenance.Core.Data.Seeding;

/// <summary>
/// The fourteen components of the service standard "Pelayanan Maintenance Gangguan Jaringan" (PermenPANRB 15/2014):
/// part A (service delivery), the six taken from the seed document; part B (how the service is run), proposals
/// written for a Diskominfo and marked <see cref="ServiceStandardSection.NeedsReview"/> until the administrator
/// confirms or edits them. Seeding adds only the components that are missing; it never overwrites a text.
/// </summary>
public static class ServiceStandardSeed
{
    public static readonly IReadOnlyList<(string Key, string Title, string Body)> Sections =
    [
        ("persyaratan", "Persyaratan",
            """
            1. Penerima/Pengguna layanan menyampaikan surat permohonan tertulis, email, SMS dan WhatsApp ditujukan kepada Kepala Dinas Komunikasi dan Informatika Kota Tebing Tinggi; atau
            2. Penerima/Pengguna layanan hadir langsung di Dinas Komunikasi dan Informatika Kota Tebing Tinggi, menunjukkan identitas dan mengisi buku tamu.
            """),
        ("prosedur", "Sistem, mekanisme dan prosedur",
            """
            1. Laporan masuk OPD dari OPD yang mendapatkan gangguan koneksi jaringan;
            2. Kepala Dinas Komunikasi dan Informatika memberikan disposisi surat permohonan kepada Kepala Bidang Aplikasi Informatika;
            3. Kepala Bidang Komunikasi memverifikasi dan mendisposisikan laporan kepada Kepala Seksi;
            4. Kepala Seksi memberikan disposisi atau petunjuk dan menugaskan staf/tim data center untuk menangani laporan;
            5. Pegawai yang ditunjuk melaksanakan tugas memeriksa koneksi jaringan sesuai laporan, menganalisa dan memastikan jenis serta lokasi gangguan;
            6. Apabila telah dipastikan gangguan tidak berada di jaringan Data Center, staf/tim data center berkoordinasi dengan pihak pelapor untuk memeriksa ke lokasi;
            7. Staf/Tim Data Center berkoordinasi dengan pihak pelapor melakukan pemeriksaan di lokasi gangguan;
            8. Ada kerusakan perangkat, diperbaiki atau harus diganti;
            9. Apabila perangkat harus diganti, staf/tim data center menginformasikan kepada pihak pelapor untuk mengisi formulir Berita Acara pengajuan penggantian perangkat;
            10. Staf/Tim Data Center menyiapkan perangkat pengganti sesuai yang diajukan dan mengganti perangkat yang rusak;
            11. Setelah proses selesai, Staf/Tim Data Center membuat Berita Acara pekerjaan yang diketahui oleh pihak pelapor dan laporan hasil pelaksanaan;
            12. Kepala Seksi menerima dan memeriksa laporan dari Staf/Tim Data Center;
            13. Kepala Bidang menerima dan memeriksa laporan dari Kasi untuk dilaporkan sampai ke Kepala Dinas;
            14. Kepala Dinas melakukan review.
            """),
        ("jangka-waktu", "Jangka waktu penyelesaian", "1 hari (24 jam)."),
        ("biaya", "Biaya/tarif", "Tidak dipungut biaya."),
        ("produk", "Produk pelayanan",
            """
            1. Perangkat yang telah diperbaiki;
            2. Perangkat yang rusak telah diganti.
            """),
        ("pengaduan", "Penanganan pengaduan, saran dan masukan",
            """
            1. Surat permohonan;
            2. Email: diskominfo@tebingtinggikota.go.id, diskominfott@gmail.com;
            3. WhatsApp;
            4. Telepon/SMS;
            5. Formulir pengaduan daring di halaman /pengaduan.
            """),
    ];

    /// <summary>Part B: proposed texts for the administrator to review (the seed document has none).</summary>
    public static readonly IReadOnlyList<(string Key, string Title, string Body)> ManagementSections =
    [
        ("dasar-hukum", "Dasar hukum",
            """
            1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;
            2. Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 1 Tahun 2024;
            3. Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;
            4. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
            5. Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan;
            6. Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik;
            7. Peraturan Wali Kota Tebing Tinggi tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Dinas Komunikasi dan Informatika.
            """),
        ("sarana-prasarana", "Sarana dan prasarana/fasilitas",
            """
            1. Ruang pelayanan dan ruang Data Center Dinas Komunikasi dan Informatika;
            2. Perangkat jaringan cadangan (router, switch, access point, kabel dan konektor) untuk penggantian;
            3. Peralatan kerja teknisi (LAN tester, crimping tool, laptop) dan kendaraan operasional;
            4. Aplikasi pelaporan dan pelacakan gangguan jaringan, surat elektronik, WhatsApp dan telepon layanan;
            5. Buku tamu dan formulir pengaduan.
            """),
        ("kompetensi", "Kompetensi pelaksana",
            """
            1. Memahami jaringan komputer (LAN/WAN, TCP/IP, perangkat jaringan) dan sistem Data Center;
            2. Mampu mendiagnosis gangguan dan memperbaiki atau mengganti perangkat jaringan;
            3. Berpendidikan paling rendah SMK/D3 bidang teknik komputer, informatika atau elektronika, atau berpengalaman setara;
            4. Memahami standar pelayanan dan mampu berkomunikasi dengan santun kepada pengguna layanan.
            """),
        ("pengawasan", "Pengawasan internal",
            """
            1. Pengawasan melekat oleh Kepala Seksi dan Kepala Bidang atas setiap laporan gangguan melalui aplikasi;
            2. Pemantauan ketepatan waktu penyelesaian (24 jam) setiap hari dan rekap bulanan kepada Kepala Dinas;
            3. Sistem Pengendalian Intern Pemerintah (SPIP) dan pemeriksaan oleh Inspektorat Kota Tebing Tinggi.
            """),
        ("jumlah-pelaksana", "Jumlah pelaksana",
            """
            1. Kepala Seksi: 1 orang;
            2. Staf/Tim Data Center (teknisi): sesuai penugasan, paling sedikit 3 orang;
            3. Petugas layanan (penerima laporan): 1 orang.
            """),
        ("jaminan-pelayanan", "Jaminan pelayanan",
            """
            Pelayanan diberikan sesuai standar pelayanan ini, tanpa dipungut biaya, dan diselesaikan dalam waktu 1 hari (24 jam) sejak laporan diterima, sebagaimana dinyatakan dalam Maklumat Pelayanan Kepala Dinas Komunikasi dan Informatika.
            """),
        ("jaminan-keamanan", "Jaminan keamanan dan keselamatan pelayanan",
            """
            1. Data pelapor dan data perangkat dijaga kerahasiaannya dan hanya digunakan untuk keperluan pelayanan;
            2. Pekerjaan dilakukan oleh petugas yang ditugaskan dengan surat tugas dan identitas yang jelas;
            3. Setiap penggantian perangkat dituangkan dalam Berita Acara yang diketahui pelapor;
            4. Pekerjaan mengikuti prosedur keselamatan kerja kelistrikan dan jaringan.
            """),
        ("evaluasi-kinerja", "Evaluasi kinerja pelaksana",
            """
            1. Evaluasi ketepatan waktu dan mutu penyelesaian laporan setiap bulan melalui rekap bulanan;
            2. Survei Kepuasan Masyarakat setiap periode dan tindak lanjut atas hasilnya;
            3. Evaluasi penerapan standar pelayanan paling sedikit satu kali dalam setahun.
            """),
    ];

    /// <summary>Every component in order: part A then part B.</summary>
    public static IEnumerable<(string Key, string Title, string Body, StandardPart Part)> All =>
        Sections.Select(s => (s.Key, s.Title, s.Body, StandardPart.ServiceDelivery))
            .Concat(ManagementSections.Select(s => (s.Key, s.Title, s.Body, StandardPart.Management)));

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var existing = await db.ServiceStandardSections.Select(s => s.Key).ToListAsync(ct);
        var order = 1;
        foreach (var (key, title, body, part) in All)
        {
            if (!existing.Contains(key))
            {
                db.ServiceStandardSections.Add(new ServiceStandardSection(key, order, title, body.Trim(), part,
                    needsReview: part == StandardPart.Management));
            }
            order++;
        }
        if (!await db.ServiceCharters.AnyAsync(ct)) db.ServiceCharters.Add(ServiceCharter.Initial());
        await db.SaveChangesAsync(ct);
    }
}
