using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Web.Features.Dashboard;

namespace NetworkMaintenance.Web.Features.Devices;

public sealed record FlaggedDevice(int Id, string Label, string? OpdName, DateTime FlaggedAtUtc);

public sealed record DeviceFiguresModel(IReadOnlyList<FlaggedDevice> Flagged, IReadOnlyList<StockOnHandLine> OnHand,
    IReadOnlyList<FaultyDeviceLine> MostFaults, int RepairedThisMonth, int ReplacedThisMonth)
{
    /// <summary>Nothing to show: no flagged device, no stock line, no fault in the last 12 months, no device work this month.</summary>
    public bool IsEmpty => Flagged.Count == 0 && OnHand.Count == 0 && MostFaults.Count == 0 && RepairedThisMonth + ReplacedThisMonth == 0;
}

/// <summary>
/// The dashboard's device figures (issue #19 points 4 and 6): devices flagged for repeated faults with the proposal to
/// replace them, spares and stock items at or below their reorder level, the devices with most faults in the last 12
/// months, and the devices repaired and replaced this month (WIB). They are over every device whoever looks, so they
/// are computed with the shared dashboard figures (<see cref="SharedDashboardFigures"/>: once per change or minute, not
/// per request); <see cref="DeviceFigures.DashboardAsync"/> computes them.
/// </summary>
public sealed class DeviceFiguresViewComponent(SharedDashboardFigures shared) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var model = (await shared.GetAsync(HttpContext.RequestAborted)).Devices;
        if (model is null || model.IsEmpty) return Content("");
        return View(model);
    }
}
