using System.Net;
using System.Text.RegularExpressions;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>
/// The layout's own links (the brand, the user menu, the footer, the sign-out form) are made once per app instead of on
/// every page (<c>Infrastructure.LayoutLinks</c>): every one of them must still lead to its page, for a signed-in official
/// and for a visitor, and the sign-out form must still sign out.
/// </summary>
public sealed partial class LayoutLinks : IDisposable
{
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task EveryLinkOfTheLayoutOpensItsPageAndTheSignOutFormSignsOut()
    {
        using var kadis = await WebSession.SignedInAsync(_factory, "kadis");
        var html = await kadis.GetPageAsync("/laporan");
        var links = LayoutHrefs(html);
        // The brand, three entries of the user menu and four of the footer.
        Assert.Superset(new HashSet<string> { "/", "/akun/kata-sandi", "/akun/token-api", "/akun/2fa", "/standar-pelayanan", "/hasil-skm",
            "/lacak", "/pengaduan" }, links.ToHashSet());
        foreach (var link in links)
        {
            // "/akun/2fa" leads a user without an authenticator on to enrolling one.
            using var response = await kadis.GetFollowingRedirectsAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }

        using var visitor = _factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var link in LayoutHrefs(await (await visitor.GetAsync(new Uri("/lacak", UriKind.Relative))).Content.ReadAsStringAsync()))
        {
            using var response = await visitor.GetAsync(new Uri(link, UriKind.Relative));
            // A public page, or the sign-in page for the staff's home.
            Assert.True(response.StatusCode == HttpStatusCode.OK || (link == "/" && WebSession.IsRedirect(response.StatusCode)),
                $"{link} answered {(int)response.StatusCode}");
        }

        Assert.Contains("action=\"/keluar\"", html, StringComparison.Ordinal);
        await kadis.LogoutAsync();
        using var after = await kadis.GetAsync("/laporan");
        Assert.True(WebSession.IsRedirect(after.StatusCode));
        Assert.Contains("/masuk", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The links outside the page's own content (header and footer), without static files and fragments.</summary>
    private static List<string> LayoutHrefs(string html)
    {
        var main = Regex.Replace(html, "<main[\\s\\S]*</main>", "");
        return Href().Matches(main).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => h.StartsWith('/') && !h.StartsWith("/lib/", StringComparison.Ordinal) && !h.StartsWith("/css/", StringComparison.Ordinal)
                && !h.StartsWith("/js/", StringComparison.Ordinal) && !h.StartsWith("/manifest", StringComparison.Ordinal)
                && !h.StartsWith("/logo", StringComparison.Ordinal))
            .Distinct().ToList();
    }

    [GeneratedRegex("href=\"([^\"#]+)\"")]
    private static partial Regex Href();

    public void Dispose() => _factory.Dispose();
}
