using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Features.Mail;

namespace NetworkMaintenance.IntegrationTests.Mail;

/// <summary>Hand-over e-mail delivered to a real in-process SMTP server, and delivered later after an outage.</summary>
public sealed class HandOverMail(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheHandOverMailIsDeliveredAndRetriedAfterTheServerWasDown()
    {
        var port = SmtpCapture.FreePort();
        using var app = new SlaApp(factory, new DateTimeOffset(Start), b =>
        {
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Smtp:PollSeconds", "3600"); // the test runs the sender's passes itself
        });
        Task<int> SendAsync() => app.ScopeAsync(sp => sp.GetRequiredService<OutboxSender>().RunOnceAsync());

        // Server down: the step succeeds, the mail waits for a retry.
        var first = await app.ReceiveAsync(Start);
        var kadisMail = await app.QueryAsync(db => db.OutboxEmails.Where(m => m.ReportId == first).SingleAsync());
        Assert.Equal("kadis@demo.tebingtinggikota.go.id", kadisMail.To);
        Assert.Equal(0, await SendAsync());
        var failed = await app.QueryAsync(db => db.OutboxEmails.SingleAsync(m => m.Id == kadisMail.Id));
        Assert.Null(failed.SentAtUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(Start.AddMinutes(1), failed.NextAttemptAtUtc);

        using var store = new SmtpCapture(port);
        // Not yet due: nothing is tried.
        Assert.Equal(0, await SendAsync());
        Assert.Empty(store.Messages);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await SendAsync());
        var retried = Assert.Single(store.Messages);
        Assert.Equal("kadis@demo.tebingtinggikota.go.id", retried.To.Mailboxes.Single().Address);
        Assert.Contains("menunggu tindakan Anda", retried.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mohon tidak membalas e-mail ini", retried.TextBody, StringComparison.Ordinal);

        // A hand-over while the server is up: Kadis disposes, the Kabid is told by e-mail.
        await app.ToRepairingAsync(first);
        Assert.True(await SendAsync() >= 1);
        var number = await app.QueryAsync(db => db.Reports.Where(r => r.Id == first).Select(r => r.Number).SingleAsync());
        Assert.Contains(store.Messages, m => m.To.Mailboxes.Single().Address == "kabid@demo.tebingtinggikota.go.id"
            && (m.Subject ?? "").Contains(number, StringComparison.Ordinal));
        Assert.Equal(0, await app.QueryAsync(db => db.OutboxEmails.CountAsync(m => m.SentAtUtc == null)));
    }
}
