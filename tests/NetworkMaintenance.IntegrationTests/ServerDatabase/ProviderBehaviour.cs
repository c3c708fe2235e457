using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.ServerDatabase;

/// <summary>
/// What differs between the providers underneath and must not differ above: the same tests run on SQLite and, in CI,
/// on PostgreSQL (<c>NM_TEST_POSTGRES</c>). Numbering under concurrency (Documents/ConcurrentNumbering), the append-only
/// audit trigger (Audit/AuditTrail) and the concurrency token (Workflow/DoubleSubmit) are proven by their own tests.
/// </summary>
public sealed class ProviderBehaviour(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SearchesIgnoreLetterCaseOnEveryProvider()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync(description: "Kabel FO putus di Ruang Server Lantai Tiga");
        var number = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        var kadis = await driver.As("kadis");

        foreach (var query in new[] { "kabel fo", "RUANG SERVER", "lantai tiga", number.ToLowerInvariant() })
        {
            var page = await kadis.GetPageAsync("/laporan?q=" + Uri.EscapeDataString(query));
            Assert.True(page.Contains(number, StringComparison.Ordinal), $"searching \"{query}\" did not find {number}");
        }
        var none = await kadis.GetPageAsync("/laporan?q=" + Uri.EscapeDataString("kabel tembaga"));
        Assert.DoesNotContain(number, none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimestampsAreStoredAndReadBackAsUtc()
    {
        using var driver = new WorkflowDriver(factory);
        var before = DateTime.UtcNow.AddSeconds(-1);
        var id = await driver.SubmitAsync();
        var after = DateTime.UtcNow.AddSeconds(1);

        var (received, columnType) = await factory.QueryAsync(async db => (
            await db.Reports.AsNoTracking().Where(r => r.Id == id).Select(r => r.ReceivedAtUtc).SingleAsync(),
            db.Model.FindEntityType(typeof(Report))!.FindProperty(nameof(Report.ReceivedAtUtc))!.GetColumnType()));
        Assert.Equal(DateTimeKind.Utc, received.Kind);
        Assert.InRange(received, before, after);
        // A range query with UTC bounds finds it (PostgreSQL: timestamptz compared with UTC parameters).
        Assert.Equal(1, await factory.QueryAsync(db => db.Reports.CountAsync(r => r.Id == id && r.ReceivedAtUtc >= before && r.ReceivedAtUtc <= after)));
        if (AppFactory.PostgresServer is not null) Assert.Equal("timestamp with time zone", columnType);
    }
}
