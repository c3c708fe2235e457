using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using UglyToad.PdfPig;

namespace NetworkMaintenance.IntegrationTests.ServiceEvaluation;

/// <summary>
/// The SKM follow-up cycle on a fake clock: analysis and plan during the quarter, completion with evidence after it,
/// the dashboard's share of follow-ups done, publication (only after the period, only by the Kepala Bidang or Kepala
/// Dinas), the public page and the PDF report against a hand computation, the sample caveat, and the evaluator's ZIP.
/// </summary>
public sealed class SkmFollowUpCycle(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Quarter1 = "2026-T1";
    private const string Quarter2 = "2026-T2";
    private const string Path = "/skm/tindak-lanjut";

    /// <summary>
    /// Four respondents in Triwulan I 2026 (the worked example of docs/service-quality.md):
    ///   R1: 4 4 4 4 4 4 4 4 4
    ///   R2: 3 3 4 4 4 3 4 4 4
    ///   R3: 3 3 3 3 3 3 3 3 3
    ///   R4: 3 3 3 3 3 3 3 3 3
    /// Element sums U1..U9: 13 13 14 14 14 13 14 14 14 (total 123).
    /// NRR = sum / 4: 3,25 3,25 3,50 3,50 3,50 3,25 3,50 3,50 3,50.
    /// IKM = Σ NRR / 9 = 30,75 / 9 = 3,41666…; × 25 = 85,41666… → 85,42, grade B (Baik).
    /// Lowest elements (NRR 3,25): U1, U2, U6.
    /// Six reports closed in the quarter (service users): the sample table asks for all 6 (fewer than 10), so 4 is below it.
    /// </summary>
    private static readonly int[][] Quarter1Scores =
    [
        [4, 4, 4, 4, 4, 4, 4, 4, 4],
        [3, 3, 4, 4, 4, 3, 4, 4, 4],
        [3, 3, 3, 3, 3, 3, 3, 3, 3],
        [3, 3, 3, 3, 3, 3, 3, 3, 3],
    ];

    private static DateTime Wib(int year, int month, int day, int hour = 10) =>
        new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-7);

    [Fact]
    public async Task TheCycleFromAnalysisToPublicationAndTheEvidenceExport()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(Wib(2026, 1, 5)));

        // Triwulan I: six reports closed, four answered the survey (one with a suggestion).
        await ClosedReportsWithSurveysAsync(app, Wib(2026, 2, 2), closed: 6, Quarter1Scores);

        // --- During the quarter (10 March): the Kepala Seksi records the analysis and plans two actions.
        app.At(Wib(2026, 3, 10));
        var kasi = await WebSession.SignedInAsync(app.Factory, "kasi");
        var page = WebPageHelpers.Text(await kasi.GetPageAsync($"{Path}?periode={Quarter1}"));
        Assert.Contains("Triwulan I 2026", page);
        Assert.Contains("Unsur terendah: U1 Persyaratan; U2 Sistem, mekanisme dan prosedur; U6 Kompetensi pelaksana", page);
        Assert.Contains("4 responden dari 6 pengguna layanan (sampel minimum 6)", page);
        Assert.Contains("Mohon laporan ditanggapi lebih cepat.", page);

        await PostOkAsync(kasi, "/analisis", new Form()
            .Set("Periode", Quarter1)
            .Set("Analysis", "Persyaratan dan prosedur belum dipahami pelapor; kompetensi teknisi perlu ditingkatkan.")
            .Set("SuggestionGroups", "Kecepatan tanggapan — 1 saran"));
        await PostOkAsync(kasi, "/rencana", new Form().Set("Periode", Quarter1).Set("Element", "1")
            .Set("Description", "Sosialisasi persyaratan pelaporan ke OPD").Set("Owner", "Kepala Seksi Infrastruktur").Set("DueDate", "2026-03-31"));
        await PostOkAsync(kasi, "/rencana", new Form().Set("Periode", Quarter1).Set("Element", "6")
            .Set("Description", "Pelatihan teknisi jaringan").Set("Owner", "Kepala Bidang").Set("DueDate", "2026-05-31"));
        var actions = await app.QueryAsync(db => db.SkmFollowUpActions.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, actions.Count);

        // Only the Kasi and Kabid record; the Kadis reads but is refused; nobody publishes a running quarter.
        var kadis = await WebSession.SignedInAsync(app.Factory, "kadis");
        var token = WebPageHelpers.GetRequestVerificationToken(await kadis.GetPageAsync($"{Path}?periode={Quarter1}"));
        using (var refused = await kadis.PostWithTokenAsync(Path + "/analisis", [new("Periode", Quarter1), new("Analysis", "X")], token))
        {
            await HttpAssert.RedirectsToAsync(refused, "/akses-ditolak");
        }
        await PostAsync(kadis, "/publikasi", new Form().Set("periode", Quarter1));
        Assert.Contains("setelah periode berakhir", WebPageHelpers.Text(await kadis.GetPageAsync($"{Path}?periode={Quarter1}")));
        using var anonymous = WebSession.Create(app.Factory);
        using (var notYet = await anonymous.GetAsync($"/hasil-skm?periode={Quarter1}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }

        // --- After the quarter (6 April): the first action is overdue; the Kasi records it done with a PDF as evidence.
        app.At(Wib(2026, 4, 6));
        kasi = await WebSession.SignedInAsync(app.Factory, "kasi");
        var register = await kasi.GetPageAsync($"{Path}?periode={Quarter1}");
        Assert.Contains($"data-testid=\"state-{actions[0].Id}\">Lewat tenggat", register);
        Assert.Contains($"data-testid=\"state-{actions[1].Id}\">Direncanakan", register);
        var evidence = "%PDF-1.4\n% daftar hadir sosialisasi\n"u8.ToArray();
        using (var done = await kasi.SubmitMultipartAsync($"{Path}?periode={Quarter1}", Path + "/selesai",
            [new("ActionId", actions[0].Id.ToString(CultureInfo.InvariantCulture)), new("Note", "Sosialisasi 2 April 2026, 18 OPD hadir.")],
            new UploadFile("Evidence", "daftar-hadir.pdf", "application/pdf", evidence)))
        {
            await HttpAssert.RedirectsToAsync(done, Path);
        }
        // A renamed executable is refused by the same checks as every attachment.
        using (var bad = await kasi.SubmitMultipartAsync($"{Path}?periode={Quarter1}", Path + "/selesai",
            [new("ActionId", actions[1].Id.ToString(CultureInfo.InvariantCulture)), new("Note", "Selesai")],
            new UploadFile("Evidence", "bukti.pdf", "application/pdf", "MZ\u0090\0"u8.ToArray())))
        {
            await HttpAssert.RedirectsToAsync(bad, Path);
        }
        var stored = await app.QueryAsync(db => db.SkmFollowUpActions.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(Wib(2026, 4, 6), stored[0].CompletedAtUtc);
        Assert.Equal("daftar-hadir.pdf", stored[0].EvidenceFileName);
        Assert.Null(stored[1].CompletedAtUtc);
        using (var file = await kasi.GetAsync($"{Path}/bukti?id={actions[0].Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(evidence, await file.Content.ReadAsByteArrayAsync());
        }

        // The dashboard shows the share of follow-ups done: 1 of 2.
        kadis = await WebSession.SignedInAsync(app.Factory, "kadis");
        var dashboard = await kadis.GetPageAsync("/");
        Assert.Contains("data-kpi=\"skm-follow-up\">50%", dashboard);
        Assert.Contains("1 dari 2 selesai", WebPageHelpers.Text(dashboard));

        // The Kasi may not publish; the Kepala Bidang does, and the publication time is recorded.
        token = WebPageHelpers.GetRequestVerificationToken(await kasi.GetPageAsync($"{Path}?periode={Quarter1}"));
        using (var refused = await kasi.PostWithTokenAsync(Path + "/publikasi", [new("periode", Quarter1)], token))
        {
            await HttpAssert.RedirectsToAsync(refused, "/akses-ditolak");
        }
        app.At(Wib(2026, 4, 7, 9));
        var kabid = await WebSession.SignedInAsync(app.Factory, "kabid");
        await PostOkAsync(kabid, "/publikasi", new Form().Set("periode", Quarter1));
        var review = await app.QueryAsync(db => db.SkmPeriodReviews.AsNoTracking().SingleAsync(r => r.PeriodKey == Quarter1));
        Assert.Equal(Wib(2026, 4, 7, 9), review.PublishedAtUtc);

        // --- The public page: the hand-computed figures and the caveat.
        var result = await anonymous.GetPageAsync($"/hasil-skm?periode={Quarter1}");
        var text = WebPageHelpers.Text(result);
        Assert.Contains("Nilai IKM 85,42", text);
        Assert.Contains("B (Baik)", text);
        Assert.Contains("dipublikasikan 7 April 2026", text);
        Assert.Contains("4 responden dari 6 pengguna layanan", text);
        string[] nrr = ["3,25", "3,25", "3,50", "3,50", "3,50", "3,25", "3,50", "3,50", "3,50"];
        string[] times25 = ["81,25", "81,25", "87,50", "87,50", "87,50", "81,25", "87,50", "87,50", "87,50"];
        for (var k = 0; k < 9; k++)
        {
            var row = WebPageHelpers.Text(Row(result, $"element-{k + 1}"));
            Assert.Equal($"U{k + 1} {SatisfactionSurvey.ElementNames[k]} {nrr[k]} {times25[k]}", row);
        }
        Assert.Contains("data-testid=\"sample-caveat\"", result);
        Assert.Contains("jumlah responden (4 orang) di bawah sampel minimum 6 orang untuk 6 pengguna layanan", text);
        Assert.Contains("Sosialisasi persyaratan pelaporan ke OPD", text);
        Assert.Contains("Pelatihan teknisi jaringan", text);
        Assert.Contains("Triwulan I 2026", WebPageHelpers.Text(await anonymous.GetPageAsync("/hasil-skm")));

        // The PDF report in the Laporan form, page by page.
        using (var response = await anonymous.GetAsync($"/hasil-skm/laporan?periode={Quarter1}"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            using var pdf = PdfDocument.Open(bytes);
            var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
            Assert.Contains("PEMERINTAH KOTA TEBING TINGGI", pages[0]);
            Assert.Contains("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", pages[0]);
            var all = PdfReader.Text(bytes);
            foreach (var heading in new[] { "I. PENDAHULUAN", "II. KEGIATAN YANG DILAKSANAKAN", "III. HASIL", "IV. SIMPULAN DAN SARAN", "V. PENUTUP" })
            {
                Assert.Contains(heading, all);
            }
            Assert.Contains("Nilai IKM : 85,42", all);
            Assert.Contains("U3 Waktu penyelesaian 3,50 87,50", all);
            Assert.Contains("U1 Persyaratan 3,25 81,25", all);
            Assert.Contains("di bawah sampel minimum 6 orang", all);
            Assert.Contains("Sosialisasi persyaratan", all);
            Assert.Contains("Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya.", all);
            Assert.Contains("Tebing Tinggi, 7 April 2026", pages[^1]);
        }

        // Triwulan II: two reports closed, both answered (2 of 2 users); once over and published: no caveat.
        // (The fake clock only moves forward, so the quarter's data comes now.)
        await ClosedReportsWithSurveysAsync(app, Wib(2026, 5, 4), closed: 2, [[4, 4, 4, 4, 4, 4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 4, 4, 4]]);
        app.At(Wib(2026, 7, 2));
        kasi = await WebSession.SignedInAsync(app.Factory, "kasi");
        await PostOkAsync(kasi, "/analisis", new Form().Set("Periode", Quarter2).Set("Analysis", "Semua unsur sangat baik."));
        await PostOkAsync(kasi, "/rencana", new Form().Set("Periode", Quarter2)
            .Set("Description", "Pertahankan waktu respons").Set("Owner", "Kepala Seksi").Set("DueDate", "2026-09-30"));
        kadis = await WebSession.SignedInAsync(app.Factory, "kadis");
        await PostOkAsync(kadis, "/publikasi", new Form().Set("periode", Quarter2));
        var second = await anonymous.GetPageAsync($"/hasil-skm?periode={Quarter2}");
        Assert.Contains("Nilai IKM 100,00", WebPageHelpers.Text(second));
        Assert.DoesNotContain("sample-caveat", second);

        // --- The evaluator's ZIP for 2026, opened file by file.
        using var zipResponse = await kadis.GetAsync("/evaluasi-pelayanan/ekspor?tahun=2026");
        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(
            ["ikm-per-periode.csv", "laporan-skm-2026-T1.pdf", "laporan-skm-2026-T2.pdf", "penanganan-pengaduan.csv", "register-tindak-lanjut-skm.csv", "standar-pelayanan.pdf"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray());
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            var bytes = Read(entry);
            using var pdf = PdfDocument.Open(bytes);
            Assert.True(pdf.NumberOfPages >= 1);
            foreach (var p in pdf.GetPages()) Assert.NotEmpty(p.GetWords());
            Assert.Contains("PEMERINTAH KOTA TEBING TINGGI", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)));
        }
        Assert.Contains("Nilai IKM : 85,42", PdfReader.Text(Read(zip.GetEntry("laporan-skm-2026-T1.pdf")!)));
        Assert.Contains("Nilai IKM : 100,00", PdfReader.Text(Read(zip.GetEntry("laporan-skm-2026-T2.pdf")!)));
        Assert.Contains("14. Evaluasi kinerja pelaksana", PdfReader.Text(Read(zip.GetEntry("standar-pelayanan.pdf")!)));

        string[] ikmHeader = ["Periode", "Tanggal publikasi", "Responden", "Pengguna layanan", "Sampel minimum", "NRR U1", "NRR U2", "NRR U3",
            "NRR U4", "NRR U5", "NRR U6", "NRR U7", "NRR U8", "NRR U9", "IKM", "Mutu", "Catatan"];
        var ikm = Csv(zip.GetEntry("ikm-per-periode.csv")!, ikmHeader);
        Assert.Equal(2, ikm.Count);
        Assert.Equal(["Triwulan I 2026", "2026-04-07 09:00", "4", "6", "6", .. nrr, "85,42", "B (Baik)", "Responden di bawah sampel minimum"], ikm[0]);
        Assert.Equal("Triwulan II 2026", ikm[1][0]);
        Assert.Equal("", ikm[1][^1]);

        var registerCsv = Csv(zip.GetEntry("register-tindak-lanjut-skm.csv")!,
            ["Periode", "Unsur", "Tindak lanjut", "Penanggung jawab", "Tenggat", "Status", "Tanggal selesai", "Catatan penyelesaian", "Bukti"]);
        Assert.Equal(3, registerCsv.Count);
        Assert.Equal(["Triwulan I 2026", "U1", "Sosialisasi persyaratan pelaporan ke OPD", "Kepala Seksi Infrastruktur", "2026-03-31", "Selesai",
            "2026-04-06 10:00", "Sosialisasi 2 April 2026, 18 OPD hadir.", "daftar-hadir.pdf"], registerCsv[0]);
        Assert.Equal("Lewat tenggat", registerCsv[1][5]);
        Assert.Equal("Triwulan II 2026", registerCsv[2][0]);

        var complaints = Csv(zip.GetEntry("penanganan-pengaduan.csv")!,
            ["Bulan", "Pengaduan diterima", "Sudah dijawab", "Belum dijawab", "Rata-rata hari sampai dijawab"]);
        Assert.Equal(12, complaints.Count);
        Assert.Equal("Januari 2026", complaints[0][0]);
        Assert.Equal("Desember 2026", complaints[11][0]);
    }

    private static async Task ClosedReportsWithSurveysAsync(SlaApp app, DateTime closedAtUtc, int closed, int[][] scores)
    {
        var ids = new List<int>();
        for (var i = 0; i < closed; i++) ids.Add(await app.ReceiveAsync(closedAtUtc.AddHours(-3)));
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // Closing a report is the workflow's business (tests in Workflow/); here only its closing time matters:
            // the reports closed in a period are its service users, the population of the sample table.
            await db.Reports.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReportStatus.Closed).SetProperty(r => r.ClosedAtUtc, closedAtUtc));
            var reporter = await db.Users.Where(u => u.UserName == "pelapor").Select(u => new { u.Id }).SingleAsync();
            var reports = await db.Reports.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).Select(r => new { r.Id, r.OpdId }).ToListAsync();
            for (var k = 0; k < scores.Length; k++)
            {
                db.SatisfactionSurveys.Add(new SatisfactionSurvey(reports[k].Id, reports[k].OpdId, reporter.Id, scores[k],
                    k == 2 ? "Mohon laporan ditanggapi lebih cepat." : null, closedAtUtc.AddHours(1 + k)));
            }
            await db.SaveChangesAsync();
            return 0;
        });
    }

    private static async Task PostOkAsync(WebSession session, string action, Form form)
    {
        var target = await PostAsync(session, action, form);
        var page = await session.GetPageAsync(target);
        Assert.DoesNotContain("alert-danger", page);
    }

    private static async Task<string> PostAsync(WebSession session, string action, Form form)
    {
        var periode = form.FirstOrDefault(f => f.Key is "Periode" or "periode").Value;
        using var response = await session.SubmitFormAsync($"{Path}?periode={periode}", Path + action, form);
        return await HttpAssert.RedirectsToAsync(response, Path);
    }

    private static string Row(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, testId);
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return "<tr " + html[start..end] + "</tr>";
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The data rows of a CSV in the ZIP, read by <paramref name="header"/> names with the app's CSV library.</summary>
    private static List<string[]> Csv(ZipArchiveEntry entry, string[] header)
    {
        var bytes = Read(entry);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        Assert.StartsWith(string.Join(";", header.Select(h => $"\"{h}\"")), text, StringComparison.Ordinal);
        using var reader = CsvHelper.CsvReader.FromText(text, CsvHelper.CsvReaderOptions.Default with { Separator = ';' });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(header.Select(h => reader.GetString(h)).ToArray());
        return rows;
    }
}
