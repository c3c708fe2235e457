using System.Net;
using System.Text.RegularExpressions;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// Every kind of response (page, PDF, static file, error page) carries the browser hardening headers, with a
/// Content-Security-Policy that allows no inline script or style; and the pages really contain none.
/// </summary>
public sealed partial class SecurityHeaders(AppFactory factory) : IClassFixture<AppFactory>
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Fact]
    public async Task AnHtmlPageHasTheStrictPolicyAndTheHardeningHeaders()
    {
        using var session = WebSession.Create(factory);

        using var response = await session.GetAsync("/masuk");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response, PagePolicy);
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task AStaticFileHasTheHeadersToo()
    {
        using var session = WebSession.Create(factory);

        using var response = await session.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        AssertHardened(response, PagePolicy);
    }

    [Fact]
    public async Task TheNotFoundPageHasTheHeaders()
    {
        // Signed in: an anonymous visitor is sent to the login page before any 404.
        using var session = await WebSession.SignedInAsync(factory, "pelapor");

        using var response = await session.GetAsync("/tidak-ada-halaman-ini");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", WebPageHelpers.Text(await response.Content.ReadAsStringAsync()));
        AssertHardened(response, PagePolicy);
    }

    [Fact]
    public async Task APdfShownInTheBrowserMayNotBeFramedButKeepsTheViewerWorking()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        using var response = await admin.GetAsync("/admin/dokumen/pratinjau");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        // Chromium's PDF viewer is a plugin with inline styles: the page policy (object-src 'none') would block it.
        AssertHardened(response, "frame-ancestors 'none'");
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 4));
    }

    [Fact]
    public async Task TrackingAndVerificationPagesSendNoReferrer()
    {
        using var session = WebSession.Create(factory);

        foreach (var url in new[] { "/lacak", "/verifikasi" })
        {
            using var response = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        }
    }

    [Fact]
    public async Task DevelopmentNeitherRedirectsToHttpsNorSendsHsts()
    {
        using var plain = WebSession.Create(factory);
        using var secure = WebSession.Create(factory, new Uri("https://nm.tebingtinggikota.test"));

        using var overHttp = await plain.GetAsync("/masuk");
        using var overHttps = await secure.GetAsync("/masuk");

        Assert.Equal(HttpStatusCode.OK, overHttp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        Assert.Null(Header(overHttp, "Strict-Transport-Security"));
        Assert.Null(Header(overHttps, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task DevelopmentCookiesAreHttpOnlyAndSameSiteButNotSecureOverPlainHttp()
    {
        using var session = WebSession.Create(factory);

        using var page = await session.GetAsync("/masuk");
        var antiforgery = SetCookie(page, "nm.af");
        using var login = await session.TryLoginAsync("pelapor", Web.Infrastructure.UserProvisioning.DemoPassword);
        var auth = SetCookie(login, "nm.auth");

        Assert.Contains("; httponly", antiforgery);
        Assert.Contains("; samesite=strict", antiforgery);
        Assert.DoesNotContain("; secure", antiforgery);
        Assert.Contains("; httponly", auth);
        Assert.Contains("; samesite=lax", auth);
        Assert.DoesNotContain("; secure", auth);
    }

    [Fact]
    public async Task RenderedPagesContainNoInlineScriptStyleOrEventHandler()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        var pages = new (string User, string Url)[]
        {
            ("", "/masuk"), ("", "/lacak"), ("", "/pengaduan"), ("", "/standar-pelayanan"),
            ("kadis", "/"), ("kadis", "/laporan"), ("kadis", $"/laporan/{id}"),
            ("kadis", $"/laporan/{id}/langkah/{WorkflowAction.Dispose}"),
            ("pelapor", "/laporan/baru"), ("pelapor", $"/laporan/{id}/tanda-terima"),
            ("admin", "/admin/dokumen"), ("admin", "/admin/unit"),
        };
        using var anonymous = WebSession.Create(factory);

        foreach (var (user, url) in pages)
        {
            var session = user.Length == 0 ? anonymous : await driver.As(user);
            using var response = await session.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} as '{user}' answered {(int)response.StatusCode}");
            Assert.Equal(PagePolicy, Header(response, "Content-Security-Policy"));
            AssertNoInlineCode(html, url);
        }
    }

    [Fact]
    public void NoViewHasInlineScriptStyleOrEventHandler()
    {
        var views = Path.Combine(RepositoryRoot(), "src", "NetworkMaintenance.Web", "Views");
        var files = Directory.GetFiles(views, "*.cshtml", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertNoInlineCode(File.ReadAllText(file), Path.GetRelativePath(views, file));
        }
    }

    internal static void AssertHardened(HttpResponseMessage response, string policy)
    {
        var csp = Header(response, "Content-Security-Policy");
        Assert.Equal(policy, csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.NotNull(Header(response, "Referrer-Policy"));
        Assert.Equal("camera=(self), microphone=(), geolocation=()", Header(response, "Permissions-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Null(Header(response, "Server"));
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The Set-Cookie header that sets <paramref name="name"/>, lower-cased.</summary>
    internal static string SetCookie(HttpResponseMessage response, string name)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        var cookie = cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.True(cookie is not null, $"No Set-Cookie for {name}; got: {string.Join(" | ", cookies)}");
        return cookie.ToLowerInvariant();
    }

    private static void AssertNoInlineCode(string html, string where)
    {
        Assert.False(StyleAttribute().IsMatch(html), $"{where} has a style attribute: {StyleAttribute().Match(html).Value}");
        Assert.False(InlineScript().IsMatch(html), $"{where} has an inline <script>: {InlineScript().Match(html).Value}");
        Assert.False(EventHandler().IsMatch(html), $"{where} has an inline event handler: {EventHandler().Match(html).Value}");
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetworkMaintenance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NetworkMaintenance.sln not found above the test assembly.");
    }

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<script(?![^>]*\ssrc\s*=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
