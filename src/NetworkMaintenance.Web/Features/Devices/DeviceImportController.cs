using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>The import of an existing device spreadsheet at /perangkat/impor (<see cref="DeviceImport"/>, docs/devices.md).</summary>
[Authorize(Policy = Policies.DeviceReader)]
[Authorize(Policy = Policies.DeviceManager)]
[Route("perangkat/impor")]
public sealed class DeviceImportController : Controller
{
    public const string Name = "DeviceImport";

    [HttpGet("")]
    public IActionResult Index() => View(new DeviceImportPage(null));

    [HttpGet("templat")]
    public IActionResult Template() =>
        File(DeviceImport.TemplateCsv(), SpreadsheetCsv.ContentType, "templat-perangkat.csv");

    [HttpPost("")]
    public async Task<IActionResult> Index(IFormFile? file, [FromServices] DeviceImport import, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return View(new DeviceImportPage(new ImportResult(0, [new ImportError(1, "Pilih berkas CSV atau Excel (.xlsx).")])));
        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(stream, file.FileName, DeviceViewer.Of(User), ct);
        if (!result.Succeeded) return View(new DeviceImportPage(result));
        TempData.Success($"{result.Imported} perangkat berhasil diimpor.");
        return RedirectToAction(nameof(DevicesController.Index), DevicesController.Name);
    }
}

public sealed record DeviceImportPage(ImportResult? Result);
