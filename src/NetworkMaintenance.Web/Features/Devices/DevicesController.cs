using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>
/// The device register at /perangkat (docs/devices.md): list, device page with history, create, edit, import,
/// spare reservation for step 10, the Kasi's repeat-fault decision, the scan target of the QR labels.
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

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, [FromServices] SpareStock stock, CancellationToken ct)
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
            ? Redirect($"/laporan/baru?perangkat={id}")
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

    [HttpGet("impor"), Authorize(Policy = Policies.DeviceManager)]
    public IActionResult Import() => View(new DeviceImportPage(null));

    [HttpGet("impor/templat"), Authorize(Policy = Policies.DeviceManager)]
    public IActionResult ImportTemplate() =>
        File(DeviceImport.TemplateCsv(), SpreadsheetCsv.ContentType, "templat-perangkat.csv");

    [HttpPost("impor"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Import(IFormFile? file, [FromServices] DeviceImport import, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return View(new DeviceImportPage(new ImportResult(0, [new ImportError(1, "Pilih berkas CSV atau Excel (.xlsx).")])));
        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(stream, file.FileName, DeviceViewer.Of(User), ct);
        if (!result.Succeeded) return View(new DeviceImportPage(result));
        TempData.Success($"{result.Imported} perangkat berhasil diimpor.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/cadangkan"), Authorize(Policy = Policies.SpareHandler)]
    public async Task<IActionResult> Reserve(int id, int reportId, [FromServices] SpareStock stock, CancellationToken ct)
    {
        var outcome = await stock.ReserveAsync(id, reportId, DeviceViewer.Of(User), ct);
        if (outcome is ReserveOutcome.Reserved reserved) TempData.Success($"{reserved.DeviceLabel} dicadangkan untuk laporan ini.");
        else if (outcome is ReserveOutcome.Refused refused) TempData.Error(refused.Message);
        return Redirect($"/laporan/{reportId}");
    }

    [HttpPost("{id:int}/lepas"), Authorize(Policy = Policies.SpareHandler)]
    public async Task<IActionResult> Release(int id, int reportId, [FromServices] SpareStock stock, CancellationToken ct)
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
        return Redirect($"/laporan/{reportId}");
    }

    /// <summary>Step 10: "Staf/Tim Data Center menyiapkan perangkat pengganti" recorded on the reserved spares.</summary>
    [HttpPost("laporan/{reportId:int}/siapkan"), Authorize(Policy = Policies.SpareHandler)]
    public async Task<IActionResult> Prepare(int reportId, [FromServices] SpareStock stock, CancellationToken ct)
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
        return Redirect($"/laporan/{reportId}");
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

    [HttpPost("batas-stok"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> ReorderLevel(DeviceKind kind, int level, [FromServices] SpareStock stock, CancellationToken ct)
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
        return RedirectToAction(nameof(Index));
    }

    /// <summary>A PDF sheet of QR labels: one device (<paramref name="id"/>) or the devices the filter finds.</summary>
    [HttpGet("label"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Labels(int? id, [FromQuery] DeviceFilter filter, CancellationToken ct)
    {
        var labels = await register.LabelsAsync(id, filter, DeviceViewer.Of(User), ScanUrl, ct);
        if (labels.Count == 0) return NotFound();
        return File(Core.Documents.Templates.DeviceLabelSheet.Render(labels), "application/pdf", "label-perangkat.pdf");
    }

    private string ScanUrl(int id) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/perangkat/{id}/pindai";
}

public sealed record DeviceListPage(PagedList<DeviceListRow> Rows, DeviceFilter Filter, IReadOnlyList<Reports.OptionItem> Opds,
    DeviceViewer Viewer, IReadOnlyList<SpareSummary> Spares);

public sealed record DeviceFormPage(int? Id, DeviceInput Input, IReadOnlyList<Reports.OptionItem> Opds);

public sealed record DeviceImportPage(ImportResult? Result);
