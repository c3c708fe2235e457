using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Features.EmailIntake;

namespace NetworkMaintenance.Web.Features.Mail;

/// <summary>SMTP settings (section <c>Smtp</c>). Mail is sent only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string From { get; set; } = "noreply@tebingtinggikota.go.id";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseSsl { get; set; }
    /// <summary>How often the sender looks for due mail.</summary>
    public int PollSeconds { get; set; } = 15;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// A usable port and poll interval, and, once mail is on (<c>Smtp:Host</c> set), a sender address mail servers
/// accept and a password with every user name.
/// </summary>
public sealed class SmtpOptionsValidator : Infrastructure.SettingsValidator<SmtpOptions>
{
    public override IEnumerable<string> Check(SmtpOptions options)
    {
        if (options.Port is < 1 or > 65535) yield return $"Smtp:Port must be between 1 and 65535 (it is {options.Port}).";
        if (options.PollSeconds is < 1 or > 86_400) yield return $"Smtp:PollSeconds must be between 1 and 86400 (it is {options.PollSeconds}).";
        if (!options.Enabled) yield break;
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            yield return $"Smtp:From must be an e-mail address (it is '{options.From}').";
        if (!string.IsNullOrWhiteSpace(options.UserName) && string.IsNullOrEmpty(options.Password))
            yield return "Smtp:Password must be set when Smtp:UserName is.";
    }
}

/// <summary>Sends one message. Two implementations: SMTP here, and whatever a test wants.</summary>
public interface IMailSender
{
    Task SendAsync(OutboxEmail mail, CancellationToken ct);
}

public sealed class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    /// <summary>The message sent for an outbox row.</summary>
    public static MimeMessage Compose(OutboxEmail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        // A reply to this mail names it in In-Reply-To: the e-mail intake finds the report by it (docs/email-intake.md).
        if (mail.ReportId is { } reportId) message.MessageId = NotificationMessageIds.For(reportId, mail.Id, message.From.Mailboxes.First().Address);
        return message;
    }

    public async Task SendAsync(OutboxEmail mail, CancellationToken ct)
    {
        var o = options.Value;
        var message = Compose(mail, o.From);
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), o.Port, o.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// The Message-ID of a notification mail about a report: <c>laporan.{reportId}.{mailId}.{random}@{sender's domain}</c>.
/// Replies carry it in In-Reply-To and References, which is how the e-mail intake adds them to that report's timeline.
/// </summary>
public static partial class NotificationMessageIds
{
    public static string For(int reportId, long mailId, string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "localhost";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"laporan.{reportId}.{mailId}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}@{domain}");
    }

    /// <summary>The report a notification Message-ID names, or null when it is not one of ours.</summary>
    public static int? ReportIdOf(string? messageId)
    {
        if (string.IsNullOrEmpty(messageId)) return null;
        var match = Pattern().Match(messageId);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^<?laporan\.(\d{1,9})\.\d{1,19}\.[0-9a-f]{12}@", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}

/// <summary>
/// Writes e-mails to the outbox in the caller's unit of work: the caller's SaveChanges stores them with the
/// workflow step, and <see cref="OutboxSender"/> delivers them later.
/// </summary>
public sealed class MailOutbox(AppDbContext db, IOptions<SmtpOptions> options, IOptions<EmailIntakeOptions> intake)
{
    private const string Sender =
        "Pesan ini dikirim otomatis oleh aplikasi Pelayanan Maintenance Gangguan Jaringan\nDinas Komunikasi dan Informatika Kota Tebing Tinggi.";

    /// <summary>The closing lines: replies are asked for only when the e-mail intake records them on the report.</summary>
    public static string Signature(bool repliesRecorded) => repliesRecorded
        ? Sender + " Balasan atas e-mail ini dicatat pada riwayat laporan; langkah layanan tetap diambil di aplikasi."
        : Sender + " Mohon tidak membalas e-mail ini.";

    /// <summary>Queues one mail per user (who has an e-mail address and is active) with the in-app message as its body.</summary>
    public async Task EnqueueAsync(IReadOnlyDictionary<string, string> messagesByUserId, int? reportId, string reportNumber,
        DateTime nowUtc, CancellationToken ct)
    {
        if (!options.Value.Enabled || messagesByUserId.Count == 0) return;
        var ids = messagesByUserId.Keys.ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(ct);
        var signature = Signature(intake.Value.Enabled);
        foreach (var u in users)
        {
            var body = $"Yth. {u.FullName},\n\n{messagesByUserId[u.Id]}\n\nNomor laporan: {reportNumber}\n" +
                $"Silakan masuk ke aplikasi dan buka menu \"Menunggu tindakan saya\" untuk menindaklanjuti.\n\n{signature}\n";
            db.OutboxEmails.Add(new OutboxEmail(u.Email!, $"Laporan gangguan jaringan {reportNumber}", body, reportId, nowUtc));
        }
    }
}

/// <summary>Sends due outbox mail; a failure schedules a retry with backoff and never touches the workflow.</summary>
public sealed class OutboxSender(AppDbContext db, IMailSender sender, TimeProvider time, ILogger<OutboxSender> logger)
{
    public const int BatchSize = 50;

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var activity = Infrastructure.AppTelemetry.MailSource.StartActivity("mail outbox pass");
        Infrastructure.AppTelemetry.MailPasses.Add(1);
        var sent = await SendDueAsync(ct);
        activity?.SetTag("nm.mail.sent", sent);
        return sent;
    }

    private async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEmails.Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc != null && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var mail in due)
        {
            try
            {
                await sender.SendAsync(mail, ct);
                mail.MarkSent(time.GetUtcNow().UtcDateTime);
                sent++;
                Infrastructure.AppTelemetry.MailMessages.Add(1, new KeyValuePair<string, object?>("outcome", "sent"));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                mail.MarkFailed(ex.Message, time.GetUtcNow().UtcDateTime);
                Infrastructure.AppTelemetry.MailMessages.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                logger.LogWarning("Mail {Id} not sent (attempt {Attempts}): {Error}", mail.Id, mail.Attempts, ex.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}

public sealed class OutboxSenderService(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider time,
    Infrastructure.InstanceIdentity instance, ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Mail is sent only when Smtp:Host is set; otherwise it waits in the outbox.
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Several instances on one database: only the holder of the lease sends, so each e-mail goes once.
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (await Infrastructure.JobLeases.TryAcquireAsync(db, Infrastructure.JobLeases.MailOutbox, instance.Id,
                        time.GetUtcNow().UtcDateTime, stoppingToken))
                {
                    await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
