using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// What every /api/v1 controller shares: only the "ApiToken" scheme authenticates (never the cookie, so a browser
/// session cannot be used from another site: that is why the API needs no antiforgery token, and ignores it), the
/// per-token rate limit, JSON in and out (application/json; errors application/problem+json).
/// </summary>
[ApiController]
[Route("api/v1")]
[Authorize(AuthenticationSchemes = ApiTokenHandler.SchemeName)]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(ApiSetup.RateLimitPolicy)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)]
public abstract class ApiControllerBase : ControllerBase
{
    protected ObjectResult Problem(int status, string? detail = null) => ApiProblems.Result(HttpContext, status, detail);

    protected ObjectResult ValidationFailed() => ApiProblems.Validation(HttpContext, ModelState);
}
