using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Security;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using static NetworkMaintenance.IntegrationTests.Monitoring.AlertApi;

namespace NetworkMaintenance.IntegrationTests.Monitoring;

/// <summary>
/// POST /api/alerts/alertmanager and /api/alerts/generic over HTTP: tokens, payload validation (nothing stored on a
/// refusal), a firing alert opening a Monitoring report whose clock starts at the alert's start, repeats, resolution and
/// the Kadis's "selesai dengan sendirinya" through the workflow.
/// </summary>
public sealed class AlertIntakeTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<string> StateAsync() => factory.QueryAsync(async db => string.Join(" | ",
        await db.Reports.CountAsync(), await db.ReportEvents.CountAsync(), await db.MonitoringAlerts.CountAsync()));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>Posts the close-as-resolved step with a valid antiforgery token but without its form (as a crafted request would).</summary>
    private async Task<HttpResponseMessage> PostStepDirectlyAsync(WorkflowDriver driver, string userName, int reportId)
    {
        var session = await driver.As(userName);
        var html = await session.GetPageAsync("/");
        var token = WebPageHelpers.GetRequestVerificationToken(html, "/keluar");
        // The report's current version: a refusal then comes from the workflow, not from a stale form.
        var version = (await factory.QueryAsync(db => db.Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync())).ToString();
        return await session.PostWithTokenAsync($"/laporan/{reportId}/langkah/{WorkflowAction.CloseResolvedByItself}",
            [new("Note", "tutup"), new("Version", version)], token);
    }

    [Fact]
    public async Task TheAdministratorMakesASourceWhoseTokenIsShownOnceStoredAsAHashAndRevocable()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        using var created = await admin.SubmitFormAsync("/admin/pemantauan", "/admin/pemantauan/baru", [new("name", "Alertmanager Data Center")]);
        var page = await HttpAssert.OkPageAsync(created);
        var token = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"token-value\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith("nm_alert_", token, StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.MonitoringSources.SingleAsync(s => s.Name == "Alertmanager Data Center"));
        Assert.Equal(SecretToken.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, await admin.GetPageAsync("/admin/pemantauan"), StringComparison.Ordinal);

        using var client = factory.CreateClient();
        var now = DateTime.UtcNow;
        using (var ok = await PostAsync(client, "/api/alerts/alertmanager", token, Alertmanager("admin-made", "resolved", "BKD", now.AddMinutes(-5), now)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var revoked = await admin.SubmitFormAsync("/admin/pemantauan", $"/admin/pemantauan/{stored.Id}/cabut", []))
        {
            await HttpAssert.RedirectsToAsync(revoked, "/admin/pemantauan");
        }
        using var refused = await PostAsync(client, "/api/alerts/alertmanager", token, Alertmanager("admin-made", "firing", "BKD", now));
        await AssertProblemAsync(refused, HttpStatusCode.Unauthorized, "Token tidak sah");
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EventType == AuditEvents.MonitoringSourceRevoked)));
    }

    [Fact]
    public async Task MissingWrongAndRevokedTokensAre401ProblemsAndStoreNothing()
    {
        var (_, token) = await CreateSourceAsync(factory, "Zabbix uji token");
        using var client = factory.CreateClient();
        var body = Alertmanager("token-test", "firing", "BKD", DateTime.UtcNow.AddMinutes(-3));
        var before = await StateAsync();

        foreach (var presented in new string?[] { null, "", "nm_alert_salah", token + "x", new string('a', 500) })
        {
            using var response = await PostAsync(client, "/api/alerts/alertmanager", presented, body);
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Token tidak sah");
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
        // A cookie session is no substitute for the token.
        using var kadis = await WebSession.SignedInAsync(factory, "kadis");
        using (var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
        using (var withCookie = await kadis.Client.PostAsync(new Uri("/api/alerts/generic", UriKind.Relative), content))
        {
            await AssertProblemAsync(withCookie, HttpStatusCode.Unauthorized, "Token tidak sah");
        }
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task MalformedOversizedOrUnknownPayloadsAre400ProblemsAndStoreNothing()
    {
        var (_, token) = await CreateSourceAsync(factory, "Uji payload");
        using var client = factory.CreateClient();
        var now = DateTime.UtcNow;
        var before = await StateAsync();
        var good = Alertmanager("payload-good", "firing", "BKD", now.AddMinutes(-1));
        (string Path, string Body, string Title)[] cases =
        [
            ("/api/alerts/alertmanager", "{ bukan json", "Isi permintaan bukan JSON yang sah"),
            ("/api/alerts/alertmanager", "[]", "Payload peringatan tidak sah"),
            ("/api/alerts/alertmanager", good.Replace("\"version\": \"4\"", "\"version\": \"3\"", StringComparison.Ordinal), "Payload peringatan tidak sah"),
            ("/api/alerts/alertmanager", Alertmanager("payload-x", "firing", "TIDAKADA", now), "Payload peringatan tidak sah"),
            ("/api/alerts/alertmanager", good.Replace("\"status\": \"firing\",\n", "\"status\": \"menyala\",\n", StringComparison.Ordinal)
                .Replace("\"status\": \"firing\"", "\"status\": \"menyala\"", StringComparison.Ordinal), "Payload peringatan tidak sah"),
            ("/api/alerts/alertmanager", good.Replace(AlertApi.Time(now.AddMinutes(-1)), "kemarin sore", StringComparison.Ordinal), "Payload peringatan tidak sah"),
            // One good alert and one for an unknown OPD: the whole delivery is refused, the good one is not stored either.
            ("/api/alerts/alertmanager", good.Replace("\"alerts\": [{", "\"alerts\": [{\"status\": \"firing\", \"labels\": {\"opd\": \"XYZ\"}, \"startsAt\": \"" + AlertApi.Time(now) + "\"}, {", StringComparison.Ordinal),
                "Payload peringatan tidak sah"),
            ("/api/alerts/generic", """{"opd": "BKD", "startsAt": "2026-12-01T00:00:00Z"}""", "Payload peringatan tidak sah"),
            ("/api/alerts/generic", """{"opd": "", "summary": "Router mati", "startsAt": "2026-12-01T00:00:00Z"}""", "Payload peringatan tidak sah"),
            ("/api/alerts/generic", "{\"opd\": \"BKD\", \"summary\": \"" + new string('x', 1_100_000) + "\", \"startsAt\": \"2026-12-01T00:00:00Z\"}",
                "Isi permintaan terlalu besar"),
        ];
        foreach (var (path, body, title) in cases)
        {
            using var response = await PostAsync(client, path, token, body);
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, title);
        }
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task AFiringAlertOpensOneReportRepeatsAddNotesAndTheKadisClosesItOnceResolved()
    {
        var (sourceId, token) = await CreateSourceAsync(factory, "Alertmanager uji alur");
        using var client = factory.CreateClient();
        var startsAt = DateTime.UtcNow.AddMinutes(-40);
        startsAt = startsAt.AddTicks(-(startsAt.Ticks % TimeSpan.TicksPerSecond));

        using (var first = await PostAsync(client, "/api/alerts/alertmanager", token, Alertmanager("fp-flow", "firing", "BKD", startsAt)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Contains("Opened", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var alert = await factory.QueryAsync(db => db.MonitoringAlerts.SingleAsync(a => a.SourceId == sourceId));
        var report = await factory.QueryAsync(db => db.Reports.Include(r => r.Opd).Include(r => r.Events).SingleAsync(r => r.Id == alert.ReportId));
        Assert.Equal(ReportChannel.Monitoring, report.Channel);
        Assert.Equal("BKD", report.Opd!.ShortName);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(startsAt, report.ReceivedAtUtc);
        Assert.Equal(startsAt, report.SlaClockStartUtc);
        Assert.Equal("sw-core-BKD", alert.DeviceLabel);
        var systemUser = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "sistem.pemantauan"));
        Assert.False(systemUser.IsActive);
        Assert.Null(systemUser.PasswordHash);
        Assert.Equal(systemUser.Id, report.RecordedByUserId);
        var submitted = Assert.Single(report.Events);
        Assert.Equal(Roles.Sistem, submitted.ActorRole);
        Assert.Equal(systemUser.Id, await factory.QueryAsync(db => db.AuditEntries
            .Where(a => a.EventType == AuditEvents.WorkflowStep(WorkflowAction.Submit) && a.ObjectNumber == report.Number)
            .Select(a => a.ActorUserId).SingleAsync()));

        // The same alert again (Alertmanager's repeat, or the generic endpoint with the same id): one report, a note.
        using (var again = await PostAsync(client, "/api/alerts/alertmanager", token, Alertmanager("fp-flow", "firing", "BKD", startsAt)))
        {
            Assert.Contains("Updated", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(1, await factory.QueryAsync(db => db.Reports.CountAsync(r => r.Channel == ReportChannel.Monitoring && r.OpdId == report.OpdId && r.Status == ReportStatus.Submitted)));
        var afterRepeat = await factory.QueryAsync(db => db.ReportEvents.Where(e => e.ReportId == report.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([WorkflowAction.Submit, WorkflowAction.Note], afterRepeat.Select(e => e.Action));
        Assert.Contains("diterima lagi (ke-2)", afterRepeat[1].Note, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, afterRepeat[1].ToStatus);
        Assert.Null(afterRepeat[1].FromStatus);

        // Before the alert resolves, the Kadis is not offered the shortcut and cannot take it.
        using var driver = new WorkflowDriver(factory);
        var kadis = await driver.As("kadis");
        var page = await kadis.GetPageAsync($"/laporan/{report.Id}");
        Assert.DoesNotContain($"/laporan/{report.Id}/langkah/{WorkflowAction.CloseResolvedByItself}", page, StringComparison.Ordinal);

        var endsAt = startsAt.AddMinutes(25);
        using (var resolved = await PostAsync(client, "/api/alerts/alertmanager", token, Alertmanager("fp-flow", "resolved", "BKD", startsAt, endsAt)))
        {
            Assert.Contains("Updated", await resolved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var events = await driver.EventsAsync(report.Id);
        Assert.Contains("pulih", events[^1].Note, StringComparison.Ordinal);
        Assert.Contains("Kepala Dinas dapat menutup", events[^1].Note, StringComparison.Ordinal);
        Assert.Equal(endsAt, await factory.QueryAsync(db => db.MonitoringAlerts.Where(a => a.Id == alert.Id).Select(a => a.EndsAtUtc).SingleAsync()));

        // The Kepala Seksi may not take the Kadis's step.
        using (await PostStepDirectlyAsync(driver, "kasi", report.Id)) { }
        Assert.Equal(ReportStatus.Submitted, await driver.StatusAsync(report.Id));
        Assert.Contains($"/laporan/{report.Id}/langkah/{WorkflowAction.CloseResolvedByItself}", await kadis.GetPageAsync($"/laporan/{report.Id}"), StringComparison.Ordinal);
        await driver.StepOkAsync("kadis", report.Id, WorkflowAction.CloseResolvedByItself, ReportStatus.Closed, ("Note", "Pulih sendiri, tidak perlu tindakan"));
        var closed = await factory.QueryAsync(db => db.Reports.SingleAsync(r => r.Id == report.Id));
        Assert.Equal(endsAt, closed.WorkCompletedAtUtc);
        Assert.Equal((long)(endsAt - startsAt).TotalSeconds, closed.SlaElapsedSeconds);

        // The same fingerprint firing after its report closed opens a new report.
        using (var refire = await PostAsync(client, "/api/alerts/alertmanager", token, Alertmanager("fp-flow", "firing", "BKD", DateTime.UtcNow.AddMinutes(-1))))
        {
            Assert.Contains("Opened", await refire.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var alerts = await factory.QueryAsync(db => db.MonitoringAlerts.Where(a => a.SourceId == sourceId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, alerts.Count);
        Assert.Null(alerts[0].CurrentKey);
        Assert.NotEqual(alerts[0].ReportId, alerts[1].ReportId);
    }

    [Fact]
    public async Task OnceSomeoneActedAResolvedAlertOnlyAddsANoteAndTheReportFollowsTheChain()
    {
        var (_, token) = await CreateSourceAsync(factory, "LibreNMS uji");
        using var client = factory.CreateClient();
        var startsAt = DateTime.UtcNow.AddHours(-2);
        var generic = $$"""{"source": "librenms", "id": "lnms-77", "opd": "dinkes", "device": "ap-lantai-2", "severity": "critical", "summary": "AP lantai 2 Dinkes mati", "startsAt": "{{AlertApi.Time(startsAt)}}"}""";
        using (var opened = await PostAsync(client, "/api/alerts/generic", token, generic))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
        var reportId = await factory.QueryAsync(db => db.MonitoringAlerts.Where(a => a.Fingerprint == "lnms-77").Select(a => a.ReportId!.Value).SingleAsync());
        using var driver = new WorkflowDriver(factory);
        await driver.DisposeAsync(reportId);

        var resolvedBody = generic.Replace("\"startsAt\"", $"\"endsAt\": \"{AlertApi.Time(DateTime.UtcNow.AddMinutes(-1))}\", \"startsAt\"", StringComparison.Ordinal);
        using (var resolved = await PostAsync(client, "/api/alerts/generic", token, resolvedBody))
        {
            Assert.Contains("Updated", await resolved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var events = await driver.EventsAsync(reportId);
        Assert.Equal(WorkflowAction.Note, events[^1].Action);
        Assert.DoesNotContain("Kepala Dinas dapat menutup", events[^1].Note, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.DisposedToKabid, await driver.StatusAsync(reportId));
        // No shortcut: the step is not offered in this state, and posting it changes nothing.
        Assert.DoesNotContain($"/langkah/{WorkflowAction.CloseResolvedByItself}", await (await driver.As("kadis")).GetPageAsync($"/laporan/{reportId}"), StringComparison.Ordinal);
        using (await PostStepDirectlyAsync(driver, "kadis", reportId)) { }
        Assert.Equal(ReportStatus.DisposedToKabid, await driver.StatusAsync(reportId));
        await driver.VerifyAsync(reportId);
        Assert.Equal(ReportStatus.DisposedToKasi, await driver.StatusAsync(reportId));

        // A resolution for an alert that opened nothing is ignored.
        var stray = $$"""{"id": "never-fired", "opd": "BKD", "summary": "Tidak pernah aktif", "startsAt": "{{AlertApi.Time(startsAt)}}", "endsAt": "{{AlertApi.Time(startsAt.AddMinutes(1))}}"}""";
        using var ignored = await PostAsync(client, "/api/alerts/generic", token, stray);
        Assert.Contains("Ignored", await ignored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.MonitoringAlerts.AnyAsync(a => a.Fingerprint == "never-fired")));
    }
}
