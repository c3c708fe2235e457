using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Notifications;

/// <summary>The facts of a report a click-to-chat message needs.</summary>
public sealed record ReporterContact(int ReportId, string Number, string TrackingCode, string ReporterName, string? ReporterPhone,
    string? RejectionReason);

/// <summary>
/// "Kabari pelapor via WhatsApp": a wa.me link with a prefilled Indonesian message for the steps the reporter must
/// know about (received, rejected, work awaiting acknowledgement, closed). Computed when shown, from the report as it
/// is then (phone number, tracking address); nothing is sent by the application. Null for any other step and for a
/// reporter without a mobile number (a landline cannot receive WhatsApp).
/// </summary>
public static class ReporterWhatsApp
{
    /// <summary>The states a step can lead to that the reporter should hear about at once.</summary>
    public static readonly IReadOnlyList<ReportStatus> Steps =
        [ReportStatus.Submitted, ReportStatus.Rejected, ReportStatus.AwaitingAcknowledgement, ReportStatus.Closed];

    public static bool IsReporterStep(ReportStatus status) => Steps.Contains(status);

    /// <summary>
    /// The steps taken by officials (the Kepala Dinas or Kabid rejecting, the Kepala Dinas closing) that the front desk
    /// passes on to the reporter: the front desk gets a reminder with the link. A receipt is told by whoever recorded it
    /// (the reporter, or the front desk from the report page), and the completed work by the technician from the report page.
    /// </summary>
    public static readonly IReadOnlyList<ReportStatus> FrontDeskReminders = [ReportStatus.Rejected, ReportStatus.Closed];

    public static bool IsFrontDeskReminder(ReportStatus status) => FrontDeskReminders.Contains(status);

    /// <summary>The public tracking page of a report ("/lacak?nomor=…&amp;kode=…").</summary>
    public static string TrackingUrl(string baseUrl, string number, string trackingCode) =>
        $"{baseUrl.TrimEnd('/')}/lacak?nomor={Uri.EscapeDataString(number)}&kode={Uri.EscapeDataString(trackingCode)}";

    public static string? Message(ReportStatus step, ReporterContact report, string trackingUrl)
    {
        ArgumentNullException.ThrowIfNull(report);
        var greeting = $"Yth. {report.ReporterName}, ";
        return step switch
        {
            ReportStatus.Submitted =>
                $"{greeting}laporan gangguan jaringan Anda telah diterima Diskominfo Kota Tebing Tinggi dengan nomor {report.Number} " +
                $"(kode pelacakan {report.TrackingCode}). Status: {Labels.Of(step)}. Pantau perkembangannya di {trackingUrl}",
            ReportStatus.Rejected =>
                $"{greeting}laporan gangguan jaringan nomor {report.Number} tidak dapat kami tindak lanjuti (status: {Labels.Of(step)}). " +
                $"Alasan: {report.RejectionReason}. Rincian: {trackingUrl}",
            ReportStatus.AwaitingAcknowledgement =>
                $"{greeting}pekerjaan pada laporan gangguan jaringan nomor {report.Number} telah selesai. Mohon periksa hasilnya dan " +
                $"setujui Berita Acara pekerjaan (status: {Labels.Of(step)}). Rincian: {trackingUrl}",
            ReportStatus.Closed =>
                $"{greeting}laporan gangguan jaringan nomor {report.Number} telah selesai ditangani (status: {Labels.Of(step)}). " +
                $"Mohon isi Survei Kepuasan Masyarakat. Terima kasih. Rincian: {trackingUrl}",
            _ => null,
        };
    }

    /// <summary>The wa.me link for <paramref name="step"/>, or null (other step, or no mobile number).</summary>
    public static string? Link(ReportStatus step, ReporterContact report, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (PhoneNumber.WhatsAppLink(report.ReporterPhone) is null) return null;
        var message = Message(step, report, TrackingUrl(baseUrl, report.Number, report.TrackingCode));
        return message is null ? null : PhoneNumber.WhatsAppLink(report.ReporterPhone, message);
    }

    /// <summary>How every <see cref="FrontDeskNote"/> begins (a new step does not mark these read).</summary>
    public const string FrontDeskNotePrefix = "Kabari pelapor (";

    /// <summary>The note stored for the front desk, pointing at the link.</summary>
    public static string FrontDeskNote(ReportStatus step, string number, string reporterName) =>
        $"{FrontDeskNotePrefix}{reporterName}): laporan {number} kini berstatus \"{Labels.Of(step)}\". Pesan WhatsApp sudah disiapkan di bawah ini.";
}
