using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>
/// Two app processes on one database (behind a load balancer) share the Data Protection keys stored in the database:
/// a login cookie and an antiforgery token from one are accepted by the other.
/// </summary>
public sealed class TwoInstances
{
    [Fact]
    public async Task ACookieIssuedByOneInstanceWorksOnTheOther()
    {
        using var first = new AppFactory();
        using var second = AppFactory.OnDirectory(first.DataDirectory);
        var cookies = new CookieContainer();
        using var viaFirst = first.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        using var viaSecond = second.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

        // The login form comes from the first instance, the login itself goes to the second.
        var loginPage = await viaFirst.GetStringAsync(new Uri("/masuk", UriKind.Relative));
        var token = WebPageHelpers.GetRequestVerificationToken(loginPage, "/masuk");
        using var login = await viaSecond.PostAsync(new Uri("/masuk", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("UserName", "kadis"), new("Password", UserProvisioning.DemoPassword), new(WebPageHelpers.TokenFieldName, token),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);

        // The session cookie written by the second instance is honoured by the first.
        var home = await viaFirst.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Selamat datang, Drs. Muhammad Fauzi, M.Si", WebPageHelpers.Text(home), StringComparison.Ordinal);
        // The key ring lives in the shared database, not in a per-machine folder.
        Assert.NotEmpty(await first.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DataProtectionKeys)));
    }
}
