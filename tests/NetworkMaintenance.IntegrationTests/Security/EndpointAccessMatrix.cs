using System.Net;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// Compares the app's route table with <see cref="EndpointAccessTable"/> and sends every endpoint's request as every
/// role and as an anonymous visitor. How the app refuses (docs/security.md):
/// an anonymous visitor is redirected to /masuk; a signed-in user without the role is redirected to /akses-ditolak
/// (which answers 403); an object the user may not see answers 404. Anything else means authorization let the request
/// through (200, a redirect elsewhere, a form shown again with errors).
/// </summary>
[Collection(SecurityGroup.Name)]
public sealed class EndpointAccessMatrix(SecurityWorld world)
{
    [Fact]
    public void EveryEndpointOfTheAppHasALineInTheTable()
    {
        var known = EndpointAccessTable.Rules.Select(r => (r.Method, r.Route)).ToHashSet();
        var missing = world.RouteTable().Where(e => !known.Contains(e)).ToList();

        Assert.True(missing.Count == 0,
            "These endpoints have no line in tests/NetworkMaintenance.IntegrationTests/Security/EndpointAccessTable.cs. " +
            "Add these lines (and replace None by who may use each):\n" +
            string.Join("\n", missing.Select(e => "        " + EndpointAccessTable.LineFor(e.Method, e.Route))));
    }

    [Fact]
    public void EveryLineOfTheTableIsAnEndpointOfTheApp()
    {
        var endpoints = world.RouteTable().ToHashSet();
        var stale = EndpointAccessTable.Rules.Where(r => !endpoints.Contains((r.Method, r.Route))).ToList();
        var duplicates = EndpointAccessTable.Rules.GroupBy(r => (r.Method, r.Route)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(stale.Count == 0, "These lines of EndpointAccessTable.cs name no endpoint of the app (renamed or removed?): " +
            string.Join(", ", stale));
        Assert.True(duplicates.Count == 0, "These endpoints have more than one line: " + string.Join(", ", duplicates));
    }

    [Fact]
    public async Task EveryRoleAndAnonymousVisitorsAreAllowedOrRefusedExactlyAsTheTableSays()
    {
        var failures = new List<string>();
        foreach (var (who, userName) in SecurityWorld.Principals)
        {
            var browser = await Browser.OpenAsync(world.Factory, userName);
            try
            {
                foreach (var rule in EndpointAccessTable.Rules)
                {
                    var url = world.UrlFor(rule.Route, userName);
                    var expectAllowed = rule.Allowed.HasFlag(who);
                    using var response = await browser.SendAsync(rule.Method, url, world.FormFor(rule.Route));
                    if (rule.Allowed == Who.BearerToken)
                    {
                        // A machine endpoint: a browser session, signed in or not, gets 401 (no redirect to /masuk).
                        if (response.StatusCode != HttpStatusCode.Unauthorized)
                            failures.Add($"{who,-15} {rule}: expected 401 (bearer token only), got {Describe(response)}");
                        continue;
                    }
                    var outcome = Describe(response);
                    if (rule.IsApi)
                    {
                        // No cookie authenticates the API, whoever is signed in (API tokens: ApiAccessMatrix).
                        if (response.StatusCode != HttpStatusCode.Unauthorized)
                        {
                            failures.Add($"{who,-15} {rule}: a browser session must get 401 on the API, got {outcome}");
                        }
                        continue;
                    }
                    var denial = Denial(response, url);
                    if (expectAllowed && (denial is not null || IsServerError(response, rule.Route)))
                    {
                        failures.Add($"{who,-15} {rule}: expected ALLOWED, got {outcome}");
                    }
                    else if (!expectAllowed && !IsExpectedDenial(denial, who))
                    {
                        failures.Add($"{who,-15} {rule}: expected REFUSED ({(who == Who.Anonymous ? "302 /masuk" : "302 /akses-ditolak or 404")}), got {outcome}");
                    }
                    // Signing out ends the session; resetting the authenticator key un-enrolls the user (an administrator
                    // must enroll again before anything else): start over with a freshly signed-in browser.
                    if (rule.Route is "/keluar" or "/akun/2fa/atur-ulang" && expectAllowed)
                    {
                        browser.Dispose();
                        browser = await Browser.OpenAsync(world.Factory, userName);
                    }
                }
            }
            finally
            {
                browser.Dispose();
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} authorization mismatches:\n" + string.Join("\n", failures));
    }

    /// <summary>Why the response is a refusal, or null when authorization let the request through.</summary>
    public static string? Denial(HttpResponseMessage response, string url)
    {
        if (WebSession.IsRedirect(response.StatusCode))
        {
            var location = response.Headers.Location!;
            var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            // The sign-in challenge names the page to come back to; signing out redirects to /masuk without it.
            if (target.StartsWith("/masuk?ReturnUrl=", StringComparison.OrdinalIgnoreCase)) return "login";
            if (target.StartsWith("/akses-ditolak", StringComparison.OrdinalIgnoreCase)) return "access-denied";
            return null;
        }
        if (response.StatusCode == HttpStatusCode.NotFound) return "not-found";
        // The access-denied page itself answers 403 to everyone; elsewhere a 403 is a refusal.
        if (response.StatusCode == HttpStatusCode.Forbidden && !url.StartsWith("/akses-ditolak", StringComparison.Ordinal)) return "forbidden";
        return null;
    }

    private static bool IsExpectedDenial(string? denial, Who who) =>
        who == Who.Anonymous ? denial == "login" : denial is "access-denied" or "not-found" or "forbidden";

    // The error page answers 500 by design; everywhere else a 5xx is a bug, not an authorization decision.
    private static bool IsServerError(HttpResponseMessage response, string route) =>
        (int)response.StatusCode >= 500 && route != "/galat";

    private static string Describe(HttpResponseMessage response) =>
        WebSession.IsRedirect(response.StatusCode)
            ? $"{(int)response.StatusCode} to {response.Headers.Location}"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One browser for one principal: its session and a valid antiforgery token of that session.</summary>
    public sealed class Browser : IDisposable
    {
        private Browser(WebSession session, string token)
        {
            Session = session;
            Token = token;
        }

        public WebSession Session { get; }
        public string Token { get; }

        public static async Task<Browser> OpenAsync(AppFactory factory, string? userName)
        {
            if (userName is null)
            {
                var anonymous = WebSession.Create(factory);
                return new Browser(anonymous, WebPageHelpers.GetRequestVerificationToken(await anonymous.GetPageAsync("/masuk"), "/masuk"));
            }
            var session = await WebSession.SignedInAsync(factory, userName);
            return new Browser(session, WebPageHelpers.GetRequestVerificationToken(await session.GetPageAsync("/"), "/keluar"));
        }

        /// <summary>GET as it is; POST with this session's valid token and <paramref name="form"/>.</summary>
        public Task<HttpResponseMessage> SendAsync(string method, string url, IEnumerable<KeyValuePair<string, string>> form) => method switch
        {
            "GET" => Session.GetAsync(url),
            "POST" => Session.PostWithTokenAsync(url, form, Token),
            _ => throw new InvalidOperationException($"The matrix does not know how to send {method} {url}."),
        };

        public void Dispose() => Session.Dispose();
    }
}
