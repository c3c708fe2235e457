using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Dashboard;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The dashboard's lists in clock order (the Kepala Dinas's queue and the overdue reports) are read from the front of an
/// index in that order, as the dashboard sends them. On PostgreSQL the planner reads an IN list of states from a
/// (Status, …, SlaClockStartUtc) index as one range per state and then sorts all of their rows (7–12 ms a list at a
/// million reports); the partial indexes over the open reports and over the running clocks hold them in clock order,
/// and the planner must prove that the lists' states imply the indexes' predicates — a state added to the final ones
/// without the indexes following fails here. Asked with plain scans and sorts priced out, so that the small test
/// database's plan is the one a million reports get. On SQLite, the plan reads the indexes of QueueInClockOrder.
/// </summary>
public sealed partial class DashboardClockOrder(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheQueueAndTheOverdueListAreReadFromAnIndexInClockOrder()
    {
        var kadisId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "kadis").Select(u => u.Id).SingleAsync());
        var plans = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var actor = (await sp.GetRequiredService<ActorFactory>().ForUserAsync(kadisId))!;
            var reports = db.Reports.AsNoTracking();
            var queue = DashboardService.MyQueue(reports, actor).ToQueryString();
            var overdue = DashboardService.Overdue(DashboardService.Running(reports), DateTime.UtcNow.AddDays(-1)).ToQueryString();
            return db.Database.IsNpgsql()
                ? new[] { await PostgreSqlPlanAsync(db, queue), await PostgreSqlPlanAsync(db, overdue) }
                : [await SqliteStatements.PlanAsync(db, queue), await SqliteStatements.PlanAsync(db, overdue)];
        });

        if (AppFactory.PostgresServer is not null)
        {
            Assert.Contains("Index Scan using \"IX_Reports_Open_SlaClockStartUtc\"", plans[0], StringComparison.Ordinal);
            Assert.Contains("Index Scan using \"IX_Reports_Running_SlaClockStartUtc\"", plans[1], StringComparison.Ordinal);
            Assert.All(plans, plan => Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains("IX_Reports_Status_AwaitsIntakeConfirmation_SlaClockStartUtc", plans[0], StringComparison.Ordinal);
            Assert.Contains("IX_Reports_WorkCompletedAtUtc_SlaPausedSinceUtc_Status_SlaClockStartUtc", plans[1], StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// PostgreSQL's plan of an EF query string (its <c>-- @name='value'</c> lines inlined as literals), with sequential
    /// scans, bitmap scans and sorts priced out for this transaction only.
    /// </summary>
    private static async Task<string> PostgreSqlPlanAsync(AppDbContext db, string queryString)
    {
        var lines = queryString.Split('\n');
        var values = lines.Select(l => ParameterLine().Match(l)).Where(m => m.Success).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length))
        {
            sql = sql.Replace("@" + name, "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'", StringComparison.Ordinal);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off");
        DbConnection connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = "EXPLAIN " + sql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        }
        await transaction.RollbackAsync();
        return string.Join('\n', plan);
    }

    [GeneratedRegex(@"^-- @(\w+)='(.*)'( \(.*\))?\r?$")]
    private static partial Regex ParameterLine();
}
