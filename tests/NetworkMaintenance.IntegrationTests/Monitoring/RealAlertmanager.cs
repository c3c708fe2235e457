using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Monitoring;

/// <summary>
/// Debian's prometheus-alertmanager (installed by .ci/run) on a free loopback port, with a private configuration and
/// storage in a temporary folder, and a webhook receiver pointing at the app on a real Kestrel port with a monitoring
/// source's bearer token. Alerts are posted to Alertmanager's own API v2; the test waits on the database.
/// </summary>
public sealed class RealAlertmanager : IAsyncLifetime, IDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly AppFactory _app = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nm-am-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;
    private HttpClient? _alertmanager;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} is missing: install Debian's prometheus-alertmanager package (.ci/run installs it) to run this test.");
        }
        _app.UseKestrel(0);
        _app.StartServer();
        var appAddress = Listening(_app.Services);
        var (_, token) = await AlertApi.CreateSourceAsync(_app, "Alertmanager uji nyata");

        Directory.CreateDirectory(Path.Combine(_directory, "data"));
        var port = FreePort();
        var config = Path.Combine(_directory, "alertmanager.yml");
        await File.WriteAllTextAsync(config, $"""
            route:
              receiver: networkmaintenance
              group_by: ['alertname', 'opd']
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 2s
            receivers:
              - name: networkmaintenance
                webhook_configs:
                  - url: {appAddress}api/alerts/alertmanager
                    send_resolved: true
                    http_config:
                      authorization:
                        type: Bearer
                        credentials: {token}
            """);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--config.file=" + config, "--storage.path=" + Path.Combine(_directory, "data"),
                     "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
                     // No gossip with other Alertmanagers: a lone instance.
                     "--cluster.listen-address=",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Alertmanager did not start.");
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        _alertmanager = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await EventuallyAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException("Alertmanager exited:\n" + Output);
            try
            {
                using var ready = await _alertmanager.GetAsync(new Uri("-/ready", UriKind.Relative));
                return ready.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "Alertmanager to answer /-/ready");
    }

    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();

    public Task DisposeAsync()
    {
        _alertmanager?.Dispose();
        _alertmanager = null;
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
        _app.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private string Output { get { lock (_output) return _output.ToString(); } }

    [Fact]
    public async Task AlertsPostedToAlertmanagerOpenOneReportAndResolveIt()
    {
        var startsAt = DateTime.UtcNow.AddMinutes(-10);
        startsAt = startsAt.AddTicks(-(startsAt.Ticks % TimeSpan.TicksPerSecond));
        string Alert(DateTime? endsAt) => $$"""
            [{
              "labels": {"alertname": "OpdUplinkDown", "opd": "BKD", "instance": "sw-core-bkd", "severity": "critical"},
              "annotations": {"summary": "Uplink BKD tidak merespons ping"},
              "startsAt": "{{AlertApi.Time(startsAt)}}"{{(endsAt is { } e ? $", \"endsAt\": \"{AlertApi.Time(e)}\"" : "")}}
            }]
            """;

        await PostToAlertmanagerAsync(Alert(null));
        await EventuallyAsync(() => _app.QueryAsync(db => db.Reports.AnyAsync(r => r.Channel == ReportChannel.Monitoring)),
            "the firing alert to open a report through the webhook");
        var report = await _app.QueryAsync(db => db.Reports.Include(r => r.Opd).SingleAsync(r => r.Channel == ReportChannel.Monitoring));
        Assert.Equal("BKD", report.Opd!.ShortName);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(startsAt, report.SlaClockStartUtc);
        var alert = await _app.QueryAsync(db => db.MonitoringAlerts.SingleAsync());
        Assert.Equal("sw-core-bkd", alert.DeviceLabel);
        Assert.Equal(report.Id, alert.ReportId);

        // The same alert again: Alertmanager repeats the notification, the app notes it on the one report.
        await PostToAlertmanagerAsync(Alert(null));
        await EventuallyAsync(() => _app.QueryAsync(db => db.ReportEvents.AnyAsync(e => e.ReportId == report.Id && e.Action == WorkflowAction.Note)),
            "the repeated alert to add a note to the report");
        Assert.Equal(1, await _app.QueryAsync(db => db.Reports.CountAsync(r => r.Channel == ReportChannel.Monitoring)));

        // Resolved: endsAt in the past.
        var endsAt = DateTime.UtcNow.AddSeconds(-30);
        endsAt = endsAt.AddTicks(-(endsAt.Ticks % TimeSpan.TicksPerSecond));
        await PostToAlertmanagerAsync(Alert(endsAt));
        await EventuallyAsync(() => _app.QueryAsync(db => db.Reports.AnyAsync(r => r.Id == report.Id && r.AlertResolvedAtUtc != null)),
            "the resolved alert to reach the report");
        var notes = await _app.QueryAsync(db => db.ReportEvents.Where(e => e.ReportId == report.Id && e.Action == WorkflowAction.Note)
            .Select(e => e.Note!).ToListAsync());
        Assert.Contains(notes, n => n.Contains("pulih", StringComparison.Ordinal) && n.Contains("Kepala Dinas dapat menutup", StringComparison.Ordinal));
        Assert.Equal(endsAt, await _app.QueryAsync(db => db.MonitoringAlerts.Select(a => a.EndsAtUtc).SingleAsync()));
        Assert.Equal(1, await _app.QueryAsync(db => db.Reports.CountAsync(r => r.Channel == ReportChannel.Monitoring)));
    }

    private async Task PostToAlertmanagerAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _alertmanager!.PostAsync(new Uri("api/v2/alerts", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager refused the alert: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with what was awaited and Alertmanager's log.</summary>
    private async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                Assert.Fail($"Timed out waiting for {what}. Alertmanager said:\n{Output}\nApp log:\n{await _app.ReadLogsAsync()}");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Uri Listening(IServiceProvider services)
    {
        var address = services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        var uri = new Uri(address);
        var host = uri.Host is "localhost" or "[::]" or "0.0.0.0" or "+" or "*" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }
}
