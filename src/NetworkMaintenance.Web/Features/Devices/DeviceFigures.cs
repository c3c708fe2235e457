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
    private sealed record Work(DeviceEventKind Kind, int OpdId, DateTime AtUtc);

    /// <summary>Repairs and replacements done in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), each with its report's OPD.</summary>
    private async Task<List<Work>> WorkAsync(int? onlyOpdId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var firsts = await db.DeviceEvents.AsNoTracking()
            .Where(e => (e.Kind == DeviceEventKind.Repaired || e.Kind == DeviceEventKind.ReplacedBroken) && e.ReportId != null)
            .GroupBy(e => new { e.DeviceId, e.ReportId, e.Kind })
            .Select(g => new { g.Key.Kind, g.Key.ReportId, AtUtc = g.Min(e => e.AtUtc) })
            .Where(w => w.AtUtc >= fromUtc && w.AtUtc < toUtc)
            .ToListAsync(ct);
        var reportIds = firsts.Select(f => f.ReportId!.Value).Distinct().ToList();
        var opdOf = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.OpdId, ct);
        return firsts.Where(f => opdOf.ContainsKey(f.ReportId!.Value))
            .Select(f => new Work(f.Kind, opdOf[f.ReportId!.Value], f.AtUtc))
            .Where(w => onlyOpdId is null || w.OpdId == onlyOpdId).ToList();
    }

    /// <summary>Devices repaired and replaced in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) per OPD, most work first.</summary>
    public async Task<IReadOnlyList<DeviceWorkRow>> ByOpdAsync(int? onlyOpdId, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        var work = await WorkAsync(onlyOpdId, fromUtc, toUtc, ct);
        var ids = work.Select(w => w.OpdId).Distinct().ToList();
        var names = await db.Opds.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return work.GroupBy(w => w.OpdId)
            .Select(g => new DeviceWorkRow(names[g.Key], g.Count(w => w.Kind == DeviceEventKind.Repaired), g.Count(w => w.Kind == DeviceEventKind.ReplacedBroken)))
            .OrderByDescending(r => r.Repaired + r.Replaced).ThenBy(r => r.OpdName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Devices repaired and replaced per WIB month, the <paramref name="months"/> months ending with the given one, oldest first.</summary>
    public async Task<IReadOnlyList<DeviceWorkMonth>> PerMonthAsync(int? onlyOpdId, int year, int month, int months = 12, CancellationToken ct = default)
    {
        var last = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var first = last.AddMonths(1 - months);
        var (fromUtc, _) = MonthlyRecapService.Bounds(first.Year, first.Month);
        var (_, toUtc) = MonthlyRecapService.Bounds(year, month);
        var work = await WorkAsync(onlyOpdId, fromUtc, toUtc, ct);
        return Enumerable.Range(0, months).Select(i => first.AddMonths(i)).Select(m =>
        {
            var inMonth = work.Where(w => Wib.FromUtc(w.AtUtc) is var at && at.Year == m.Year && at.Month == m.Month).ToList();
            return new DeviceWorkMonth(m.Year, m.Month, inMonth.Count(w => w.Kind == DeviceEventKind.Repaired),
                inMonth.Count(w => w.Kind == DeviceEventKind.ReplacedBroken));
        }).ToList();
    }

    /// <summary>The devices with most faults reported in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), most first.</summary>
    public async Task<IReadOnlyList<FaultyDeviceLine>> MostFaultsAsync(int? onlyOpdId, DateTime fromUtc, DateTime toUtc, int take,
        CancellationToken ct = default)
    {
        var faults = await db.DeviceEvents.AsNoTracking()
            .Where(e => e.Kind == DeviceEventKind.Reported && e.AtUtc >= fromUtc && e.AtUtc < toUtc)
            .Join(db.Reports, e => e.ReportId, r => (int?)r.Id, (e, r) => new { e.DeviceId, e.AtUtc, e.Id, r.OpdId })
            .Where(x => onlyOpdId == null || x.OpdId == onlyOpdId)
            .ToListAsync(ct);
        var top = faults.GroupBy(f => f.DeviceId)
            .Select(g => new { DeviceId = g.Key, Count = g.Count(), Latest = g.OrderByDescending(f => f.AtUtc).ThenByDescending(f => f.Id).First() })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Latest.AtUtc).ThenBy(g => g.DeviceId).Take(take).ToList();
        var deviceIds = top.Select(t => t.DeviceId).ToList();
        var opdIds = top.Select(t => t.Latest.OpdId).Distinct().ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Kind, d.BrandType, d.SerialNumber }).ToDictionaryAsync(d => d.Id, ct);
        var names = await db.Opds.AsNoTracking().Where(o => opdIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return top.Select(t => devices[t.DeviceId] is var d
                ? new FaultyDeviceLine(d.Id, $"{DeviceLabels.Of(d.Kind)} {d.BrandType}", names.GetValueOrDefault(t.Latest.OpdId), d.SerialNumber, t.Count)
                : null)
            .OfType<FaultyDeviceLine>().ToList();
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
