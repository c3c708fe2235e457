using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using UglyToad.PdfPig;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>
/// Issue #13 point 3, over HTTP: the technician states the actual start and end of the site visit and of the work; the
/// Berita Acara Pekerjaan, the results report (section III) and its kronologi print the same words and durations.
/// </summary>
public sealed class StatedSiteVisitAndWorkTimes(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task TheSiteVisitAndWorkTimesStatedByTheTechnicianArePrintedAlikeOnBothDocumentsAndTheKronologi()
    {
        // Received by telephone three hours ago, so the stated times lie in the report's past.
        var now = factory.Clock.NowWib;
        var received = Minute(now.AddHours(-3));
        var id = await FrontDeskReportAsync(received);
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);

        // The form offers the step times: the diagnosis for the start, now for the end of the visit.
        var page = await (await _w.As("teknisi")).GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.InspectRepair}");
        Assert.Contains("Kunjungan ke lokasi selesai (WIB)", WebPageHelpers.Text(page), StringComparison.Ordinal);
        Assert.NotNull(WebPageHelpers.InputValue(page, "VisitEndedAt"));

        var visitStart = received.AddMinutes(20);
        var visitEnd = received.AddMinutes(58);
        var workStart = received.AddMinutes(60);
        var workEnd = received.AddMinutes(125);
        await _w.StepOkAsync("teknisi", id, WorkflowAction.InspectRepair, ReportStatus.Repairing,
            ("VisitedAt", Input(visitStart)), ("VisitEndedAt", Input(visitEnd)), ("ReporterPresent", "true"),
            ("Findings", "Kabel patch longgar"));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti kabel patch"), ("RootCause", "Kabel patch rusak"),
            ("Devices[0].Name", "Kabel patch Cat6"), ("Devices[0].BrandType", "Belden 1583A"), ("Devices[0].SerialNumber", "BLD-2024-0042"),
            ("Devices[0].Condition", "RusakRingan"),
            ("WorkStartedAt", Input(workStart)), ("WorkFinishedAt", Input(workEnd)));

        var report = await factory.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(Wib.ToUtc(visitStart), report.InspectedAtUtc);
        Assert.Equal(Wib.ToUtc(visitEnd), report.InspectionEndedAtUtc);

        var visit = IndonesianDate.Span(visitStart, visitEnd);
        var work = IndonesianDate.Span(workStart, workEnd);
        Assert.EndsWith("(38 menit)", visit, StringComparison.Ordinal);
        Assert.EndsWith("(1 jam 5 menit)", work, StringComparison.Ordinal);

        var docs = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Where(d => d.ReportId == id).OrderBy(d => d.Id).ToListAsync());
        // The report is Disdukcapil's (filed by the front desk): read the documents as the Kepala Seksi.
        var reader = await _w.As("kasi");
        var baDoc = docs.Single(d => d.Type == DocumentType.WorkBa);
        var ba = await reader.TextOfAsync(id, baDoc);
        // A one-device Berita Acara as the application issues it fits on one page (point 5).
        using (var pdf = PdfDocument.Open(baDoc.Pdf)) Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("BLD-2024-0042", ba, StringComparison.Ordinal);
        Assert.Contains("telah melakukan pemeriksaan di lokasi " + visit, ba, StringComparison.Ordinal);
        Assert.Contains(work + ", dengan rincian pekerjaan", ba, StringComparison.Ordinal);

        var resultsDoc = docs.Single(d => d.Type == DocumentType.WorkReport);
        var results = await reader.TextOfAsync(id, resultsDoc);
        Assert.Contains("Pemeriksaan di lokasi : " + visit, results, StringComparison.Ordinal);
        Assert.Contains("Waktu pekerjaan : " + work, results, StringComparison.Ordinal);
        Assert.Contains("Pemeriksaan di lokasi " + visit + " bersama pelapor", results, StringComparison.Ordinal);

        // The kronologi says when each step was recorded ("Dicatat") and, in the rows of the visit and the completion,
        // the stated times in the same words.
        Assert.Contains("No Dicatat (WIB) Kegiatan Pelaksana", results, StringComparison.Ordinal);
        var activities = Column(resultsDoc.Pdf, "Kegiatan", "Pelaksana");
        Assert.Contains("Kunjungan " + visit, activities, StringComparison.Ordinal);
        Assert.Contains("Pekerjaan " + work, activities, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpossibleSiteVisitTimesAreRefusedInIndonesian()
    {
        var now = factory.Clock.NowWib;
        var received = Minute(now.AddHours(-2));
        var id = await FrontDeskReportAsync(received);
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);

        async Task RefusedAsync(DateTime start, DateTime end, string message)
        {
            using var response = await _w.StepAsync("teknisi", id, WorkflowAction.InspectRepair,
                ("VisitedAt", Input(start)), ("VisitEndedAt", Input(end)), ("ReporterPresent", "true"), ("Findings", "Kabel longgar"));
            Assert.Contains(message, WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)), StringComparison.Ordinal);
            Assert.Equal(ReportStatus.OnSiteInspection, await _w.StatusAsync(id));
        }

        await RefusedAsync(received.AddMinutes(40), received.AddMinutes(10), "Waktu selesai kunjungan harus sesudah waktu mulainya.");
        await RefusedAsync(received.AddMinutes(10), Minute(now.AddHours(2)), "Waktu selesai kunjungan tidak boleh di masa depan.");
        await RefusedAsync(received.AddMinutes(-30), received.AddMinutes(10), "Waktu kunjungan tidak boleh sebelum laporan diterima.");
        Assert.Null(await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.InspectionEndedAtUtc).SingleAsync()));
    }

    private async Task<int> FrontDeskReportAsync(DateTime receivedWib)
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Disdukcapil");
        using var filed = await petugas.PostFormAsync("/laporan/baru",
            Intake.IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Phone)).Set("ReceivedAt", Input(receivedWib)));
        return Intake.IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(filed, "/laporan/"));
    }

    /// <summary>The words printed in one table column (between two header words' left edges), in reading order, all pages.</summary>
    private static string Column(byte[] pdf, string header, string nextHeader)
    {
        using var document = PdfDocument.Open(pdf);
        var words = new List<string>();
        foreach (var page in document.GetPages())
        {
            var all = page.GetWords().ToList();
            var head = all.FirstOrDefault(w => w.Text == header
                && all.Any(n => n.Text == nextHeader && Math.Abs(n.BoundingBox.Bottom - w.BoundingBox.Bottom) < 1));
            if (head is null) continue;
            // Headers are centred: the column is the shaded header cell around the header word.
            var (x, y) = (head.BoundingBox.Centroid.X, head.BoundingBox.Centroid.Y);
            var cell = page.Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
                .First(r => r.Left < x && r.Right > x && r.Bottom < y && r.Top > y);
            var (left, right) = (cell.Left, cell.Right);
            words.AddRange(all.Where(w => w.BoundingBox.Left >= left && w.BoundingBox.Right <= right && w.BoundingBox.Bottom < head.BoundingBox.Bottom - 1)
                .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left).Select(w => w.Text));
        }
        return string.Join(" ", words);
    }

    private static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Unspecified);

    private static string Input(DateTime wib) => wib.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public void Dispose() => _w.Dispose();
}
