using System.Net;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>Every demo account signs in with the demo password and lands on its own home page.</summary>
public sealed class DemoAccountSignIn(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] AdminLinks = ["/admin/pengguna", "/admin/opd", "/admin/unit"];

    public static TheoryData<string> DemoUserNames() => [.. UserProvisioning.DemoAccounts.Select(a => a.UserName)];

    [Theory]
    [MemberData(nameof(DemoUserNames))]
    public async Task SignsInAndSeesTheirNameAndRoleOnTheHomePage(string userName)
    {
        var account = UserProvisioning.DemoAccounts.Single(a => a.UserName == userName);
        using var session = WebSession.Create(factory);

        using (var login = await session.TryLoginAsync(userName, UserProvisioning.DemoPassword))
        {
            // The administrator enrolls an authenticator app first (or enters its code), then lands home too.
            Assert.Equal("/", await session.CompleteSignInAsync(login, userName));
        }
        var home = WebPageHelpers.Text(await session.GetPageAsync("/"));

        Assert.Contains($"Selamat datang, {account.FullName}", home);
        Assert.Contains($"Peran: {Roles.Label(account.Role)}", home);
    }

    [Theory]
    [MemberData(nameof(DemoUserNames))]
    public async Task SeesTheAdministrationLinksOnlyWhenAdministrator(string userName)
    {
        var isAdministrator = UserProvisioning.DemoAccounts.Single(a => a.UserName == userName).Role == Roles.Administrator;
        using var session = await WebSession.SignedInAsync(factory, userName);

        var html = await session.GetPageAsync("/");

        foreach (var link in AdminLinks)
        {
            Assert.Equal(isAdministrator, html.Contains($"href=\"{link}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToTheLoginPageAndBackAfterSigningIn()
    {
        using var session = WebSession.Create(factory);

        using (var home = await session.GetAsync("/"))
        {
            Assert.Equal("/masuk?ReturnUrl=%2F", await HttpAssert.RedirectsToAsync(home, "/masuk"));
        }
        using (var admin = await session.GetAsync("/admin/opd"))
        {
            await HttpAssert.RedirectsToAsync(admin, "/masuk?ReturnUrl=%2Fadmin%2Fopd");
        }

        var loginPage = await session.GetPageAsync("/masuk?ReturnUrl=%2Fadmin%2Fopd");
        var returnUrl = WebPageHelpers.InputValue(WebPageHelpers.GetForm(loginPage, "/masuk"), "ReturnUrl");
        Assert.Equal("/admin/opd", returnUrl);
        using var login = await session.PostWithTokenAsync("/masuk",
            new Form().Set("UserName", "admin").Set("Password", UserProvisioning.DemoPassword).Set("ReturnUrl", returnUrl),
            WebPageHelpers.GetRequestVerificationToken(loginPage, "/masuk"));
        // Through the administrator's second step (enrollment or code), still back to where they were going.
        Assert.Equal("/admin/opd", await session.CompleteSignInAsync(login, "admin"));
    }

    [Fact]
    public async Task IgnoresAReturnUrlThatLeavesTheSite()
    {
        using var session = WebSession.Create(factory);

        using var login = await session.PostFormAsync("/masuk",
            new Form().Set("UserName", "kasi").Set("Password", UserProvisioning.DemoPassword).Set("ReturnUrl", "https://contoh.invalid/curi"));

        Assert.Equal("/", await HttpAssert.RedirectsToAsync(login, "/"));
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var session = await WebSession.SignedInAsync(factory, "teknisi");

        await session.LogoutAsync();

        using var home = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        await HttpAssert.RedirectsToAsync(home, "/masuk");
    }
}
