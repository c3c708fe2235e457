using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>
/// The device register at /perangkat (docs/devices.md): list, device page with history, create, edit, the Kasi's
/// repeat-fault decision, the QR labels and their scan target. The import is in <see cref="DeviceImportController"/>,
/// the spares in <see cref="SparesController"/>.
/// </summary>
[Authorize(Policy = Policies.DeviceReader)]
[Route("perangkat")]
public sealed class DevicesController(DeviceRegister register, Infrastructure.ReferenceLists lists) : Controller
{
    public const string Name = "Devices";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DeviceFilter filter, [FromServices] SpareStock stock, CancellationToken ct)
    {
        var viewer = DeviceViewer.Of(User);
        var rows = await register.ListAsync(filter, viewer, ct);
        var opds = viewer.OnlyOpdId is null ? await lists.OpdOptionsAsync(ct) : [];
        var spares = viewer.CanManage || viewer.CanHandleSpares ? await stock.SummaryAsync(ct) : [];
        return View(new DeviceListPage(rows, filter, opds, viewer, spares));
    }

    /// <summary>Devices repaired and replaced: the twelve months ending with <c>bulan</c> and that month per OPD (an OPD's staff: their OPD).</summary>
    [HttpGet("angka")]
    public async Task<IActionResult> Figures([FromQuery] string? bulan, [FromServices] DeviceFigures figures, [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var page = await figures.PageAsync(bulan, DeviceViewer.Of(User), clock.GetUtcNow().UtcDateTime, ct);
        if (page.Error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(page);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var page = await register.PageAsync(id, DeviceViewer.Of(User), ScanUrl(id), ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>The QR label's target: staff see the device, an OPD's staff get the new-report form for it.</summary>
    [HttpGet("{id:int}/pindai")]
    public async Task<IActionResult> Scan(int id, CancellationToken ct)
    {
        var viewer = DeviceViewer.Of(User);
        var page = await register.PageAsync(id, viewer, ScanUrl(id), ct);
        if (page is null) return NotFound();
        return viewer.IsOpdStaff
            ? RedirectToAction("New", "Reports", new { perangkat = id })
            : RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("baru"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View(new DeviceFormPage(null, new DeviceInput(), await lists.OpdOptionsAsync(ct)));

    [HttpPost("baru"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Create(DeviceInput input, CancellationToken ct)
    {
        try
        {
            var id = await register.CreateAsync(input, DeviceViewer.Of(User), ct);
            TempData.Success("Perangkat berhasil didaftarkan.");
            return RedirectToAction(nameof(Details), new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return View(new DeviceFormPage(null, input, await lists.OpdOptionsAsync(ct)));
        }
    }

    [HttpGet("{id:int}/ubah"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var page = await register.PageAsync(id, DeviceViewer.Of(User), ScanUrl(id), ct);
        if (page is null) return NotFound();
        return View(new DeviceFormPage(id, DeviceInput.From(page.Device), await lists.OpdOptionsAsync(ct)));
    }

    [HttpPost("{id:int}/ubah"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Edit(int id, DeviceInput input, CancellationToken ct)
    {
        try
        {
            await register.UpdateAsync(id, input, DeviceViewer.Of(User), ct);
            TempData.Success("Data perangkat berhasil disimpan.");
            return RedirectToAction(nameof(Details), new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return View(new DeviceFormPage(id, input, await lists.OpdOptionsAsync(ct)));
        }
    }

    [HttpPost("{id:int}/keputusan"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Decide(int id, RepeatFaultDecision decision, string? note, CancellationToken ct)
    {
        try
        {
            await register.DecideRepeatFaultsAsync(id, decision, note, DeviceViewer.Of(User), ct);
            TempData.Success("Keputusan atas gangguan berulang dicatat.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>A PDF sheet of QR labels: one device (<paramref name="id"/>) or the devices the filter finds.</summary>
    [HttpGet("label"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Labels(int? id, [FromQuery] DeviceFilter filter, CancellationToken ct)
    {
        var labels = await register.LabelsAsync(id, filter, DeviceViewer.Of(User), ScanUrl, ct);
        if (labels.Count == 0) return NotFound();
        return File(Core.Documents.Templates.DeviceLabelSheet.Render(labels), "application/pdf", "label-perangkat.pdf");
    }

    private string ScanUrl(int id) => Url.Action(nameof(Scan), Name, new { id }, Request.Scheme)!;
}

public sealed record DeviceListPage(PagedList<DeviceListRow> Rows, DeviceFilter Filter, IReadOnlyList<Reports.OptionItem> Opds,
    DeviceViewer Viewer, IReadOnlyList<SpareSummary> Spares);

public sealed record DeviceFormPage(int? Id, DeviceInput Input, IReadOnlyList<Reports.OptionItem> Opds);

