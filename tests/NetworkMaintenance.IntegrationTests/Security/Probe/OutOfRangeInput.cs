using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Web.Infrastructure;
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
    [InlineData("/buku-tamu?from=0001-01-01", "Tanggal di luar rentang yang didukung (tahun 1900 sampai 2200).")]
    [InlineData("/buku-tamu?to=9999-12-31", "Tanggal di luar rentang yang didukung (tahun 1900 sampai 2200).")]
    [InlineData("/buku-tamu?from=kemarin", "Nilai 'kemarin' tidak valid.")]
    public async Task TheGuestBookSaysADateFilterIsNotUsedAndListsWithoutIt(string url, string message)
    {
        using var session = await WebSession.SignedInAsync(world.Factory, "petugas");
        var visitor = await world.Factory.QueryAsync(db => db.GuestBookEntries.Where(g => g.Id == world.GuestBookEntryId)
            .Select(g => g.VisitorName).SingleAsync());

        var text = WebPageHelpers.Text(await session.GetPageAsync(url));

        Assert.Contains(message + " " + UnusedFilter.Suffix, text, StringComparison.Ordinal);
        Assert.Contains(visitor, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/audit?dari=0001-01-01", "Tanggal di luar rentang yang didukung (tahun 1900 sampai 2200).")]
    [InlineData("/admin/audit?sampai=9999-12-31", "Tanggal di luar rentang yang didukung (tahun 1900 sampai 2200).")]
    [InlineData("/admin/audit?dari=kemarin", "Nilai 'kemarin' tidak valid untuk Dari.")]
    public async Task TheAuditLogSaysADateFilterIsNotUsedAndListsWithoutIt(string url, string message)
    {
        using var session = await WebSession.SignedInAsync(world.Factory, "admin");

        var text = WebPageHelpers.Text(await session.GetPageAsync(url));

        Assert.Contains(message + " " + UnusedFilter.Suffix, text, StringComparison.Ordinal);
        // The list itself ran without the refused filter: the sign-ins of this test are in it.
        Assert.DoesNotContain("Tidak ada catatan yang cocok.", text, StringComparison.Ordinal);
        Assert.Contains("Menampilkan 1–", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("petugas", "/buku-tamu/csv?from=0001-01-01&q=x", "/buku-tamu?from=0001-01-01&q=x")]
    [InlineData("petugas", "/buku-tamu/csv?to=9999-12-31", "/buku-tamu?to=9999-12-31")]
    [InlineData("petugas", "/buku-tamu/csv?from=kemarin", "/buku-tamu?from=kemarin")]
    [InlineData("admin", "/admin/audit/ekspor.csv?dari=0001-01-01", "/admin/audit?dari=0001-01-01")]
    [InlineData("admin", "/admin/audit/ekspor.csv?sampai=9999-12-31", "/admin/audit?sampai=9999-12-31")]
    [InlineData("admin", "/admin/audit/ekspor.csv?dari=kemarin", "/admin/audit?dari=kemarin")]
    [InlineData("kadis", "/laporan/ekspor.csv?from=0001-01-01", "/laporan?from=0001-01-01")]
    [InlineData("kadis", "/laporan/ekspor.xlsx?to=9999-12-31", "/laporan?to=9999-12-31")]
    [InlineData("kadis", "/laporan/ekspor.csv?from=kemarin", "/laporan?from=kemarin")]
    public async Task AnExportWithARefusedDateFilterIsNotMadeAndTheListSaysWhy(string userName, string url, string list)
    {
        using var session = await WebSession.SignedInAsync(world.Factory, userName);
        var exportsBefore = await ExportsAsync();

        using var response = await session.GetAsync(url);

        Assert.Equal(list, await HttpAssert.RedirectsToAsync(response, list));
        Assert.Equal(exportsBefore, await ExportsAsync());
        Assert.Contains(UnusedFilter.Suffix, WebPageHelpers.Text(await session.GetPageAsync(list)), StringComparison.Ordinal);
    }

    private Task<int> ExportsAsync() =>
        world.Factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EventType == AuditEvents.ExportDownloaded));

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

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Found,
            $"{url} answered {(int)response.StatusCode}.");
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var text = WebPageHelpers.Text(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("Terjadi gangguan pada sistem", text);
        }
    }
}
