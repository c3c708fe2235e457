using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Web.Features.Sla;

namespace NetworkMaintenance.IntegrationTests.Sla;

/// <summary>Pausing and resuming the clock from the report page, the badges, and the monitor's escalations.</summary>
public sealed class SlaClockOverHttp(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc); // 08.00 WIB

    [Fact]
    public async Task TheTechnicianPausesAndResumesWithAReasonAndTheTimelineShowsIt()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(Start));
        var id = await app.ReceiveAsync(Start);
        await app.ToRepairingAsync(id);
        app.At(Start.AddHours(2));

        using var teknisi = await WebSession.SignedInAsync(app.Factory, "teknisi");
        var url = $"/laporan/{id}";
        var page = await teknisi.GetPageAsync(url);
        Assert.Contains("data-sla=\"OnTime\"", page);
        var version = WebPageHelpers.InputValue(page, "Version")!;
        var token = WebPageHelpers.GetRequestVerificationToken(page, $"/laporan/{id}/jeda");

        // A reason is required.
        using (var refused = await teknisi.PostWithTokenAsync($"/laporan/{id}/jeda",
            [new("Reason", nameof(SlaPauseReason.WaitingForReporter)), new("Note", " "), new("Version", version)], token))
        {
            await HttpAssert.RedirectsToAsync(refused, url);
        }
        Assert.Null(await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.SlaPausedSinceUtc).SingleAsync()));

        using (var paused = await teknisi.PostWithTokenAsync($"/laporan/{id}/jeda",
            [new("Reason", nameof(SlaPauseReason.WaitingForReporter)), new("Note", "Ruang server OPD terkunci"), new("Version", version)], token))
        {
            await HttpAssert.RedirectsToAsync(paused, url);
        }
        app.Clock.Advance(TimeSpan.FromHours(30));
        // The sign-in cookie does not outlive thirty hours.
        using var teknisiLater = await WebSession.SignedInAsync(app.Factory, "teknisi");
        page = await teknisiLater.GetPageAsync(url);
        Assert.Contains("data-sla=\"Paused\"", page);
        Assert.Contains("Waktu layanan dijeda: Menunggu pelapor", WebPageHelpers.Text(page));
        Assert.Contains("Ruang server OPD terkunci", WebPageHelpers.Text(page));
        Assert.Equal(ReportStatus.Repairing, await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        // The Kasi resumes; the 30 paused hours move the deadline.
        using var kasi = await WebSession.SignedInAsync(app.Factory, "kasi");
        var kasiPage = await kasi.GetPageAsync(url);
        using (var resumed = await kasi.PostWithTokenAsync($"/laporan/{id}/lanjutkan",
            [new("Version", WebPageHelpers.InputValue(kasiPage, "Version")!)],
            WebPageHelpers.GetRequestVerificationToken(kasiPage, $"/laporan/{id}/lanjutkan")))
        {
            await HttpAssert.RedirectsToAsync(resumed, url);
        }
        var start = await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.SlaClockStartUtc).SingleAsync());
        Assert.Equal(Start.AddHours(30), start);
        page = await teknisiLater.GetPageAsync(url);
        Assert.Contains("Waktu layanan dilanjutkan", WebPageHelpers.Text(page));
        Assert.Contains("data-sla=\"OnTime\"", page);

        var list = await kasi.GetPageAsync("/laporan");
        Assert.Contains("data-sla=\"OnTime\"", list);

        // Both are in the audit log, by who did them; the refused pause (no note) wrote nothing.
        var audit = await app.QueryAsync(db => db.AuditEntries.Where(e => e.ObjectType == "Report" && e.ObjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && e.EventType.StartsWith("sla."))
            .OrderBy(e => e.Id).Select(e => new { e.EventType, e.ActorUserName }).ToListAsync());
        Assert.Equal(new[] { ("sla.paused", "teknisi"), ("sla.resumed", "kasi") }, audit.Select(e => (e.EventType, e.ActorUserName ?? "")));
    }

    [Fact]
    public async Task PeopleOtherThanTheTechnicianOrKasiCannotPause()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(Start));
        var id = await app.ReceiveAsync(Start);
        await app.ToRepairingAsync(id);

        using var kabid = await WebSession.SignedInAsync(app.Factory, "kabid");
        var page = await kabid.GetPageAsync($"/laporan/{id}");
        Assert.DoesNotContain("data-testid=\"pause-form\"", page);
        var token = WebPageHelpers.GetRequestVerificationToken(page, "/keluar");
        using var response = await kabid.PostWithTokenAsync($"/laporan/{id}/jeda",
            [new("Reason", nameof(SlaPauseReason.WaitingForDevice)), new("Note", "alasan"), new("Version", WebPageHelpers.InputValue(page, "Version") ?? "")], token);
        Assert.True(WebSession.IsRedirect(response.StatusCode) || response.StatusCode == HttpStatusCode.BadRequest);
        Assert.Null(await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.SlaPausedSinceUtc).SingleAsync()));

        using var reporter = await WebSession.SignedInAsync(app.Factory, "pelapor");
        var reporterPage = await reporter.GetPageAsync($"/laporan/{id}");
        using var forbidden = await reporter.PostWithTokenAsync($"/laporan/{id}/jeda",
            [new("Reason", nameof(SlaPauseReason.WaitingForDevice)), new("Note", "alasan"), new("Version", Guid.Empty.ToString())],
            WebPageHelpers.GetRequestVerificationToken(reporterPage, "/keluar"));
        Assert.True(forbidden.StatusCode is HttpStatusCode.Forbidden || WebSession.IsRedirect(forbidden.StatusCode));
        Assert.Null(await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.SlaPausedSinceUtc).SingleAsync()));
    }
}

/// <summary>The monitor's escalations, on a database of their own (other reports would be escalated too).</summary>
public sealed class SlaEscalations(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheMonitorEscalatesTheWarningAndTheBreachToKasiAndKabidExactlyOnce()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(Start));
        var id = await app.ReceiveAsync(Start.AddDays(1));
        await app.ToRepairingAsync(id);
        var number = await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        Task<int> RunAsync() => app.ScopeAsync(sp => sp.GetRequiredService<SlaMonitor>().RunOnceAsync());
        Task<int> NotesAsync(string text) => app.QueryAsync(db => db.Notifications.CountAsync(n => n.ReportId == id && n.Message.Contains(text)));

        app.At(Start.AddDays(1).AddHours(19));
        Assert.Equal(0, await RunAsync());
        app.At(Start.AddDays(1).AddHours(20).AddMinutes(1));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        Assert.Equal(2, await NotesAsync("mendekati batas"));

        app.At(Start.AddDays(2).AddMinutes(1));
        Assert.Equal(1, await RunAsync());
        app.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await RunAsync());
        Assert.Equal(2, await NotesAsync("melewati batas"));
        Assert.Equal(2, await NotesAsync("mendekati batas"));
        var kinds = await app.QueryAsync(db => db.SlaEscalations.Where(e => e.ReportId == id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([SlaEscalationKind.Warning, SlaEscalationKind.Breach], kinds.Order());
        var recipients = await app.QueryAsync(db => db.Notifications.Where(n => n.ReportId == id && n.Message.Contains("melewati"))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).ToListAsync());
        Assert.Equal(["kabid", "kasi"], recipients.Order());
        Assert.Contains(number, await app.QueryAsync(db => db.Notifications.Where(n => n.ReportId == id && n.Message.Contains("melewati")).Select(n => n.Message).FirstAsync()));
    }
}
