using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain.Devices;
using DeviceLabels = NetworkMaintenance.Core.Domain.Devices.DeviceLabels;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Dashboard;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>The devices area's figures page: twelve months of repairs and replacements and one month per OPD.</summary>
public sealed record DeviceFiguresPage(int Year, int Month, string MonthText, string MaxMonth, IReadOnlyList<DeviceWorkMonth> Months,
    IReadOnlyList<DeviceWorkRow> ByOpd, string? OpdName, string? Error)
{
    public string Period => $"{IndonesianDate.MonthName(Month)} {Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// The device figures of issue #19 point 6, one home for the dashboard card, the figures page (<c>/perangkat/angka</c>)
/// and the monthly recap:
/// <list type="bullet">
/// <item>a device <b>repaired</b> or <b>replaced</b> counts once per report, in the WIB month of its first
/// <see cref="DeviceEventKind.Repaired"/> or <see cref="DeviceEventKind.ReplacedBroken"/> history line for that report (a
/// revised work report does not count it twice), for the OPD of that report;</item>
/// <item>a device's <b>faults</b> are its <see cref="DeviceEventKind.Reported"/> lines (reports naming it), shown with the
/// OPD of the latest one;</item>
/// <item><b>on hand</b>: free spares per kind (<see cref="SpareStock.SummaryAsync"/>) and the stock items
/// (<see cref="StockRoom.ItemsAsync"/>), each against its reorder level.</item>
/// </list>
/// <c>onlyOpdId</c> limits the work and the faults to one OPD's reports (<see cref="DeviceViewer.OnlyOpdId"/>, or the recap's OPD).
/// </summary>
public sealed class DeviceFigures(AppDbContext db, SpareStock spares, StockRoom stock)
{
    /// <summary>
    /// The first repair or replacement line of each (device, report, kind) that falls in [<paramref name="fromUtc"/>,
    /// <paramref name="toUtc"/>), with its report's OPD, as a query for the database to count: a line is the first of
    /// its kind for that device and report when no such line comes before it (earlier, or at the same instant with a
    /// lower id), so the database reads the range's lines (index on kind and time) and looks back through the report's
    /// own few lines (index on the report), instead of grouping every history line ever written.
    /// </summary>
    private IQueryable<FirstWork> Firsts(int? onlyOpdId, DateTime fromUtc, DateTime toUtc) =>
        from e in db.DeviceEvents.AsNoTracking()
        where (e.Kind == DeviceEventKind.Repaired || e.Kind == DeviceEventKind.ReplacedBroken) && e.ReportId != null
            && e.AtUtc >= fromUtc && e.AtUtc < toUtc
            && !db.DeviceEvents.Any(p => p.ReportId == e.ReportId && p.DeviceId == e.DeviceId && p.Kind == e.Kind
                && (p.AtUtc < e.AtUtc || (p.AtUtc == e.AtUtc && p.Id < e.Id)))
        join r in db.Reports on e.ReportId equals r.Id
        where onlyOpdId == null || r.OpdId == onlyOpdId
        select new FirstWork { Kind = e.Kind, OpdId = r.OpdId };

    private sealed class FirstWork
    {
        public DeviceEventKind Kind { get; init; }
        public int OpdId { get; init; }
    }

    /// <summary>Devices repaired and replaced in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) per OPD, most work first.</summary>
    public async Task<IReadOnlyList<DeviceWorkRow>> ByOpdAsync(int? onlyOpdId, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        var counts = await Firsts(onlyOpdId, fromUtc, toUtc).GroupBy(f => new { f.OpdId, f.Kind })
            .Select(g => new { g.Key.OpdId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(w => w.OpdId).Distinct().ToList();
        var names = await db.Opds.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return counts.GroupBy(w => w.OpdId)
            .Select(g => new DeviceWorkRow(names[g.Key], g.Where(w => w.Kind == DeviceEventKind.Repaired).Sum(w => w.Count),
                g.Where(w => w.Kind == DeviceEventKind.ReplacedBroken).Sum(w => w.Count)))
            .OrderByDescending(r => r.Repaired + r.Replaced).ThenBy(r => r.OpdName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Devices repaired and replaced per WIB month, the <paramref name="months"/> months ending with the given one, oldest first.</summary>
    public async Task<IReadOnlyList<DeviceWorkMonth>> PerMonthAsync(int? onlyOpdId, int year, int month, int months = 12, CancellationToken ct = default)
    {
        var last = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var first = last.AddMonths(1 - months);
        // One query per month: each is the range of ByOpdAsync, so the database counts it the same way.
        var result = new List<DeviceWorkMonth>(months);
        foreach (var m in Enumerable.Range(0, months).Select(i => first.AddMonths(i)))
        {
            var (fromUtc, toUtc) = MonthlyRecapService.Bounds(m.Year, m.Month);
            var counts = await Firsts(onlyOpdId, fromUtc, toUtc).GroupBy(f => f.Kind)
                .Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
            result.Add(new DeviceWorkMonth(m.Year, m.Month, counts.Where(c => c.Kind == DeviceEventKind.Repaired).Sum(c => c.Count),
                counts.Where(c => c.Kind == DeviceEventKind.ReplacedBroken).Sum(c => c.Count)));
        }
        return result;
    }

    /// <summary>
    /// The devices with most faults reported in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), most first (then
    /// the latest fault first, then the device id), each with the OPD of its latest fault: counted and ranked by the
    /// database, then one short look-up per listed device for that OPD.
    /// </summary>
    public async Task<IReadOnlyList<FaultyDeviceLine>> MostFaultsAsync(int? onlyOpdId, DateTime fromUtc, DateTime toUtc, int take,
        CancellationToken ct = default)
    {
        var faults =
            from e in db.DeviceEvents.AsNoTracking()
            where e.Kind == DeviceEventKind.Reported && e.AtUtc >= fromUtc && e.AtUtc < toUtc
            join r in db.Reports on e.ReportId equals (int?)r.Id
            where onlyOpdId == null || r.OpdId == onlyOpdId
            select new { e.DeviceId, e.AtUtc, e.Id, r.OpdId };
        var top = await faults.GroupBy(f => f.DeviceId)
            .Select(g => new { DeviceId = g.Key, Count = g.Count(), LatestAtUtc = g.Max(f => f.AtUtc) })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LatestAtUtc).ThenBy(g => g.DeviceId).Take(take)
            .ToListAsync(ct);
        var latestOpd = new Dictionary<int, int>();
        foreach (var t in top)
        {
            latestOpd[t.DeviceId] = await faults.Where(f => f.DeviceId == t.DeviceId)
                .OrderByDescending(f => f.AtUtc).ThenByDescending(f => f.Id).Select(f => f.OpdId).FirstAsync(ct);
        }
        var deviceIds = top.Select(t => t.DeviceId).ToList();
        var opdIds = latestOpd.Values.Distinct().ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Kind, d.BrandType, d.SerialNumber }).ToDictionaryAsync(d => d.Id, ct);
        var names = await db.Opds.AsNoTracking().Where(o => opdIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return top.Select(t => devices[t.DeviceId] is var d
                ? new FaultyDeviceLine(d.Id, $"{DeviceLabels.Of(d.Kind)} {d.BrandType}", names.GetValueOrDefault(latestOpd[t.DeviceId]), d.SerialNumber, t.Count)
                : null)
            .OfType<FaultyDeviceLine>().ToList();
    }

    /// <summary>
    /// The dashboard's device figures at <paramref name="nowUtc"/> (<see cref="DeviceFiguresViewComponent"/>): flagged
    /// devices awaiting a decision (latest 20), the five devices with most faults in the last 12 months, the devices
    /// repaired and replaced this month (WIB) and the stock on hand.
    /// </summary>
    public async Task<DeviceFiguresModel> DashboardAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var flagged = (await db.Devices.AsNoTracking().Include(d => d.Opd)
                .Where(d => d.RepeatFaultFlaggedAtUtc != null && d.RepeatFaultDecision == null)
                .OrderByDescending(d => d.RepeatFaultFlaggedAtUtc).Take(20).ToListAsync(ct))
            .Select(d => new FlaggedDevice(d.Id, d.Label, d.Opd?.DisplayName, d.RepeatFaultFlaggedAtUtc!.Value)).ToList();
        var mostFaults = await MostFaultsAsync(null, nowUtc.AddMonths(-12), nowUtc.AddTicks(1), 5, ct);
        var wib = Wib.FromUtc(nowUtc);
        var (monthStart, monthEnd) = Dashboard.MonthlyRecapService.Bounds(wib.Year, wib.Month);
        var work = await ByOpdAsync(null, monthStart, monthEnd, ct);
        return new DeviceFiguresModel(flagged, await OnHandAsync(ct), mostFaults, work.Sum(w => w.Repaired), work.Sum(w => w.Replaced));
    }

    /// <summary>Free spares per kind, then the stock items by name, each against its reorder level.</summary>
    public async Task<IReadOnlyList<StockOnHandLine>> OnHandAsync(CancellationToken ct = default)
    {
        var kinds = (await spares.SummaryAsync(ct))
            .Select(s => new StockOnHandLine(DeviceLabels.Of(s.Kind), "unit", s.OnHand, s.ReorderLevel, Serialised: true));
        var items = (await stock.ItemsAsync(ct))
            .Select(s => new StockOnHandLine(s.Name, s.Unit, s.Quantity, s.ReorderLevel, Serialised: false));
        return kinds.Concat(items).ToList();
    }

    /// <summary>The figures page for a month (default: this month) as the viewer may see them.</summary>
    public async Task<DeviceFiguresPage> PageAsync(string? bulan, DeviceViewer viewer, DateTime nowUtc, CancellationToken ct = default)
    {
        var thisMonth = Wib.FromUtc(nowUtc).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var (period, error) = RecapPeriod.Parse(string.IsNullOrWhiteSpace(bulan) ? thisMonth : bulan, null, nowUtc);
        period ??= RecapPeriod.Parse(thisMonth, null, nowUtc).Period!;
        var (fromUtc, toUtc) = MonthlyRecapService.Bounds(period.Year, period.Month);
        var opdName = viewer.OnlyOpdId is { } only
            ? await db.Opds.AsNoTracking().Where(o => o.Id == only).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "-"
            : null;
        return new DeviceFiguresPage(period.Year, period.Month,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{period.Year:D4}-{period.Month:D2}"), thisMonth,
            await PerMonthAsync(viewer.OnlyOpdId, period.Year, period.Month, 12, ct),
            await ByOpdAsync(viewer.OnlyOpdId, fromUtc, toUtc, ct), opdName, error);
    }
}
