using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Quality;

namespace NetworkMaintenance.Core.Data.Seeding;

/// <summary>
/// The six components of the published service standard "Pelayanan Maintenance Gangguan Jaringan", taken from the
/// seed document. Seeding only fills an empty table; the administrator edits the text afterwards.
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

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.ServiceStandardSections.AnyAsync(ct)) return;
        var order = 1;
        foreach (var (key, title, body) in Sections)
        {
            db.ServiceStandardSections.Add(new ServiceStandardSection(key, order++, title, body.Trim()));
        }
        await db.SaveChangesAsync(ct);
    }
}
