using System.Net;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 10: attachments, exports and PDFs carry personal and official data; no shared or browser cache may keep
/// them (<c>Cache-Control: private, no-store</c>).
/// </summary>
[Collection(SecurityGroup.Name)]
public sealed class DownloadsNotCached(SecurityWorld world)
{
    [Theory]
    [InlineData("pelapor", "/lampiran/{id:int}")]
    [InlineData("pelapor", "/laporan/{id:int}/dokumen/{documentId:int}")]
    [InlineData("kadis", "/laporan/ekspor.csv")]
    [InlineData("kadis", "/laporan/ekspor.xlsx")]
    [InlineData("petugas", "/buku-tamu/csv")]
    [InlineData("petugas", "/buku-tamu/xlsx")]
    [InlineData("admin", "/admin/audit/ekspor.csv")]
    [InlineData("admin", "/admin/dokumen/pratinjau")]
    public async Task DownloadsAreNeitherStoredNorShared(string userName, string route)
    {
        using var session = await WebSession.SignedInAsync(world.Factory, userName);

        using var response = await session.GetAsync(world.UrlFor(route, userName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.NoStore, $"{route}: Cache-Control is '{cacheControl}'.");
        Assert.True(cacheControl.Private, $"{route}: Cache-Control is '{cacheControl}'.");
    }
}
