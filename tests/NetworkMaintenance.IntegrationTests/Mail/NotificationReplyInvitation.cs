using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;

namespace NetworkMaintenance.IntegrationTests.Mail;

/// <summary>The notification e-mail's closing lines follow the e-mail intake: replies are invited only when recorded.</summary>
public sealed class NotificationReplyInvitation(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task WithTheEmailIntakeOnTheNotificationSaysAReplyIsRecordedInsteadOfAskingNotToReply()
    {
        // The intake is on but its mailbox is unreachable (a closed port): its passes fail and are logged, which is
        // all this test needs; the notification's closing lines depend only on the setting.
        using var app = new SlaApp(factory, new DateTimeOffset(Start), b =>
        {
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", SmtpCapture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Smtp:PollSeconds", "3600");
            b.UseSetting("EmailIntake:Enabled", "true");
            b.UseSetting("EmailIntake:Host", "127.0.0.1");
            b.UseSetting("EmailIntake:Port", SmtpCapture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("EmailIntake:Username", "layanan");
            b.UseSetting("EmailIntake:Password", "rahasia-uji");
            b.UseSetting("EmailIntake:PollSeconds", "86400");
        });

        var id = await app.ReceiveAsync(Start);
        var body = await app.QueryAsync(db => db.OutboxEmails.Where(m => m.ReportId == id).Select(m => m.Body).SingleAsync());
        Assert.Contains("Balasan atas e-mail ini dicatat pada riwayat laporan", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Mohon tidak membalas", body, StringComparison.Ordinal);
    }
}
