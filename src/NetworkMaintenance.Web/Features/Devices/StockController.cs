using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>
/// Quantity-counted stock at /perangkat/stok (<see cref="StockRoom"/>, docs/devices.md): the list with reorder-level
/// warnings and the latest movements, adding and editing an item, receiving stock (administrator and Kasi), and
/// issuing stock to a report in repair or replacement (Kasi and technicians, from the report page).
/// </summary>
[Authorize(Policy = Policies.StockReader)]
[Route("perangkat/stok")]
public sealed class StockController(StockRoom stock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await stock.PageAsync(DeviceViewer.Of(User), ct));

    [HttpGet("baru"), Authorize(Policy = Policies.DeviceManager)]
    public IActionResult Create() => View("Form", new StockFormPage(null, new StockItemInput()));

    [HttpPost("baru"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Create(StockItemInput input, CancellationToken ct)
    {
        try
        {
            await stock.CreateAsync(input, DeviceViewer.Of(User), ct);
            TempData.Success($"Barang {input.Name} ditambahkan ke stok.");
            return RedirectToAction(nameof(Index));
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return View("Form", new StockFormPage(null, input));
        }
    }

    [HttpGet("{id:int}/ubah"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await stock.InputAsync(id, ct) is { } input ? View("Form", new StockFormPage(id, input)) : NotFound();

    [HttpPost("{id:int}/ubah"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Edit(int id, StockItemInput input, CancellationToken ct)
    {
        try
        {
            await stock.UpdateAsync(id, input, ct);
            TempData.Success("Data barang disimpan.");
            return RedirectToAction(nameof(Index));
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return View("Form", new StockFormPage(id, input));
        }
    }

    [HttpPost("{id:int}/terima"), Authorize(Policy = Policies.DeviceManager)]
    public async Task<IActionResult> Receive(int id, int quantity, string? note, CancellationToken ct)
    {
        try
        {
            await stock.ReceiveAsync(id, quantity, note, DeviceViewer.Of(User), ct);
            TempData.Success("Penerimaan stok dicatat.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Stock taken for a report in repair or replacement (step 10 with cables and connectors).</summary>
    [HttpPost("keluarkan"), Authorize(Policy = Policies.SpareHandler)]
    public async Task<IActionResult> Issue(int stockItemId, int reportId, int quantity, CancellationToken ct)
    {
        var outcome = await stock.IssueAsync(stockItemId, reportId, quantity, DeviceViewer.Of(User), ct);
        if (outcome is IssueOutcome.Issued issued) TempData.Success(issued.Text);
        else if (outcome is IssueOutcome.Refused refused) TempData.Error(refused.Message);
        return RedirectToAction("Details", "Reports", new { id = reportId });
    }
}

public sealed record StockFormPage(int? Id, StockItemInput Input);
