using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Integration;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Features.Sla;
using NetworkMaintenance.Web.Features.Webhooks;

namespace NetworkMaintenance.IntegrationTests.Webhooks;

/// <summary>
/// The SLA monitor stages report.sla_breached for a receiver that wants it, in the escalation's own save, once;
/// the warning and the steps stage nothing for a receiver that subscribed to the breach alone.
/// </summary>
public sealed class SlaBreachWebhook
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheBreachIsStagedOnceForTheReceiversThatWantIt()
    {
        // Rows are checked where they wait: this app does not send them.
        using var factory = new AppFactory().WithSetting("Webhooks:SenderEnabled", "false");
        using var app = new SlaApp(factory, new DateTimeOffset(Start));
        var adminId = await factory.UserIdAsync("admin");
        var receiverId = await app.ScopeAsync(async sp => (await sp.GetRequiredService<WebhookAdmin>()
            .RegisterAsync("Pemantau SLA", "https://pemantau.example/sla", WebhookEvents.SlaBreached, adminId)).Id);
        var id = await app.ReceiveAsync(Start.AddDays(1));
        await app.ToRepairingAsync(id);
        Task<int> RunAsync() => app.ScopeAsync(sp => sp.GetRequiredService<SlaMonitor>().RunOnceAsync());
        Task<List<WebhookDelivery>> RowsAsync() => app.QueryAsync(db => db.WebhookDeliveries.Where(d => d.ReceiverId == receiverId).ToListAsync());

        app.At(Start.AddDays(1).AddHours(20).AddMinutes(1));
        Assert.Equal(1, await RunAsync());
        Assert.Empty(await RowsAsync());

        app.At(Start.AddDays(2).AddMinutes(1));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(WebhookEventNames.SlaBreached, row.EventType);
        Assert.Equal(id, row.ReportId);
        Assert.Equal(WebhookDeliveryStatus.Pending, row.Status);
        var number = await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        using var body = System.Text.Json.JsonDocument.Parse(row.Body);
        Assert.Equal(number, body.RootElement.GetProperty("data").GetProperty("number").GetString());
        Assert.Equal(row.EventId, body.RootElement.GetProperty("id").GetGuid());
    }
}
