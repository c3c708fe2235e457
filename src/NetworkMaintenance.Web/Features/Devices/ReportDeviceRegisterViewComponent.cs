using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Devices;

public sealed record LinkedDevice(int Id, string Label, string Role, bool Flagged);

public sealed record ReportDeviceRegisterModel(int ReportId, IReadOnlyList<LinkedDevice> Linked, bool ShowSpares,
    IReadOnlyList<SpareRow> Reserved, IReadOnlyList<SpareRow> Free, bool ShowStock = false,
    IReadOnlyList<StockRow>? Stock = null, IReadOnlyList<StockMovementRow>? Issued = null);

/// <summary>
/// The report page's side of the register (issue #19 points 2 to 4): the registered devices the report names, with
/// links to their pages and the repeat-fault flag; while the replacement is under way, the spares the Kasi and the
/// technicians reserve, release and record as prepared (step 10). The caller has already authorized the report.
/// </summary>
public sealed class ReportDeviceRegisterViewComponent(AppDbContext db, SpareStock stock, StockRoom stockRoom) : ViewComponent
{
    /// <summary>Reads the links from the page's <see cref="ReportView"/>: a report that names no registered device
    /// and needs no spares costs no query.</summary>
    public async Task<IViewComponentResult> InvokeAsync(ReportView report)
    {
        var ct = HttpContext.RequestAborted;
        var reportId = report.Id;
        var status = report.Status;
        var roles = new List<(int Id, string Role)>();
        if (report.DeviceId is { } a) roles.Add((a, "Perangkat yang dilaporkan"));
        foreach (var l in report.Devices.Where(d => !d.IsSuperseded))
        {
            if (l.RegisteredDeviceId is { } d) roles.Add((d, l.Purpose switch
            {
                DevicePurpose.Repaired => "Diperbaiki",
                DevicePurpose.Replaced => "Diganti",
                DevicePurpose.Examined => "Diperiksa",
                _ => "Diajukan penggantian",
            }));
            if (l.NewRegisteredDeviceId is { } n) roles.Add((n, "Perangkat pengganti"));
        }
        var ids = roles.Select(r => r.Id).Distinct().ToList();
        var devices = ids.Count == 0 ? [] : await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var linked = roles.DistinctBy(r => (r.Id, r.Role))
            .Select(r => devices.FirstOrDefault(d => d.Id == r.Id) is { } d ? new LinkedDevice(d.Id, d.Label, r.Role, d.IsFlaggedForRepeatFaults) : null)
            .OfType<LinkedDevice>().ToList();
        var viewer = DeviceViewer.Of(UserClaimsPrincipal);
        var showSpares = viewer.CanHandleSpares && status == ReportStatus.Replacing;
        var spares = showSpares ? await stock.SparesAsync(reportId, ct) : [];
        // Quantity-counted stock (cables, connectors) is issued to the report while the work is under way.
        var showStock = viewer.CanHandleSpares && StockRoom.IssuingStatuses.Contains(status);
        var items = showStock ? await stockRoom.ItemsAsync(ct) : [];
        var issued = showStock ? await stockRoom.MovementsAsync(reportId, 50, ct) : [];
        if (linked.Count == 0 && !showSpares && !showStock) return Content("");
        return View(new ReportDeviceRegisterModel(reportId, linked, showSpares,
            spares.Where(s => s.ReservedForReportId == reportId).ToList(), spares.Where(s => s.ReservedForReportId is null).ToList(),
            showStock, items, issued));
    }
}
