using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>
/// Issue #13 points 1 and 2, over HTTP: the replacement path with a Plh. Kasi, an on-site signature and a return by the
/// Kabid. Every signing space says only what happened; each document keeps one number across its versions; the lembar
/// disposisi is identified by the nomor agenda; the verification page lists every party with its status.
/// </summary>
public sealed class SigningSpacesAndNumbers(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private const string OldSerial = "2219481000123";
    private const string NewSerial = "2231190004567";
    private const string Approved = "Disetujui secara elektronik pada";

    // Both tests read the one walked report of the class's database (a Plh. is appointed once a day).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<int>> Walked = new();

    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task APlhKasiAReturnAndAnOnSiteSignatureKeepOneWorkBaNumberAndTheFinalVersionShowsTheKasisApproval()
    {
        var id = await Walked.GetValue(factory, _ => WalkAsync());
        var docs = await DocumentsAsync(id);
        var events = await _w.EventsAsync(id);
        var report = await factory.QueryAsync(db => db.Reports.SingleAsync(r => r.Id == id));

        var workBa = docs.Where(d => d.Type == DocumentType.WorkBa).ToList();
        // Completed, signed on site, known by the Kasi (Plh.), known again after the Kabid's return: four versions, one number.
        Assert.Equal([1, 2, 3, 4], workBa.Select(d => d.Version));
        Assert.Single(workBa.Select(d => d.Number).Distinct());
        Assert.Matches(@"^000\.8\.3\.3/\d+/BA-PK/Diskominfo/\d{4}$", workBa[0].Number);
        Assert.Equal([true, true, true, false], workBa.Select(d => d.IsSuperseded));
        Assert.Equal(["Diterbitkan", "Ditandatangani pelapor di lokasi"], workBa.Take(2).Select(d => d.VersionReason));
        Assert.All(workBa.Skip(2), d => Assert.StartsWith("Diketahui (disetujui) Plh. Kepala Seksi", d.VersionReason, StringComparison.Ordinal));

        // Every other document keeps one number too.
        foreach (var group in docs.GroupBy(d => d.Type))
        {
            Assert.Single(group.Select(d => d.Number).Distinct());
        }
        Assert.Equal([1, 2], docs.Where(d => d.Type == DocumentType.WorkReport).Select(d => d.Version));
        Assert.Equal([1, 2, 3], docs.Where(d => d.Type == DocumentType.ReplacementRequestBa).Select(d => d.Version));

        var pelapor = await _w.As("pelapor");
        var final = await pelapor.TextOfAsync(id, workBa[^1]);
        var lastKasiApproval = events.Last(e => e.Action == WorkflowAction.Approve && e.FromStatus == ReportStatus.KasiReview);
        Assert.True(lastKasiApproval.IsPlh);
        Assert.Contains("Mengetahui, Plh. Kepala Seksi Infrastruktur dan Jaringan", final, StringComparison.Ordinal);
        Assert.Contains($"{Approved} {Printed(lastKasiApproval.AtUtc)}", final, StringComparison.Ordinal);
        Assert.DoesNotContain("menggantikan", final, StringComparison.Ordinal);
        // The technician's approval and the Kasi's; the reporter's space holds the signature drawn on site.
        Assert.Equal(2, Count(final, Approved));
        // Every version is dated the day the Berita Acara was made.
        Assert.All(workBa, d => Assert.Contains(
            "Tebing Tinggi, " + IndonesianDate.Format(Wib.DateOf(workBa[0].IssuedAtUtc)), PdfReader.Text(d.Pdf), StringComparison.Ordinal));

        // Before the Kasi's approval the "Mengetahui," space is empty: no approval that was not given.
        var signedOnSite = await pelapor.TextOfAsync(id, workBa[1]);
        Assert.Equal(1, Count(signedOnSite, Approved));

        // The lembar disposisi carries the report number as nomor agenda, no outgoing-letter number, and a short Hal.
        var sheetDoc = docs.Single(d => d.Type == DocumentType.DispositionSheet);
        Assert.Equal(report.Number, sheetDoc.Number);
        var sheet = await pelapor.TextOfAsync(id, sheetDoc);
        Assert.DoesNotContain("Nomor:", sheet, StringComparison.Ordinal);
        Assert.Contains("Nomor agenda : " + report.Number, sheet, StringComparison.Ordinal);
        Assert.Contains("Nomor surat : - (laporan melalui", sheet, StringComparison.Ordinal);
        Assert.Contains("Hal : Laporan gangguan jaringan (Kerusakan perangkat jaringan)", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("ruang kepegawaian", sheet, StringComparison.Ordinal);

        // The replacement request: the technician's space is for a wet signature (never the inspection's time); the
        // final version carries the Kasi's approval as "Mengetahui,".
        var requests = docs.Where(d => d.Type == DocumentType.ReplacementRequestBa).ToList();
        var inspection = events.Single(e => e.Action == WorkflowAction.InspectReplace);
        var finalRequest = await pelapor.TextOfAsync(id, requests[^1]);
        Assert.Equal(2, Count(finalRequest, Approved));
        Assert.Contains($"{Approved} {Printed(lastKasiApproval.AtUtc)}", finalRequest, StringComparison.Ordinal);
        var kedua = Assert.Single(requests[^1].Parties, p => p.Role == "PIHAK KEDUA");
        Assert.Equal(PartyStatus.WetSignature, kedua.Status);
        Assert.NotEqual(inspection.AtUtc, kedua.AtUtc);
    }

    [Fact]
    public async Task NoPartyBoxShowsAnApprovalThatPartyDidNotGive()
    {
        var id = await Walked.GetValue(factory, _ => WalkAsync());
        var docs = await DocumentsAsync(id);
        var events = await _w.EventsAsync(id);

        // The steps that approve each document for the person who takes them.
        var approving = new Dictionary<DocumentType, WorkflowAction[]>
        {
            [DocumentType.Receipt] = [WorkflowAction.Submit],
            [DocumentType.DispositionSheet] = [WorkflowAction.Dispose, WorkflowAction.Verify, WorkflowAction.Assign],
            [DocumentType.ReplacementRequestBa] = [WorkflowAction.SubmitReplacementRequest, WorkflowAction.Approve],
            [DocumentType.WorkBa] = [WorkflowAction.CompleteWork, WorkflowAction.Acknowledge, WorkflowAction.AcknowledgeOnSite, WorkflowAction.Approve],
            [DocumentType.WorkReport] = [WorkflowAction.CompleteWork, WorkflowAction.Approve],
        };
        foreach (var doc in docs)
        {
            var text = PdfReader.Text(doc.Pdf);
            var approvals = doc.Parties.Where(p => p.Status == PartyStatus.Approved).ToList();
            foreach (var party in approvals)
            {
                Assert.Contains(events, e => SameInstant(e.AtUtc, party.AtUtc) && e.ActorName == party.Name && approving[doc.Type].Contains(e.Action));
            }
            // A signature drawn on site is recorded by the technician's step; the signer is the one named in it.
            foreach (var party in doc.Parties.Where(p => p.Status == PartyStatus.SignedOnDevice))
            {
                Assert.Equal(DocumentType.WorkBa, doc.Type);
                Assert.Contains(events, e => SameInstant(e.AtUtc, party.AtUtc) && e.Action == WorkflowAction.AcknowledgeOnSite);
            }
            if (doc.Type is DocumentType.ReplacementRequestBa or DocumentType.WorkBa)
            {
                // Every framed approval printed is one of those parties'.
                Assert.Equal(approvals.Count, Count(text, Approved));
                Assert.All(approvals, p => Assert.Contains($"{Approved} {Printed(p.AtUtc!.Value)}", text, StringComparison.Ordinal));
            }
        }

        // The verification page lists every party with its status.
        using var visitor = WebSession.Create(factory);
        var first = docs.First(d => d.Type == DocumentType.WorkBa);
        var firstPage = WebPageHelpers.Text(await visitor.GetPageAsync($"/verifikasi/{first.VerificationCode}"));
        Assert.Contains("PIHAK PERTAMA: Bayu Pratama, A.Md", firstPage, StringComparison.Ordinal);
        Assert.Matches("PIHAK PERTAMA: [^:]+disetujui elektronik pada", firstPage);
        Assert.Matches("PIHAK KEDUA: [^:]+ belum", firstPage);
        Assert.Matches("Mengetahui: [^:]+ belum", firstPage);
        var last = docs.Last(d => d.Type == DocumentType.WorkBa);
        var lastPage = WebPageHelpers.Text(await visitor.GetPageAsync($"/verifikasi/{last.VerificationCode}"));
        Assert.Matches("PIHAK KEDUA: [^:]+ditandatangani di perangkat petugas pada", lastPage);
        Assert.Matches("Mengetahui: [^:]+disetujui elektronik pada", lastPage);
        Assert.Contains("Diketahui (disetujui) Plh. Kepala Seksi", lastPage, StringComparison.Ordinal);
        var request = docs.Last(d => d.Type == DocumentType.ReplacementRequestBa);
        var requestPage = WebPageHelpers.Text(await visitor.GetPageAsync($"/verifikasi/{request.VerificationCode}"));
        Assert.Matches("PIHAK KEDUA: [^:]+untuk tanda tangan basah", requestPage);
    }

    private static string Printed(DateTime utc) => IndonesianDate.DateAndTime(Wib.FromUtc(utc));

    private static int Count(string text, string phrase) =>
        (text.Length - text.Replace(phrase, "", StringComparison.Ordinal).Length) / phrase.Length;

    /// <summary>
    /// Web report; dispose, verify; the Kasi's Plh. assigns; inspected on site, replacement requested by the reporter,
    /// replaced; the reporter signs on the technician's phone; the Plh. approves, the Kabid returns, the Plh. approves
    /// again; Kabid and Kadis approve.
    /// </summary>
    private async Task<int> WalkAsync()
    {
        var pelapor = await _w.As("pelapor");
        using var submitted = await pelapor.PostFormAsync("/laporan/baru",
        [
            new("ReporterName", "Rina Marlina"),
            new("ReporterPosition", "Pranata Komputer"),
            new("ReporterPhone", "0812 6000 0100"),
            new("Location", "Gedung utama lantai 2, ruang kepegawaian"),
            new("Category", nameof(FaultCategory.DeviceDamage)),
            new("Description", "Switch di ruang kepegawaian mati, seluruh komputer tidak terhubung"),
            new("ConfirmDuplicate", "true"),
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
        await _w.StepOkAsync("teknisi", id, WorkflowAction.AcknowledgeOnSite, ReportStatus.KasiReview,
            ("SignerName", "Rina Marlina"),
            ("SignatureDataUrl", "data:image/png;base64," + Convert.ToBase64String(SampleImages.Signature(3))));
        await _w.StepOkAsync("kasi.aplikasi", id, WorkflowAction.Approve, ReportStatus.KabidReview, ("Note", "Sesuai"));
        await _w.StepOkAsync("kabid", id, WorkflowAction.Return, ReportStatus.KasiReview, ("Reason", "Periksa ulang nomor seri"));
        await _w.StepOkAsync("kasi.aplikasi", id, WorkflowAction.Approve, ReportStatus.KabidReview, ("Note", "Nomor seri sudah diperiksa"));
        await _w.StepOkAsync("kabid", id, WorkflowAction.Approve, ReportStatus.KadisReview);
        await _w.StepOkAsync("kadis", id, WorkflowAction.Approve, ReportStatus.Closed, ("Note", "Baik"));
        return id;
    }

    /// <summary>
    /// The time a document recorded and the step's stored time: the snapshot keeps the clock's ticks, a server database
    /// (PostgreSQL) keeps microseconds.
    /// </summary>
    private static bool SameInstant(DateTime stored, DateTime? recorded) =>
        recorded is { } r && Math.Abs((stored - r).Ticks) < TimeSpan.TicksPerMillisecond;

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
