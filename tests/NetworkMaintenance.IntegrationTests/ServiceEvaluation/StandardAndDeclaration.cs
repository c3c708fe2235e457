using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data.Seeding;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace NetworkMaintenance.IntegrationTests.ServiceEvaluation;

/// <summary>
/// The fourteen components of the service standard (PermenPANRB 15/2014) on the public page and in the printed
/// document, the administrator's edits with their history and SK, and the maklumat pelayanan with its posters.
/// </summary>
public sealed class StandardAndDeclaration(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] Titles =
    [
        "Persyaratan", "Sistem, mekanisme dan prosedur", "Jangka waktu penyelesaian", "Biaya/tarif", "Produk pelayanan",
        "Penanganan pengaduan, saran dan masukan", "Dasar hukum", "Sarana dan prasarana/fasilitas", "Kompetensi pelaksana",
        "Pengawasan internal", "Jumlah pelaksana", "Jaminan pelayanan", "Jaminan keamanan dan keselamatan pelayanan",
        "Evaluasi kinerja pelaksana",
    ];

    [Fact]
    public async Task TheFourteenComponentsRenderAndPrint()
    {
        using var anonymous = WebSession.Create(factory);
        var html = await anonymous.GetPageAsync("/standar-pelayanan");
        Assert.Equal(14, System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"section-"));
        var text = WebPageHelpers.Text(html);
        foreach (var title in Titles) Assert.Contains(title, text);
        Assert.Contains("A. Komponen yang terkait dengan proses penyampaian pelayanan", text);
        Assert.Contains("B. Komponen yang terkait dengan proses pengelolaan pelayanan", text);
        // Part B's seeded texts (for the administrator to review) are real content, not placeholders.
        Assert.Contains("Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik", text);

        using var response = await anonymous.GetAsync("/standar-pelayanan/cetak");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        Assert.True(pages.Count >= 2, $"The standard takes {pages.Count} page(s).");
        Assert.Contains("PEMERINTAH KOTA TEBING TINGGI", pages[0]);
        Assert.Contains("STANDAR PELAYANAN MAINTENANCE GANGGUAN JARINGAN", pages[0]);
        Assert.Contains("Lampiran Keputusan Kepala Dinas Komunikasi dan Informatika", pages[0]);
        Assert.Contains("Nomor:", pages[0]);
        var all = PdfReader.Text(pdf);
        var number = 1;
        foreach (var title in Titles)
        {
            Assert.Contains($"{number++}. {title}", all);
        }
        Assert.Contains("Tidak dipungut biaya", all);
    }

    [Fact]
    public async Task TheAdministratorEditsAComponentAndTheHistorySaysWhoWhenAndWhichSk()
    {
        var admin = await WebSession.SignedInAsync(factory, "admin");
        const string page = "/admin/standar-pelayanan";
        var html = await admin.GetPageAsync(page);
        Assert.Contains("data-testid=\"needs-review-dasar-hukum\"", html);
        Assert.DoesNotContain("data-testid=\"needs-review-persyaratan\"", html);

        var form = new Form();
        foreach (var (key, _, _, _) in ServiceStandardSeed.All)
        {
            form.Set($"Body[{key}]", WebPageHelpers.TextAreaValue(html, $"Body[{key}]") ?? throw new InvalidOperationException(key));
        }
        form.Set("Body[jumlah-pelaksana]", "1. Kepala Seksi: 1 orang;\n2. Teknisi Data Center: 4 orang;\n3. Petugas layanan: 2 orang.");
        form.Set("Confirm", "dasar-hukum");
        form.Set("SkNumber", "100.3.3.2/27/Diskominfo/2026");
        form.Set("SkDate", "2026-01-15");
        using (var response = await admin.PostFormAsync(page, form))
        {
            await HttpAssert.RedirectsToAsync(response, page);
        }

        var after = await admin.GetPageAsync(page);
        Assert.DoesNotContain("needs-review-dasar-hukum", after);
        Assert.DoesNotContain("needs-review-jumlah-pelaksana", after);
        Assert.Contains("needs-review-kompetensi", after);
        var history = WebPageHelpers.Text(after[after.IndexOf("data-testid=\"standard-history\"", StringComparison.Ordinal)..]);
        var adminName = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.FullName).SingleAsync());
        Assert.Contains("Jumlah pelaksana", history);
        Assert.Contains("Dasar hukum", history);
        Assert.Contains(adminName, history);
        Assert.Contains("100.3.3.2/27/Diskominfo/2026 tanggal 15 Januari 2026", history);

        var revisions = await factory.QueryAsync(db => db.ServiceStandardRevisions.AsNoTracking().ToListAsync());
        var revision = Assert.Single(revisions, r => r.SectionKey == "jumlah-pelaksana");
        Assert.Equal(new DateOnly(2026, 1, 15), revision.SkDate);
        Assert.Contains("Teknisi Data Center: 4 orang", revision.Body);
        Assert.True((DateTime.UtcNow - revision.ChangedAtUtc).Duration() < TimeSpan.FromMinutes(5));
        Assert.Equal(2, revisions.Count);

        // The public page and the printed standard carry the new text and the SK.
        using var anonymous = WebSession.Create(factory);
        var publicText = WebPageHelpers.Text(await anonymous.GetPageAsync("/standar-pelayanan"));
        Assert.Contains("Teknisi Data Center: 4 orang", publicText);
        Assert.Contains("100.3.3.2/27/Diskominfo/2026 tanggal 15 Januari 2026", publicText);
        using var pdf = await anonymous.GetAsync("/standar-pelayanan/cetak");
        var printed = PdfReader.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Nomor: 100.3.3.2/27/Diskominfo/2026", printed);
        Assert.Contains("Tanggal: 15 Januari 2026", printed);
        Assert.Contains("Teknisi Data Center: 4 orang", printed);
    }

    [Fact]
    public async Task OnlyTheAdministratorEditsTheStandardAndTheMaklumat()
    {
        foreach (var user in new[] { "kadis", "kabid", "kasi", "petugas", "pelapor" })
        {
            var session = await WebSession.SignedInAsync(factory, user);
            foreach (var url in new[] { "/admin/standar-pelayanan", "/admin/maklumat-pelayanan" })
            {
                using var get = await session.GetAsync(url);
                await HttpAssert.RedirectsToAsync(get, "/akses-ditolak");
                // A POST with a valid antiforgery token of this session (from a page this user may open) is refused too.
                var token = WebPageHelpers.GetRequestVerificationToken(await session.GetPageAsync("/akun/kata-sandi"));
                using var post = await session.PostWithTokenAsync(url, [new("Text", "Diubah"), new("Date", "2026-01-02"),
                    new("SignerName", "X"), new("SignerPosition", "Y"), new("Body[biaya]", "Rp 10.000")], token);
                await HttpAssert.RedirectsToAsync(post, "/akses-ditolak");
            }
        }
        Assert.DoesNotContain("Rp 10.000", await factory.QueryAsync(db => db.ServiceStandardSections.Where(s => s.Key == "biaya").Select(s => s.Body).SingleAsync()));
        using var anonymous = WebSession.Create(factory);
        using var denied = await anonymous.GetAsync("/admin/maklumat-pelayanan");
        await HttpAssert.RedirectsToAsync(denied, "/masuk");
    }

    [Fact]
    public async Task TheMaklumatIsShownAndPrintedAsAnA4AndA3Poster()
    {
        using var anonymous = WebSession.Create(factory);
        var admin = await WebSession.SignedInAsync(factory, "admin");
        const string page = "/admin/maklumat-pelayanan";
        var form = new Form()
            .Set("Text", "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan.")
            .Set("Date", "2026-01-20")
            .Set("SignerName", "Drs. Hendra Gunawan, M.Si.")
            .Set("SignerNip", "19700101 199503 1 002")
            .Set("SignerPosition", "Kepala Dinas Komunikasi dan Informatika");
        using (var response = await admin.PostFormAsync(page, form))
        {
            await HttpAssert.RedirectsToAsync(response, page);
        }

        var text = WebPageHelpers.Text(await anonymous.GetPageAsync("/standar-pelayanan"));
        Assert.Contains("Maklumat Pelayanan", text);
        Assert.Contains("sanggup menyelenggarakan pelayanan sesuai standar", text);
        Assert.Contains("Drs. Hendra Gunawan, M.Si.", text);
        Assert.Contains("NIP. 19700101 199503 1 002", text);
        Assert.Contains("Tebing Tinggi, 20 Januari 2026", text);

        foreach (var (size, width, height) in new[] { ("A4", 595.0, 842.0), ("A3", 842.0, 1191.0) })
        {
            using var response = await anonymous.GetAsync($"/maklumat-pelayanan/poster?ukuran={size}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            using var pdf = PdfDocument.Open(bytes);
            var poster = Assert.Single(pdf.GetPages());
            Assert.Equal(width, poster.Width, 0);
            Assert.Equal(height, poster.Height, 0);
            var words = PdfReader.Text(bytes);
            Assert.Contains("MAKLUMAT PELAYANAN", words);
            Assert.Contains("PEMERINTAH KOTA TEBING TINGGI", words);
            Assert.Contains("sanggup menyelenggarakan pelayanan", words);
            Assert.Contains("Hendra Gunawan", words);
            Assert.Contains("NIP. 19700101 199503 1 002", words);
            Assert.Contains("Tebing Tinggi, 20 Januari 2026", words);
        }
    }
}
