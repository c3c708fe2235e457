using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Authorization;

/// <summary>
/// Met unless the user is an administrator who has not enrolled an authenticator app while
/// <see cref="SecurityOptions.RequireTwoFactorForAdministrators"/> is on. Every policy but
/// <see cref="Policies.SignedIn"/> carries it, so such an administrator reaches only the enrollment pages,
/// sign-out and the public pages.
/// </summary>
public sealed class TwoFactorEnrolledRequirement : IAuthorizationRequirement
{
    public static readonly TwoFactorEnrolledRequirement Instance = new();

    private TwoFactorEnrolledRequirement()
    {
    }
}

public sealed class TwoFactorEnrolledHandler(IOptionsMonitor<SecurityOptions> options)
    : AuthorizationHandler<TwoFactorEnrolledRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        TwoFactorEnrolledRequirement requirement)
    {
        if (!MustEnroll(context.User, options.CurrentValue)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    /// <summary>Whether this signed-in user still has to enroll before using the app.</summary>
    public static bool MustEnroll(System.Security.Claims.ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireTwoFactorForAdministrators
        && user.Identity?.IsAuthenticated == true
        && user.IsInRole(Roles.Administrator)
        && !user.HasClaim(AppClaimsPrincipalFactory.TwoFactorClaim, AppClaimsPrincipalFactory.TwoFactorEnabled);
}

/// <summary>
/// Sends an administrator who still has to enroll to the enrollment page instead of the "access denied" page;
/// every other outcome is handled as ASP.NET Core does by default.
/// </summary>
public sealed class TwoFactorEnrollmentRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string EnrollmentPath = "/akun/2fa/aktifkan";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        // The API answers 403 (problem details): a redirect to a page means nothing to another system.
        if (authorizeResult.Forbidden && !Features.Api.ApiPaths.IsVersioned(context.Request.Path)
            && authorizeResult.AuthorizationFailure?.FailedRequirements.Contains(TwoFactorEnrolledRequirement.Instance) == true)
        {
            var request = context.Request;
            var target = HttpMethods.IsGet(request.Method)
                ? EnrollmentPath + "?returnUrl=" + Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString)
                : EnrollmentPath;
            context.Response.Redirect(target);
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
