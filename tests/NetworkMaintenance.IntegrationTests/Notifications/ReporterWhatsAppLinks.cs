using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Notifications;

/// <summary>
/// "Kabari pelapor via WhatsApp" on the notification list: staff get a wa.me link with a prefilled message at the
/// steps the reporter must hear about, computed from the report; none without a mobile number, none for reporters.
/// </summary>
public sealed partial class ReporterWhatsAppLinks(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    // WorkflowDriver.SubmitAsync gives the reporter the mobile number 0812 6000 0100.
    private const string WaPrefix = "https://wa.me/6281260000100?text=";

    [Fact]
    public async Task StaffGetTheLinkForReceivedAwaitingAcknowledgementAndRejected()
    {
        var id = await _w.SubmitAsync(description: "Internet lantai 3 mati, uji tautan WhatsApp");
        var (number, code) = await NumberAndCodeAsync(id);
        var tracking = $"http://localhost/lacak?nomor={number}&kode={code}";

        // Received: the Kepala Dinas, who continues, can tell the reporter it was registered.
        var kadisLinks = await LinksAsync("kadis", number);
        Assert.Equal([WaPrefix + Uri.EscapeDataString(
            $"Yth. Rina Marlina, laporan gangguan jaringan Anda telah diterima Diskominfo Kota Tebing Tinggi dengan nomor {number} " +
            $"(kode pelacakan {code}). Status: Diajukan. Pantau perkembangannya di {tracking}")], kadisLinks);

        // Work completed: the technician who completed it gets a note with the link; earlier hand-overs have none.
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        Assert.Empty(await LinksAsync("teknisi", number));
        await _w.CompleteRepairAsync(id);
        var technicianLinks = await LinksAsync("teknisi", number);
        Assert.Equal([WaPrefix + Uri.EscapeDataString(
            $"Yth. Rina Marlina, pekerjaan pada laporan gangguan jaringan nomor {number} telah selesai. Mohon periksa hasilnya dan " +
            $"setujui Berita Acara pekerjaan (status: Menunggu persetujuan BA pekerjaan). Rincian: {tracking}")], technicianLinks);
        var technicianPage = await (await _w.As("teknisi")).GetPageAsync("/notifikasi");
        Assert.Contains("Kabari pelapor via WhatsApp", technicianPage);
        Assert.Contains($"Kabari pelapor (Rina Marlina): laporan {number} kini berstatus", WebUtility.HtmlDecode(technicianPage));

        // The reporter's own notifications never carry the link.
        Assert.DoesNotContain("wa.me", await (await _w.As("pelapor")).GetPageAsync("/notifikasi"));

        // Rejected: the Kepala Dinas who rejected gets the note with the reason in the message.
        var rejected = await _w.SubmitAsync(description: "Aplikasi kepegawaian error, uji penolakan");
        var (rejectedNumber, rejectedCode) = await NumberAndCodeAsync(rejected);
        await _w.StepOkAsync("kadis", rejected, WorkflowAction.Reject, ReportStatus.Rejected, ("Reason", "Bukan gangguan jaringan"));
        var rejectedLinks = await LinksAsync("kadis", rejectedNumber);
        Assert.Contains(WaPrefix + Uri.EscapeDataString(
            $"Yth. Rina Marlina, laporan gangguan jaringan nomor {rejectedNumber} tidak dapat kami tindak lanjuti (status: Ditolak). " +
            $"Alasan: Bukan gangguan jaringan. Rincian: http://localhost/lacak?nomor={rejectedNumber}&kode={rejectedCode}"), rejectedLinks);
        Assert.Equal(2, rejectedLinks.Count); // the received one and the rejected one
    }

    [Fact]
    public async Task TheKepalaDinasWhoClosesTheReportGetsTheLinkAskingForTheSurvey()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji tautan WhatsApp saat selesai");
        var (number, code) = await NumberAndCodeAsync(id);
        var tracking = $"http://localhost/lacak?nomor={number}&kode={code}";
        var received = WaPrefix + Uri.EscapeDataString(
            $"Yth. Rina Marlina, laporan gangguan jaringan Anda telah diterima Diskominfo Kota Tebing Tinggi dengan nomor {number} " +
            $"(kode pelacakan {code}). Status: Diajukan. Pantau perkembangannya di {tracking}");

        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);
        await _w.StepOkAsync("kasi", id, WorkflowAction.Approve, ReportStatus.KabidReview);
        await _w.StepOkAsync("kabid", id, WorkflowAction.Approve, ReportStatus.KadisReview);
        // Awaiting the Kadis's review is not a step the reporter hears about: still only the received link.
        Assert.Equal([received], await LinksAsync("kadis", number));

        await _w.StepOkAsync("kadis", id, WorkflowAction.Approve, ReportStatus.Closed, ("Note", "Baik"));
        var links = await LinksAsync("kadis", number);
        Assert.Contains(WaPrefix + Uri.EscapeDataString(
            $"Yth. Rina Marlina, laporan gangguan jaringan nomor {number} telah selesai ditangani (status: Selesai). " +
            $"Mohon isi Survei Kepuasan Masyarakat. Terima kasih. Rincian: {tracking}"), links);
        Assert.Contains(received, links);
        Assert.Equal(2, links.Count); // the received one and the closed one
        var page = WebUtility.HtmlDecode(await (await _w.As("kadis")).GetPageAsync("/notifikasi"));
        Assert.Contains($"Kabari pelapor (Rina Marlina): laporan {number} kini berstatus \"Selesai\"", page);
        // The approvers before the Kadis did not close it: no link for them.
        Assert.Empty(await LinksAsync("kasi", number));
        Assert.Empty(await LinksAsync("kabid", number));
    }

    [Fact]
    public async Task NoLinkWhenTheReporterHasNoMobileNumber()
    {
        var session = await _w.As("pelapor");
        using var response = await session.PostFormAsync("/laporan/baru",
        [
            new("ReporterName", "Budi Landline"),
            new("ReporterPhone", "(0621) 325203"),
            new("Location", "Gedung utama lantai 1"),
            new("Category", nameof(FaultCategory.NoInternet)),
            new("Description", "Internet mati, pelapor hanya punya telepon kantor"),
            new("ConfirmDuplicate", "true"),
        ]);
        var target = await HttpAssert.RedirectsToAsync(response, "/laporan/");
        var id = int.Parse(target["/laporan/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var (number, _) = await NumberAndCodeAsync(id);

        await _w.StepOkAsync("kadis", id, WorkflowAction.Reject, ReportStatus.Rejected, ("Reason", "Uji tanpa WhatsApp"));

        var page = WebUtility.HtmlDecode(await (await _w.As("kadis")).GetPageAsync("/notifikasi"));
        Assert.Contains($"Laporan {number} menunggu tindakan Anda", page);
        Assert.Empty(await LinksAsync("kadis", number));
        Assert.DoesNotContain($"laporan {number} kini berstatus", page); // no note to tell a reporter we cannot message
    }

    private async Task<(string Number, string Code)> NumberAndCodeAsync(int id)
    {
        var r = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => new { r.Number, r.TrackingCode }).SingleAsync());
        return (r.Number, r.TrackingCode);
    }

    /// <summary>The WhatsApp links on the list entries of <paramref name="userName"/> that mention the report.</summary>
    private async Task<List<string>> LinksAsync(string userName, string reportNumber)
    {
        var html = await (await _w.As(userName)).GetPageAsync("/notifikasi");
        return Entry().Matches(html).Select(m => m.Value).Where(e => e.Contains(reportNumber, StringComparison.Ordinal))
            .SelectMany(e => WaLink().Matches(e).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();
    }

    [GeneratedRegex("<li[^>]*data-notification=.*?</li>", RegexOptions.Singleline)]
    private static partial Regex Entry();

    [GeneratedRegex("href=\"(https://wa\\.me/[^\"]*)\"")]
    private static partial Regex WaLink();

    public void Dispose() => _w.Dispose();
}
