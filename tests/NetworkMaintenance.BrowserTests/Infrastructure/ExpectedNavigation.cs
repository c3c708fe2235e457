using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.BrowserTests.Infrastructure;

/// <summary>
/// What the navigation table allows a role to see, decided by the app's own authorization policies:
/// the top-level entries (ungrouped items, one menu per group, a group of one shown as its item) and the items inside menus.
/// </summary>
public sealed record ExpectedNavigation(IReadOnlyList<string> TopLevel, IReadOnlyList<string> InGroups)
{
    public static async Task<ExpectedNavigation> ForRoleAsync(IServiceProvider services, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        // A user of the role who has enrolled two-factor authentication, as the browser tests' users have by the time
        // they see the navigation (an administrator must; for everyone else it changes nothing).
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "expected"), new Claim(ClaimTypes.Role, role),
                new Claim(AppClaimsPrincipalFactory.TwoFactorClaim, AppClaimsPrincipalFactory.TwoFactorEnabled),
            ], authenticationType: "Test"));

        var allowed = new List<Navigation.Item>();
        foreach (var item in Navigation.Items)
        {
            if (item.Policy is null || (await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                allowed.Add(item);
            }
        }

        var entries = Navigation.Entries(allowed);
        return new ExpectedNavigation(entries.Select(e => e.Label).ToList(), entries.SelectMany(e => e.Items).Select(i => i.Label).ToList());
    }
}
