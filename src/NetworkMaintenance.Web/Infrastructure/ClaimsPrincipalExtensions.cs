using System.Globalization;
using System.Security.Claims;

namespace NetworkMaintenance.Web.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public static string FullName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppClaimsPrincipalFactory.FullNameClaim) ?? user.Identity?.Name ?? "";

    /// <summary>OPD staff act for their own OPD only; the front desk (also if they hold both roles) records for any OPD.</summary>
    public static bool IsReporter(this ClaimsPrincipal user) =>
        user.IsInRole(NetworkMaintenance.Core.Domain.Roles.Pelapor) && !user.IsInRole(NetworkMaintenance.Core.Domain.Roles.PetugasLayanan);

    public static int? OpdId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(AppClaimsPrincipalFactory.OpdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : null;
}
