using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using Xunit.Abstractions;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The monthly recap at a million reports took 15 s (docs/performance.md, sixth session): its twelve-month trend scanned
/// every report once a month for the ones closed in it, and its counts of the reports open at the month's start and end
/// looked up every older report's row. Every statement the recap PDF sends about the reports is now read from an
/// index: none of their plans is a scan of the table.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class RecapQueryPlans(ITestOutputHelper output) : IDisposable
{
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task TheMonthlyRecapReadsTheReportsThroughIndexesOnly()
    {
        using var kadis = await WebSession.SignedInAsync(_factory, "kadis");
        var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var counter = await SqlCommandCounter.StartAsync(_factory.DataDirectory, () => _factory.QueryAsync(db => db.Users.AnyAsync()));
        counter.Reset();
        using (var response = await kadis.GetAsync($"/laporan/rekap?bulan={month}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }

        var file = Path.Combine(_factory.DataDirectory, "networkmaintenance.db");
        var aboutReports = counter.Texts.Where(t => t.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && t.Contains("FROM \"Reports\"", StringComparison.Ordinal)).ToList();
        // The trend alone counts twelve months twice.
        Assert.True(aboutReports.Count >= 24, $"{aboutReports.Count} statements about the reports");
        foreach (var text in aboutReports)
        {
            var plan = SqliteStatements.Plan(file, text);
            output.WriteLine(text.ReplaceLineEndings(" ") + "\n    " + string.Join("\n    ", plan));
            Assert.DoesNotContain(plan, step => step is "SCAN r" or "SCAN Reports");
        }
    }

    public void Dispose() => _factory.Dispose();
}
