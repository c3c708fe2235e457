using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>
/// The official documents a report's steps issue, walked over HTTP by the demo accounts on a real SQLite file:
/// what is stored, what a download gives, who may download, and the wet-signature print.
/// </summary>
public sealed class IssuedDocumentsOverHttp(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private const string ReporterNip = "199003152015032001";
    private const string ReporterNipPrinted = "19900315 201503 2 001";
    private const string OldSerial = "2219481000123";
    private const string NewSerial = "2231190004567";

    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task TheReplacementPathIssuesEveryDocumentFromTheReportsOwnData()
    {
        var id = await WalkReplacementPathWithAPlhKasiAsync();
        var report = await factory.QueryAsync(db => db.Reports.SingleAsync(r => r.Id == id));
        var docs = await DocumentsAsync(id);

        // Receipt, disposition sheet, replacement request; the work BA and the results report on completion; the work BA
        // again with the reporter's acknowledgement, then with the Kasi's approval ("Mengetahui,", also added to the
        // replacement request); the results report again with the review notes. Versions keep their number.
        Assert.Equal(
            [(DocumentType.Receipt, 1), (DocumentType.DispositionSheet, 1), (DocumentType.ReplacementRequestBa, 1),
             (DocumentType.WorkBa, 1), (DocumentType.WorkReport, 1), (DocumentType.WorkBa, 2), (DocumentType.WorkBa, 3),
             (DocumentType.ReplacementRequestBa, 2), (DocumentType.WorkReport, 2)],
            docs.Select(d => (d.Type, d.Version)));
        Assert.Equal([false, false, true, true, true, true, false, false, false], docs.Select(d => d.IsSuperseded));
        Assert.Equal(docs[5].Id, docs[3].SupersededById);
        Assert.Equal(docs[6].Id, docs[5].SupersededById);
        Assert.Equal(docs[7].Id, docs[2].SupersededById);
        Assert.Equal(docs[8].Id, docs[4].SupersededById);
        Assert.Equal(report.Number, docs[0].Number);
        Assert.Equal(report.Number, docs[1].Number);
        Assert.Matches(@"^000\.8\.3\.3/\d+/BA-PP/Diskominfo/\d{4}$", docs[2].Number);
        Assert.Matches(@"^000\.8\.3\.3/\d+/BA-PK/Diskominfo/\d{4}$", docs[6].Number);
        Assert.Matches(@"^000\.8\.3\.3/\d+/LHP/Diskominfo/\d{4}$", docs[8].Number);
        Assert.Equal(docs[3].Number, docs[6].Number);
        Assert.Equal(docs[2].Number, docs[7].Number);
        Assert.Equal(docs[4].Number, docs[8].Number);
        Assert.Equal(docs.Count, docs.Select(d => d.VerificationCode).Distinct().Count());
        Assert.All(docs, d => Assert.Equal(d.VerificationCode, VerificationCode.Normalize(d.VerificationCode)));

        var pelapor = await _w.As("pelapor");
        var receipt = await pelapor.TextOfAsync(id, docs[0]);
        Assert.Contains("TANDA TERIMA LAPORAN GANGGUAN JARINGAN", receipt, StringComparison.Ordinal);
        Assert.Contains($"Nomor laporan : {report.Number}", receipt, StringComparison.Ordinal);
        Assert.Contains($"Kode pelacakan : {report.TrackingCode}", receipt, StringComparison.Ordinal);
        Assert.Contains("Nama pelapor : Rina Marlina", receipt, StringComparison.Ordinal);
        Assert.Contains($"NIP : {ReporterNipPrinted}", receipt, StringComparison.Ordinal);
        Assert.Contains("OPD pelapor : Badan Kepegawaian Daerah", receipt, StringComparison.Ordinal);
        Assert.Contains("sah tanpa tanda tangan", receipt, StringComparison.Ordinal);
        // The QR code and the footer point at this document's public verification page.
        Assert.Contains($"http://localhost:5080/verifikasi/{docs[0].VerificationCode}", receipt, StringComparison.Ordinal);
        Assert.Contains("Kode verifikasi: " + VerificationCode.Display(docs[0].VerificationCode), receipt, StringComparison.Ordinal);

        var sheet = await pelapor.TextOfAsync(id, docs[1]);
        Assert.Contains("LEMBAR DISPOSISI", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("Nomor: ", sheet, StringComparison.Ordinal);
        Assert.Contains("Nomor agenda : " + report.Number, sheet, StringComparison.Ordinal);
        Assert.Contains("Segera", sheet, StringComparison.Ordinal);
        foreach (var word in new[] { "Plh.", "Fauzi,", "Hendra", "Gunawan,", "Yusuf", "Hidayat,", "Bayu", "Pratama,", "segera", "ditangani" })
        {
            Assert.Contains(word, sheet.Split(' '));
        }

        var request = await pelapor.TextOfAsync(id, docs[2]);
        Assert.Contains("BERITA ACARA PENGAJUAN PENGGANTIAN PERANGKAT", request, StringComparison.Ordinal);
        Assert.Contains("Nama : Rina Marlina", request, StringComparison.Ordinal);
        Assert.Contains($"NIP : {ReporterNipPrinted}", request, StringComparison.Ordinal);
        Assert.Contains("Instansi : Badan Kepegawaian Daerah", request, StringComparison.Ordinal);
        Assert.Contains("Nama : Bayu Pratama, A.Md", request, StringComparison.Ordinal);
        Assert.Contains("Nomor " + report.Number, request, StringComparison.Ordinal);
        Assert.Contains(OldSerial, request, StringComparison.Ordinal);
        Assert.Contains("Rusak Berat", request, StringComparison.Ordinal);
        Assert.Contains("Mengetahui,", request, StringComparison.Ordinal);
        Assert.Contains("Plh. Kepala Seksi Infrastruktur dan Jaringan", request, StringComparison.Ordinal);
        Assert.Contains("Yusuf Hidayat, S.Kom", request, StringComparison.Ordinal);
        // Filed by the reporter: one electronic approval; the Kasi's "Mengetahui," comes with the Kasi's approval.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(request, "Disetujui secara elektronik"));
        var knownRequest = await pelapor.TextOfAsync(id, docs[7]);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(knownRequest, "Disetujui secara elektronik"));
        Assert.Contains("Mengetahui, Kepala Seksi Infrastruktur dan Jaringan", knownRequest, StringComparison.Ordinal);

        var work = await pelapor.TextOfAsync(id, docs[6]);
        Assert.Contains("BERITA ACARA PEKERJAAN", work, StringComparison.Ordinal);
        Assert.DoesNotContain("menggantikan", work, StringComparison.Ordinal);
        Assert.Contains("Nama : Rina Marlina", work, StringComparison.Ordinal);
        Assert.Contains($"NIP : {ReporterNipPrinted}", work, StringComparison.Ordinal);
        Assert.Contains(OldSerial, work, StringComparison.Ordinal);
        Assert.Contains(NewSerial, work, StringComparison.Ordinal);
        Assert.Contains("Mengganti switch yang terbakar", work, StringComparison.Ordinal);
        // The reporter acknowledged in the application: an electronic approval under PIHAK KEDUA.
        // Technician, reporter and the Kasi who approved the work ("Mengetahui,").
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(work, "Disetujui secara elektronik"));
        Assert.Contains("Mengetahui, Kepala Seksi Infrastruktur dan Jaringan", work, StringComparison.Ordinal);
        // Before the Kasi's approval the block names the Plh. who assigned, with an empty space.
        var acknowledged = await pelapor.TextOfAsync(id, docs[5]);
        Assert.Contains("Plh. Kepala Seksi Infrastruktur dan Jaringan", acknowledged, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(acknowledged, "Disetujui secara elektronik"));
        var firstWork = await pelapor.TextOfAsync(id, docs[3]);
        Assert.DoesNotContain("menggantikan", firstWork, StringComparison.Ordinal);

        var results = await pelapor.TextOfAsync(id, docs[8]);
        Assert.Contains("LAPORAN HASIL PELAKSANAAN", results, StringComparison.Ordinal);
        Assert.Contains("Nomor laporan : " + report.Number, results, StringComparison.Ordinal);
        // Laporan form: the basis names the disposition and both Berita Acara; the devices are referred to the BA.
        Assert.Contains($"Lembar Disposisi Nomor Agenda {report.Number}.", results, StringComparison.Ordinal);
        Assert.Contains($"Berita Acara Pengajuan Penggantian Perangkat Nomor {docs[2].Number}.", results, StringComparison.Ordinal);
        Assert.Contains($"Berita Acara Pekerjaan Nomor {docs[3].Number}.", results, StringComparison.Ordinal);
        Assert.Contains($"tercantum dalam Berita Acara Pekerjaan Nomor {docs[3].Number}.", results, StringComparison.Ordinal);
        Assert.DoesNotContain(OldSerial, results, StringComparison.Ordinal);
        Assert.Contains("Memenuhi target waktu penyelesaian", results, StringComparison.Ordinal);
        // Review notes of the Kasi, Kabid and Kadis; the timeline names the Plh. who assigned the team.
        foreach (var word in new[] { "Rudi", "Hartono,", "Hendra", "Fauzi,", "Baik", "Disetujui", "Yusuf", "(Plh." })
        {
            Assert.Contains(word, results.Split(' '));
        }
        Assert.Contains("Belum ada catatan peninjauan", await pelapor.TextOfAsync(id, docs[4]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownloadIsTheStoredFileEveryTimeAndTheWetPrintIsNotStored()
    {
        var id = await WalkDataCenterPathAsync();
        var docs = await DocumentsAsync(id);
        var workBa = docs.Single(d => d.Type == DocumentType.WorkBa && !d.IsSuperseded);
        var session = await _w.As("kasi");

        using var first = await session.GetAsync($"/laporan/{id}/dokumen/{workBa.Id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(workBa.FileName(), first.Content.Headers.ContentDisposition?.FileName);
        Assert.Matches(@"^berita-acara-pekerjaan-000\.8\.3\.3-\d+-BA-PK-Diskominfo-\d{4}-v2\.pdf$", workBa.FileName());
        var bytes = await first.Content.ReadAsByteArrayAsync();
        using var second = await session.GetAsync($"/laporan/{id}/dokumen/{workBa.Id}");
        var again = await second.Content.ReadAsByteArrayAsync();

        Assert.Equal(bytes, again);
        Assert.Equal(workBa.Pdf, bytes);
        Assert.Equal(workBa.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        // Printed for signing by hand: same number and code, blank signing spaces, nothing new stored.
        using var wet = await session.GetAsync($"/laporan/{id}/dokumen/{workBa.Id}?basah=1");
        Assert.Equal(HttpStatusCode.OK, wet.StatusCode);
        Assert.Equal(workBa.FileName(wetSignature: true), wet.Content.Headers.ContentDisposition?.FileName);
        var wetBytes = await wet.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(bytes, wetBytes);
        var wetText = PdfReader.Text(wetBytes);
        Assert.Contains("Nomor: " + workBa.Number, wetText, StringComparison.Ordinal);
        Assert.Contains(VerificationCode.Display(workBa.VerificationCode), wetText, StringComparison.Ordinal);
        Assert.DoesNotContain("Disetujui secara elektronik", wetText, StringComparison.Ordinal);
        Assert.Contains("Disetujui secara elektronik", PdfReader.Text(bytes), StringComparison.Ordinal);
        Assert.Equal(docs.Count, (await DocumentsAsync(id)).Count);
        using var wetAgain = await session.GetAsync($"/laporan/{id}/dokumen/{workBa.Id}?basah=1");
        Assert.Equal(wetBytes, await wetAgain.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheTechniciansStatedWorkTimesArePrintedAlikeOnTheBeritaAcaraAndTheResultsReport()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        // The technician states the work's own times (not the step's): from this minute to four minutes on.
        var now = factory.Clock.NowWib;
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        var end = start.AddMinutes(4);
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti kabel patch"), ("RootCause", "Kabel patch rusak"),
            ("WorkStartedAt", start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
            ("WorkFinishedAt", end.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
        var docs = await DocumentsAsync(id);
        var pelapor = await _w.As("pelapor");

        var times = Core.Formatting.IndonesianDate.Span(start, end);
        Assert.Contains(times, await pelapor.TextOfAsync(id, docs.Single(d => d.Type == DocumentType.WorkBa)), StringComparison.Ordinal);
        var results = await pelapor.TextOfAsync(id, docs.Single(d => d.Type == DocumentType.WorkReport));
        Assert.Contains("Waktu pekerjaan : " + times, results, StringComparison.Ordinal);
        Assert.Contains("Penyelesaian dicatat :", results, StringComparison.Ordinal);

        // A finish before the start is refused in Indonesian.
        var other = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(other);
        await _w.DiagnoseAsync(other, inDataCenter: true);
        using var refused = await _w.StepAsync("teknisi", other, WorkflowAction.CompleteWork,
            ("ActionsTaken", "Mengganti kabel patch"),
            ("WorkStartedAt", end.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
            ("WorkFinishedAt", start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
        Assert.Contains("Waktu mulai pekerjaan harus sebelum waktu selesainya.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(refused)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportPageListsTheDocumentsAndMarksSupersededVersions()
    {
        var id = await WalkDataCenterPathAsync();
        var docs = await DocumentsAsync(id);
        var html = await (await _w.As("pelapor")).GetPageAsync($"/laporan/{id}");
        var text = WebPageHelpers.Text(html);

        Assert.Contains("Dokumen", text, StringComparison.Ordinal);
        foreach (var d in docs)
        {
            Assert.Contains(d.Number, text, StringComparison.Ordinal);
            Assert.Contains($"href=\"/laporan/{id}/dokumen/{d.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/laporan/{id}/dokumen/{d.Id}?basah=1\"", html, StringComparison.Ordinal);
        }
        Assert.Single(docs, d => d.IsSuperseded);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Sudah diganti versi baru"));
    }

    [Fact]
    public async Task AReporterOfAnotherOpdAndAStrangerCannotDownload()
    {
        var id = await _w.SubmitAsync();
        var receipt = (await DocumentsAsync(id)).Single();

        using var otherOpd = await (await _w.As("pelapor.dinkes")).GetAsync($"/laporan/{id}/dokumen/{receipt.Id}");
        Assert.Equal(HttpStatusCode.NotFound, otherOpd.StatusCode);
        using var otherOpdWet = await (await _w.As("pelapor.dinkes")).GetAsync($"/laporan/{id}/dokumen/{receipt.Id}?basah=1");
        Assert.Equal(HttpStatusCode.NotFound, otherOpdWet.StatusCode);

        // A document id under another report's address is not found either.
        var other = await _w.SubmitAsync("pelapor.dinkes");
        using var wrongReport = await (await _w.As("pelapor.dinkes")).GetAsync($"/laporan/{other}/dokumen/{receipt.Id}");
        Assert.Equal(HttpStatusCode.NotFound, wrongReport.StatusCode);

        using var anonymous = WebSession.Create(factory);
        using var stranger = await anonymous.GetAsync($"/laporan/{id}/dokumen/{receipt.Id}");
        await HttpAssert.RedirectsToAsync(stranger, "/masuk");

        using var own = await (await _w.As("pelapor")).GetAsync($"/laporan/{id}/dokumen/{receipt.Id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    /// <summary>Submit with the reporter's NIP, dispose, verify; the Kasi's Plh. assigns; replace on site; close.</summary>
    private async Task<int> WalkReplacementPathWithAPlhKasiAsync()
    {
        var pelapor = await _w.As("pelapor");
        using var submitted = await pelapor.PostFormAsync("/laporan/baru",
        [
            new("ReporterName", "Rina Marlina"),
            new("ReporterNip", ReporterNipPrinted),
            new("ReporterPosition", "Pranata Komputer"),
            new("ReporterPhone", "0812 6000 0100"),
            new("Location", "Gedung utama lantai 2, ruang kepegawaian"),
            new("Category", nameof(FaultCategory.DeviceDamage)),
            new("Description", "Switch di ruang kepegawaian mati, seluruh komputer tidak terhubung"),
        ]);
        var target = await HttpAssert.RedirectsToAsync(submitted, "/laporan/");
        var id = int.Parse(target["/laporan/".Length..], CultureInfo.InvariantCulture);

        await _w.DisposeAsync(id);
        await _w.VerifyAsync(id);
        await AppointPlhAsync("kasi", "kasi.aplikasi");
        var tech = await _w.UserIdAsync("teknisi");
        await _w.StepOkAsync("kasi.aplikasi", id, WorkflowAction.Assign, ReportStatus.Assigned,
            ("TechnicianIds", tech), ("LeadUserId", tech), ("Instructions", "Koordinasikan"), ("Note", "Cek switch lantai 2"));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.StartDiagnosis, ReportStatus.Diagnosing);
        await _w.DiagnoseAsync(id, inDataCenter: false);
        await _w.InspectAsync(id, replace: true);
        await _w.StepOkAsync("pelapor", id, WorkflowAction.SubmitReplacementRequest, ReportStatus.Replacing,
            ("Devices[0].Name", "Switch 24 port"), ("Devices[0].BrandType", "TP-Link TL-SG1024"),
            ("Devices[0].SerialNumber", OldSerial), ("Devices[0].Condition", "RusakBerat"), ("Devices[0].Notes", "Terbakar"));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti switch yang terbakar"), ("RootCause", "Lonjakan listrik"),
            ("ReplacedDevices[0].Name", "Switch 24 port"), ("ReplacedDevices[0].BrandType", "TP-Link TL-SG1024"),
            ("ReplacedDevices[0].SerialNumber", OldSerial), ("ReplacedDevices[0].Condition", "RusakBerat"),
            ("ReplacedDevices[0].NewBrandType", "TP-Link TL-SG1024"), ("ReplacedDevices[0].NewSerialNumber", NewSerial));
        await _w.AcknowledgeAsync(id);
        await _w.ReviewUpAsync(id);
        return id;
    }

    private async Task<int> WalkDataCenterPathAsync()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);
        return id;
    }

    private async Task AppointPlhAsync(string official, string acting)
    {
        // Today and tomorrow (WIB): the appointment is still in force if midnight passes during the test.
        var today = factory.Clock.TodayWib;
        using var response = await (await _w.As(official)).PostFormAsync("/plh",
        [
            new("ActingUserId", await _w.UserIdAsync(acting)),
            new("StartDate", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("EndDate", today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Reason", "Cuti tahunan"),
        ]);
        await HttpAssert.RedirectsToAsync(response, "/plh");
    }

    private Task<List<IssuedDocument>> DocumentsAsync(int reportId) =>
        factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Where(d => d.ReportId == reportId).OrderBy(d => d.Id).ToListAsync());

    public void Dispose() => _w.Dispose();
}
