using System.Net;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>Every form post needs the antiforgery token of the session that loaded the form.</summary>
public sealed class Antiforgery(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ALoginPostWithoutTokenIsRefusedWith400()
    {
        using var session = WebSession.Create(factory);
        await session.GetPageAsync("/masuk"); // the antiforgery cookie is set, the token is left out

        using var response = await session.PostRawAsync("/masuk",
            new Form().Set("UserName", "admin").Set("Password", UserProvisioning.DemoPassword));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("nm.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ATokenFromAnotherBrowserIsRefusedWith400()
    {
        using var attacker = WebSession.Create(factory);
        var foreignToken = WebPageHelpers.GetRequestVerificationToken(await attacker.GetPageAsync("/masuk"), "/masuk");
        using var victim = WebSession.Create(factory);
        await victim.GetPageAsync("/masuk");

        using var response = await victim.PostWithTokenAsync("/masuk",
            new Form().Set("UserName", "admin").Set("Password", UserProvisioning.DemoPassword), foreignToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnAdministratorsPostWithoutTokenChangesNothing()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        using var response = await admin.PostRawAsync("/admin/opd/baru", new Form().Set("Name", "OPD Tanpa Token"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await factory.FindOpdAsync("OPD Tanpa Token"));
    }

    [Fact]
    public async Task TheLoginTokenIsNotValidOnceSignedIn()
    {
        // Tokens are bound to the signed-in user: one taken before signing in cannot be replayed after.
        using var session = WebSession.Create(factory);
        var anonymousToken = WebPageHelpers.GetRequestVerificationToken(await session.GetPageAsync("/masuk"), "/masuk");
        await session.LoginAsAsync("admin");

        using var response = await session.PostWithTokenAsync("/admin/opd/baru", new Form().Set("Name", "OPD Token Lama"), anonymousToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await factory.FindOpdAsync("OPD Token Lama"));
    }
}
