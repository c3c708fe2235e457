using System.Net;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Tests.Shared;
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
        HttpAssert.RetryAfter(refused);
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
        // The per-user-name count (the controller's), not the limiter's: it says when to come back too.
        HttpAssert.RetryAfter(refused);
        Assert.Contains("Terlalu banyak permintaan", WebPageHelpers.Text(await refused.Content.ReadAsStringAsync()));
        await other.LoginAsAsync("kabid");
        using var anotherClient = WebSession.Create(_factory);
        using var stillRefused = await anotherClient.TryLoginAsync("kasi", UserProvisioning.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>
/// The two-factor steps (POST /masuk/2fa and /masuk/pemulihan) share the per-IP count of POST /masuk: a guesser who
/// has the password cannot try authenticator or recovery codes faster than passwords.
/// </summary>
public sealed class TwoFactorRateLimitPerClient : IDisposable
{
    private readonly AppFactory _factory = AppFactory.Configured(Environments.Development,
        new("RateLimiting:LoginPermitLimitPerIp", "4"),
        new("RateLimiting:LoginPermitLimitPerUser", "100"));

    [Fact]
    public async Task CodesPostedBeyondTheLimitGet429AndSignNobodyIn()
    {
        const string user = "kasi";
        string key;
        using (var owner = await WebSession.SignedInAsync(_factory, user)) // post 1
        {
            key = (await owner.EnrollAuthenticatorAsync()).SharedKey;
        }

        using var session = WebSession.Create(_factory);
        using var password = await session.TryLoginAsync(user, UserProvisioning.DemoPassword); // post 2
        var secondStep = await HttpAssert.RedirectsToAsync(password, WebSession.TwoFactorLoginPath);
        using (var wrong = await session.SubmitTwoFactorCodeAsync(secondStep, Totp.At(key, DateTimeOffset.UtcNow.AddMinutes(-10)))) // post 3
        {
            Assert.Contains(AccountController.WrongTwoFactorCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(wrong)));
        }
        using (var wrong = await session.PostFormAsync("/masuk/pemulihan", new Form().Set("RecoveryCode", "BCDFG-23456"))) // post 4
        {
            Assert.Contains(AccountController.WrongRecoveryCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(wrong)));
        }

        // Even the right code is refused now: the limit is checked before the code.
        using (var refused = await session.SubmitTwoFactorCodeAsync(secondStep, Totp.Now(key)))
        {
            await AssertTooManyRequestsAsync(refused);
        }
        using (var refused = await session.PostFormAsync("/masuk/pemulihan", new Form().Set("RecoveryCode", "BCDFG-23457")))
        {
            await AssertTooManyRequestsAsync(refused);
        }
        using (var home = await session.GetAsync("/"))
        {
            await HttpAssert.RedirectsToAsync(home, "/masuk");
        }
        // The right code never reached Identity: it would have reset the failed count of the wrong code to 0.
        Assert.InRange((await _factory.FindUserAsync(user))!.AccessFailedCount, 1, 2);
        // Reading the forms stays free.
        using var form = await session.GetAsync(secondStep);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var text = WebPageHelpers.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Terlalu banyak permintaan", text);
        Assert.Contains("Tunggu sebentar lalu coba lagi", text);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("nm.auth=", StringComparison.Ordinal)), "The refused post signed in.");
    }

    public void Dispose() => _factory.Dispose();
}
