using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The public forms (complaint, tracking) are open to anyone: each client IP may post at most
/// <c>RateLimiting:PublicPermitLimit</c> times (default 10) per minute; beyond that the app answers 429 with its
/// Indonesian error page.
/// </summary>
public static class PublicRateLimits
{
    public const string Policy = "public-forms";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var limit = configuration.GetValue<int?>("RateLimiting:PublicPermitLimit") ?? 10;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context =>
            {
                // Only posts count: reading the form and the result page is free.
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var key = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }
}
