using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>
/// The app accepts each authenticator code once (<see cref="OneTimeAuthenticatorTokenProvider"/>), so a person signs
/// in with a code at most once per 30-second step. The tests' sign-in helpers sign the same administrator in many
/// times a minute; before typing a code they make the app forget the steps already used, as if half a minute had
/// passed. <c>Security/Probe/AuthenticatorReplay</c> posts its codes without this and proves a code works once.
/// </summary>
internal static class UsedAuthenticatorCodes
{
    public static async Task ForgetAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.UserTokens.Where(t => t.LoginProvider == OneTimeAuthenticatorTokenProvider.StoreProvider
            && t.Name == OneTimeAuthenticatorTokenProvider.StoreName).ExecuteDeleteAsync();
    }
}
