using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Limits on the forms anyone can post without an account, per minute, with fixed windows; beyond a limit the app
/// answers 429 with its Indonesian error page.
/// <list type="bullet">
/// <item>The public forms (complaint, tracking): <c>RateLimiting:PublicPermitLimit</c> posts per client IP (default 10).</item>
/// <item>Document verification (<see cref="VerificationPolicy"/>): uploading a PDF to compare (POST /verifikasi) counts
/// against <c>RateLimiting:PublicPermitLimit</c> per client IP, apart from the forms above; looking a code up
/// (GET /verifikasi, /verifikasi/{kode}, what a scanned QR code opens) against the more generous
/// <c>RateLimiting:VerificationPermitLimit</c> (default 60).</item>
/// <item>The sign-in forms: <c>RateLimiting:LoginPermitLimitPerIp</c> posts per client IP (default 10) through the
/// <see cref="LoginPolicy"/> policy, one count shared by the password step and the two-factor steps (authenticator
/// code, recovery code), and <c>RateLimiting:LoginPermitLimitPerUser</c> attempts per user name
/// (default 5, whichever IP they come from) through <see cref="LoginAttempts"/>, which the controller asks once
/// it has read the form. Account lockout (5 failures, 15 minutes) still applies on top.</item>
/// </list>
/// The client IP is the connection's address, or the X-Forwarded-For address when the request came through a
/// trusted proxy (ForwardedHeaders:KnownProxies/KnownNetworks; see docs/operations.md).
/// </summary>
public static class PublicRateLimits
{
    public const string Policy = "public-forms";
    public const string LoginPolicy = "login";
    public const string VerificationPolicy = "verification";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var publicLimit = configuration.GetValue<int?>("RateLimiting:PublicPermitLimit") ?? 10;
        var loginPerIp = configuration.GetValue<int?>("RateLimiting:LoginPermitLimitPerIp") ?? 10;
        var loginPerUser = configuration.GetValue<int?>("RateLimiting:LoginPermitLimitPerUser") ?? 5;
        var verificationLookups = configuration.GetValue<int?>("RateLimiting:VerificationPermitLimit") ?? 60;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => PostsPerClientIp(context, "public", publicLimit));
            o.AddPolicy(LoginPolicy, context => PostsPerClientIp(context, "login", loginPerIp));
            o.AddPolicy(VerificationPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? PerClientIp(context, "verify-upload", publicLimit)
                : PerClientIp(context, "verify-lookup", verificationLookups));
        });
        services.AddSingleton(_ => new LoginAttempts(loginPerUser));
    }

    private static RateLimitPartition<string> PostsPerClientIp(HttpContext context, string name, int limit)
    {
        // Only posts count: reading the form and the result page is free.
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        return PerClientIp(context, name, limit);
    }

    private static RateLimitPartition<string> PerClientIp(HttpContext context, string name, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(name + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => PerMinute(limit));

    internal static FixedWindowRateLimiterOptions PerMinute(int limit) => new()
    {
        PermitLimit = limit,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}

/// <summary>
/// Login attempts per user name, whatever the client IP: a guesser spreading over many addresses still gets only
/// a few tries a minute at one account. The name is compared case-insensitively, as Identity does.
/// </summary>
public sealed class LoginAttempts(int permitLimitPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        userName => RateLimitPartition.GetFixedWindowLimiter(userName, _ => PublicRateLimits.PerMinute(permitLimitPerMinute)),
        StringComparer.Ordinal);

    /// <summary>Counts one attempt for <paramref name="userName"/>; false when the limit for this minute is used up.</summary>
    public bool TryAcquire(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
