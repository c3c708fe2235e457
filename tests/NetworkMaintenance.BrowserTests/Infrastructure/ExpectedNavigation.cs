using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.BrowserTests.Infrastructure;

/// <summary>
/// What the navigation table allows a role to see, decided by the app's own authorization policies:
/// the top-level entries (ungrouped items, then one entry per group, in table order) and the items inside groups.
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

        var topLevel = new List<string>();
        foreach (var item in allowed)
        {
            var label = item.Group == "" ? item.Label : item.Group;
            if (item.Group == "" || !topLevel.Contains(label)) topLevel.Add(label);
        }
        return new ExpectedNavigation(topLevel, allowed.Where(i => i.Group != "").Select(i => i.Label).ToList());
    }
}
