using Microsoft.Net.Http.Headers;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Browser hardening headers on every response the app sends: pages, error pages, static files, documents.
/// The headers are added when the response starts, so they survive the exception handler (which clears the
/// headers before re-executing) and a response that set its own Content-Security-Policy keeps it
/// (attachment downloads use <c>default-src 'none'; sandbox</c>). See docs/security.md.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy of every HTML page: scripts, styles, fonts and connections from the app only, never inline.
    /// Images may also be <c>data:</c> (Bootstrap's CSS draws its icons as data: SVGs; the signature pad's
    /// preview is a data: URL) and <c>blob:</c>. The service worker and the web app manifest of the technician's phone
    /// app (docs/offline.md) come from the app itself.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of a PDF shown in the browser: Chromium's built-in viewer is an embedded plugin with its own
    /// inline styles, which <see cref="PagePolicy"/> (object-src 'none', no inline styles) would block. A PDF the
    /// app generated runs none of our scripts, so only framing is forbidden.
    /// </summary>
    public const string PdfPolicy = "frame-ancestors 'none'";

    /// <summary>
    /// Pages whose URL carries a tracking or verification code: not even the origin is sent on when leaving them.
    /// </summary>
    private static readonly PathString[] NoReferrerPaths = [new("/lacak"), new("/verifikasi")];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
        {
            var isPdf = context.Response.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true;
            headers.ContentSecurityPolicy = isPdf ? PdfPolicy : PagePolicy;
        }
        if (IsDownload(context.Response))
        {
            // Attachments, exports and PDFs hold personal and official data: no browser or shared cache keeps them.
            headers.CacheControl = "private, no-store";
        }
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = IsNoReferrerPath(context.Request.Path) ? "no-referrer" : "strict-origin-when-cross-origin";
        // The camera for this origin only: the technician scans serial numbers (site.js, BarcodeDetector).
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    private static readonly string[] DownloadTypes =
        ["application/pdf", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

    /// <summary>A file (anything sent with a Content-Disposition) or a PDF, CSV or Excel document.</summary>
    private static bool IsDownload(HttpResponse response)
    {
        if (response.Headers.ContainsKey(HeaderNames.ContentDisposition)) return true;
        var type = response.ContentType;
        if (type is null) return false;
        foreach (var download in DownloadTypes)
        {
            if (type.StartsWith(download, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsNoReferrerPath(PathString path)
    {
        foreach (var prefix in NoReferrerPaths)
        {
            if (path.StartsWithSegments(prefix)) return true;
        }
        return false;
    }
}
