using System.Net;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 7: dates at the edges of the calendar (year 1, year 9999) in the lists' filters and exports used to end
/// in a 500 page; each gets an Indonesian validation message (or is simply ignored as a filter) instead.
/// </summary>
[Collection(SecurityGroup.Name)]
public sealed class OutOfRangeInput(SecurityWorld world)
{
    [Theory]
    [InlineData("/laporan?from=0001-01-01")]
    [InlineData("/laporan?to=9999-12-31")]
    public async Task TheReportListSaysAnEdgeDateFilterIsNotUsed(string url)
    {
        using var session = await WebSession.SignedInAsync(world.Factory, "kadis");

        var text = WebPageHelpers.Text(await session.GetPageAsync(url));

        Assert.Contains("Tanggal di luar rentang yang didukung (tahun 1900 sampai 2200). Filter itu tidak dipakai.", text,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kadis", "/laporan?from=0001-01-01")]
    [InlineData("kadis", "/laporan?to=9999-12-31")]
    [InlineData("kadis", "/laporan/ekspor.csv?from=0001-01-01&to=9999-12-31")]
    [InlineData("kadis", "/laporan/ekspor.xlsx?from=0001-01-01&to=9999-12-31")]
    [InlineData("petugas", "/buku-tamu?from=0001-01-01&to=9999-12-31")]
    [InlineData("petugas", "/buku-tamu/csv?from=0001-01-01&to=9999-12-31")]
    [InlineData("petugas", "/buku-tamu/xlsx?from=0001-01-01&to=9999-12-31")]
    [InlineData("admin", "/admin/audit?dari=0001-01-01&sampai=9999-12-31")]
    [InlineData("admin", "/admin/audit/ekspor.csv?dari=0001-01-01&sampai=9999-12-31")]
    [InlineData("kadis", "/skm?year=1")]
    [InlineData("kadis", "/skm?year=9999")]
    public async Task EdgeDatesNeverEndInAServerError(string userName, string url)
    {
        using var session = await WebSession.SignedInAsync(world.Factory, userName);

        using var response = await session.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
            $"{url} answered {(int)response.StatusCode}.");
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var text = WebPageHelpers.Text(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("Terjadi gangguan pada sistem", text);
        }
    }
}
