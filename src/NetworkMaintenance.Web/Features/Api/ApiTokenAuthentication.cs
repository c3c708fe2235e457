using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Security;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// The "ApiToken" authentication scheme: <c>Authorization: Bearer nm_api_…</c>, on /api/v1 only. The token's user signs
/// in as on the web (the same claims from <c>AppClaimsPrincipalFactory</c>: roles, OPD, two-factor status), so the
/// app's policies and the per-report handler decide exactly as for that user's pages. Only the API controllers name
/// this scheme, and the cookie is never asked there; web pages never ask this scheme (docs/api.md).
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, AppDbContext db, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim that names the token a request came with (its id).</summary>
    public const string TokenClaim = "nm:api-token";

    /// <summary>How often the last use of a token is written (not on every request).</summary>
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiPaths.IsVersioned(Request.Path)) return AuthenticateResult.NoResult();
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var presented = header["Bearer ".Length..].Trim();
        if (presented.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token");

        // Looked up by its hash (unique index), then compared in fixed time by SecretToken.
        var hash = SecretToken.Hash(presented);
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || !SecretToken.Matches(presented, token.TokenHash) || !token.IsUsable(now)
            || token.User is not { IsActive: true } user)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token");
        }

        var web = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(web.Claims, SchemeName, ClaimsIdentity.DefaultNameClaimType, ClaimsIdentity.DefaultRoleClaimType);
        identity.AddClaim(new Claim(TokenClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (token.LastUsedAtUtc is null || now - token.LastUsedAtUtc > UseResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>Which paths are the JSON API's.</summary>
public static class ApiPaths
{
    public const string Version1 = "/api/v1";

    public static bool IsVersioned(PathString path) => path.StartsWithSegments(Version1, StringComparison.OrdinalIgnoreCase);
}
