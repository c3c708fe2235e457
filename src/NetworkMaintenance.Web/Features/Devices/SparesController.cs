using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>
/// The spare stock (<see cref="SpareStock"/>, docs/devices.md): reserving, releasing and preparing spares for step 10 of
/// a report, and the reorder level per device kind.
/// </summary>
[Authorize(Policy = Policies.DeviceReader)]
[Route("perangkat")]
public sealed class SparesController(SpareStock stock) : Controller
{
    public const string Name = "Spares";

    [HttpPost("{id:int}/cadangkan"), Authorize(Policy = Policies.SpareHandler)]
    public async Task<IActionResult> Reserve(int id, int reportId, CancellationToken ct)
    {
        var outcome = await stock.ReserveAsync(id, reportId, DeviceViewer.Of(User), ct);
        if (outcome is ReserveOutcome.Reserved reserved) TempData.Success($"{reserved.DeviceLabel} dicadangkan untuk laporan ini.");
        else if (outcome is ReserveOutcome.Refused refused) TempData.Error(refused.Message);
        return RedirectToAction("Details", "Reports", new { id = reportId });
    }

    [HttpPost("{id:int}/lepas"), Authorize(Policy = Policies.SpareHandler)]
    public async Task<IActionResult> Release(int id, int reportId, CancellationToken ct)
    {
        try
        {
            await stock.ReleaseAsync(id, DeviceViewer.Of(User), ct);
            TempData.Success("Cadangan perangkat dilepas.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToAction("Details", "Reports", new { id = reportId });
    }

    /// <summary>Step 10: "Staf/Tim Data Center menyiapkan perangkat pengganti" recorded on the reserved spares.</summary>
    [HttpPost("laporan/{reportId:int}/siapkan"), Authorize(Policy = Policies.SpareHandler)]
    public async Task<IActionResult> Prepare(int reportId, CancellationToken ct)
    {
        try
        {
            var count = await stock.PrepareAsync(reportId, DeviceViewer.Of(User), ct);
            TempData.Success($"{count} perangkat pengganti dicatat telah disiapkan.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToAction("Details", "Reports", new { id = reportId });
    }

    [HttpPost("batas-stok"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> ReorderLevel(DeviceKind kind, int level, CancellationToken ct)
    {
        try
        {
            await stock.SetReorderLevelAsync(kind, level, ct);
            TempData.Success($"Batas stok {DeviceLabels.Of(kind)} disimpan.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToAction(nameof(DevicesController.Index), DevicesController.Name);
    }
}
