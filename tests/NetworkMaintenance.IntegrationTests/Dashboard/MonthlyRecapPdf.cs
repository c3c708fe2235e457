using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;

namespace NetworkMaintenance.IntegrationTests.Dashboard;

/// <summary>The Rekap Bulanan over HTTP: its figures against values worked out by hand, its form and who may have it.</summary>
public sealed class MonthlyRecapPdf(AppFactory factory) : IClassFixture<AppFactory>
{
    private static DateTime Nov(int day, int hour) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheFiguresEqualTheHandComputedOnes()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        // October: received and completed, still awaiting acknowledgement at the end of November (open).
        var g = await app.ReceiveAsync(new DateTime(2026, 10, 15, 1, 0, 0, DateTimeKind.Utc), FaultCategory.Other);
        await app.ToRepairingAsync(g);
        await app.CompleteAsync(g, new DateTime(2026, 10, 15, 3, 0, 0, DateTimeKind.Utc));
        // November (BKD): completed in 2 h, 10 h and 30 h of clock time; one still being repaired.
        var a = await app.ReceiveAsync(Nov(10, 1));
        await app.ToRepairingAsync(a);
        await app.CompleteAsync(a, Nov(10, 3));
        var b = await app.ReceiveAsync(Nov(12, 1), FaultCategory.WifiProblem);
        await app.ToRepairingAsync(b);
        await app.CompleteAsync(b, Nov(12, 11));
        var c = await app.ReceiveAsync(Nov(14, 1), FaultCategory.CableDamage);
        await app.ToRepairingAsync(c);
        await app.CompleteAsync(c, Nov(15, 7));
        var d = await app.ReceiveAsync(Nov(18, 1));
        await app.ToRepairingAsync(d);
        // November (Dinkes): rejected by the Kepala Dinas.
        var e = await app.ReceiveAsync(Nov(19, 7), FaultCategory.Other, reporter: "pelapor.dinkes");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.StepAsync("kadis", e, (r, actor, _, now) => r.Reject(actor, "Bukan gangguan jaringan", now));
        // 30 November 18.00 UTC is 1 December 01.00 WIB: December's, not November's.
        await app.ReceiveAsync(Nov(30, 18));
        // Surveys: two in November (IKM (36 + 27) × 25 / 18 = 87,50, B), one in October that must not count.
        await app.QueryAsync(async db =>
        {
            var bkd = await db.Reports.Where(r => r.Id == a).Select(r => r.OpdId).SingleAsync();
            db.SatisfactionSurveys.Add(new SatisfactionSurvey(a, bkd, null, [4, 4, 4, 4, 4, 4, 4, 4, 4], null, Nov(11, 2)));
            db.SatisfactionSurveys.Add(new SatisfactionSurvey(b, bkd, null, [3, 3, 3, 3, 3, 3, 3, 3, 3], null, Nov(13, 2)));
            db.SatisfactionSurveys.Add(new SatisfactionSurvey(g, bkd, null, [1, 1, 1, 1, 1, 1, 1, 1, 1], null, new DateTime(2026, 10, 20, 2, 0, 0, DateTimeKind.Utc)));
            return await db.SaveChangesAsync();
        });
        app.At(new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc)); // 3 December 09.00 WIB

        var opds = await app.QueryAsync(db => db.Opds.Where(o => o.ShortName == "BKD" || o.ShortName == "Dinkes")
            .ToDictionaryAsync(o => o.ShortName!, o => (o.Id, o.Name)));
        var kadis = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kadis").Select(u => new { u.FullName, u.Nip, u.Position }).SingleAsync());

        using var session = await WebSession.SignedInAsync(app.Factory, "kabid");
        using var response = await session.GetAsync("/laporan/rekap?bulan=2026-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("rekap-bulanan-2026-11.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var text = PdfReader.Text(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("REKAP BULANAN PELAYANAN MAINTENANCE GANGGUAN JARINGAN", text);
        Assert.Contains("Periode: November 2026", text);
        Assert.Contains("Laporan diterima : 5 laporan", text);
        Assert.Contains("Menurut saluran : Aplikasi web 5", text);
        Assert.Contains("Pekerjaan selesai dikerjakan : 3 laporan", text);
        Assert.Contains("Ditolak : 1 laporan", text);
        // g (October), a, b, c (awaiting acknowledgement) and d (repairing); e was rejected, December's came later.
        Assert.Contains("Sisa akhir bulan : 5 laporan (masih terbuka per 30 November 2026)", text);
        Assert.Contains("Rekonsiliasi: sisa bulan lalu 1 + diterima 5 − selesai 0 − ditolak 1 = sisa akhir bulan 5", text);
        // The dashboard's figures for the same three completions (DashboardFigures): 66,7%, 10 jam, 30 jam.
        Assert.Contains("Selesai dalam target : 2 dari 3 laporan (66,7%)", text);
        Assert.Contains("Median waktu penyelesaian : 10 jam", text);
        Assert.Contains("Persentil ke-90 : 30 jam", text);
        Assert.Contains($"1 {opds["BKD"].Name} 4 3 2 66,7%", text);
        Assert.Contains($"2 {opds["Dinkes"].Name} 1 0 0 —", text);
        Assert.Contains("Jumlah 5 3 2 66,7%", text);
        Assert.Contains($"{Labels.Of(FaultCategory.NoInternet)} 2 1 1 100%", text);
        Assert.Contains($"{Labels.Of(FaultCategory.CableDamage)} 1 1 0 0%", text);
        Assert.Contains($"{Labels.Of(FaultCategory.Other)} 1 0 0 —", text);
        Assert.Contains("Jumlah responden : 2 orang", text);
        Assert.Contains("Nilai IKM : 87,50", text);
        Assert.Contains("Mutu pelayanan : B (Baik)", text);
        Assert.Contains("Tebing Tinggi, 3 Desember 2026", text);
        Assert.Contains(kadis.Position!, text);
        Assert.Contains(kadis.FullName, text);
        if (kadis.Nip is not null) Assert.Contains("NIP. " + Nip.Format(kadis.Nip), text);

        // Limited to one OPD.
        using var dinkes = await session.GetAsync($"/laporan/rekap?bulan=2026-11&opd={opds["Dinkes"].Id}");
        Assert.Equal(HttpStatusCode.OK, dinkes.StatusCode);
        var dinkesText = PdfReader.Text(await dinkes.Content.ReadAsByteArrayAsync());
        Assert.Contains($"OPD: {opds["Dinkes"].Name}", dinkesText);
        Assert.Contains("Laporan diterima : 1 laporan", dinkesText);
        Assert.Contains("Pekerjaan selesai dikerjakan : 0 laporan", dinkesText);
        Assert.Contains("Belum ada data survei kepuasan masyarakat pada periode ini.", dinkesText);

        // October: g completed in 2 h; its survey gives IKM 25,00 (D).
        var october = PdfReader.Text(await (await session.GetAsync("/laporan/rekap?bulan=2026-10")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Periode: Oktober 2026", october);
        Assert.Contains("Selesai dalam target : 1 dari 1 laporan (100%)", october);
        Assert.Contains("Nilai IKM : 25,00", october);
    }

    [Theory]
    [InlineData("2026-13", "Bulan tidak valid")]
    [InlineData("November", "Bulan tidak valid")]
    [InlineData("", "Bulan tidak valid")]
    [InlineData("2999-01", "Rekap hanya dapat dibuat untuk bulan yang sudah berjalan.")]
    public async Task ABadMonthShowsTheFormWithAnIndonesianMessage(string bulan, string message)
    {
        using var session = await WebSession.SignedInAsync(factory, "kadis");

        using var response = await session.GetAsync("/laporan/rekap?bulan=" + Uri.EscapeDataString(bulan));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, WebPageHelpers.Text(html));
        Assert.Contains("type=\"month\"", html);
    }

    [Fact]
    public async Task AnUnknownOpdIsRefusedWithAMessage()
    {
        using var session = await WebSession.SignedInAsync(factory, "kasi");

        using var unknown = await session.GetAsync("/laporan/rekap?bulan=2026-01&opd=999999");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("OPD tidak ditemukan.", WebPageHelpers.Text(await unknown.Content.ReadAsStringAsync()));
        using var garbage = await session.GetAsync("/laporan/rekap?bulan=2026-01&opd=abc");
        Assert.Contains("OPD tidak valid.", WebPageHelpers.Text(await garbage.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task OfficialsSeeTheFormAndTheDashboardLink()
    {
        using var session = await WebSession.SignedInAsync(factory, "kadis");

        var form = await session.GetPageAsync("/laporan/rekap");
        Assert.Contains("data-testid=\"recap-form\"", form);
        Assert.Contains("data-testid=\"recap-link\"", await session.GetPageAsync("/"));
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        Assert.DoesNotContain("data-testid=\"recap-link\"", await petugas.GetPageAsync("/"));
    }

    [Theory]
    [InlineData("pelapor")]
    [InlineData("teknisi")]
    [InlineData("petugas")]
    [InlineData("admin")]
    public async Task OtherRolesAreRefused(string userName)
    {
        using var session = await WebSession.SignedInAsync(factory, userName);

        using var response = await session.GetFollowingRedirectsAsync("/laporan/rekap?bulan=2026-11");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToTheLoginPage()
    {
        using var session = WebSession.Create(factory);

        using var response = await session.GetAsync("/laporan/rekap?bulan=2026-11");

        await HttpAssert.RedirectsToAsync(response, "/masuk?ReturnUrl=" + Uri.EscapeDataString("/laporan/rekap?bulan=2026-11"));
    }
}
