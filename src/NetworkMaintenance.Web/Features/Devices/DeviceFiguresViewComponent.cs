using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Dashboard;

namespace NetworkMaintenance.Web.Features.Devices;

public sealed record FlaggedDevice(int Id, string Label, string? OpdName, DateTime FlaggedAtUtc);

public sealed record DeviceFiguresModel(IReadOnlyList<FlaggedDevice> Flagged, IReadOnlyList<StockOnHandLine> OnHand,
    IReadOnlyList<FaultyDeviceLine> MostFaults, int RepairedThisMonth, int ReplacedThisMonth);

/// <summary>
/// The dashboard's device figures (issue #19 points 4 and 6): devices flagged for repeated faults with the proposal to
/// replace them, spares and stock items at or below their reorder level, the devices with most faults in the last 12
/// months, and the devices repaired and replaced this month (WIB). The figures are <see cref="DeviceFigures"/>'s.
/// </summary>
public sealed class DeviceFiguresViewComponent(AppDbContext db, DeviceFigures figures, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;
        var flagged = (await db.Devices.AsNoTracking().Include(d => d.Opd)
                .Where(d => d.RepeatFaultFlaggedAtUtc != null && d.RepeatFaultDecision == null)
                .OrderByDescending(d => d.RepeatFaultFlaggedAtUtc).Take(20).ToListAsync(ct))
            .Select(d => new FlaggedDevice(d.Id, d.Label, d.Opd?.DisplayName, d.RepeatFaultFlaggedAtUtc!.Value)).ToList();
        var mostFaults = await figures.MostFaultsAsync(null, now.AddMonths(-12), now.AddTicks(1), 5, ct);
        var wib = Wib.FromUtc(now);
        var (monthStart, monthEnd) = MonthlyRecapService.Bounds(wib.Year, wib.Month);
        var work = await figures.ByOpdAsync(null, monthStart, monthEnd, ct);
        var repaired = work.Sum(w => w.Repaired);
        var replaced = work.Sum(w => w.Replaced);
        var onHand = await figures.OnHandAsync(ct);
        if (flagged.Count == 0 && onHand.Count == 0 && mostFaults.Count == 0 && repaired + replaced == 0) return Content("");
        return View(new DeviceFiguresModel(flagged, onHand, mostFaults, repaired, replaced));
    }
}
