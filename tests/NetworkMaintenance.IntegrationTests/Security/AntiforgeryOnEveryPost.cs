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
/// cross-site request carries no bearer token, so there is nothing for an antiforgery token to protect): the monitoring
/// alert intake and the JSON API (/api/v1), which opts out only because no cookie authenticates it
/// (<see cref="ApiRoutesIgnoreTheTokenOnlyBecauseNoCookieAuthenticatesThem"/>).
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

        // The API's routes are exempt as a whole, for the reason checked below.
        var api = EndpointAccessTable.Rules.Where(r => r.IsApi).Select(r => r.Route).ToHashSet();
        Assert.Equal(Exempt.Keys.Concat(api).Order(StringComparer.Ordinal), ignoring.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Each endpoint of /api/v1 authenticates with the "ApiToken" scheme and nothing else (so a browser's cookie, which
    /// a forged request would carry, never signs it in), and a signed-in browser's POST there, with or without the
    /// antiforgery token, is refused with 401 and changes nothing.
    /// </summary>
    [Fact]
    public async Task ApiRoutesIgnoreTheTokenOnlyBecauseNoCookieAuthenticatesThem()
    {
        var endpoints = world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is not null
                && ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/api/v1/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var schemes = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .SelectMany(a => (a.AuthenticationSchemes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct().ToList();
            Assert.True(schemes.SequenceEqual(["ApiToken"]), $"{endpoint.RoutePattern.RawText} authenticates with [{string.Join(", ", schemes)}]");
            Assert.Null(endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>());
        }

        var before = await StateAsync();
        foreach (var rule in EndpointAccessTable.Rules.Where(r => r.IsApi && r.Method == "POST"))
        {
            var (who, userName) = SecurityWorld.Principals.Last(p => rule.Allowed.HasFlag(p.Who));
            using var browser = await EndpointAccessMatrix.Browser.OpenAsync(world.Factory, userName);
            var url = world.UrlFor(rule.Route, userName);
            using var withToken = await browser.SendAsync("POST", url, []);
            using var without = await browser.Session.PostRawAsync(url, []);
            Assert.True(withToken.StatusCode == HttpStatusCode.Unauthorized, $"{rule} as {who}'s browser with the form token: {(int)withToken.StatusCode}");
            Assert.True(without.StatusCode == HttpStatusCode.Unauthorized, $"{rule} as {who}'s browser: {(int)without.StatusCode}");
        }
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task APostWithoutTheTokenIsRefusedWith400AndChangesNothing()
    {
        var failures = new List<string>();
        var before = await StateAsync();
        foreach (var rule in EndpointAccessTable.Rules.Where(r => r.Method == "POST" && !Exempt.ContainsKey(r.Route) && !r.IsApi))
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
        "api tokens " + string.Join(",", await db.ApiTokens.OrderBy(t => t.Id).Select(t => t.Id + ":" + t.RevokedAtUtc).ToListAsync()),
        "webhooks " + string.Join(",", await db.WebhookReceivers.OrderBy(r => r.Id).Select(r => r.Id + ":" + r.IsActive).ToListAsync()),
        "standard " + string.Join(",", await db.ServiceStandardSections.OrderBy(s => s.Key).Select(s => s.UpdatedAtUtc).ToListAsync()),
        "opds " + string.Join(",", await db.Opds.OrderBy(o => o.Id).Select(o => o.Id + ":" + o.Name + ":" + o.IsActive).ToListAsync()),
        "units " + string.Join(",", await db.OrgUnits.OrderBy(u => u.Id).Select(u => u.Id + ":" + u.Name + ":" + u.IsActive).ToListAsync()),
        "users " + string.Join(",", await db.Users.OrderBy(u => u.Id)
            .Select(u => u.UserName + ":" + u.IsActive + ":" + u.SecurityStamp + ":" + u.PasswordHash + ":" + u.LockoutEnd).ToListAsync())));
}
