using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Commands.Generate;
using Xunit.Abstractions;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The SQL commands of the two benchmarked pages (docs/performance.md): the officials' report list and a report page,
/// on generated data, once the session is warm. A new query on these pages must be a decision, not an accident.
/// </summary>
public sealed class PageQueries(ITestOutputHelper output) : IDisposable
{
    private const string Password = "Uji#Generator2026";
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task TheListAndTheReportPageSendOnlyTheirContentQueries()
    {
        await _factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(120, 11, 3, Password)));
        var closed = await _factory.QueryAsync(db => db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Closed)
            .OrderByDescending(r => r.Events.Count).Select(r => r.Id).FirstAsync());

        using var kadis = await WebSession.SignedInAsync(_factory, "uji.kadis", Password);
        using var counter = new SqlCommandCounter(_factory.DataDirectory);
        var list = await MeasureAsync(kadis, counter, "/laporan?status=Closed&page=2");
        var page = await MeasureAsync(kadis, counter, $"/laporan/{closed}");

        Assert.True(list.Count > 0 && page.Count > 0, "the counter saw no commands");
    }

    private async Task<IReadOnlyList<string>> MeasureAsync(WebSession session, SqlCommandCounter counter, string url)
    {
        await session.GetPageAsync(url); // warm: caches filled, nothing done once per session is counted
        counter.Reset();
        await session.GetPageAsync(url);
        var texts = counter.Texts;
        output.WriteLine($"{url}: {texts.Count} commands");
        foreach (var text in texts) output.WriteLine("  " + text.ReplaceLineEndings(" "));
        return texts;
    }

    public void Dispose() => _factory.Dispose();
}
