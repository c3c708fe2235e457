using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Dashboard;

public sealed record Kpis(int Open, int CompletedThisMonth, double? MedianHours, double? P90Hours, double? CompliancePercent);

public sealed record ChartSeries(string Label, IReadOnlyList<double> Data);

/// <summary>One Chart.js chart, serialized into the canvas's data-chart attribute and drawn by wwwroot/js/dashboard.js.</summary>
public sealed record ChartSpec(string Id, string Title, string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

public sealed record DashboardModel(
    IReadOnlyList<ReportListRow> MyQueue,
    IReadOnlyList<(ReportStatus Status, int Count)> ByStatus,
    IReadOnlyList<ReportListRow> Overdue,
    IReadOnlyList<ReportListRow> AtRisk,
    Kpis Kpis,
    IReadOnlyList<ChartSpec> Charts);

/// <summary>
/// The figures of the home dashboard, over the reports the person may see. Every figure is aggregated in SQL
/// (or read as one bounded column), so the page issues the same number of commands whatever the number of reports.
/// </summary>
public sealed class DashboardService(AppDbContext db, SlaClock sla)
{
    public const int ListSize = 10;
    public const int TrendMonths = 6;

    public static readonly IReadOnlyList<ReportStatus> FinalStates = [ReportStatus.Closed, ReportStatus.Rejected];

    public async Task<DashboardModel> BuildAsync(WorkflowActor actor, CancellationToken ct = default)
    {
        var now = sla.NowUtc;
        var visible = db.Reports.AsNoTracking().VisibleTo(actor);
        var final = FinalStates;
        var running = visible.Where(r => !final.Contains(r.Status) && r.WorkCompletedAtUtc == null && r.SlaPausedSinceUtc == null);
        var breachedBefore = sla.BreachedIfStartedBefore(now);
        var warningBefore = sla.WarningIfStartedBefore(now);

        var myQueue = await db.Reports.AsNoTracking().AwaitingActionBy(actor).OrderBy(r => r.SlaClockStartUtc)
            .Take(ListSize).Select(ReportListRow.Projection).ToListAsync(ct);

        var byStatus = (await visible.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Key).Select(x => (x.Key, x.Count)).ToList();

        var overdue = await running.Where(r => r.SlaClockStartUtc < breachedBefore).OrderBy(r => r.SlaClockStartUtc)
            .Take(ListSize).Select(ReportListRow.Projection).ToListAsync(ct);
        var atRisk = await running.Where(r => r.SlaClockStartUtc >= breachedBefore && r.SlaClockStartUtc < warningBefore)
            .OrderBy(r => r.SlaClockStartUtc).Take(ListSize).Select(ReportListRow.Projection).ToListAsync(ct);

        // This month (WIB): the clock time each completed report used, one bounded column.
        var nowWib = Wib.FromUtc(now);
        var monthStartUtc = Wib.ToUtc(new DateTime(nowWib.Year, nowWib.Month, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var seconds = await visible.Where(r => r.WorkCompletedAtUtc >= monthStartUtc && r.SlaElapsedSeconds != null)
            .Select(r => r.SlaElapsedSeconds!.Value).ToListAsync(ct);
        var open = byStatus.Where(s => !final.Contains(s.Key)).Sum(s => s.Count);
        var kpis = ComputeKpis(open, seconds, sla.Options.Target);

        var charts = new List<ChartSpec>
        {
            await TrendAsync(visible, monthStartUtc, nowWib, ct),
            await ByOpdAsync(visible, ct),
            await ByCategoryAsync(visible, ct),
            await TimePerStepAsync(visible, now, ct),
            await WorkloadAsync(visible, ct),
        };
        return new DashboardModel(myQueue, byStatus, overdue, atRisk, kpis, charts);
    }

    /// <summary>Median and 90th percentile (nearest rank) in hours, and the share within the target.</summary>
    public static Kpis ComputeKpis(int open, IReadOnlyList<long> elapsedSeconds, TimeSpan target)
    {
        if (elapsedSeconds.Count == 0) return new Kpis(open, 0, null, null, null);
        var sorted = elapsedSeconds.Order().ToList();
        double Hours(long s) => Math.Round(s / 3600d, 1);
        var median = sorted.Count % 2 == 1
            ? Hours(sorted[sorted.Count / 2])
            : Math.Round((sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 7200d, 1);
        var p90 = Hours(sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1]);
        var met = sorted.Count(s => s <= target.TotalSeconds);
        return new Kpis(open, sorted.Count, median, p90, Math.Round(100d * met / sorted.Count, 1));
    }

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    private static async Task<ChartSpec> TrendAsync(IQueryable<Report> visible, DateTime monthStartUtc, DateTime nowWib, CancellationToken ct)
    {
        var firstWib = new DateTime(nowWib.Year, nowWib.Month, 1).AddMonths(-(TrendMonths - 1));
        var sinceUtc = Wib.ToUtc(firstWib);
        var received = await visible.Where(r => r.ReceivedAtUtc >= sinceUtc)
            .GroupBy(r => new { r.ReceivedAtUtc.AddHours(7).Year, r.ReceivedAtUtc.AddHours(7).Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var completed = await visible.Where(r => r.WorkCompletedAtUtc >= sinceUtc)
            .GroupBy(r => new { r.WorkCompletedAtUtc!.Value.AddHours(7).Year, r.WorkCompletedAtUtc!.Value.AddHours(7).Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var months = Enumerable.Range(0, TrendMonths).Select(firstWib.AddMonths).ToList();
        _ = monthStartUtc;
        return new ChartSpec("trend", "Tren bulanan", "line",
            months.Select(m => m.ToString("MMM yyyy", Id)).ToList(),
            [
                new("Diterima", months.Select(m => (double)received.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Count)).ToList()),
                new("Selesai dikerjakan", months.Select(m => (double)completed.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Count)).ToList()),
            ]);
    }

    private static async Task<ChartSpec> ByOpdAsync(IQueryable<Report> visible, CancellationToken ct)
    {
        var rows = await visible.GroupBy(r => r.Opd!.ShortName ?? r.Opd.Name)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name).Take(10).ToListAsync(ct);
        return new ChartSpec("by-opd", "Laporan per OPD (10 terbanyak)", "bar", rows.Select(r => r.Name).ToList(),
            [new("Laporan", rows.Select(r => (double)r.Count).ToList())]);
    }

    private static async Task<ChartSpec> ByCategoryAsync(IQueryable<Report> visible, CancellationToken ct)
    {
        var rows = await visible.GroupBy(r => r.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var ordered = rows.OrderByDescending(r => r.Count).ToList();
        return new ChartSpec("by-category", "Laporan per kategori gangguan", "doughnut", ordered.Select(r => Labels.Of(r.Key)).ToList(),
            [new("Laporan", ordered.Select(r => (double)r.Count).ToList())]);
    }

    private async Task<ChartSpec> TimePerStepAsync(IQueryable<Report> visible, DateTime now, CancellationToken ct)
    {
        var since = now.AddDays(-90);
        var rows = await db.ReportEvents.AsNoTracking()
            .Where(e => e.AtUtc >= since && e.FromStatus != null && e.SecondsInFromStatus != null && visible.Any(r => r.Id == e.ReportId))
            .GroupBy(e => e.FromStatus)
            .Select(g => new { Status = g.Key, Average = g.Average(e => (double)e.SecondsInFromStatus!.Value) })
            .ToListAsync(ct);
        var ordered = rows.Where(r => r.Status != null).OrderBy(r => r.Status).ToList();
        return new ChartSpec("time-per-step", "Rata-rata waktu per tahap (jam, 90 hari terakhir)", "bar",
            ordered.Select(r => Labels.Of(r.Status!.Value)).ToList(),
            [new("Jam", ordered.Select(r => Math.Round(r.Average / 3600d, 2)).ToList())]);
    }

    private async Task<ChartSpec> WorkloadAsync(IQueryable<Report> visible, CancellationToken ct)
    {
        var final = FinalStates;
        var rows = await db.ReportAssignments.AsNoTracking()
            .Where(a => visible.Any(r => r.Id == a.ReportId && !final.Contains(r.Status) && r.WorkCompletedAtUtc == null))
            .GroupBy(a => a.FullName)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name).Take(15).ToListAsync(ct);
        return new ChartSpec("workload", "Beban kerja Staf Data Center (laporan terbuka)", "bar", rows.Select(r => r.Name).ToList(),
            [new("Laporan terbuka", rows.Select(r => (double)r.Count).ToList())]);
    }
}
