using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 6: signing out ends the session, also for a copy of the auth cookie taken before (it used to live on for
/// the 10-hour sliding expiry). The security-stamp check runs at most a minute apart; the test moves the check's
/// clock past that minute instead of waiting.
/// </summary>
public sealed class SignOutEndsTheSession : IDisposable
{
    private readonly FakeTimeProvider _stampClock = new(DateTimeOffset.UtcNow);
    private readonly AppFactory _factory;

    public SignOutEndsTheSession()
    {
        _factory = new AppFactory
        {
            TestServices = services => services.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = _stampClock),
        };
    }

    [Fact]
    public async Task ACopiedAuthCookieIsRefusedAfterSignOut()
    {
        using var session = WebSession.Create(_factory);
        string cookie;
        using (var login = await session.TryLoginAsync("kasi", UserProvisioning.DemoPassword))
        {
            await HttpAssert.RedirectsToAsync(login, "/");
            cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie")
                .Where(c => c.StartsWith("nm.auth", StringComparison.Ordinal))
                .Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]));
        }
        using var copy = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using (var before = await GetWithCookieAsync(copy, cookie))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await session.LogoutAsync();
        _stampClock.Advance(TimeSpan.FromMinutes(2));

        using var after = await GetWithCookieAsync(copy, cookie);
        await HttpAssert.RedirectsToAsync(after, "/masuk");
        // The account itself still signs in.
        using var again = WebSession.Create(_factory);
        await again.LoginAsAsync("kasi");
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/laporan");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public void Dispose() => _factory.Dispose();
}
