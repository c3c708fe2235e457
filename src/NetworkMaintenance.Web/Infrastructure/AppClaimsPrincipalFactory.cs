using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>Puts the full name, OPD and two-factor status into the cookie so the layout and checks need no extra query.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    public const string FullNameClaim = "nm:fullname";
    public const string OpdClaim = "nm:opd";

    /// <summary>Present (with <see cref="TwoFactorEnabled"/>) when the user has enrolled an authenticator app.</summary>
    public const string TwoFactorClaim = "nm:2fa";
    public const string TwoFactorEnabled = "on";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorClaim, TwoFactorEnabled));
        if (user.OpdId is int opd) identity.AddClaim(new Claim(OpdClaim, opd.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
