using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Devices;

/// <summary>
/// Quantity-counted stock (issue #19 point 3): the pages at /perangkat/stok (list with the reorder warning, add, edit,
/// receive), issuing to a report under repair from the report page, and the race for the last unit: of two
/// technicians taking it at once exactly one succeeds, the other is told why in Indonesian.
/// </summary>
public sealed class StockItemTests(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    public void Dispose() => _w.Dispose();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<int> AddAsync(string name, int quantity, int reorderLevel)
    {
        var kasi = await _w.As("kasi");
        using var response = await kasi.SubmitFormAsync("/perangkat/stok/baru", "/perangkat/stok/baru", new Form()
            .Set("Name", name).Set("Unit", "buah").Set("Quantity", Id(quantity)).Set("ReorderLevel", Id(reorderLevel)));
        await HttpAssert.RedirectsToAsync(response, "/perangkat/stok");
        return await factory.QueryAsync(db => db.StockItems.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
    }

    private Task<StockItem> ItemAsync(int id) =>
        factory.QueryAsync(db => db.StockItems.AsNoTracking().Include(s => s.Movements).SingleAsync(s => s.Id == id));

    private async Task<int> RepairingAsync()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        Assert.Equal(ReportStatus.Repairing, await _w.StatusAsync(id));
        return id;
    }

    [Fact]
    public async Task TheKasiAddsEditsAndReceivesStockAndTheListWarnsBelowTheReorderLevel()
    {
        var id = await AddAsync("Konektor RJ45 Cat6", 10, 20);
        var kasi = await _w.As("kasi");
        var list = await kasi.GetPageAsync("/perangkat/stok");
        var warning = WebPageHelpers.Text(list);
        Assert.Contains("Stok di bawah batas pemesanan ulang:", warning, StringComparison.Ordinal);
        Assert.Contains("Konektor RJ45 Cat6 (10 buah, batas 20)", warning, StringComparison.Ordinal);

        using (var received = await kasi.SubmitFormAsync("/perangkat/stok", $"/perangkat/stok/{id}/terima", new Form().Set("quantity", "15")))
        {
            Assert.Contains("Penerimaan stok dicatat.", await _w.FollowAsync("kasi", received), StringComparison.Ordinal);
        }
        using (var edited = await kasi.SubmitFormAsync($"/perangkat/stok/{id}/ubah", $"/perangkat/stok/{id}/ubah", new Form()
                   .Set("Name", "Konektor RJ45 Cat6 (isi 100)").Set("Unit", "kotak").Set("ReorderLevel", "5")))
        {
            await HttpAssert.RedirectsToAsync(edited, "/perangkat/stok");
        }
        var item = await ItemAsync(id);
        Assert.Equal(("Konektor RJ45 Cat6 (isi 100)", "kotak", 25, 5), (item.Name, item.Unit, item.Quantity, item.ReorderLevel));
        Assert.Equal([10, 15], item.Movements.OrderBy(m => m.Id).Select(m => m.Quantity));
        var after = WebPageHelpers.Text(await kasi.GetPageAsync("/perangkat/stok"));
        Assert.DoesNotContain("Konektor RJ45 Cat6 (isi 100) (25", after, StringComparison.Ordinal);
        Assert.Contains("25 kotak", after, StringComparison.Ordinal);

        // A zero receipt is refused with its reason; a technician reads the list but may not add or receive.
        using (var zero = await kasi.SubmitFormAsync("/perangkat/stok", $"/perangkat/stok/{id}/terima", new Form().Set("quantity", "0")))
        {
            Assert.Contains("Jumlah harus lebih dari 0.", await _w.FollowAsync("kasi", zero), StringComparison.Ordinal);
        }
        var teknisi = await _w.As("teknisi");
        Assert.Contains("Konektor RJ45 Cat6 (isi 100)", WebPageHelpers.Text(await teknisi.GetPageAsync("/perangkat/stok")), StringComparison.Ordinal);
        using var forbidden = await teknisi.GetAsync("/perangkat/stok/baru");
        await HttpAssert.RedirectsToAsync(forbidden, "/akses-ditolak");
    }

    [Fact]
    public async Task StockIsIssuedToAReportUnderRepairFromTheReportPage()
    {
        var item = await AddAsync("Kabel patch Cat6 1 m", 4, 1);
        var report = await RepairingAsync();
        var teknisi = await _w.As("teknisi");
        var page = await teknisi.GetPageAsync($"/laporan/{report}");
        Assert.Contains("Kabel patch Cat6 1 m (tersedia 4 buah)", WebPageHelpers.Text(page), StringComparison.Ordinal);
        using (var issued = await teknisi.SubmitFormAsync($"/laporan/{report}", "/perangkat/stok/keluarkan",
                   new Form().Set("stockItemId", Id(item)).Set("reportId", Id(report)).Set("quantity", "3")))
        {
            Assert.Contains("3 buah Kabel patch Cat6 1 m dikeluarkan untuk laporan ini.", await _w.FollowAsync("teknisi", issued), StringComparison.Ordinal);
        }
        var stored = await ItemAsync(item);
        Assert.Equal(1, stored.Quantity);
        var movement = stored.Movements.OrderBy(m => m.Id).Last();
        Assert.Equal((-3, (int?)report), (movement.Quantity, movement.ReportId));
        Assert.Contains("3 buah Kabel patch Cat6 1 m", WebPageHelpers.Text(await teknisi.GetPageAsync($"/laporan/{report}")), StringComparison.Ordinal);

        // More than is on hand: refused, nothing taken; the list warns (1 left, reorder level 1).
        using (var tooMany = await teknisi.SubmitFormAsync($"/laporan/{report}", "/perangkat/stok/keluarkan",
                   new Form().Set("stockItemId", Id(item)).Set("reportId", Id(report)).Set("quantity", "2")))
        {
            Assert.Contains("Stok Kabel patch Cat6 1 m tidak cukup: tersedia 1 buah.", await _w.FollowAsync("teknisi", tooMany), StringComparison.Ordinal);
        }
        Assert.Equal(1, (await ItemAsync(item)).Quantity);
        Assert.Contains("Kabel patch Cat6 1 m (1 buah, batas 1)", WebPageHelpers.Text(await teknisi.GetPageAsync("/perangkat/stok")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoTechniciansTakingTheLastUnitAtOnceOneGetsItTheOtherAClearMessage()
    {
        var item = await AddAsync("Konektor RJ11", 1, 0);
        var reportA = await RepairingAsync();
        var reportB = await RepairingAsync();
        var teknisi = await _w.As("teknisi");
        var teknisi2 = await _w.As("teknisi2");

        // Both have their report page open with the last connector on offer, then press "Keluarkan" at once.
        var tokenA = WebPageHelpers.GetRequestVerificationToken(await teknisi.GetPageAsync($"/laporan/{reportA}"), "/perangkat/stok/keluarkan");
        var tokenB = WebPageHelpers.GetRequestVerificationToken(await teknisi2.GetPageAsync($"/laporan/{reportB}"), "/perangkat/stok/keluarkan");
        var responses = await Task.WhenAll(
            teknisi.PostWithTokenAsync("/perangkat/stok/keluarkan", new Form().Set("stockItemId", Id(item)).Set("reportId", Id(reportA)).Set("quantity", "1"), tokenA),
            teknisi2.PostWithTokenAsync("/perangkat/stok/keluarkan", new Form().Set("stockItemId", Id(item)).Set("reportId", Id(reportB)).Set("quantity", "1"), tokenB));
        var messages = new[]
        {
            await _w.FollowAsync("teknisi", responses[0]),
            await _w.FollowAsync("teknisi2", responses[1]),
        };
        foreach (var r in responses) r.Dispose();

        var stored = await ItemAsync(item);
        Assert.Equal(0, stored.Quantity);
        var issue = Assert.Single(stored.Movements, m => m.Quantity < 0);
        var winner = issue.ReportId == reportA ? 0 : 1;
        Assert.Contains(issue.ReportId, new int?[] { reportA, reportB });
        Assert.Contains("1 buah Konektor RJ11 dikeluarkan untuk laporan ini.", messages[winner], StringComparison.Ordinal);
        var loser = messages[1 - winner];
        Assert.True(loser.Contains(DeviceMessages.StockTakenByOther, StringComparison.Ordinal)
            || loser.Contains("Stok Konektor RJ11 tidak cukup: tersedia 0 buah.", StringComparison.Ordinal), loser);
    }
}
