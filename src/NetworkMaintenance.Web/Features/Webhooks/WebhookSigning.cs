using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace NetworkMaintenance.Web.Features.Webhooks;

/// <summary>
/// How deliveries are signed (docs/api.md, "Verifying a delivery"): header <see cref="TimestampHeader"/> carries the
/// Unix time in seconds, header <see cref="SignatureHeader"/> <c>sha256=</c> and the lowercase hex HMAC-SHA256 of
/// <c>"{timestamp}.{body}"</c> (UTF-8) keyed with the receiver's secret (its UTF-8 bytes).
/// </summary>
public static class WebhookSigning
{
    public const string TimestampHeader = "X-NM-Timestamp";
    public const string SignatureHeader = "X-NM-Signature";
    public const string EventHeader = "X-NM-Event";
    public const string EventIdHeader = "X-NM-Event-Id";
    public const string DeliveryHeader = "X-NM-Delivery";

    public static string Timestamp(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Signature(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <summary>What a receiver does: recompute and compare in fixed time.</summary>
    public static bool Verify(string secret, string timestamp, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}

/// <summary>
/// Receivers' secrets, encrypted with ASP.NET Core Data Protection (the key ring the app keeps in its database).
/// Unlike API tokens, a webhook secret cannot be kept only as a hash: the app needs the secret itself to compute
/// each HMAC. A database dump alone does not reveal it (the keys are encrypted at rest where configured, docs/security.md).
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("NetworkMaintenance.Webhooks.ReceiverSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}

/// <summary>Which receiver URLs are accepted: https:// always; http:// on the loopback address only when allowed outside Production.</summary>
public sealed class WebhookUrlPolicy(Microsoft.Extensions.Options.IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    public bool LoopbackHttpAllowed => options.Value.AllowLoopbackHttp && !environment.IsProduction();

    /// <summary>Null when acceptable, else the Indonesian reason.</summary>
    public string? WhyNot(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url) || url.Length > Core.Domain.Integration.WebhookReceiver.UrlMaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
        {
            return "Alamat penerima harus URL lengkap, misalnya https://sistem.opd.go.id/webhook.";
        }
        if (!string.IsNullOrEmpty(parsed.UserInfo)) return "Alamat penerima tidak boleh memuat nama pengguna atau kata sandi.";
        if (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback && LoopbackHttpAllowed))
        {
            uri = parsed;
            return null;
        }
        return "Alamat penerima harus memakai https://.";
    }
}
