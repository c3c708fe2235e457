using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.UnitTests.Security;

/// <summary>
/// The layout asks which navigation entries the signed-in user may see on every page: each policy of the table is
/// evaluated once per page, not once per entry, and the answer is the table's.
/// </summary>
public class NavigationPolicies
{
    [Fact]
    public async Task EachPolicyIsAskedOnceAndDecidesEveryEntryItGuards()
    {
        var authorization = new CountingAuthorization(allowed: Web.Authorization.Policies.Official);
        var visible = await Navigation.VisibleAsync(authorization, new ClaimsPrincipal(new ClaimsIdentity("uji")));

        var policies = Navigation.Items.Where(i => i.Policy is not null).Select(i => i.Policy!).ToList();
        Assert.True(policies.Count > policies.Distinct().Count(), "the table guards several entries with one policy");
        Assert.Equal(policies.Distinct().Order(), authorization.Asked.Order());
        Assert.Equal(Navigation.Items.Where(i => i.Policy is null || i.Policy == Web.Authorization.Policies.Official), visible);
    }

    private sealed class CountingAuthorization(string allowed) : IAuthorizationService
    {
        public List<string> Asked { get; } = [];

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, string policyName)
        {
            Asked.Add(policyName);
            return Task.FromResult(policyName == allowed ? AuthorizationResult.Success() : AuthorizationResult.Failed());
        }

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements) =>
            throw new NotSupportedException("The navigation asks by policy name.");
    }
}
