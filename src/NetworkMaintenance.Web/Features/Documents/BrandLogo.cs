using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>
/// The logo of the kop surat (document settings), for the page header: read from the database at most once a
/// minute per instance and at once after the administrator saves the settings here (<see cref="Invalidate"/>). The
/// header links it as <c>/logo?v={Version}</c>, so a browser keeps it until it changes.
/// </summary>
public sealed class BrandLogo(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The image, its type and a version that changes with it; <see cref="Bytes"/> null: no logo (an icon shows).</summary>
    public sealed record Image(byte[]? Bytes, string ContentType, string Version, DateTimeOffset ReadAt);

    private volatile Image? _current;

    public async Task<Image> GetAsync(CancellationToken ct = default)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow() - current.ReadAt < Lifetime) return current;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.DocumentSettings.AsNoTracking()
            .Select(s => new { s.Logo, s.LogoContentType, s.UpdatedAtUtc }).SingleOrDefaultAsync(ct);
        var bytes = row?.Logo is { Length: > 0 } logo ? logo : null;
        var version = bytes is null ? "0" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
        var image = new Image(bytes, row?.LogoContentType ?? LogoImage.ContentType(bytes) ?? LogoImage.Png, version, clock.GetUtcNow());
        _current = image;
        return image;
    }

    /// <summary>Forgets the cached logo: the next request reads the saved one.</summary>
    public void Invalidate() => _current = null;
}

/// <summary>GET /logo: the kop surat's logo for the page header, public (it is printed on every official document).</summary>
[AllowAnonymous]
public sealed class BrandLogoController(BrandLogo logo) : Controller
{
    [HttpGet("/logo")]
    public async Task<IActionResult> Get(string? v, CancellationToken ct)
    {
        var image = await logo.GetAsync(ct);
        if (image.Bytes is null) return NotFound();
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + image.Version + "\"");
        // A versioned address never changes content: a year; the bare address is checked again after a minute.
        Response.Headers.CacheControl = v == image.Version ? "public, max-age=31536000, immutable" : "public, max-age=60";
        return File(image.Bytes, image.ContentType, lastModified: null, entityTag: etag);
    }
}
