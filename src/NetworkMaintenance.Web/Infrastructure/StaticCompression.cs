using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Brotli or gzip for the app's static text files (stylesheets, scripts, SVG, the manifest) — and only for them.
/// Pages are never compressed: an HTML page reflects what the visitor typed (search terms, form values) next to
/// secrets (the antiforgery token), which is what BREACH needs to guess a secret from compressed sizes. Static files
/// hold nothing per user. Fingerprinted static URLs are cached for a year (AppHost), so a phone downloads and this
/// compresses each file about once per release. See docs/performance.md ("The technician's phone: page weight").
/// </summary>
public static class StaticCompression
{
    /// <summary>The folders of wwwroot served with compression.</summary>
    private static readonly string[] Folders = ["/lib/", "/css/", "/js/"];

    private static readonly string[] Files = ["/sw.js", "/manifest.webmanifest"];

    public static IServiceCollection AddStaticCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Safe over HTTPS for these responses only (see above); pages never reach this middleware.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/manifest+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static IApplicationBuilder UseStaticCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => IsStaticText(context.Request.Path), branch => branch.UseResponseCompression());

    public static bool IsStaticText(PathString path) =>
        path.HasValue && (Folders.Any(f => path.Value!.StartsWith(f, StringComparison.OrdinalIgnoreCase))
            || Files.Any(f => string.Equals(path.Value, f, StringComparison.OrdinalIgnoreCase)));
}
