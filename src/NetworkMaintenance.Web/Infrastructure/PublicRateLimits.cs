using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

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

    public static void Add(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, settings) =>
        {
            var limits = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => OnRejectedAsync(context.HttpContext, context.Lease, ct);
            o.AddPolicy(Policy, context => PostsPerClientIp(context, "public", limits.PublicPermitLimit));
            o.AddPolicy(LoginPolicy, context => PostsPerClientIp(context, "login", limits.LoginPermitLimitPerIp));
            o.AddPolicy(VerificationPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? PerClientIp(context, "verify-upload", limits.PublicPermitLimit)
                : PerClientIp(context, "verify-lookup", limits.VerificationPermitLimit));
        });
        services.AddSingleton(sp => new LoginAttempts(sp.GetRequiredService<IOptions<RateLimitOptions>>().Value.LoginPermitLimitPerUser));
    }

    /// <summary>
    /// Every 429 of the limiter says when to come back: <c>Retry-After</c> in whole seconds until the fixed window
    /// ends (the lease's <see cref="MetadataName.RetryAfter"/>, at least 1). The body comes after: on /api/v1 an
    /// Indonesian problem (ApiProblems' middleware, docs/api.md), elsewhere the Indonesian 429 page of the status-code
    /// pages.
    /// </summary>
    internal static ValueTask OnRejectedAsync(HttpContext context, RateLimitLease lease, CancellationToken ct)
    {
        _ = ct;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        SetRetryAfter(context.Response, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
        return ValueTask.CompletedTask;
    }

    /// <summary>The <c>Retry-After</c> header in whole seconds, rounded up, at least 1.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>
    /// Counts one attempt for <paramref name="userName"/>; false when the limit for this minute is used up, with how
    /// long until the window ends in <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquire(string userName, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The <c>RateLimiting</c> section: permits per minute (see <see cref="PublicRateLimits"/>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public int PublicPermitLimit { get; set; } = 10;
    public int LoginPermitLimitPerIp { get; set; } = 10;
    public int LoginPermitLimitPerUser { get; set; } = 5;
    public int VerificationPermitLimit { get; set; } = 60;

    /// <summary>Requests per minute per API token on /api/v1 (docs/api.md).</summary>
    public int ApiPermitLimit { get; set; } = 120;
}

/// <summary>Every limit at least one a minute: zero or less would lock everyone out of the form it guards.</summary>
public sealed class RateLimitOptionsValidator : SettingsValidator<RateLimitOptions>
{
    public override IEnumerable<string> Check(RateLimitOptions options)
    {
        (string Setting, int Value)[] limits =
        [
            ("RateLimiting:PublicPermitLimit", options.PublicPermitLimit),
            ("RateLimiting:LoginPermitLimitPerIp", options.LoginPermitLimitPerIp),
            ("RateLimiting:LoginPermitLimitPerUser", options.LoginPermitLimitPerUser),
            ("RateLimiting:VerificationPermitLimit", options.VerificationPermitLimit),
            ("RateLimiting:ApiPermitLimit", options.ApiPermitLimit),
        ];
        return limits.Where(l => l.Value < 1).Select(l => Positive(l.Setting, l.Value));
    }
}
