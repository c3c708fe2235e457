using System.Globalization;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Attachments;

namespace NetworkMaintenance.Web.Commands.Generate;

/// <summary>
/// The attachments and the satisfaction survey of a generated report, as the app would have recorded them: attachment
/// METADATA only (the files are not written; downloading one says the file is missing, docs/performance.md), named by
/// <see cref="AttachmentStore.SafeName"/> and stored under a generated name, and an SKM response of the reporter's
/// account for part of the closed reports. Shares:
/// <list type="bullet">
/// <item>at intake: a photo from 40% of web reporters (a screenshot one time in five, a second photo one time in
/// five), the photo a WhatsApp reporter sent from 60% of WhatsApp reports and 30% of e-mails (attached by the front
/// desk), the scanned letter of 85% of letters;</item>
/// <item>at the on-site inspection: one to three photos from the lead technician in 75% of inspections;</item>
/// <item>at completion: one or two photos of the finished work in 50% of completed reports;</item>
/// <item>a survey for 45% of closed reports, within a week of closing: each respondent has an overall impression
/// (4 "Sangat baik" 40%, 3 "Baik" 48%, 2 10%, 1 2%), each element is that score or one either side, "Biaya/tarif"
/// (a free service) mostly 4, and one respondent in five writes a suggestion.</item>
/// </list>
/// </summary>
internal static class ReportExtras
{
    private static readonly string[] Suggestions =
    [
        "Mohon waktu penanganan di lokasi dipercepat.",
        "Teknisi sangat membantu dan ramah, terima kasih.",
        "Informasi perkembangan laporan sebaiknya dikirim lewat WhatsApp.",
        "Perlu penambahan access point di ruang pelayanan.",
        "Jaringan sering terputus saat hujan, mohon diperiksa berkala.",
        "Pelayanan sudah baik, pertahankan.",
        "Mohon disediakan nomor pengaduan yang aktif di luar jam kerja.",
        "Perangkat pengganti sebaiknya disediakan lebih cepat.",
    ];

    public static (IReadOnlyList<Attachment> Attachments, SatisfactionSurvey? Survey) For(Random rng, Report report, int reportId,
        BulkDataGenerator.GeneratorStaff staff, DateTime nowUtc)
    {
        List<Attachment>? attachments = null;
        void Add(string name, string extension, string contentType, long size, string? userId, DateTime at)
        {
            if (at > nowUtc) return;
            attachments ??= new List<Attachment>(4);
            attachments.Add(new Attachment(reportId, null, StoredName(rng, reportId, attachments.Count, extension), AttachmentStore.SafeName(name, extension),
                contentType, size, userId, at));
        }

        // At intake: what the reporter sent.
        var intake = report.CreatedAtUtc.AddMinutes(1 + rng.Next(5));
        switch (report.Channel)
        {
            case ReportChannel.Web when rng.NextDouble() < 0.4:
                var photos = rng.NextDouble() < 0.2 ? 2 : 1;
                for (var k = 0; k < photos; k++)
                {
                    var at = intake.AddSeconds(k * 40);
                    if (rng.NextDouble() < 0.2) Add(string.Create(CultureInfo.InvariantCulture, $"Screenshot_{Wib.FromUtc(at):yyyyMMdd-HHmmss}"), ".png", "image/png",
                        100_000 + rng.Next(800_000), report.ReporterUserId, at);
                    else Add(CameraName(at), ".jpg", "image/jpeg", 1_500_000 + rng.Next(3_000_000), report.ReporterUserId, at);
                }
                break;
            case ReportChannel.WhatsApp when rng.NextDouble() < 0.6:
            case ReportChannel.Email when rng.NextDouble() < 0.3:
                Add(string.Create(CultureInfo.InvariantCulture, $"WhatsApp Image {Wib.FromUtc(report.ReceivedAtUtc):yyyy-MM-dd} at {Wib.FromUtc(report.ReceivedAtUtc):HH.mm.ss}"), ".jpg",
                    "image/jpeg", 80_000 + rng.Next(220_000), report.RecordedByUserId, intake);
                break;
            case ReportChannel.Letter when rng.NextDouble() < 0.85:
                Add("Surat permohonan perbaikan jaringan", ".pdf", "application/pdf", 150_000 + rng.Next(2_000_000), report.RecordedByUserId, intake);
                break;
        }

        // The technician's photos of the inspection and of the finished work.
        var lead = report.Technicians.FirstOrDefault(t => t.IsLead)?.UserId;
        if (report.InspectedAtUtc is { } inspected && rng.NextDouble() < 0.75)
        {
            var count = 1 + rng.Next(3);
            for (var k = 0; k < count; k++)
            {
                var at = inspected.AddMinutes(2 + 3 * k + rng.Next(3));
                Add(CameraName(at), ".jpg", "image/jpeg", 1_500_000 + rng.Next(3_000_000), lead, at);
            }
        }
        if (report.WorkCompletedAtUtc is { } completed && rng.NextDouble() < 0.5)
        {
            var count = rng.NextDouble() < 0.3 ? 2 : 1;
            for (var k = 0; k < count; k++)
            {
                var at = completed.AddMinutes(-10 + 2 * k);
                Add(CameraName(at), ".jpg", "image/jpeg", 1_500_000 + rng.Next(3_000_000), lead, at);
            }
        }

        SatisfactionSurvey? survey = null;
        if (report.Status == ReportStatus.Closed && report.ClosedAtUtc is { } closed && rng.NextDouble() < 0.45)
        {
            var u = rng.NextDouble();
            var at = closed + TimeSpan.FromMinutes(10 + u * u * 7 * 24 * 60);
            if (at <= nowUtc)
            {
                survey = new SatisfactionSurvey(reportId, report.OpdId, staff.Reporters[report.OpdId].Actor.UserId, Scores(rng),
                    rng.NextDouble() < 0.2 ? Suggestions[rng.Next(Suggestions.Length)] : null, at);
            }
        }
        return (attachments ?? (IReadOnlyList<Attachment>)[], survey);
    }

    private static int[] Scores(Random rng)
    {
        var r = rng.NextDouble();
        var impression = r < 0.40 ? 4 : r < 0.88 ? 3 : r < 0.98 ? 2 : 1;
        var scores = new int[SatisfactionSurvey.ElementCount];
        for (var k = 0; k < scores.Length; k++)
        {
            var x = rng.NextDouble();
            var score = x < 0.7 ? impression : x < 0.85 ? impression + 1 : impression - 1;
            // U4, "Biaya/tarif": the service is free.
            if (k == 3 && rng.NextDouble() < 0.85) score = 4;
            scores[k] = Math.Clamp(score, 1, 4);
        }
        return scores;
    }

    private static string CameraName(DateTime atUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"IMG_{Wib.FromUtc(atUtc):yyyyMMdd_HHmmss}");

    /// <summary>
    /// A generated stored name like those <see cref="AttachmentStore.SaveAsync"/> gives (32 hex digits and the
    /// extension): random, but for the report's id and the attachment's place, which make it unique (the column is).
    /// </summary>
    private static string StoredName(Random rng, int reportId, int index, string extension)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes, reportId);
        bytes[4] = (byte)index;
        return Convert.ToHexStringLower(bytes) + extension;
    }
}
