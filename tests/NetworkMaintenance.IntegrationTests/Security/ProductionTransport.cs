using System.Net;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// In Production the app redirects plain HTTP to HTTPS, sends HSTS over HTTPS and marks its cookies Secure.
/// The app runs in the Production environment (no demo accounts) with a first administrator to sign in as.
/// </summary>
public sealed class ProductionTransport : IDisposable
{
    private const string AdminUserName = "admin.produksi";
    private const string AdminPassword = "Produksi#2026Kuat";
    private static readonly Uri SecureAddress = new("https://nm.tebingtinggikota.test");

    private readonly AppFactory _factory = AppFactory.Configured(Environments.Production,
        new("https_port", "443"),
        new("Bootstrap:Administrator:UserName", AdminUserName),
        new("Bootstrap:Administrator:Password", AdminPassword));

    [Fact]
    public async Task PlainHttpIsRedirectedToHttps()
    {
        using var session = WebSession.Create(_factory, new Uri("http://nm.tebingtinggikota.test"));

        using var response = await session.GetAsync("/masuk?returnUrl=%2Flaporan");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://nm.tebingtinggikota.test/masuk?returnUrl=%2Flaporan", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task HttpsResponsesCarryHstsAndTheHardeningHeaders()
    {
        using var session = WebSession.Create(_factory, SecureAddress);

        using var page = await session.GetAsync("/masuk");
        await session.LoginAsAsync(AdminUserName, AdminPassword);
        using var notFound = await session.GetAsync("/tidak-ada-halaman-ini");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000", SecurityHeaders.Header(page, "Strict-Transport-Security"));
        SecurityHeaders.AssertHardened(page, SecurityHeaders.PagePolicy);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", WebPageHelpers.Text(await notFound.Content.ReadAsStringAsync()));
        Assert.Equal("max-age=31536000", SecurityHeaders.Header(notFound, "Strict-Transport-Security"));
        SecurityHeaders.AssertHardened(notFound, SecurityHeaders.PagePolicy);
    }

    [Fact]
    public async Task CookiesAreSecureHttpOnlyAndSameSite()
    {
        using var session = WebSession.Create(_factory, SecureAddress);

        using var page = await session.GetAsync("/masuk");
        var antiforgery = SecurityHeaders.SetCookie(page, "nm.af");
        using var login = await session.TryLoginAsync(AdminUserName, AdminPassword);
        var next = await HttpAssert.RedirectsToAsync(login, "/");
        string auth;
        if (next.StartsWith(WebSession.TwoFactorLoginPath, StringComparison.Ordinal))
        {
            // Enrolled by an earlier test of this class: the sign-in cookie comes with the authenticator code.
            using var code = await session.SubmitTwoFactorCodeAsync(next,
                NetworkMaintenance.Tests.Shared.Totp.Now((await session.AuthenticatorKeyAsync(AdminUserName))!));
            auth = SecurityHeaders.SetCookie(code, "nm.auth");
        }
        else
        {
            auth = SecurityHeaders.SetCookie(login, "nm.auth");
            // The administrator must enroll an authenticator app before any other page opens.
            await session.CompleteSignInAsync(login, AdminUserName);
        }

        Assert.Contains("; secure", antiforgery);
        Assert.Contains("; httponly", antiforgery);
        Assert.Contains("; samesite=strict", antiforgery);
        Assert.Contains("; secure", auth);
        Assert.Contains("; httponly", auth);
        Assert.Contains("; samesite=lax", auth);
        // The signed-in session works over HTTPS.
        Assert.Contains("Keluar", WebPageHelpers.Text(await session.GetPageAsync("/")));
    }

    public void Dispose() => _factory.Dispose();
}
