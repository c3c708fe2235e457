using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Features.Devices;

public sealed record LinkedDevice(int Id, string Label, string Role, bool Flagged);

public sealed record ReportDeviceRegisterModel(int ReportId, IReadOnlyList<LinkedDevice> Linked, bool ShowSpares,
    IReadOnlyList<SpareRow> Reserved, IReadOnlyList<SpareRow> Free);

/// <summary>
/// The report page's side of the register (issue #19 points 2 to 4): the registered devices the report names, with
/// links to their pages and the repeat-fault flag; while the replacement is under way, the spares the Kasi and the
/// technicians reserve, release and record as prepared (step 10). The caller has already authorized the report.
/// </summary>
public sealed class ReportDeviceRegisterViewComponent(AppDbContext db, SpareStock stock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int reportId, ReportStatus status)
    {
        var ct = HttpContext.RequestAborted;
        var affected = await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => r.DeviceId).SingleOrDefaultAsync(ct);
        var lines = await db.ReportDevices.AsNoTracking().Where(d => d.ReportId == reportId && !d.IsSuperseded)
            .Select(d => new { d.DeviceId, d.NewDeviceId, d.Purpose }).ToListAsync(ct);
        var roles = new List<(int Id, string Role)>();
        if (affected is { } a) roles.Add((a, "Perangkat yang dilaporkan"));
        foreach (var l in lines)
        {
            if (l.DeviceId is { } d) roles.Add((d, l.Purpose switch
            {
                DevicePurpose.Repaired => "Diperbaiki",
                DevicePurpose.Replaced => "Diganti",
                _ => "Diajukan penggantian",
            }));
            if (l.NewDeviceId is { } n) roles.Add((n, "Perangkat pengganti"));
        }
        var ids = roles.Select(r => r.Id).Distinct().ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var linked = roles.DistinctBy(r => (r.Id, r.Role))
            .Select(r => devices.FirstOrDefault(d => d.Id == r.Id) is { } d ? new LinkedDevice(d.Id, d.Label, r.Role, d.IsFlaggedForRepeatFaults) : null)
            .OfType<LinkedDevice>().ToList();
        var viewer = DeviceViewer.Of(UserClaimsPrincipal);
        var showSpares = viewer.CanHandleSpares && status == ReportStatus.Replacing;
        var spares = showSpares ? await stock.SparesAsync(reportId, ct) : [];
        if (linked.Count == 0 && !showSpares) return Content("");
        return View(new ReportDeviceRegisterModel(reportId, linked, showSpares,
            spares.Where(s => s.ReservedForReportId == reportId).ToList(), spares.Where(s => s.ReservedForReportId is null).ToList()));
    }
}
