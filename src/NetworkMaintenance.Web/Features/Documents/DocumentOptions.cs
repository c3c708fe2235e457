namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>Settings of the <c>Documents</c> configuration section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Used when neither the configuration nor a request says where the app is published.</summary>
    public const string FallbackBaseUrl = "http://localhost:5080";

    /// <summary>
    /// Where the public verification page is reachable, e.g. "https://gangguan.tebingtinggikota.go.id". Every issued PDF
    /// carries {PublicBaseUrl}/verifikasi/{code} in its QR code, so set it in production: without it the address of the
    /// request that issued the document is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base address printed on documents: configured, else the request's, else <see cref="FallbackBaseUrl"/>.</summary>
    public static string ResolveBaseUrl(string? configured, HttpRequest? request)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured.Trim().TrimEnd('/');
        if (request is { Host.HasValue: true })
        {
            return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}".TrimEnd('/');
        }
        return FallbackBaseUrl;
    }

    /// <summary>The verification page of a document: {base}/verifikasi/{code}.</summary>
    public static string VerificationUrl(string baseUrl, string code) => $"{baseUrl}/verifikasi/{code}";
}
