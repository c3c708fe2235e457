using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Core.Data.Seeding;

/// <summary>
/// Reference data every installation starts with: the OPDs of Kota Tebing Tinggi and Diskominfo's units
/// (GOV-FORMATS.md). The administrator edits them afterwards; seeding only fills an empty table.
/// </summary>
public static class ReferenceData
{
    public const string AgencyName = "Dinas Komunikasi dan Informatika";
    public const string BidangAplikasi = "Bidang Aplikasi Informatika";
    public const string BidangKomunikasi = "Bidang Informasi dan Komunikasi Publik";
    public const string SeksiInfrastruktur = "Seksi Infrastruktur dan Jaringan (Data Center)";
    public const string SeksiAplikasi = "Seksi Pengembangan Aplikasi";
    public const string SeksiInformasi = "Seksi Pengelolaan Informasi Publik";

    public static readonly IReadOnlyList<(string Name, string? ShortName, string? Address)> Opds =
    [
        ("Sekretariat Daerah", "Setda", null),
        ("Sekretariat DPRD", "Setwan", null),
        ("Inspektorat", null, null),
        ("Badan Perencanaan Pembangunan Daerah", "Bappeda", null),
        ("Badan Pengelolaan Keuangan Daerah", "BPKD", null),
        ("Badan Kepegawaian Daerah", "BKD", "Jl. Gn. Bromo No. 1, Tj. Marulak"),
        ("Badan Penanggulangan Bencana Daerah", "BPBD", null),
        ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", null),
        ("Dinas Pendidikan", "Disdik", null),
        ("Dinas Kesehatan", "Dinkes", null),
        ("Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", null),
        ("Dinas Perumahan dan Kawasan Permukiman", "Dinas Perkim", null),
        ("Satuan Polisi Pamong Praja", "Satpol PP", null),
        ("Dinas Sosial", "Dinsos", null),
        ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", null),
        ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", null),
        ("Dinas Perhubungan", "Dishub", null),
        ("Dinas Lingkungan Hidup", "DLH", null),
        ("Dinas Komunikasi dan Informatika", "Diskominfo", null),
        ("RSUD dr. Kumpulan Pane", "RSUD", null),
        ("Mal Pelayanan Publik", "MPP", null),
        ("Kantor Camat Padang Hulu", null, null),
        ("Kantor Camat Padang Hilir", null, null),
        ("Kantor Camat Bajenis", null, null),
        ("Kantor Camat Rambutan", null, null),
        ("Kantor Camat Tebing Tinggi Kota", null, null),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (!await db.Opds.AnyAsync(ct))
        {
            db.Opds.AddRange(Opds.Select(o => new Opd(o.Name, o.ShortName, o.Address)));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.OrgUnits.AnyAsync(ct))
        {
            var dinas = new OrgUnit(AgencyName, OrgUnitKind.Dinas);
            db.OrgUnits.Add(dinas);
            await db.SaveChangesAsync(ct);

            var aptika = new OrgUnit(BidangAplikasi, OrgUnitKind.Bidang, dinas.Id);
            var ikp = new OrgUnit(BidangKomunikasi, OrgUnitKind.Bidang, dinas.Id);
            db.OrgUnits.AddRange(aptika, ikp);
            await db.SaveChangesAsync(ct);

            db.OrgUnits.AddRange(
                new OrgUnit(SeksiInfrastruktur, OrgUnitKind.Seksi, aptika.Id),
                new OrgUnit(SeksiAplikasi, OrgUnitKind.Seksi, aptika.Id),
                new OrgUnit(SeksiInformasi, OrgUnitKind.Seksi, ikp.Id));
            await db.SaveChangesAsync(ct);
        }
    }
}
