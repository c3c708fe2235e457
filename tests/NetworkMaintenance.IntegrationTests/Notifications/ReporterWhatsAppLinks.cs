using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Notifications;

/// <summary>
/// "Kabari pelapor via WhatsApp" goes to the person who will send it: the front desk, in the bell, for the steps officials
/// take (rejection, closing); the technician who completed the work, on the report page. Nobody gets a notification of
/// their own step, and the Kepala Dinas's hand-over carries no link. None without a mobile number, none for reporters.
/// </summary>
public sealed partial class ReporterWhatsAppLinks(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    // WorkflowDriver.SubmitAsync gives the reporter the mobile number 0812 6000 0100.
    private const string WaPrefix = "https://wa.me/6281260000100?text=";

    [Fact]
    public async Task TheFrontDeskGetsTheRejectionLinkTheTechnicianTheCompletionLinkOnTheReportPageTheKadisNone()
    {
        var id = await _w.SubmitAsync(description: "Internet lantai 3 mati, uji tautan WhatsApp");
        var (number, code) = await NumberAndCodeAsync(id);
        var tracking = $"http://localhost/lacak?nomor={number}&kode={code}";

        // Received: the Kepala Dinas's hand-over carries no WhatsApp link (the reporter filed it and has the receipt).
        Assert.Empty(await LinksAsync("kadis", number));
        Assert.Empty(await LinksAsync("petugas", number));

        // Work completed: the technician who completed it is not notified of their own step; the report page they land on
        // has the prepared message.
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        Assert.Empty(await LinksAsync("teknisi", number));
        var teknisiId = await _w.UserIdAsync("teknisi");
        Assert.False(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == teknisiId && n.ReportId == id
            && n.Message.Contains("Kabari pelapor"))));
        var reportPage = WebUtility.HtmlDecode(await (await _w.As("teknisi")).GetPageAsync($"/laporan/{id}"));
        Assert.Contains("Kabari pelapor via WhatsApp", reportPage, StringComparison.Ordinal);
        Assert.Contains(WaPrefix + Uri.EscapeDataString(
            $"Yth. Rina Marlina, pekerjaan pada laporan gangguan jaringan nomor {number} telah selesai. Mohon periksa hasilnya dan " +
            $"setujui Berita Acara pekerjaan (status: Menunggu persetujuan BA pekerjaan). Rincian: {tracking}"), reportPage, StringComparison.Ordinal);

        // The reporter's own notifications never carry the link.
        Assert.DoesNotContain("wa.me", await (await _w.As("pelapor")).GetPageAsync("/notifikasi"));

        // Rejected by the Kepala Dinas: the front desk gets the note with the reason in the message; the Kadis nothing.
        var rejected = await _w.SubmitAsync(description: "Aplikasi kepegawaian error, uji penolakan");
        var (rejectedNumber, rejectedCode) = await NumberAndCodeAsync(rejected);
        await _w.StepOkAsync("kadis", rejected, WorkflowAction.Reject, ReportStatus.Rejected, ("Reason", "Bukan gangguan jaringan"));
        Assert.Equal([WaPrefix + Uri.EscapeDataString(
            $"Yth. Rina Marlina, laporan gangguan jaringan nomor {rejectedNumber} tidak dapat kami tindak lanjuti (status: Ditolak). " +
            $"Alasan: Bukan gangguan jaringan. Rincian: http://localhost/lacak?nomor={rejectedNumber}&kode={rejectedCode}")],
            await LinksAsync("petugas", rejectedNumber));
        Assert.Contains($"Kabari pelapor (Rina Marlina): laporan {rejectedNumber} kini berstatus \"Ditolak\"",
            WebUtility.HtmlDecode(await (await _w.As("petugas")).GetPageAsync("/notifikasi")), StringComparison.Ordinal);
        Assert.Empty(await LinksAsync("kadis", rejectedNumber));
        var kadisId = await _w.UserIdAsync("kadis");
        Assert.False(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == kadisId && n.ReportId == rejected
            && n.CreatedAtUtc == db.ReportEvents.Where(e => e.ReportId == rejected).Max(e => e.AtUtc))));
    }

    [Fact]
    public async Task TheFrontDeskGetsTheLinkAskingForTheSurveyWhenTheKadisClosesTheReport()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji tautan WhatsApp saat selesai");
        var (number, code) = await NumberAndCodeAsync(id);
        var tracking = $"http://localhost/lacak?nomor={number}&kode={code}";

        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);
        await _w.StepOkAsync("kasi", id, WorkflowAction.Approve, ReportStatus.KabidReview);
        await _w.StepOkAsync("kabid", id, WorkflowAction.Approve, ReportStatus.KadisReview);
        // Awaiting the Kadis's review is not a step the reporter hears about: no link anywhere yet.
        Assert.Empty(await LinksAsync("kadis", number));
        Assert.Empty(await LinksAsync("petugas", number));

        await _w.StepOkAsync("kadis", id, WorkflowAction.Approve, ReportStatus.Closed, ("Note", "Baik"));
        Assert.Equal([WaPrefix + Uri.EscapeDataString(
            $"Yth. Rina Marlina, laporan gangguan jaringan nomor {number} telah selesai ditangani (status: Selesai). " +
            $"Mohon isi Survei Kepuasan Masyarakat. Terima kasih. Rincian: {tracking}")], await LinksAsync("petugas", number));
        var page = WebUtility.HtmlDecode(await (await _w.As("petugas")).GetPageAsync("/notifikasi"));
        Assert.Contains($"Kabari pelapor (Rina Marlina): laporan {number} kini berstatus \"Selesai\"", page);
        // The officials who approved get no link and no note of their own steps.
        Assert.Empty(await LinksAsync("kadis", number));
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
        Assert.Empty(await LinksAsync("petugas", number));
        // No note to tell a reporter we cannot message.
        Assert.DoesNotContain($"laporan {number} kini berstatus", WebUtility.HtmlDecode(await (await _w.As("petugas")).GetPageAsync("/notifikasi")));
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
