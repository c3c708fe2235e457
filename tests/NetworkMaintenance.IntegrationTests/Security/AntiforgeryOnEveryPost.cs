using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// Every POST endpoint of <see cref="EndpointAccessTable"/> refuses a request without the antiforgery token with 400
/// and changes nothing, even from someone allowed to use it. The app validates tokens globally
/// (AutoValidateAntiforgeryTokenAttribute in AppHost); only the error pages, which re-execute failed requests of any
/// method and change nothing, opt out, and the machine endpoints that a bearer token opens (never a cookie: a forged
/// cross-site request carries no bearer token, so there is nothing for an antiforgery token to protect).
/// </summary>
[Collection(SecurityGroup.Name)]
public sealed class AntiforgeryOnEveryPost(SecurityWorld world)
{
    /// <summary>POST endpoints that carry [IgnoreAntiforgeryToken], and why.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        ["/galat"] = "the error page re-executes a failed request of any method; it only renders",
        ["/galat/{code:int}"] = "the status-code page re-executes a failed request of any method; it only renders",
        ["/api/alerts/alertmanager"] = "machine endpoint: authenticated by the monitoring source's bearer token, never by the cookie",
        ["/api/alerts/generic"] = "machine endpoint: authenticated by the monitoring source's bearer token, never by the cookie",
    };

    [Fact]
    public void OnlyTheErrorPagesAndTheBearerTokenEndpointsIgnoreTheToken()
    {
        var ignoring = world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();

        Assert.Equal(Exempt.Keys.Order(StringComparer.Ordinal), ignoring.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task APostWithoutTheTokenIsRefusedWith400AndChangesNothing()
    {
        var failures = new List<string>();
        var before = await StateAsync();
        foreach (var rule in EndpointAccessTable.Rules.Where(r => r.Method == "POST" && !Exempt.ContainsKey(r.Route)))
        {
            // Someone the table allows: the refusal must come from the missing token, not from authorization.
            var (who, userName) = SecurityWorld.Principals.Last(p => rule.Allowed.HasFlag(p.Who));
            using var browser = await EndpointAccessMatrix.Browser.OpenAsync(world.Factory, userName);
            var url = world.UrlFor(rule.Route, userName);

            using var response = await browser.Session.PostRawAsync(url, world.FormFor(rule.Route));

            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{rule} as {who}: expected 400, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, "Posts without an antiforgery token that were not refused:\n" + string.Join("\n", failures));
        Assert.Equal(before, await StateAsync());
    }

    /// <summary>A summary of everything a POST of the app can change.</summary>
    private Task<string> StateAsync() => world.Factory.QueryAsync(async db => string.Join(" | ",
        "reports " + string.Join(",", await db.Reports.OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Status + ":" + r.Version).ToListAsync()),
        "events " + await db.ReportEvents.CountAsync(),
        "pauses " + await db.ReportPauses.CountAsync(),
        "attachments " + await db.Attachments.CountAsync(),
        "documents " + await db.IssuedDocuments.CountAsync(),
        "settings " + await db.DocumentSettings.Select(s => s.UpdatedAtUtc).SingleOrDefaultAsync(),
        "complaints " + string.Join(",", await db.Complaints.OrderBy(c => c.Id).Select(c => c.Id + ":" + c.Status).ToListAsync()),
        "guests " + string.Join(",", await db.GuestBookEntries.OrderBy(g => g.Id).Select(g => g.Id + ":" + g.TimeOutUtc).ToListAsync()),
        "unread " + await db.Notifications.CountAsync(n => n.ReadAtUtc == null),
        "plh " + string.Join(",", await db.ActingAppointments.OrderBy(a => a.Id).Select(a => a.Id + ":" + a.RevokedAtUtc).ToListAsync()),
        "surveys " + await db.SatisfactionSurveys.CountAsync(),
        "monitoring " + string.Join(",", await db.MonitoringSources.OrderBy(s => s.Id).Select(s => s.Id + ":" + s.RevokedAtUtc).ToListAsync()),
        "lapor " + string.Join(",", await db.Complaints.OrderBy(c => c.Id).Select(c => c.Id + ":" + c.LaporNumber).ToListAsync()),
        "standard " + string.Join(",", await db.ServiceStandardSections.OrderBy(s => s.Key).Select(s => s.UpdatedAtUtc).ToListAsync()),
        "opds " + string.Join(",", await db.Opds.OrderBy(o => o.Id).Select(o => o.Id + ":" + o.Name + ":" + o.IsActive).ToListAsync()),
        "units " + string.Join(",", await db.OrgUnits.OrderBy(u => u.Id).Select(u => u.Id + ":" + u.Name + ":" + u.IsActive).ToListAsync()),
        "users " + string.Join(",", await db.Users.OrderBy(u => u.Id)
            .Select(u => u.UserName + ":" + u.IsActive + ":" + u.SecurityStamp + ":" + u.PasswordHash + ":" + u.LockoutEnd).ToListAsync())));
}
