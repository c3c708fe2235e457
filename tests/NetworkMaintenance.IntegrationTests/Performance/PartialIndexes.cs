using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The indexes over columns that are empty when a row is written (<c>IndexFilters</c>, issue #18 point 2) hold only the
/// rows with a value, so a filing writes no entry in them inside the writer's turn, and the queries that read them still
/// use them.
/// </summary>
public sealed class PartialIndexes(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] Partial =
    [
        "IX_Reports_DeviceId", "IX_Reports_FormToken", "IX_Reports_KabidUserId_Status", "IX_Reports_KasiUserId_Status",
        "IX_Reports_LaporNumber", "IX_IssuedDocuments_SupersededById",
    ];

    [Fact]
    public async Task TheIndexesOfColumnsEmptyWhenARowIsWrittenHoldOnlyTheRowsWithAValue()
    {
        var definitions = await factory.QueryAsync(async db =>
        {
            var sql = db.Database.IsNpgsql()
                ? "SELECT indexname AS \"Name\", indexdef AS \"Definition\" FROM pg_indexes WHERE schemaname = current_schema()"
                : "SELECT name AS \"Name\", sql AS \"Definition\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
            return (await db.Database.SqlQueryRaw<IndexDefinition>(sql).ToListAsync()).ToDictionary(i => i.Name, i => i.Definition);
        });
        Assert.All(Partial, name =>
        {
            Assert.True(definitions.TryGetValue(name, out var definition), name);
            Assert.Matches("WHERE \\(?\"?[A-Za-z]+\"? IS NOT NULL", definition);
        });
    }

    // EXPLAIN QUERY PLAN is SQLite's; PostgreSQL's planner proves "column = value" implies "column IS NOT NULL" as well.
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task TheQueriesThatReadThemStillUseThem()
    {
        var kabid = await ActorAsync("kabid");
        var kasi = await ActorAsync("kasi.aplikasi");
        var plans = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var token = "token";
            var deviceId = 7;
            return new[]
            {
                await SqliteStatements.PlanAsync(db, db.Reports.AsNoTracking().AwaitingActionBy(kabid).Select(r => r.Id).ToQueryString()),
                await SqliteStatements.PlanAsync(db, db.Reports.AsNoTracking().AwaitingActionBy(kasi).Select(r => r.Id).ToQueryString()),
                await SqliteStatements.PlanAsync(db, db.Reports.AsNoTracking().Where(r => r.FormToken == token).Select(r => r.Id).ToQueryString()),
                await SqliteStatements.PlanAsync(db, db.Reports.AsNoTracking().Where(r => r.DeviceId == deviceId).Select(r => r.Id).ToQueryString()),
            };
        });
        Assert.Contains("IX_Reports_KabidUserId_Status", plans[0], StringComparison.Ordinal);
        Assert.Contains("IX_Reports_KasiUserId_Status", plans[1], StringComparison.Ordinal);
        Assert.Contains("IX_Reports_FormToken", plans[2], StringComparison.Ordinal);
        Assert.Contains("IX_Reports_DeviceId", plans[3], StringComparison.Ordinal);
    }

    private Task<NetworkMaintenance.Core.Domain.Workflow.WorkflowActor> ActorAsync(string userName) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            return (await sp.GetRequiredService<ActorFactory>().ForUserAsync(id))!;
        });

    private sealed record IndexDefinition(string Name, string Definition);
}
