using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Devices;

public sealed record FlaggedDevice(int Id, string Label, string? OpdName, DateTime FlaggedAtUtc);

public sealed record FaultyDevice(int Id, string Label, string? OpdName, int Faults);

public sealed record DeviceFiguresModel(IReadOnlyList<FlaggedDevice> Flagged, IReadOnlyList<SpareSummary> Spares,
    IReadOnlyList<FaultyDevice> MostFaults, int RepairedThisMonth, int ReplacedThisMonth);

/// <summary>
/// The dashboard's device figures (issue #19 points 4 and 6): devices flagged for repeated faults with the proposal to
/// replace them, spares on hand against the reorder level, the devices with most faults in the last 12 months, and the
/// devices repaired and replaced this month (WIB).
/// </summary>
public sealed class DeviceFiguresViewComponent(AppDbContext db, SpareStock stock, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var flagged = (await db.Devices.AsNoTracking().Include(d => d.Opd)
                .Where(d => d.RepeatFaultFlaggedAtUtc != null && d.RepeatFaultDecision == null)
                .OrderByDescending(d => d.RepeatFaultFlaggedAtUtc).Take(20).ToListAsync(ct))
            .Select(d => new FlaggedDevice(d.Id, d.Label, d.Opd?.DisplayName, d.RepeatFaultFlaggedAtUtc!.Value)).ToList();
        var since = now.AddMonths(-12);
        var top = await db.DeviceEvents.AsNoTracking().Where(e => e.Kind == DeviceEventKind.Reported && e.AtUtc >= since)
            .GroupBy(e => e.DeviceId).Select(g => new { DeviceId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(5).ToListAsync(ct);
        var topIds = top.Select(t => t.DeviceId).ToList();
        var topDevices = await db.Devices.AsNoTracking().Include(d => d.Opd).Where(d => topIds.Contains(d.Id)).ToListAsync(ct);
        var mostFaults = top.Select(t => topDevices.Single(d => d.Id == t.DeviceId) is var d
            ? new FaultyDevice(d.Id, d.Label, d.Opd?.DisplayName, t.Count) : null).OfType<FaultyDevice>().ToList();
        var wib = Wib.FromUtc(now);
        var monthStart = Wib.ToUtc(new DateTime(wib.Year, wib.Month, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var repaired = await db.DeviceEvents.CountAsync(e => e.Kind == DeviceEventKind.Repaired && e.AtUtc >= monthStart, ct);
        var replaced = await db.DeviceEvents.CountAsync(e => e.Kind == DeviceEventKind.ReplacedBroken && e.AtUtc >= monthStart, ct);
        var spares = await stock.SummaryAsync(ct);
        if (flagged.Count == 0 && spares.Count == 0 && mostFaults.Count == 0 && repaired + replaced == 0) return Content("");
        return View(new DeviceFiguresModel(flagged, spares, mostFaults, repaired, replaced));
    }
}
