using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Monitoring;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Monitoring;

/// <summary>Posting alerts as a monitoring system does: JSON with a bearer token, no cookie, no antiforgery token.</summary>
public static class AlertApi
{
    /// <summary>Makes a monitoring source directly in the database; returns its id and token.</summary>
    public static Task<(int Id, string Token)> CreateSourceAsync(AppFactory factory, string name) =>
        factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            var (source, token) = MonitoringSource.Create(name, admin, DateTime.UtcNow);
            db.MonitoringSources.Add(source);
            await db.SaveChangesAsync();
            return (source.Id, token);
        });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? token, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An Alertmanager webhook body (version 4) with one alert.</summary>
    public static string Alertmanager(string fingerprint, string status, string opd, DateTime startsAt, DateTime? endsAt = null,
        string summary = "Uplink BKD tidak merespons ping") => $$"""
        {
          "version": "4", "groupKey": "{}:{alertname=\"UplinkDown\"}", "truncatedAlerts": 0, "status": "{{status}}",
          "receiver": "networkmaintenance", "groupLabels": {"alertname": "UplinkDown"},
          "commonLabels": {"alertname": "UplinkDown"}, "commonAnnotations": {}, "externalURL": "http://127.0.0.1:9093",
          "alerts": [{
            "status": "{{status}}",
            "labels": {"alertname": "UplinkDown", "opd": "{{opd}}", "instance": "sw-core-{{opd}}", "severity": "critical"},
            "annotations": {"summary": "{{summary}}"},
            "startsAt": "{{Time(startsAt)}}",
            "endsAt": "{{(endsAt is { } e ? Time(e) : "0001-01-01T00:00:00Z")}}",
            "generatorURL": "http://prometheus/graph", "fingerprint": "{{fingerprint}}"
          }]
        }
        """;

    /// <summary>An Alertmanager webhook body (version 4) with one firing alert carrying exactly <paramref name="labels"/>.</summary>
    public static string Alertmanager(string fingerprint, IReadOnlyDictionary<string, string> labels, DateTime startsAt,
        string summary = "Perangkat tidak merespons ping")
    {
        var all = new Dictionary<string, string>(labels) { ["alertname"] = "DeviceDown" };
        var alert = new Dictionary<string, object>
        {
            ["status"] = "firing", ["labels"] = all, ["annotations"] = new Dictionary<string, string> { ["summary"] = summary },
            ["startsAt"] = Time(startsAt), ["endsAt"] = "0001-01-01T00:00:00Z", ["generatorURL"] = "http://prometheus/graph",
            ["fingerprint"] = fingerprint,
        };
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = "4", ["groupKey"] = "{}:{alertname=\"DeviceDown\"}", ["truncatedAlerts"] = 0, ["status"] = "firing",
            ["receiver"] = "networkmaintenance", ["groupLabels"] = new Dictionary<string, string> { ["alertname"] = "DeviceDown" },
            ["commonLabels"] = all, ["commonAnnotations"] = new Dictionary<string, string>(), ["externalURL"] = "http://127.0.0.1:9093",
            ["alerts"] = new[] { alert },
        });
    }
}
