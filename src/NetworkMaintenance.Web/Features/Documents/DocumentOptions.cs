namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>Settings of the <c>Documents</c> configuration section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Printed outside Production when <see cref="PublicBaseUrl"/> is not set (the demo's address).</summary>
    public const string FallbackBaseUrl = "http://localhost:5080";

    /// <summary>
    /// Where the public verification page is reachable, e.g. "https://gangguan.tebingtinggikota.go.id". Every issued PDF
    /// carries {PublicBaseUrl}/verifikasi/{code} in its QR code. Required in Production: until it is set, no document is
    /// issued. It is never taken from a request (a forged Host header must not end up in a document).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The configured address as printed (no trailing slash), or null when it is not set or not an http(s) URL.</summary>
    public static string? Configured(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        var trimmed = configured.Trim().TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? trimmed
            : null;
    }

    /// <summary>The base address printed on documents: the configured one, else <see cref="FallbackBaseUrl"/>.</summary>
    public static string ResolveBaseUrl(string? configured) => Configured(configured) ?? FallbackBaseUrl;

    /// <summary>The verification page of a document: {base}/verifikasi/{code}.</summary>
    public static string VerificationUrl(string baseUrl, string code) => Core.Domain.Documents.VerificationCode.Url(baseUrl, code);

    /// <summary>
    /// In Production, "AllowedHosts": "*" (the default of appsettings.json) is narrowed to the host of
    /// <see cref="PublicBaseUrl"/>, so requests naming any other host are refused by host filtering. An explicit list
    /// set by the operator is kept. Returns the value applied, or null when nothing changed.
    /// </summary>
    public static string? RestrictAllowedHosts(IConfiguration configuration, bool isProduction)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!isProduction) return null;
        var allowed = configuration["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(allowed) && allowed.Trim() != "*") return null;
        var baseUrl = Configured(configuration[$"{Section}:{nameof(PublicBaseUrl)}"]);
        if (baseUrl is null) return null;
        var host = new Uri(baseUrl).Host;
        configuration["AllowedHosts"] = host;
        return host;
    }
}

/// <summary>A public address that is set must be usable: an unusable one used to be ignored, and Production then issued nothing.</summary>
public sealed class DocumentOptionsValidator : Infrastructure.SettingsValidator<DocumentOptions>
{
    public override IEnumerable<string> Check(DocumentOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && DocumentOptions.Configured(options.PublicBaseUrl) is null)
            yield return $"Documents:PublicBaseUrl must be an absolute http or https URL (it is '{options.PublicBaseUrl}').";
    }
}
