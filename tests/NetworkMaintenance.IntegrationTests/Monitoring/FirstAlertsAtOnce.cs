using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using static NetworkMaintenance.IntegrationTests.Monitoring.AlertApi;

namespace NetworkMaintenance.IntegrationTests.Monitoring;

/// <summary>
/// The first alerts of a fresh installation arriving at once (what the alert-storm benchmark found): each request
/// creates the monitoring system user on first use; the ones that lose the race to its unique name must use the
/// winner's row, not answer 500.
/// </summary>
public sealed class FirstAlertsAtOnce : IDisposable
{
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task SimultaneousFirstAlertsAllOpenTheirReportsWithOneSystemUser()
    {
        var (_, token) = await CreateSourceAsync(_factory, "Alertmanager uji serentak");
        Assert.False(await _factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "sistem.pemantauan")));
        using var client = _factory.CreateClient();
        var startsAt = DateTime.UtcNow.AddMinutes(-3);
        var posts = Enumerable.Range(1, 8).Select(async i =>
        {
            using var response = await PostAsync(client, "/api/alerts/alertmanager", token, Alertmanager($"serentak-{i}", "firing", "BKD", startsAt,
                summary: $"Uplink BKD tidak merespons ping ({i})"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        var answers = await Task.WhenAll(posts);
        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, $"{(int)a.StatusCode}: {a.Item2[..Math.Min(300, a.Item2.Length)]}"));
        Assert.Equal(1, await _factory.QueryAsync(db => db.Users.CountAsync(u => u.UserName == "sistem.pemantauan")));
        Assert.Equal(8, await _factory.QueryAsync(db => db.MonitoringAlerts.CountAsync(a => a.Fingerprint.StartsWith("serentak-") && a.ReportId != null)));
    }

    public void Dispose() => _factory.Dispose();
}
