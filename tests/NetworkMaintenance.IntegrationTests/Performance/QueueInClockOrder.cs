using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Dashboard;
using NetworkMaintenance.Web.Features.Reports;
using Xunit.Abstractions;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The Kepala Dinas's queue on the dashboard ("Menunggu tindakan saya") holds every new report. With thousands waiting
/// (inserted with one SQL statement, their clocks started in an order unrelated to their ids, some still waiting for the
/// front desk's confirmation), the dashboard lists the ten whose clock started first, and its statement reads the front
/// of each awaited state's range of the (Status, AwaitsIntakeConfirmation, SlaClockStartUtc) index: far fewer SQLite
/// steps than there are reports waiting (about 760 for 4000; before that index it sorted every one of them: 40,000
/// steps, and 5 ms of the dashboard's 12 at 100,000 reports).
/// </summary>
// Filled with SQLite's SQL (a recursive CTE), and measured in SQLite's own virtual machine steps.
[Trait("Database", "SqliteOnly")]
public sealed partial class QueueInClockOrder(ITestOutputHelper output) : IDisposable
{
    private const int Waiting = 4000;
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task TheDashboardListsTheTenOldestClocksAndReadsOnlyTheFrontOfEachState()
    {
        await InsertAsync();

        // What the queue must show, worked out here from every row: awaiting the Kadis, not the front desk, oldest clock first.
        var rows = await _factory.QueryAsync(db => db.Reports.AsNoTracking()
            .Select(r => new { r.Number, r.Status, r.AwaitsIntakeConfirmation, r.SlaClockStartUtc }).ToListAsync());
        var expected = rows.Where(r => r.Status is ReportStatus.Submitted or ReportStatus.KadisReview && !r.AwaitsIntakeConfirmation)
            .OrderBy(r => r.SlaClockStartUtc).Take(DashboardService.ListSize).Select(r => r.Number).ToList();
        Assert.True(rows.Where(r => r.AwaitsIntakeConfirmation).Min(r => r.SlaClockStartUtc) < rows.Where(r => expected.Contains(r.Number)).Max(r => r.SlaClockStartUtc),
            "an e-mail report awaiting the front desk must be among the oldest clocks, so that leaving it out is checked");
        Assert.Contains(rows.Where(r => expected.Contains(r.Number)), r => r.Status == ReportStatus.KadisReview);

        using var kadis = await WebSession.SignedInAsync(_factory, "kadis");
        var html = await kadis.GetPageAsync("/");
        var queue = html[html.IndexOf("data-testid=\"my-queue\"", StringComparison.Ordinal)..];
        queue = queue[..queue.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Equal(expected, NumberLink().Matches(queue).Select(m => m.Groups[1].Value).ToList());

        // The statement as the dashboard sends it, run on the file: its steps against the reports waiting.
        var kadisId = await _factory.UserIdAsync("kadis");
        var sql = await _factory.WithScopeAsync(async sp =>
        {
            var actor = (await sp.GetRequiredService<ActorFactory>().ForUserAsync(kadisId))!;
            var db = sp.GetRequiredService<NetworkMaintenance.Core.Data.AppDbContext>();
            return SqliteStatements.Inline(DashboardService.MyQueue(db.Reports.AsNoTracking(), actor).ToQueryString());
        });
        var (count, steps) = SqliteStatements.Run(Path.Combine(_factory.DataDirectory, "networkmaintenance.db"), sql);
        output.WriteLine($"{count} rows in {steps} steps; {Waiting} reports waiting");
        Assert.Equal(DashboardService.ListSize, count);
        Assert.True(steps < Waiting, $"{steps} steps for the queue of {Waiting} waiting reports: it reads every one of them");
    }

    /// <summary>
    /// <see cref="Waiting"/> new reports whose clocks started one minute apart in an order unrelated to their ids (minute
    /// m = i × 7919 modulo the count): one in 25 in KadisReview (the 6th oldest among them), the others Submitted, and one
    /// in 40 an e-mail report awaiting the front desk (the 4th oldest among them).
    /// </summary>
    private async Task InsertAsync()
    {
        var opd = await _factory.OpdIdAsync("Dinkes");
        var user = await _factory.UserIdAsync("petugas");
        await _factory.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Waiting}),
            o(i, m) AS (SELECT i, (i * 7919) % {Waiting} FROM n),
            t(i, m, at, h) AS (SELECT i, m, strftime('%Y-%m-%d %H:%M:%S', '2026-11-01', '+' || m || ' minutes'), hex(randomblob(16)) FROM o)
            INSERT INTO "Reports" ("Category", "Channel", "CreatedAtUtc", "Description", "Location", "Number", "OpdId", "ReceivedAtUtc",
                "RecordedByUserId", "ReporterName", "Sequence", "SlaClockStartUtc", "Status", "TrackingCode", "Version", "Year",
                "AwaitsIntakeConfirmation")
            SELECT 'NoInternet', 'Web', at, 'Internet mati', 'Gedung A', 'GJ-2020-' || printf('%06d', i), {opd}, at, {user}, 'Uji', i, at,
                CASE WHEN m % 25 = 5 THEN 'KadisReview' ELSE 'Submitted' END, printf('Q%07d', i),
                substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12),
                2020, CASE WHEN m % 40 = 3 THEN 1 ELSE 0 END
            FROM t
            """));
    }

    [GeneratedRegex(@"href=""/laporan/\d+""[^>]*>(GJ-\d{4}-\d{6})</a>")]
    private static partial Regex NumberLink();

    public void Dispose() => _factory.Dispose();
}
