using System.Net;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// POST /masuk is limited per client IP: below the limit logins work, beyond it the Indonesian 429 page answers.
/// (The other test classes run with very high limits, since they sign in many times a minute.)
/// </summary>
public sealed class LoginRateLimitPerClient : IDisposable
{
    private readonly AppFactory _factory = AppFactory.Configured(Environments.Development,
        new("RateLimiting:LoginPermitLimitPerIp", "4"),
        new("RateLimiting:LoginPermitLimitPerUser", "100"));

    [Fact]
    public async Task LoginsBelowTheLimitWorkAndTheNextPostInTheMinuteGets429()
    {
        foreach (var user in new[] { "pelapor", "kadis", "kabid", "kasi" })
        {
            using var session = WebSession.Create(_factory);
            await session.LoginAsAsync(user);
        }

        using var fifth = WebSession.Create(_factory);
        using var refused = await fifth.TryLoginAsync("teknisi", UserProvisioning.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var text = WebPageHelpers.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Terlalu banyak permintaan", text);
        Assert.Contains("Tunggu sebentar lalu coba lagi", text);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("nm.auth=", StringComparison.Ordinal)), "The refused post signed in.");
        // Reading the form stays free.
        using var form = await fifth.GetAsync("/masuk");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>
/// POST /masuk is also limited per user name, so guesses at one account stay few whatever the client; other
/// accounts can still sign in.
/// </summary>
public sealed class LoginRateLimitPerUserName : IDisposable
{
    private readonly AppFactory _factory = AppFactory.Configured(Environments.Development,
        new("RateLimiting:LoginPermitLimitPerIp", "100"),
        new("RateLimiting:LoginPermitLimitPerUser", "3"));

    [Fact]
    public async Task TheFourthAttemptAtOneAccountInAMinuteGets429WhileOtherAccountsSignIn()
    {
        using var guesser = WebSession.Create(_factory);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var wrong = await guesser.TryLoginAsync("kasi", $"Keliru#{attempt}abcdef");
            Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(wrong)));
        }

        // The user name is compared as Identity does, whatever its case and surrounding spaces.
        using var refused = await guesser.TryLoginAsync(" KASI ", UserProvisioning.DemoPassword);
        using var other = WebSession.Create(_factory);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Terlalu banyak permintaan", WebPageHelpers.Text(await refused.Content.ReadAsStringAsync()));
        await other.LoginAsAsync("kabid");
        using var anotherClient = WebSession.Create(_factory);
        using var stillRefused = await anotherClient.TryLoginAsync("kasi", UserProvisioning.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
