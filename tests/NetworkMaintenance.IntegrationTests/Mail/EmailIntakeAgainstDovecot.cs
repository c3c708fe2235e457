using System.Globalization;
using System.Net;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Utils;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.EmailIntake;
using NetworkMaintenance.Web.Features.Mail;
using NetworkMaintenance.Web.Features.Monitoring;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Mail;

/// <summary>
/// The e-mail intake (docs/email-intake.md) against Debian's dovecot on loopback: messages are APPENDed to the
/// mailbox through IMAP, one poll of the intake runs against the app's real database, and both sides are checked
/// (reports, notes, attachments, the InboundEmails record; the message's folder and \Seen flag).
/// </summary>
public sealed class EmailIntakeAgainstDovecot : IAsyncLifetime, IDisposable
{
    private const string BkdAddress = "tu.bkd@opd.tebingtinggikota.example";
    private const string Stranger = "penjual.promo@contoh-asing.example";

    // A 1x1 PNG: the upload check recognises it by its first bytes.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly AppFactory _app = new();
    private readonly SmtpCapture _smtp = new();
    private Dovecot? _dovecot;

    public async Task InitializeAsync()
    {
        _dovecot = await Dovecot.StartAsync();
        var port = _dovecot.Port.ToString(CultureInfo.InvariantCulture);
        // The background poller stays off (Enabled false): the test runs the passes itself.
        _app.WithSetting("EmailIntake:Host", "127.0.0.1").WithSetting("EmailIntake:Port", port)
            .WithSetting("EmailIntake:Security", "None").WithSetting("EmailIntake:Username", Dovecot.User)
            .WithSetting("EmailIntake:Password", Dovecot.Password)
            // Notification mail goes to an SMTP server in the test, so that a reply can answer a real one.
            .WithSetting("Smtp:Host", "127.0.0.1").WithSetting("Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture))
            .WithSetting("Smtp:PollSeconds", "3600");
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.AppDbContext>();
            var bkd = await db.Opds.SingleAsync(o => o.ShortName == "BKD");
            bkd.UpdateContact(bkd.Address, bkd.Phone, BkdAddress.ToUpperInvariant());
            await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    private int _disposed;

    // xunit calls both DisposeAsync and Dispose: the second does nothing.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _dovecot?.Dispose();
        _dovecot = null;
        _smtp.Dispose();
        _app.Dispose();
    }

    private Dovecot Imap => _dovecot!;

    private Task<PollResult> PollAsync() => _app.Services.GetRequiredService<EmailIntakePoller>().PollOnceAsync();

    [Fact]
    public async Task MailFromAKnownOpdBecomesOneEmailReportForTheFrontDeskAndRepliesAreNotedOnIt()
    {
        var sentAt = Truncated(_app.Clock.GetUtcNow().AddMinutes(-5));
        var mail = Mail($"Tata Usaha BKD <{BkdAddress}>", "Internet kantor BKD mati", "Sejak pagi semua komputer di lantai 2 tidak bisa internet.", sentAt,
            ("foto-switch.png", Png, "image/png"), ("catatan.txt", "bukan gambar"u8.ToArray(), "text/plain"));
        await Imap.AppendAsync(mail);

        var result = await PollAsync();
        Assert.Equal(new PollResult(1, 0, 0, 0, 0), result);

        var report = await _app.QueryAsync(db => db.Reports.Include(r => r.Opd).Include(r => r.Events).SingleAsync());
        Assert.Equal(ReportChannel.Email, report.Channel);
        Assert.Equal("BKD", report.Opd!.ShortName);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.True(report.AwaitsIntakeConfirmation);
        Assert.Equal(sentAt.UtcDateTime, report.ReceivedAtUtc);
        Assert.Equal(BkdAddress, report.ReporterEmail);
        Assert.Contains("lantai 2 tidak bisa internet", report.Description, StringComparison.Ordinal);
        var mailbox = await _app.UserIdAsync(SystemActors.Mailbox.UserName);
        Assert.Equal(mailbox, report.RecordedByUserId);
        // The PNG is stored through the upload check; the text file is refused and named in a timeline note.
        var stored = await _app.QueryAsync(db => db.Attachments.Where(a => a.ReportId == report.Id).ToListAsync());
        var png = Assert.Single(stored);
        Assert.Equal("image/png", png.ContentType);
        Assert.Equal("foto-switch.png", png.OriginalName);
        Assert.Equal(Png.Length, png.SizeBytes);
        Assert.Contains(report.Events, e => e.Action == WorkflowAction.Note && e.Note!.Contains("catatan.txt", StringComparison.Ordinal)
            && e.Note.Contains("JPEG, PNG atau PDF", StringComparison.Ordinal));
        Assert.Equal(InboundEmailOutcome.Report, await _app.QueryAsync(db => db.InboundEmails.Select(e => e.Outcome).SingleAsync()));

        // The mailbox side: out of the inbox, read, in the processed folder.
        Assert.Empty((await Imap.FolderAsync("INBOX"))!);
        var processed = Assert.Single((await Imap.FolderAsync("Diproses"))!);
        Assert.Equal(mail.MessageId, processed.Message.MessageId);
        Assert.True(processed.Flags.HasFlag(MessageFlags.Seen));

        // The front desk is told; the Kadis cannot act before the front desk confirms.
        var petugas = await _app.UserIdAsync("petugas");
        Assert.True(await _app.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == petugas && n.ReportId == report.Id)));
        var kadis = await _app.UserIdAsync("kadis");
        Assert.False(await _app.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == kadis && n.ReportId == report.Id)));
        Assert.Equal(Core.Domain.Workflow.Workflow.UnconfirmedIntakeMessage, await WhyNotDisposeAsync(report.Id, kadis));
        Assert.Equal(0, await AwaitingCountAsync(kadis));
        Assert.Equal(1, await AwaitingCountAsync(petugas));
        using (var kadisSession = await WebSession.SignedInAsync(_app, "kadis"))
        {
            var page = await kadisSession.GetPageAsync($"/laporan/{report.Id}");
            Assert.Contains("konfirmasi laporan dari email", page, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"no-actions\"", page, StringComparison.Ordinal);
        }

        using (var frontDesk = await WebSession.SignedInAsync(_app, "petugas"))
        {
            var page = await frontDesk.GetPageAsync("/email-masuk");
            Assert.Contains(report.Number, page, StringComparison.Ordinal);
            var confirm = await frontDesk.SubmitFormAsync("/email-masuk", $"/email-masuk/{report.Id}/konfirmasi",
                [new("note", "Sudah ditelepon balik.")]);
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        }
        Assert.False(await _app.QueryAsync(db => db.Reports.Where(r => r.Id == report.Id).Select(r => r.AwaitsIntakeConfirmation).SingleAsync()));
        Assert.Null(await WhyNotDisposeAsync(report.Id, kadis));
        Assert.Equal(1, await AwaitingCountAsync(kadis));
        Assert.Equal(0, await AwaitingCountAsync(petugas));
        Assert.True(await _app.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == kadis && n.ReportId == report.Id)));

        // The Kadis's notification mail goes out with a Message-ID of the app; the Kadis answers it without the
        // number in the subject, the reporter answers with the number only in the subject.
        await _app.WithScopeAsync(sp => sp.GetRequiredService<OutboxSender>().RunOnceAsync());
        var notification = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Single().Address == "kadis@demo.tebingtinggikota.go.id");
        Assert.Equal(report.Id, NotificationMessageIds.ReportIdOf(notification.MessageId));
        var reply = Mail("kadis@demo.tebingtinggikota.go.id", "Re: tindak lanjut", "Segera ditangani hari ini.\n\n> pesan lama", sentAt.AddMinutes(3));
        reply.InReplyTo = notification.MessageId;
        reply.References.Add(notification.MessageId!);
        await Imap.AppendAsync(reply);
        await Imap.AppendAsync(Mail("pelapor@demo.tebingtinggikota.go.id", $"Tambahan untuk {report.Number}", "Lantai 3 juga terdampak.", sentAt.AddMinutes(4)));

        Assert.Equal(new PollResult(0, 2, 0, 0, 0), await PollAsync());
        Assert.Equal(1, await _app.QueryAsync(db => db.Reports.CountAsync()));
        var notes = await _app.QueryAsync(db => db.ReportEvents.Where(e => e.ReportId == report.Id && e.Action == WorkflowAction.Note)
            .Select(e => e.Note!).ToListAsync());
        Assert.Contains(notes, n => n.Contains("kadis@demo.tebingtinggikota.go.id", StringComparison.Ordinal)
            && n.Contains("Segera ditangani hari ini.", StringComparison.Ordinal) && !n.Contains("pesan lama", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("Lantai 3 juga terdampak.", StringComparison.Ordinal));
        Assert.Equal(3, (await Imap.FolderAsync("Diproses"))!.Count);
    }

    [Fact]
    public async Task UnknownSendersAreSetAsideAndListedAndNoMessageIsImportedTwice()
    {
        var sentAt = Truncated(_app.Clock.GetUtcNow().AddMinutes(-2));
        var unknown = Mail($"Promo <{Stranger}>", "Penawaran router murah", "Diskon besar.", sentAt);
        // A registered user of Dinkes writes from their own address: a report for Dinkes.
        var known = Mail("pelapor.dinkes@demo.tebingtinggikota.go.id", "Wifi puskesmas putus", "Wifi ruang tunggu tidak tersambung.", sentAt);
        await Imap.AppendAsync(unknown);
        await Imap.AppendAsync(known);

        Assert.Equal(new PollResult(1, 0, 1, 0, 0), await PollAsync());
        var report = await _app.QueryAsync(db => db.Reports.Include(r => r.Opd).SingleAsync());
        Assert.Equal("Dinkes", report.Opd!.ShortName);
        Assert.Equal(await _app.UserIdAsync("pelapor.dinkes"), report.ReporterUserId);
        Assert.Equal(ReportChannel.Email, report.Channel);
        var setAside = Assert.Single((await Imap.FolderAsync("Tidak dikenal"))!);
        Assert.Equal(unknown.MessageId, setAside.Message.MessageId);
        Assert.True(setAside.Flags.HasFlag(MessageFlags.Seen));
        Assert.Single((await Imap.FolderAsync("Diproses"))!);
        Assert.Empty((await Imap.FolderAsync("INBOX"))!);

        using (var frontDesk = await WebSession.SignedInAsync(_app, "petugas"))
        {
            var page = await frontDesk.GetPageAsync("/email-masuk");
            Assert.Contains(Stranger, page, StringComparison.Ordinal);
            Assert.Contains("Penawaran router murah", page, StringComparison.Ordinal);
        }

        // The same poll again: nothing new.
        Assert.Equal(new PollResult(0, 0, 0, 0, 0), await PollAsync());

        // A crash after the import and before the move leaves the imported message in the inbox: put the very same
        // message (same Message-ID) back, unread. The next poll recognises it, moves it, and imports nothing.
        await Imap.AppendAsync(known);
        await Imap.AppendAsync(unknown);
        Assert.Equal(new PollResult(0, 0, 0, 2, 0), await PollAsync());
        Assert.Equal(1, await _app.QueryAsync(db => db.Reports.CountAsync()));
        Assert.Equal(2, await _app.QueryAsync(db => db.InboundEmails.CountAsync()));
        Assert.Empty((await Imap.FolderAsync("INBOX"))!);
        Assert.Equal(2, (await Imap.FolderAsync("Diproses"))!.Count);
        Assert.Equal(2, (await Imap.FolderAsync("Tidak dikenal"))!.Count);
    }

    private async Task<string?> WhyNotDisposeAsync(int reportId, string userId) =>
        await _app.WithScopeAsync(async sp =>
        {
            var actor = await sp.GetRequiredService<ActorFactory>().ForUserAsync(userId) ?? throw new InvalidOperationException("no actor");
            var report = await sp.GetRequiredService<Core.Data.AppDbContext>().Reports.Include(r => r.Technicians).SingleAsync(r => r.Id == reportId);
            return report.WhyNot(WorkflowAction.Dispose, actor);
        });

    private async Task<int> AwaitingCountAsync(string userId) =>
        await _app.WithScopeAsync(async sp =>
        {
            var actor = await sp.GetRequiredService<ActorFactory>().ForUserAsync(userId) ?? throw new InvalidOperationException("no actor");
            return await sp.GetRequiredService<Core.Data.AppDbContext>().Reports.AwaitingActionBy(actor).CountAsync();
        });

    private static DateTimeOffset Truncated(DateTimeOffset t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));

    private static MimeMessage Mail(string from, string subject, string body, DateTimeOffset date,
        params (string Name, byte[] Bytes, string Type)[] files)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse($"{Dovecot.User}@diskominfo.tebingtinggikota.example"));
        message.Subject = subject;
        message.Date = date;
        message.MessageId = MimeUtils.GenerateMessageId("opd.tebingtinggikota.example");
        var builder = new BodyBuilder { TextBody = body };
        foreach (var (name, bytes, type) in files) builder.Attachments.Add(name, bytes, ContentType.Parse(type));
        message.Body = builder.ToMessageBody();
        return message;
    }
}
