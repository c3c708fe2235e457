using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Attachments;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Mail;
using NetworkMaintenance.Web.Features.Monitoring;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.EmailIntake;

/// <summary>What became of one message; <see cref="AlreadyProcessed"/> when its Message-ID was recorded before.</summary>
public sealed record ImportResult(InboundEmailOutcome Outcome, int? ReportId, bool AlreadyProcessed);

/// <summary>
/// Turns one e-mail into what it is (docs/email-intake.md), in the database only (the mailbox side is
/// <see cref="EmailIntakePoller"/>): a reply to a notification (by In-Reply-To/References naming a notification's
/// Message-ID, or a report number in the subject) becomes a timeline note on that report; a message from a known OPD
/// address (the OPD's e-mail or a registered user of that OPD) becomes a report on the E-mail channel, recorded by the
/// mailbox's system actor and waiting for the front desk's confirmation; anything else is recorded as unknown and listed
/// for the front desk. Each message is recorded by its Message-ID (unique) in the same transaction as its effect, so it
/// is never imported twice.
/// </summary>
public sealed partial class EmailImport(AppDbContext db, ReportService reports, SystemActors system, AttachmentStore attachments,
    IAuditLog audit, IOptions<EmailIntakeOptions> options, TimeProvider clock, ILogger<EmailImport> logger)
{
    private const int DescriptionMax = 4000;

    public async Task<ImportResult> ImportAsync(MimeMessage message, CancellationToken ct = default)
    {
        var messageId = IdOf(message);
        if (await db.InboundEmails.AsNoTracking().Where(e => e.MessageId == messageId).Select(e => new { e.Outcome, e.ReportId })
                .SingleOrDefaultAsync(ct) is { } seen)
        {
            return new ImportResult(seen.Outcome, seen.ReportId, AlreadyProcessed: true);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = message.From.Mailboxes.FirstOrDefault();
        var address = from?.Address?.Trim() ?? "";
        var subject = (message.Subject ?? "").Trim();
        var sentAt = message.Date == DateTimeOffset.MinValue ? now : message.Date.UtcDateTime;
        var sender = address.Length == 0 ? null : await SenderAsync(address, ct);

        InboundEmail Record(InboundEmailOutcome outcome, int? reportId, string? note) =>
            new(messageId, address.Length == 0 ? "(tanpa pengirim)" : address, from?.Name, subject, sentAt, outcome, reportId, note, now);

        if (sender is null)
        {
            db.InboundEmails.Add(Record(InboundEmailOutcome.UnknownSender, null, "Alamat pengirim tidak terdaftar pada OPD atau pengguna mana pun."));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("E-mail {MessageId} from an unknown sender kept for the front desk", messageId);
            return new ImportResult(InboundEmailOutcome.UnknownSender, null, false);
        }

        var actor = await system.ActorAsync(SystemActors.Mailbox, ct);
        if (await RepliedReportAsync(message, subject, ct) is { } reportId)
        {
            return await NoteReplyAsync(message, reportId, address, from?.Name, subject, actor, Record, now, ct);
        }
        if (sender.OpdId is not { } opdId)
        {
            db.InboundEmails.Add(Record(InboundEmailOutcome.NotUsable, null,
                "Pengirim terdaftar tetapi bukan alamat OPD atau staf OPD, dan email ini bukan balasan notifikasi laporan."));
            await db.SaveChangesAsync(ct);
            return new ImportResult(InboundEmailOutcome.NotUsable, null, false);
        }
        return await OpenReportAsync(message, opdId, sender, address, from?.Name, subject, sentAt, actor, Record, now, ct);
    }

    private sealed record Sender(int? OpdId, string? UserId, string? FullName, string? Position, string? Phone);

    /// <summary>A registered user (active) with this address, else an OPD whose contact e-mail it is; null when unknown.</summary>
    private async Task<Sender?> SenderAsync(string address, CancellationToken ct)
    {
        var upper = address.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == upper && u.IsActive)
            .Select(u => new Sender(u.OpdId, u.Id, u.FullName, u.Position, u.PhoneNumber)).FirstOrDefaultAsync(ct);
        if (user is not null) return user;
        // A few dozen OPDs: compared here, case-insensitively the same way on every database.
        var opds = await db.Opds.AsNoTracking().Where(o => o.IsActive && o.Email != null).Select(o => new { o.Id, o.Email }).ToListAsync(ct);
        var opd = opds.FirstOrDefault(o => string.Equals(o.Email!.Trim(), address, StringComparison.OrdinalIgnoreCase));
        return opd is null ? null : new Sender(opd.Id, null, null, null, null);
    }

    /// <summary>The report a reply answers: a notification's Message-ID in In-Reply-To or References, else a report number in the subject.</summary>
    private async Task<int?> RepliedReportAsync(MimeMessage message, string subject, CancellationToken ct)
    {
        foreach (var id in new[] { message.InReplyTo }.Concat(message.References.Reverse()))
        {
            if (NotificationMessageIds.ReportIdOf(id) is { } reportId && await db.Reports.AnyAsync(r => r.Id == reportId, ct)) return reportId;
        }
        var number = ReportNumber().Match(subject);
        if (!number.Success) return null;
        var value = number.Value.ToUpperInvariant();
        return await db.Reports.Where(r => r.Number == value).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
    }

    private async Task<ImportResult> NoteReplyAsync(MimeMessage message, int reportId, string address, string? name, string subject,
        WorkflowActor actor, Func<InboundEmailOutcome, int?, string?, InboundEmail> record, DateTime now, CancellationToken ct)
    {
        var report = await db.Reports.SingleAsync(r => r.Id == reportId, ct);
        if (report.IsFinal)
        {
            db.InboundEmails.Add(record(InboundEmailOutcome.NotUsable, reportId,
                $"Balasan untuk laporan {report.Number} yang sudah berstatus \"{Labels.Of(report.Status)}\"."));
            await db.SaveChangesAsync(ct);
            return new ImportResult(InboundEmailOutcome.NotUsable, reportId, false);
        }
        var text = Cut($"Balasan email dari {Who(name, address)}, perihal \"{subject}\":\n{BodyOf(message)}", DescriptionMax);
        report.AddNote(actor, text, now);
        var refused = await StoreAttachmentsAsync(message, report.Id, actor.UserId, ct);
        if (refused.Count > 0) report.AddNote(actor, RefusedNote(refused), now);
        db.InboundEmails.Add(record(InboundEmailOutcome.Reply, reportId, null));
        audit.Add(AuditEvents.EmailReplyNoted, $"Balasan email dari {address} dicatat pada laporan {report.Number}.",
            AuditObject.Report(report.Id, report.Number), new { messageId = IdOf(message) },
            new AuditActor(actor.UserId, SystemActors.Mailbox.UserName));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("E-mail reply noted on report {Number}", report.Number);
        return new ImportResult(InboundEmailOutcome.Reply, reportId, false);
    }

    private async Task<ImportResult> OpenReportAsync(MimeMessage message, int opdId, Sender sender, string address, string? name,
        string subject, DateTime sentAt, WorkflowActor actor, Func<InboundEmailOutcome, int?, string?, InboundEmail> record,
        DateTime now, CancellationToken ct)
    {
        var opd = await db.Opds.AsNoTracking().SingleAsync(o => o.Id == opdId, ct);
        // The 24-hour clock starts when the mail was sent; a date in the future (a skewed clock) or older than a week
        // (a made-up header) starts it now.
        var received = sentAt > now || sentAt < now.AddDays(-7) ? now : sentAt;
        var reporterName = Cut(sender.FullName ?? (string.IsNullOrWhiteSpace(name) ? address : name.Trim()), 150);
        var description = Cut($"{(subject.Length == 0 ? "(tanpa perihal)" : subject)}\n\n{BodyOf(message)}".Trim(), DescriptionMax);
        var input = new NewReport(opd.Id, sender.UserId, reporterName, null, sender.Position, null, Cut(address, 200),
            ReportChannel.Email, received, Cut(opd.Address ?? opd.Name, 300), FaultCategory.Other, description);
        var report = await reports.ReceiveAsync(input, actor, async created =>
        {
            var refused = await StoreAttachmentsAsync(message, created.Id, actor.UserId, ct);
            if (refused.Count > 0) created.AddNote(actor, RefusedNote(refused), now);
            db.InboundEmails.Add(record(InboundEmailOutcome.Report, created.Id, null));
        }, ct);
        return new ImportResult(InboundEmailOutcome.Report, report.Id, false);
    }

    /// <summary>
    /// Stores the message's attachments through the app's upload check (type by content, size); returns the refused
    /// ones with their reasons, for a timeline note: nothing is dropped silently.
    /// </summary>
    private async Task<List<string>> StoreAttachmentsAsync(MimeMessage message, int reportId, string userId, CancellationToken ct)
    {
        var refused = new List<string>();
        var max = options.Value.MaxAttachmentBytes;
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            var fileName = part.FileName ?? part.ContentType.Name ?? "lampiran";
            var bytes = new MemoryStream();
            if (part.Content is not null) await part.Content.DecodeToAsync(bytes, ct);
            if (bytes.Length > max)
            {
                refused.Add($"{fileName} (ukuran melebihi batas {AttachmentStore.MaxText(max)})");
                continue;
            }
            bytes.Position = 0;
            var file = new FormFile(bytes, 0, bytes.Length, "lampiran", fileName);
            var (upload, error) = await attachments.CheckAsync(file, ct);
            if (upload is null)
            {
                refused.Add($"{fileName} ({error})");
                continue;
            }
            await attachments.SaveAsync(upload, reportId, null, userId, ct);
        }
        foreach (var part in message.Attachments.OfType<MessagePart>())
        {
            refused.Add($"{part.ContentType.Name ?? "pesan terlampir"} (pesan email terlampir tidak disimpan)");
        }
        return refused;
    }

    private static string RefusedNote(List<string> refused) =>
        Cut("Lampiran email yang tidak disimpan (hanya JPEG, PNG atau PDF dalam batas ukuran): " + string.Join("; ", refused) + ".", DescriptionMax);

    /// <summary>The plain text of the message (the HTML part stripped of tags when there is no plain part), without quoted history.</summary>
    private static string BodyOf(MimeMessage message)
    {
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && message.HtmlBody is { } html)
            text = System.Net.WebUtility.HtmlDecode(HtmlTag().Replace(html, " "));
        text = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n').TakeWhile(l => !l.StartsWith('>') && !QuoteIntro().IsMatch(l)).Select(l => l.TrimEnd());
        var body = string.Join('\n', lines).Trim();
        return body.Length == 0 ? "(isi email kosong)" : body;
    }

    /// <summary>The Message-ID, or for a message without one a stable digest of its sender, date, subject and body.</summary>
    public static string IdOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId)) return message.MessageId.Trim();
        var basis = string.Join('\n', message.From.ToString(), message.Date.ToString("O", CultureInfo.InvariantCulture), message.Subject,
            message.TextBody ?? message.HtmlBody ?? "");
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }

    private static string Who(string? name, string address) => string.IsNullOrWhiteSpace(name) ? address : $"{name.Trim()} <{address}>";

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    [GeneratedRegex(@"\bGJ-\d{4}-\d{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportNumber();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    // "On <date>, <someone> wrote:" / "Pada <tanggal>, <seseorang> menulis:" introducing the quoted mail.
    [GeneratedRegex(@"^(On .+ wrote:|Pada .+ menulis:)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteIntro();
}
