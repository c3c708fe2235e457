#pragma warning disable EF1001 // SqliteQuerySqlGenerator is EF's internal API: the test counts the SQL texts EF writes.
using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Sqlite.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.Dashboard;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// EF writes the SQL of each dashboard and queue statement once, not on every execution. It writes it again whenever the
/// statement depends on a parameter's value: a list of states sent as parameters (a captured list, or EF.Constant, which
/// EF expands while writing), or a condition it drops because of a parameter (an empty list of Plh. officials). That was
/// 9 % of a dashboard request at 100,000 reports. Counted with EF's own SQL generator on the app's database file.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class StatementsWrittenOnce : IDisposable
{
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("kadis")]
    [InlineData("kabid")]
    [InlineData("kasi")]
    [InlineData("petugas")]
    public async Task TheDashboardWritesNoStatementAgain(string userName)
    {
        using (var driver = new WorkflowDriver(_factory)) await driver.SubmitAsync();
        var written = await WrittenOnSecondRunAsync(userName, (db, sp, actor) =>
            new DashboardService(db, sp.GetRequiredService<SlaClock>(), sp.GetRequiredService<SharedDashboardFigures>(),
                new ReferenceLists(db, sp.GetRequiredService<IMemoryCache>(), sp.GetRequiredService<DataChanges>())).BuildAsync(actor));
        Assert.True(written.Count == 0, $"{userName}'s dashboard wrote again:\n{string.Join("\n", written)}");
    }

    [Theory]
    [InlineData("kadis")]
    [InlineData("kabid")]
    [InlineData("kasi")]
    [InlineData("petugas")]
    [InlineData("teknisi")]
    [InlineData("pelapor")]
    public async Task EachQueueAndTheOpenReportsWriteNoStatementAgain(string userName)
    {
        var written = await WrittenOnSecondRunAsync(userName, async (db, _, actor) =>
        {
            await db.Reports.AsNoTracking().AwaitingActionBy(actor).OrderBy(r => r.SlaClockStartUtc).Take(10).Select(r => r.Id).ToListAsync();
            await db.Reports.AsNoTracking().VisibleTo(actor).Where(ReportQueries.StatusNotIn(DashboardService.FinalStates)).CountAsync();
        });
        Assert.True(written.Count == 0, $"{userName}'s queue wrote again:\n{string.Join("\n", written)}");
    }

    /// <summary>Runs <paramref name="run"/> twice on a context whose SQL generator counts; what the second run wrote.</summary>
    private async Task<List<string>> WrittenOnSecondRunAsync(string userName, Func<AppDbContext, IServiceProvider, Core.Domain.Workflow.WorkflowActor, Task> run)
    {
        var userId = await _factory.UserIdAsync(userName);
        return await _factory.WithScopeAsync(async sp =>
        {
            var actor = (await sp.GetRequiredService<ActorFactory>().ForUserAsync(userId))!;
            var options = new DbContextOptionsBuilder<AppDbContext>()
                .UseSqlite(DatabaseSetup.SqliteConnectionString(Path.GetFullPath(_factory.DataDirectory), new DatabaseOptions().CommandTimeoutSeconds))
                .ReplaceService<IQuerySqlGeneratorFactory, CountingGenerators.Factory>()
                .Options;
            await using (var db = new AppDbContext(options)) await run(db, sp, actor);
            CountingGenerators.Written.Clear();
            await using (var db = new AppDbContext(options)) await run(db, sp, actor);
            return CountingGenerators.Written.ToList();
        });
    }

    private static class CountingGenerators
    {
        // EF creates the factory itself (ReplaceService): the texts are kept here, and the tests of this class run one at a time.
        public static readonly ConcurrentQueue<string> Written = new();

        public sealed class Factory(QuerySqlGeneratorDependencies dependencies) : IQuerySqlGeneratorFactory
        {
            public QuerySqlGenerator Create() => new Counting(dependencies);
        }

        private sealed class Counting(QuerySqlGeneratorDependencies dependencies) : SqliteQuerySqlGenerator(dependencies)
        {
            public override IRelationalCommand GetCommand(Expression queryExpression)
            {
                var command = base.GetCommand(queryExpression);
                Written.Enqueue(command.CommandText);
                return command;
            }
        }
    }
}
