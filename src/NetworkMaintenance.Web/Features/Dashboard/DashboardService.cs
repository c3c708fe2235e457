using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Dashboard;

/// <summary>
/// The dashboard's key figures. <paramref name="CompliancePercent"/> is the share of the reports whose 24-hour promise is
/// already decided that kept it: completed this month within the target ÷ (completed this month + open reports already
/// past the target, <paramref name="OpenOverdue"/>); an overdue open report counts as a miss at once, so the figure
/// cannot read 100 % while a report is late (docs/sla.md#compliance).
/// </summary>
public sealed record Kpis(int Open, int CompletedThisMonth, double? MedianHours, double? P90Hours, double? CompliancePercent,
    int OpenOverdue = 0);

/// <summary>The IKM of the WIB calendar year <paramref name="Year"/> over every survey; <paramref name="Result"/> null: no survey yet.</summary>
public sealed record IkmKpi(int Year, IkmResult? Result);

public sealed record ChartSeries(string Label, IReadOnlyList<double> Data);

/// <summary>
/// One Chart.js chart, serialized into the canvas's data-chart attribute and drawn by wwwroot/js/dashboard.js. A class,
/// not a record: <see cref="Json"/> is kept once computed, and a record's <c>with</c> copy would carry it over to a
/// chart with other figures.
/// </summary>
public sealed class ChartSpec(string id, string title, string type, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series)
{
    // One options instance for the life of the app: a new one per call rebuilds the serializer's metadata every time.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private string? _json;

    public string Id { get; } = id;
    public string Title { get; } = title;
    public string Type { get; } = type;
    public IReadOnlyList<string> Labels { get; } = labels;
    public IReadOnlyList<ChartSeries> Series { get; } = series;

    /// <summary>
    /// The chart for its canvas's data-chart attribute, serialized once per instance: the shared figures of officials
    /// are one instance for every request.
    /// </summary>
    [JsonIgnore]
    public string Json => _json ??= JsonSerializer.Serialize(this, Options);
}

public sealed record DashboardModel(
    IReadOnlyList<ReportListRow> MyQueue,
    IReadOnlyList<(ReportStatus Status, int Count)> ByStatus,
    IReadOnlyList<ReportListRow> Overdue,
    IReadOnlyList<ReportListRow> AtRisk,
    Kpis Kpis,
    IReadOnlyList<ChartSpec> Charts,
    IkmKpi? Ikm);

/// <summary>
/// The figures of the dashboard that are aggregated over many reports (shared for officials). <see cref="Ikm"/> is over
/// every report's survey, so only people who see every report get it (null otherwise).
/// </summary>
public sealed record DashboardAggregates(IReadOnlyList<(ReportStatus Status, int Count)> ByStatus, IReadOnlyList<long> Seconds,
    IReadOnlyList<ChartSpec> Charts, IkmKpi? Ikm)
{
    /// <summary>The device figures, over every device (set in the shared figures only: <see cref="SharedDashboardFigures"/>).</summary>
    public Devices.DeviceFiguresModel? Devices { get; init; }

    /// <summary>This SKM year's follow-up actions done (set in the shared figures only).</summary>
    public (int Year, ServiceEvaluation.FollowUpShare Share)? SkmFollowUp { get; init; }
}

/// <summary>
/// The figures of the home dashboard, over the reports the person may see. Every figure is aggregated in SQL
/// (or read as one bounded column), so the page issues the same number of commands whatever the number of reports.
/// For people who see every report, the aggregates (counts per state, KPIs, the year's IKM, charts) are shared
/// (<see cref="SharedDashboardFigures"/>: at most about two minutes old, recomputed after any change this instance
/// makes); the lists (my queue, overdue, at risk) are always read fresh. See docs/performance.md.
/// </summary>
public sealed class DashboardService(AppDbContext db, SlaClock sla, SharedDashboardFigures shared, ReferenceLists lists)
{
    public const int ListSize = 10;
    public const int TrendMonths = 6;

    public static readonly IReadOnlyList<ReportStatus> FinalStates = [ReportStatus.Closed, ReportStatus.Rejected];

    /// <summary>Every state but the final ones.</summary>
    public static readonly IReadOnlyList<ReportStatus> OpenStates = Enum.GetValues<ReportStatus>().Except(FinalStates).ToList();

    public async Task<DashboardModel> BuildAsync(WorkflowActor actor, CancellationToken ct = default)
    {
        var now = sla.NowUtc;
        var visible = db.Reports.AsNoTracking().VisibleTo(actor);
        var final = FinalStates;
        var running = Running(visible);
        var breachedBefore = sla.BreachedIfStartedBefore(now);
        var warningBefore = sla.WarningIfStartedBefore(now);

        var myQueue = await MyQueue(db.Reports.AsNoTracking(), actor).ToListAsync(ct);
        var overdue = await Overdue(running, breachedBefore).ToListAsync(ct);
        var atRisk = await running.Where(r => r.SlaClockStartUtc >= breachedBefore && r.SlaClockStartUtc < warningBefore)
            .OrderBy(r => r.SlaClockStartUtc).Take(ListSize).Select(ReportListRow.Projection).ToListAsync(ct);

        var aggregates = ReportQueries.SeesAll(actor)
            ? await shared.GetAsync(ct)
            : await AggregateAsync(db, lists, visible, seesAll: false, now, ct);

        var open = aggregates.ByStatus.Where(s => !final.Contains(s.Status)).Sum(s => s.Count);
        // Read fresh (not from the shared figures): a report becomes overdue by the clock alone. The overdue list holds
        // them all unless it is full.
        var openOverdue = overdue.Count < ListSize ? overdue.Count : await running.CountAsync(r => r.SlaClockStartUtc < breachedBefore, ct);
        var kpis = ComputeKpis(open, aggregates.Seconds, sla.Options.Target, openOverdue);
        return new DashboardModel(myQueue, aggregates.ByStatus, overdue, atRisk, kpis, aggregates.Charts, aggregates.Ikm);
    }

    /// <summary>
    /// The reports whose SLA clock runs: open, not completed, not paused. Named open states rather than "not final": on
    /// SQLite each is one range of the (WorkCompletedAtUtc, SlaPausedSinceUtc, Status, SlaClockStartUtc) index, so the
    /// rejected reports (never completed either) are not read at all; on PostgreSQL the list implies the predicate of
    /// the partial index of running clocks (migration PostgreSqlSearchTextAndClockIndexes).
    /// </summary>
    public static IQueryable<Report> Running(IQueryable<Report> visible) =>
        visible.Where(ReportQueries.StatusIn(OpenStates)).Where(r => r.WorkCompletedAtUtc == null && r.SlaPausedSinceUtc == null);

    /// <summary>The <see cref="ListSize"/> <paramref name="running"/> reports whose clock started first, of those started before <paramref name="breachedBefore"/>.</summary>
    public static IQueryable<ReportListRow> Overdue(IQueryable<Report> running, DateTime breachedBefore) =>
        running.Where(r => r.SlaClockStartUtc < breachedBefore).OrderBy(r => r.SlaClockStartUtc).Take(ListSize).Select(ReportListRow.Projection);

    /// <summary>
    /// The <see cref="ListSize"/> reports waiting for <paramref name="actor"/> whose clock started first. The Kepala Dinas's
    /// (every new report) are read from the front of each awaited state's range of the (Status, AwaitsIntakeConfirmation,
    /// SlaClockStartUtc) index, however many wait.
    /// </summary>
    public static IQueryable<ReportListRow> MyQueue(IQueryable<Report> reports, WorkflowActor actor) =>
        reports.AwaitingActionBy(actor).OrderBy(r => r.SlaClockStartUtc).Take(ListSize).Select(ReportListRow.Projection);

    /// <summary>The aggregated figures over <paramref name="visible"/> at <paramref name="now"/>.</summary>
    public static async Task<DashboardAggregates> AggregateAsync(AppDbContext db, ReferenceLists lists, IQueryable<Report> visible,
        bool seesAll, DateTime now, CancellationToken ct)
    {
        var byStatus = (await visible.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Key).Select(x => (x.Key, x.Count)).ToList();

        // This month (WIB): the clock time each completed report used, one bounded column.
        var nowWib = Wib.FromUtc(now);
        var monthStartUtc = Wib.ToUtc(new DateTime(nowWib.Year, nowWib.Month, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var seconds = await visible.Where(r => r.WorkCompletedAtUtc >= monthStartUtc && r.SlaElapsedSeconds != null)
            .Select(r => r.SlaElapsedSeconds!.Value).ToListAsync(ct);
        // Sorted once here: every dashboard request reads its median and percentile (ComputeKpis) without sorting them again.
        seconds.Sort();

        var charts = new List<ChartSpec>
        {
            await TrendAsync(visible, nowWib, ct),
            await ByOpdAsync(visible, lists, ct),
            await ByCategoryAsync(visible, ct),
            await TimePerStepAsync(db, visible, seesAll, now, ct),
            await WorkloadAsync(db, visible, ct),
        };
        // The IKM is over every survey: only for people who see every report (the shared figures).
        var ikm = seesAll ? new IkmKpi(nowWib.Year, await Quality.YearIkm.OfAsync(db, nowWib.Year, ct)) : null;
        return new DashboardAggregates(byStatus, seconds, charts, ikm);
    }

    /// <summary>
    /// Median and 90th percentile (nearest rank) in hours over the completed reports' clock time, and the compliance:
    /// completed within the target ÷ (completed + <paramref name="openOverdue"/>), null when both are zero.
    /// </summary>
    public static Kpis ComputeKpis(int open, IReadOnlyList<long> elapsedSeconds, TimeSpan target, int openOverdue = 0)
    {
        var decided = elapsedSeconds.Count + openOverdue;
        var met = elapsedSeconds.Count(s => s <= target.TotalSeconds);
        double? compliance = decided == 0 ? null : Math.Round(100d * met / decided, 1);
        if (elapsedSeconds.Count == 0) return new Kpis(open, 0, null, null, compliance, openOverdue);
        // The shared figures come sorted (AggregateAsync): a month's durations at a million reports are tens of thousands,
        // which a sort and a copy on every dashboard request made a quarter of its cost.
        var sorted = IsAscending(elapsedSeconds) ? elapsedSeconds : elapsedSeconds.Order().ToList();
        double Hours(long s) => Math.Round(s / 3600d, 1);
        var median = sorted.Count % 2 == 1
            ? Hours(sorted[sorted.Count / 2])
            : Math.Round((sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 7200d, 1);
        var p90 = Hours(sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1]);
        return new Kpis(open, sorted.Count, median, p90, compliance, openOverdue);
    }

    private static bool IsAscending(IReadOnlyList<long> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i - 1] > values[i]) return false;
        }
        return true;
    }

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    private static async Task<ChartSpec> TrendAsync(IQueryable<Report> visible, DateTime nowWib, CancellationToken ct)
    {
        var firstWib = new DateTime(nowWib.Year, nowWib.Month, 1).AddMonths(-(TrendMonths - 1));
        var months = Enumerable.Range(0, TrendMonths).Select(firstWib.AddMonths).ToList();
        // Each month's first instant in UTC: the rows are counted per month by comparing with these bounds (a CASE
        // over the indexed column), which is cheaper than a date function per row and the same on both providers.
        var starts = months.Select(Wib.ToUtc).ToArray();
        var sinceUtc = starts[0];
        var received = (await visible.Where(r => r.ReceivedAtUtc >= sinceUtc)
            .GroupBy(MonthIndex(r => r.ReceivedAtUtc, starts))
            .Select(g => new { Month = g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Month, x => (double)x.Count);
        var completed = (await visible.Where(r => r.WorkCompletedAtUtc >= sinceUtc)
            .GroupBy(MonthIndex(r => r.WorkCompletedAtUtc, starts))
            .Select(g => new { Month = g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Month, x => (double)x.Count);
        var indexes = Enumerable.Range(0, TrendMonths).ToList();
        return new ChartSpec("trend", "Tren bulanan", "line",
            months.Select(m => m.ToString("MMM yyyy", Id)).ToList(),
            [
                new("Diterima", indexes.Select(i => received.GetValueOrDefault(i)).ToList()),
                new("Selesai dikerjakan", indexes.Select(i => completed.GetValueOrDefault(i)).ToList()),
            ]);
    }

    /// <summary>
    /// <c>at &gt;= starts[n-1] ? n-1 : … : at &gt;= starts[1] ? 1 : 0</c>: the index of the month an instant falls in (the
    /// caller keeps only instants from <c>starts[0]</c> on; later ones than the last month count in the last).
    /// </summary>
    private static Expression<Func<Report, int>> MonthIndex(Expression<Func<Report, DateTime?>> at, DateTime[] starts)
    {
        // Read through a closure, as a lambda would, so EF sends the bounds as parameters rather than literals.
        Expression<Func<DateTime[]>> captured = () => starts;
        var bounds = captured.Body;
        Expression body = Expression.Constant(0);
        for (var i = 1; i < starts.Length; i++)
        {
            var start = Expression.Convert(Expression.ArrayIndex(bounds, Expression.Constant(i)), typeof(DateTime?));
            body = Expression.Condition(Expression.GreaterThanOrEqual(at.Body, start), Expression.Constant(i), body);
        }
        return Expression.Lambda<Func<Report, int>>(body, at.Parameters);
    }

    private static async Task<ChartSpec> ByOpdAsync(IQueryable<Report> visible, ReferenceLists lists, CancellationToken ct)
    {
        // Counted per OPD id on the (OpdId, Status) index; the names come from the cached OPD list.
        var counts = await visible.GroupBy(r => r.OpdId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var names = await lists.OpdNamesAsync(ct);
        var rows = counts.GroupBy(c => names.GetValueOrDefault(c.Key) ?? "-")
            .Select(g => new { Name = g.Key, Count = g.Sum(c => c.Count) })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).Take(10).ToList();
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

    private static async Task<ChartSpec> TimePerStepAsync(AppDbContext db, IQueryable<Report> visible, bool seesAll, DateTime now,
        CancellationToken ct)
    {
        var since = now.AddDays(-90);
        // Index-only on (FromStatus, AtUtc, SecondsInFromStatus): one range of AtUtc per step, no row lookups.
        var events = db.ReportEvents.AsNoTracking().Where(e => e.AtUtc >= since && e.FromStatus != null && e.SecondsInFromStatus != null);
        // Someone who sees every report needs no per-event visibility check (a lookup per event on 100k reports).
        if (!seesAll) events = events.Where(e => visible.Any(r => r.Id == e.ReportId));
        var rows = await events
            .GroupBy(e => e.FromStatus)
            .Select(g => new { Status = g.Key, Average = g.Average(e => (double)e.SecondsInFromStatus!.Value) })
            .ToListAsync(ct);
        var ordered = rows.Where(r => r.Status != null).OrderBy(r => r.Status).ToList();
        return new ChartSpec("time-per-step", "Rata-rata waktu per tahap (jam, 90 hari terakhir)", "bar",
            ordered.Select(r => Labels.Of(r.Status!.Value)).ToList(),
            [new("Jam", ordered.Select(r => Math.Round(r.Average / 3600d, 2)).ToList())]);
    }

    private static async Task<ChartSpec> WorkloadAsync(AppDbContext db, IQueryable<Report> visible, CancellationToken ct)
    {
        // From the few open reports to their assignments, instead of checking every assignment ever made; the open
        // reports are found in the (WorkCompletedAtUtc, SlaPausedSinceUtc, Status, SlaClockStartUtc) index alone.
        var openIds = visible.Where(ReportQueries.StatusIn(OpenStates)).Where(r => r.WorkCompletedAtUtc == null).Select(r => r.Id);
        var rows = await db.ReportAssignments.AsNoTracking()
            .Where(a => openIds.Contains(a.ReportId))
            .GroupBy(a => a.FullName)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name).Take(15).ToListAsync(ct);
        return new ChartSpec("workload", "Beban kerja Staf Data Center (laporan terbuka)", "bar", rows.Select(r => r.Name).ToList(),
            [new("Laporan terbuka", rows.Select(r => (double)r.Count).ToList())]);
    }
}
