using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// Someone whose role may use an endpoint still gets 404 for an object that is not theirs: another OPD's report
/// (and everything under it), a report a technician is not assigned to, another user's notification, another
/// official's Plh. appointment. Report-scoped endpoints are taken from <see cref="EndpointAccessTable"/>, so a new
/// one is covered without editing this class. (Complaints and guest book entries belong to the front desk as a
/// whole and the user pages to the administrator: <see cref="EndpointAccessMatrix"/> covers them.)
/// </summary>
[Collection(SecurityGroup.Name)]
public sealed class ObjectLevelAccess(SecurityWorld world)
{
    private static readonly IReadOnlyList<EndpointRule> ReportScoped = EndpointAccessTable.Rules
        .Where(r => r.Route.StartsWith("/laporan/{id:int}", StringComparison.Ordinal)
            || r.Route.StartsWith("/lampiran/{id:int}", StringComparison.Ordinal))
        .ToList();

    public static TheoryData<string, Who> Outsiders() => new()
    {
        { "pelapor", Who.Pelapor },       // BKD reporter, report D is the Dinkes's
        { "teknisi", Who.Teknisi },       // assigned to report R only
        { "teknisi2", Who.Teknisi },
        { "admin", Who.Administrator },   // manages the system, not reports
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task EveryReportEndpointAnswers404ForAReportOutsideTheUsersAudience(string userName, Who role)
    {
        var before = await ReportStateAsync(world.OtherOpdReportId);
        using var browser = await EndpointAccessMatrix.Browser.OpenAsync(world.Factory, userName);
        var failures = new List<string>();

        foreach (var rule in ReportScoped)
        {
            var url = world.OtherOpdUrlFor(rule.Route);
            // The wet-signature print of a document too.
            foreach (var variant in rule.Route.Contains("/dokumen/", StringComparison.Ordinal) ? new[] { url, url + "?basah=1" } : [url])
            {
                using var response = await browser.SendAsync(rule.Method, variant, world.FormFor(rule.Route));
                // Allowed by role: the object check must answer 404 (the report's existence is not revealed).
                // Not allowed by role: any refusal.
                var ok = rule.Allowed.HasFlag(role)
                    ? response.StatusCode == HttpStatusCode.NotFound
                    : EndpointAccessMatrix.Denial(response, variant) is not null;
                if (!ok) failures.Add($"{rule.Method} {variant}: got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, $"{userName} reached report D:\n" + string.Join("\n", failures));
        Assert.Equal(before, await ReportStateAsync(world.OtherOpdReportId));
    }

    [Fact]
    public async Task AReporterOfTheOtherOpdCannotReachReportR()
    {
        var before = await ReportStateAsync(world.ReportId);
        using var browser = await EndpointAccessMatrix.Browser.OpenAsync(world.Factory, "pelapor.dinkes");
        var failures = new List<string>();

        foreach (var rule in ReportScoped)
        {
            var url = world.UrlFor(rule.Route, "pelapor.dinkes");
            using var response = await browser.SendAsync(rule.Method, url, world.FormFor(rule.Route));
            var ok = rule.Allowed.HasFlag(Who.Pelapor)
                ? response.StatusCode == HttpStatusCode.NotFound
                : EndpointAccessMatrix.Denial(response, url) is not null;
            if (!ok) failures.Add($"{rule.Method} {url}: got {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(failures.Count == 0, "pelapor.dinkes reached report R:\n" + string.Join("\n", failures));
        Assert.Equal(before, await ReportStateAsync(world.ReportId));
    }

    [Theory]
    [InlineData("pelapor", "/laporan")]
    [InlineData("pelapor", "/tugas")]
    [InlineData("pelapor", "/")]
    [InlineData("teknisi", "/laporan")]
    [InlineData("teknisi", "/tugas")]
    [InlineData("teknisi", "/laporan/ekspor.csv")]
    [InlineData("teknisi", "/laporan/ekspor.xlsx")]
    public async Task ListsAndExportsLeaveOutReportsOutsideTheUsersAudience(string userName, string url)
    {
        var number = await world.Factory.QueryAsync(db => db.Reports.Where(r => r.Id == world.OtherOpdReportId).Select(r => r.Number).SingleAsync());
        using var session = await WebSession.SignedInAsync(world.Factory, userName);

        using var response = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var text = url.EndsWith(".xlsx", StringComparison.Ordinal) ? XlsxText(body) : System.Text.Encoding.UTF8.GetString(body);
        Assert.DoesNotContain(number, text, StringComparison.Ordinal);
        Assert.DoesNotContain($"/laporan/{world.OtherOpdReportId}\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AComplaintsAttachmentIsServedToTheFrontDeskOnly()
    {
        var url = $"/lampiran/{world.ComplaintAttachmentId}";
        foreach (var (who, userName) in SecurityWorld.Principals)
        {
            using var browser = await EndpointAccessMatrix.Browser.OpenAsync(world.Factory, userName);
            using var response = await browser.SendAsync("GET", url, []);
            if (who == Who.PetugasLayanan)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            }
            else
            {
                Assert.True(EndpointAccessMatrix.Denial(response, url) is not null, $"{who} got {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task NobodyMarksAnotherUsersNotificationRead()
    {
        var kadisId = await world.Factory.UserIdAsync("kadis");
        var notificationId = await world.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.AppDbContext>();
            var n = new Notification(kadisId, "Hanya untuk Kadis", world.ReportId, DateTime.UtcNow);
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });

        foreach (var userName in new[] { "pelapor", "kabid", "admin" })
        {
            using var browser = await EndpointAccessMatrix.Browser.OpenAsync(world.Factory, userName);
            using var response = await browser.SendAsync("POST", $"/notifikasi/{notificationId}/baca", []);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Hanya untuk Kadis", await browser.Session.GetPageAsync("/notifikasi"), StringComparison.Ordinal);
        }

        Assert.Null(await world.Factory.QueryAsync(db => db.Notifications.Where(n => n.Id == notificationId).Select(n => n.ReadAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task OnlyTheOfficialWhoAppointedAPlhRevokesIt()
    {
        var appointmentId = await world.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.AppDbContext>();
            var users = await db.Users.Where(u => u.UserName == "kadis" || u.UserName == "kabid.ikp")
                .ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var start = world.Factory.Clock.TodayWib.AddDays(5);
            var a = new ActingAppointment(users["kadis"], users["kabid.ikp"], start, start.AddDays(1), "Cuti", users["kadis"], world.Factory.Clock.GetUtcNow().UtcDateTime);
            db.ActingAppointments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

        // Another official, and the acting official themself.
        foreach (var userName in new[] { "kabid", "kasi", "kabid.ikp" })
        {
            using var browser = await EndpointAccessMatrix.Browser.OpenAsync(world.Factory, userName);
            using var response = await browser.SendAsync("POST", $"/plh/{appointmentId}/cabut", []);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null(await world.Factory.QueryAsync(db => db.ActingAppointments.Where(a => a.Id == appointmentId).Select(a => a.RevokedAtUtc).SingleAsync()));
    }

    private Task<string> ReportStateAsync(int reportId) => world.Factory.QueryAsync(async db =>
        string.Join(" | ",
            await db.Reports.Where(r => r.Id == reportId).Select(r => r.Status + ":" + r.Version).SingleAsync(),
            await db.ReportEvents.CountAsync(e => e.ReportId == reportId),
            await db.Attachments.CountAsync(a => a.ReportId == reportId),
            await db.SatisfactionSurveys.CountAsync(s => s.ReportId == reportId),
            await db.ReportPauses.CountAsync(p => p.ReportId == reportId)));

    /// <summary>The text of every part of an .xlsx (a zip of XML parts).</summary>
    private static string XlsxText(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        return string.Join("\n", zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
