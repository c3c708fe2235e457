using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>
/// Each person's home fits their job: the technician's work queue (location, category, SLA badge, tap to call), the
/// reporter's reports waiting for them above their OPD's open reports, the Kepala Dinas's dashboard.
/// </summary>
public sealed class Homes(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task TheTechnicianSeesTheWorkQueueWithLocationCategorySlaAndACallLink_NotTheDashboard()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji beranda teknisi");
        await _w.DisposeAsync(id);
        await _w.VerifyAsync(id);
        await _w.AssignAsync(id);
        var number = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());

        var home = await (await _w.As("teknisi")).GetPageAsync("/");
        Assert.Contains("data-testid=\"work-queue\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-chart", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"kpis\"", home, StringComparison.Ordinal);
        var card = home[home.IndexOf($"data-queue-report=\"{id}\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</li>", StringComparison.Ordinal)];
        var text = WebPageHelpers.Text(card);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("Gedung utama lantai 2, ruang kepegawaian", text, StringComparison.Ordinal);
        Assert.Contains("Internet mati / tidak terhubung", text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sla\"", card, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+6281260000100\"", System.Net.WebUtility.HtmlDecode(card), StringComparison.Ordinal);

        // The Kepala Dinas keeps the dashboard.
        var kadis = await (await _w.As("kadis")).GetPageAsync("/");
        Assert.Contains("data-testid=\"kpis\"", kadis, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"work-queue\"", kadis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReporterSeesWhatWaitsForThemAboveTheOpdsOpenReports()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang arsip mati, uji beranda pelapor");
        var other = await _w.SubmitAsync(description: "Printer jaringan mati, uji beranda pelapor");
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);

        var home = await (await _w.As("pelapor")).GetPageAsync("/");
        var waiting = home.IndexOf("data-testid=\"waiting-for-me\"", StringComparison.Ordinal);
        var open = home.IndexOf("data-testid=\"opd-open\"", StringComparison.Ordinal);
        Assert.True(waiting > 0 && open > waiting, "The reports waiting for the reporter are not listed first.");
        var waitingList = home[waiting..open];
        Assert.Contains($"href=\"/laporan/{id}\"", waitingList, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/laporan/{other}\"", waitingList, StringComparison.Ordinal);
        Assert.Contains($"href=\"/laporan/{other}\"", home[open..], StringComparison.Ordinal);
    }

    public void Dispose() => _w.Dispose();
}
