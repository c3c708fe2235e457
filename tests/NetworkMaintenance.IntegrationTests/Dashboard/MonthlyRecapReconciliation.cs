using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Features.Dashboard;

namespace NetworkMaintenance.IntegrationTests.Dashboard;

/// <summary>
/// Issue #13 point 8 over HTTP: the recap's reconciliation from real reports, the running month, the charts, the
/// devices replaced, the reports over the target with their reasons, the IKM's response rate, the Plh. Kepala Dinas,
/// the narrative the Kepala Bidang edits (antiforgery, authorization, concurrency, audit), and the numbered nota dinas.
/// </summary>
public sealed class MonthlyRecapReconciliation(AppFactory factory) : IClassFixture<AppFactory>
{
    private static DateTime Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private sealed record World(SlaApp App, string Opd, string Kadis, string KadisPosition, string Kabid);

    // xunit makes a new instance per test; the reports are made once per fixture (its database).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, World> Worlds = new();

    /// <summary>
    /// October: one report still open at the end of November, one closed in November. November: one over the target
    /// with a replaced device, closed with review notes; one rejected; one open at the month's end.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        if (Worlds.TryGetValue(factory, out var made)) return made;
        var app = new SlaApp(factory, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var stillOpen = await app.ReceiveAsync(Utc(10, 20, 1), FaultCategory.SlowConnection);
        var closedLater = await app.ReceiveAsync(Utc(10, 25, 1), FaultCategory.WifiProblem);
        await app.ToRepairingAsync(closedLater);
        await CloseAsync(app, closedLater, Utc(10, 25, 5), Utc(11, 2, 3), null);

        var late = await app.ReceiveAsync(Utc(11, 3, 1), FaultCategory.NoInternet);
        await app.ToRepairingAsync(late);
        await CloseAsync(app, late, Utc(11, 4, 7), Utc(11, 5, 2), "Periksa arrester petir di gedung ini");
        var rejected = await app.ReceiveAsync(Utc(11, 10, 1), FaultCategory.Other);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.StepAsync("kadis", rejected, (r, a, _, now) => r.Reject(a, "Bukan gangguan jaringan", now));
        var openAtEnd = await app.ReceiveAsync(Utc(11, 20, 1), FaultCategory.CableDamage);
        await app.ToRepairingAsync(openAtEnd);
        // One survey for the two closed reports: response rate 50 %, under the minimum sample.
        await app.QueryAsync(async db =>
        {
            var opd = await db.Reports.Where(r => r.Id == late).Select(r => r.OpdId).SingleAsync();
            db.SatisfactionSurveys.Add(new SatisfactionSurvey(late, opd, null, [4, 4, 4, 4, 4, 4, 4, 4, 4], null, Utc(11, 6, 2)));
            return await db.SaveChangesAsync();
        });
        app.At(Utc(12, 3, 2)); // 3 December 09.00 WIB

        var opdName = await app.QueryAsync(db => db.Reports.Where(r => r.Id == late).Select(r => r.Opd!.Name).SingleAsync());
        var kadis = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kadis").Select(u => new { u.FullName, u.Position }).SingleAsync());
        var kabid = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kabid").Select(u => u.FullName).SingleAsync());
        var world = new World(app, opdName, kadis.FullName, kadis.Position!, kabid);
        Worlds.Add(factory, world);
        return world;
    }

    private static async Task CloseAsync(SlaApp app, int id, DateTime completedAt, DateTime closedAt, string? kasiNote)
    {
        app.At(completedAt);
        await app.StepAsync("teknisi", id, (r, a, _, now) => r.CompleteWork(a, new WorkReportInput("Mengganti switch", kasiNote is null ? null : "Petir merusak switch",
            [], kasiNote is null ? [] : [new DeviceLine("Switch 8 port", "TP-Link TL-SG108", "OLD-1234", DeviceCondition.RusakBerat, null, "TP-Link TL-SG108E", "NEW-5678")]), now));
        await app.StepAsync("pelapor", id, (r, a, _, now) => r.Acknowledge(a, null, now));
        await app.StepAsync("kasi", id, (r, a, _, now) => r.Approve(a, kasiNote, now));
        await app.StepAsync("kabid", id, (r, a, _, now) => r.Approve(a, kasiNote is null ? null : "Usulkan pengadaan arrester", now));
        app.At(closedAt);
        await app.StepAsync("kadis", id, (r, a, _, now) => r.Approve(a, null, now));
    }

    private static async Task<string> PdfTextAsync(WebSession session, string url)
    {
        using var response = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return PdfReader.Text(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheRecapReconcilesFromRealReports()
    {
        var w = await WorldAsync();
        using var session = await WebSession.SignedInAsync(w.App.Factory, "kabid");

        var text = await PdfTextAsync(session, "/laporan/rekap?bulan=2026-11");

        // Open at the start: the two October reports. Received 3, closed 2 (October's and the late one), rejected 1,
        // open at the end: October's first and the cable report.
        Assert.Contains("Sisa bulan lalu : 2 laporan (masih terbuka per 31 Oktober 2026)", text);
        Assert.Contains("Laporan diterima : 3 laporan", text);
        Assert.Contains("Selesai (ditutup) : 2 laporan", text);
        Assert.Contains("Ditolak : 1 laporan", text);
        Assert.Contains("Sisa akhir bulan : 2 laporan (masih terbuka per 30 November 2026)", text);
        Assert.Contains("Rekonsiliasi: sisa bulan lalu 2 + diterima 3 − selesai 2 − ditolak 1 = sisa akhir bulan 2", text);
        var numbers = System.Text.RegularExpressions.Regex.Match(text,
            @"sisa bulan lalu (\d+) \+ diterima (\d+) − selesai (\d+) − ditolak (\d+) = sisa akhir bulan (\d+)");
        var n = numbers.Groups.Values.Skip(1).Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(n[4], n[0] + n[1] - n[2] - n[3]);
        Assert.DoesNotContain("bulan berjalan", text);

        // October: nothing before it, two received, none closed, two open.
        var october = await PdfTextAsync(session, "/laporan/rekap?bulan=2026-10");
        Assert.Contains("Rekonsiliasi: sisa bulan lalu 0 + diterima 2 − selesai 0 − ditolak 0 = sisa akhir bulan 2", october);
    }

    [Fact]
    public async Task ARunningMonthSaysSoAndPrintsItsCutOff()
    {
        var w = await WorldAsync();
        using var session = await WebSession.SignedInAsync(w.App.Factory, "kadis");

        var text = await PdfTextAsync(session, "/laporan/rekap?bulan=2026-12");

        Assert.Contains("Periode: Desember 2026 (bulan berjalan, data sampai 3 Desember 2026 pukul 09.00 WIB)", text);
        Assert.Contains("Sisa bulan lalu : 2 laporan (masih terbuka per 30 November 2026)", text);
        Assert.Contains("Sisa akhir bulan : 2 laporan (masih terbuka per 3 Desember 2026)", text);
        Assert.Contains("Rekonsiliasi: sisa bulan lalu 2 + diterima 0 − selesai 0 − ditolak 0 = sisa akhir bulan 2", text);
    }

    [Fact]
    public async Task ChartsDevicesOverdueReasonsAndIkmResponseRateArePrinted()
    {
        var w = await WorldAsync();
        using var session = await WebSession.SignedInAsync(w.App.Factory, "kadis");

        var text = await PdfTextAsync(session, "/laporan/rekap?bulan=2026-11");

        // Trend: twelve Indonesian month abbreviations ending in November, the legend, the year under the first month.
        Assert.Contains("Des Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov", text);
        Assert.Contains("Diterima Selesai (ditutup)", text);
        Assert.Contains("2025", text);
        // The OPD and category charts: label and value on one line, before their tables (which may start on the next page).
        Assert.Contains($"D. Rekap per OPD {w.Opd} 3 Selesai", text);
        Assert.Contains($"1 {w.Opd} 3 1 0 0%", text);
        Assert.Contains($"E. Rekap per Kategori Gangguan {Labels.Of(FaultCategory.NoInternet)} 1 {Labels.Of(FaultCategory.CableDamage)} 1 {Labels.Of(FaultCategory.Other)} 1", text);
        // Devices replaced in the month.
        Assert.Contains("Jumlah perangkat yang diganti: 1 perangkat.", text);
        Assert.Contains("Switch 8 port", text);
        Assert.Contains("OLD-1234 →", text); // the cell wraps after the arrow
        Assert.Contains("NEW-5678", text);
        Assert.Contains("TP-Link TL-SG108 →", text);
        Assert.Contains("GJ-2026-", text);
        // Over the target: the late report (completed after 30 h) with its root cause, the two open ones past their deadline.
        Assert.Contains("Jumlah: 3 laporan.", text);
        Assert.Contains("Penyebab: Petir merusak switch.", text);
        Assert.Contains("Belum selesai pada akhir periode.", text);
        // The two open ones: received 20 October (1,000 clock hours at 30 November 24.00) and 20 November (256 h), no reason recorded.
        Assert.Contains("1000 jam Belum selesai pada akhir periode. Tidak ada", text);
        Assert.Contains("256 jam Belum selesai pada akhir periode. Tidak ada", text);
        Assert.Contains("30 jam Penyebab: Petir merusak switch.", text);
        // IKM: one response for two closed reports, under the minimum sample.
        Assert.Contains("Jumlah responden : 1 orang", text);
        Assert.Contains("Tingkat respons : 1 dari 2 laporan yang ditutup (50%)", text);
        Assert.Contains($"jumlah responden di bawah {IkmSample.MinimumRespondents} orang", text);
        Assert.Contains("Nilai IKM : 100,00", text);
    }

    [Fact]
    public async Task ThePlhKepalaDinasSignsOnTheDayTheyAct()
    {
        var w = await WorldAsync();
        using var session = await WebSession.SignedInAsync(w.App.Factory, "kadis");
        var before = await PdfTextAsync(session, "/laporan/rekap?bulan=2026-10");
        Assert.DoesNotContain("Plh.", before);
        Assert.Contains(w.Kadis, before);

        // The Kabid acts for the Kadis on 3 December, the signing date.
        await w.App.QueryAsync(async db =>
        {
            var users = await db.Users.Where(u => u.UserName == "kadis" || u.UserName == "kabid").ToDictionaryAsync(u => u.UserName!, u => u.Id);
            db.ActingAppointments.Add(new ActingAppointment(users["kadis"], users["kabid"], new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3),
                "Dinas luar", users["kadis"], w.App.Now));
            return await db.SaveChangesAsync();
        });

        var text = await PdfTextAsync(session, "/laporan/rekap?bulan=2026-10");
        Assert.Contains($"Plh. {w.KadisPosition}", text);
        Assert.Contains(w.Kabid, text);
        Assert.DoesNotContain(w.Kadis, text);
    }

    [Fact]
    public async Task TheKabidEditsThePrefilledNarrativeWhichThenPrints()
    {
        var w = await WorldAsync();
        using var kabid = await WebSession.SignedInAsync(w.App.Factory, "kabid");

        // Prefilled from the month's review notes: the Kasi's approval note, the Kabid's, the rejection is no note.
        var form = WebPageHelpers.Text(await kabid.GetPageAsync("/laporan/rekap/uraian?bulan=2026-11"));
        Assert.Contains("Belum disimpan: isian awal dari catatan penelaahan", form);
        Assert.Contains("Periksa arrester petir di gedung ini (Kepala Seksi", form);
        Assert.Contains("Usulkan pengadaan arrester (Kepala Bidang", form);
        Assert.Contains($"Gangguan terbanyak: {Labels.Of(FaultCategory.NoInternet)} (1 laporan).", form);
        var prefilled = await PdfTextAsync(kabid, "/laporan/rekap?bulan=2026-11");
        Assert.Contains("Usulkan pengadaan arrester", prefilled);

        var page = await kabid.GetPageAsync("/laporan/rekap/uraian?bulan=2026-11");
        var token = WebPageHelpers.GetRequestVerificationToken(page, "/laporan/rekap/uraian");
        using var save = await kabid.PostWithTokenAsync("/laporan/rekap/uraian",
        [
            new("bulan", "2026-11"), new("Versi", ""), new("Permasalahan", "Petir merusak perangkat di tiga gedung."),
            new("Kendala", "Stok switch cadangan habis."), new("TindakLanjut", "Arrester dipasang Desember."),
            new("Rekomendasi", "Pengadaan lima switch cadangan."),
        ], token);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        var text = await PdfTextAsync(kabid, "/laporan/rekap?bulan=2026-11");
        Assert.Contains("1. Permasalahan Petir merusak perangkat di tiga gedung.", text);
        Assert.Contains("2. Kendala Stok switch cadangan habis.", text);
        Assert.Contains("3. Tindak lanjut Arrester dipasang Desember.", text);
        Assert.Contains("4. Rekomendasi Pengadaan lima switch cadangan.", text);
        Assert.DoesNotContain("Usulkan pengadaan arrester", text);
        // The signature block keeps the last narrative part on its page.
        var audit = await w.App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EventType == AuditEvents.RecapNarrativeSaved && a.Summary.Contains("November 2026")));
        Assert.Equal(1, audit);

        // A second form opened before that save (no version) is refused, not silently overwriting.
        using var stale = await kabid.PostWithTokenAsync("/laporan/rekap/uraian",
            [new("bulan", "2026-11"), new("Versi", ""), new("Permasalahan", "Tulisan lama")], token);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("baru saja diubah oleh pengguna lain", WebPageHelpers.Text(await stale.Content.ReadAsStringAsync()));
        Assert.Contains("Petir merusak perangkat di tiga gedung.", await PdfTextAsync(kabid, "/laporan/rekap?bulan=2026-11"));

        // Without the antiforgery token: refused.
        using var forged = await kabid.PostRawAsync("/laporan/rekap/uraian", [new("bulan", "2026-11"), new("Permasalahan", "x")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task OnlyTheKadisTheKabidAndTheirPlhMayEditTheNarrative()
    {
        var w = await WorldAsync();
        using var kasi = await WebSession.SignedInAsync(w.App.Factory, "kasi.aplikasi");
        using var refused = await kasi.GetFollowingRedirectsAsync("/laporan/rekap/uraian?bulan=2026-11");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // Appointed Plh. of the Kabid for today: allowed.
        await w.App.QueryAsync(async db =>
        {
            var users = await db.Users.Where(u => u.UserName == "kabid" || u.UserName == "kasi.aplikasi").ToDictionaryAsync(u => u.UserName!, u => u.Id);
            db.ActingAppointments.Add(new ActingAppointment(users["kabid"], users["kasi.aplikasi"], new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4),
                "Cuti", users["kabid"], w.App.Now));
            return await db.SaveChangesAsync();
        });
        using var plh = await WebSession.SignedInAsync(w.App.Factory, "kasi.aplikasi");
        Assert.Contains("data-testid=\"narrative-form\"", await plh.GetPageAsync("/laporan/rekap/uraian?bulan=2026-11"));
        Assert.True(MonthlyRecapNarrativeService.MayEdit(new Core.Domain.Workflow.WorkflowActor("x", "x", null, null,
            new HashSet<string> { Roles.KepalaDinas }, null, [])));
        Assert.False(MonthlyRecapNarrativeService.MayEdit(new Core.Domain.Workflow.WorkflowActor("x", "x", null, null,
            new HashSet<string> { Roles.KepalaSeksi }, null, [])));
    }

    [Fact]
    public async Task TheNotaDinasTakesOneNumberAndKeepsItAcrossVersions()
    {
        var w = await WorldAsync();
        using var kadis = await WebSession.SignedInAsync(w.App.Factory, "kadis");
        var page = await kadis.GetPageAsync("/laporan/rekap/uraian?bulan=2026-10");
        var token = WebPageHelpers.GetRequestVerificationToken(page, "/laporan/rekap/nota-dinas");

        using var first = await kadis.PostWithTokenAsync("/laporan/rekap/nota-dinas", [new("bulan", "2026-10")], token);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var number = await w.App.QueryAsync(db => db.MonthlyRecapNarratives.Where(n => n.Year == 2026 && n.Month == 10).Select(n => n.CoverLetterNumber).SingleAsync());
        Assert.Matches(@"^000\.8\.3\.3/\d+/ND/Diskominfo/2026$", number);
        using var again = await kadis.PostWithTokenAsync("/laporan/rekap/nota-dinas", [new("bulan", "2026-10")], token);
        Assert.Equal(number, await w.App.QueryAsync(db => db.MonthlyRecapNarratives.Where(n => n.Year == 2026 && n.Month == 10).Select(n => n.CoverLetterNumber).SingleAsync()));

        var letter = await PdfTextAsync(kadis, "/laporan/rekap/nota-dinas?bulan=2026-10");
        Assert.Contains("NOTA DINAS", letter);
        Assert.Contains("Yth. : Wali Kota Tebing Tinggi", letter);
        Assert.Contains("Melalui : Sekretaris Daerah Kota Tebing Tinggi", letter);
        Assert.Contains($"Nomor : {number}", letter);
        Assert.Contains("Tanggal : 3 Desember 2026", letter);
        Assert.Contains("Lampiran : 1 (satu) berkas", letter);
        Assert.Contains("Hal : Laporan Rekapitulasi Bulanan Pelayanan Maintenance Gangguan Jaringan Bulan Oktober 2026", letter);
        Assert.DoesNotContain("versi 2", letter);
        var recap = await PdfTextAsync(kadis, "/laporan/rekap?bulan=2026-10");
        Assert.Contains($"Lampiran Nota Dinas Kepala Dinas Nomor {number} tanggal 3 Desember 2026", recap);

        // The narrative changes after numbering: version 2 under the same number.
        var form = await kadis.GetPageAsync("/laporan/rekap/uraian?bulan=2026-10");
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Versi\" value=\"([^\"]+)\"").Groups[1].Value;
        using var edit = await kadis.PostWithTokenAsync("/laporan/rekap/uraian",
            [new("bulan", "2026-10"), new("Versi", version), new("Permasalahan", "Koneksi lambat di BKD.")],
            WebPageHelpers.GetRequestVerificationToken(form, "/laporan/rekap/uraian"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var second = await PdfTextAsync(kadis, "/laporan/rekap/nota-dinas?bulan=2026-10");
        Assert.Contains($"Nota Dinas Nomor {number} (versi 2, nomor yang sama)", second);
        Assert.Equal(1, await w.App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EventType == AuditEvents.RecapCoverLetterNumbered)));
    }

    [Fact]
    public async Task TheKadisAndTheKabidNumberingAtOnceGetOneNumberAndNoError()
    {
        var w = await WorldAsync();
        using var kadis = await WebSession.SignedInAsync(w.App.Factory, "kadis");
        using var kabid = await WebSession.SignedInAsync(w.App.Factory, "kabid");
        var kadisToken = WebPageHelpers.GetRequestVerificationToken(await kadis.GetPageAsync("/laporan/rekap/uraian?bulan=2026-09"), "/laporan/rekap/nota-dinas");
        var kabidToken = WebPageHelpers.GetRequestVerificationToken(await kabid.GetPageAsync("/laporan/rekap/uraian?bulan=2026-09"), "/laporan/rekap/nota-dinas");

        var numberedBefore = await w.App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EventType == AuditEvents.RecapCoverLetterNumbered));

        // Both press "Beri nomor" for a month that has no narrative row yet, several times over.
        var posts = Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? kadis.PostWithTokenAsync("/laporan/rekap/nota-dinas", [new("bulan", "2026-09")], kadisToken)
            : kabid.PostWithTokenAsync("/laporan/rekap/nota-dinas", [new("bulan", "2026-09")], kabidToken));
        var responses = await Task.WhenAll(posts);
        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        }
        finally
        {
            foreach (var r in responses) r.Dispose();
        }
        Assert.Single(await w.App.QueryAsync(db => db.MonthlyRecapNarratives.Where(n => n.Year == 2026 && n.Month == 9).Select(n => n.CoverLetterNumber).ToListAsync()));
        Assert.Equal(numberedBefore + 1, await w.App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EventType == AuditEvents.RecapCoverLetterNumbered)));
    }
}
