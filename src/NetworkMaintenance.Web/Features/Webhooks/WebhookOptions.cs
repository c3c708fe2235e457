using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Webhooks;

/// <summary>The <c>Webhooks</c> section (docs/api.md, "Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this instance delivers (rows are written either way, and wait).</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for due deliveries.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long a receiver may take to answer; beyond it the attempt failed (and is retried later).</summary>
    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles after each further failure (capped at 6 hours).</summary>
    public double FirstRetrySeconds { get; set; } = 30;

    /// <summary>
    /// Accept http:// receivers on the loopback address (127.0.0.1, ::1, localhost): for development and tests only.
    /// Ignored in Production, where every receiver must be https://.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }
}

public sealed class WebhookOptionsValidator : SettingsValidator<WebhookOptions>
{
    public override IEnumerable<string> Check(WebhookOptions options)
    {
        if (options.PollSeconds is < 0.05 or > 3600) yield return "Webhooks:PollSeconds must be between 0.05 and 3600.";
        if (options.TimeoutSeconds is < 0.1 or > 30) yield return "Webhooks:TimeoutSeconds must be between 0.1 and 30: a slow receiver must not hold the sender.";
        if (options.FirstRetrySeconds is < 0.05 or > 86400) yield return "Webhooks:FirstRetrySeconds must be between 0.05 and 86400.";
    }
}
