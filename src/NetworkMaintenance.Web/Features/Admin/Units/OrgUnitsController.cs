using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace NetworkMaintenance.Web.Features.Admin.Units;

[Authorize(Policy = Policies.Administrator)]
[Route("admin/unit")]
public sealed class OrgUnitsController(OrgUnitAdminService units, IValidator<OrgUnitInput> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await units.TreeAsync());

    [HttpGet("baru")]
    public async Task<IActionResult> Create(int? parentId, OrgUnitKind? kind) =>
        View(new OrgUnitFormPage(null, new OrgUnitInput { ParentId = parentId, Kind = kind }, true,
            await units.GetFormOptionsAsync()));

    [HttpPost("baru")]
    public Task<IActionResult> Create(OrgUnitInput input) =>
        this.SaveAsync(validator, input, () => units.CreateAsync(input), () => CreateForm(input),
            () => $"Unit \"{input.Name.Trim()}\" berhasil ditambahkan.", RedirectToAction(nameof(Index)));

    [HttpGet("{id:int}/ubah")]
    public async Task<IActionResult> Edit(int id)
    {
        var (input, isActive) = await units.GetForEditAsync(id);
        return View(new OrgUnitFormPage(id, input, isActive, await units.GetFormOptionsAsync(id, input.HeadUserId)));
    }

    [HttpPost("{id:int}/ubah")]
    public Task<IActionResult> Edit(int id, OrgUnitInput input) =>
        this.SaveAsync(validator, input, () => units.UpdateAsync(id, input), () => EditForm(id, input),
            () => $"Unit \"{input.Name.Trim()}\" berhasil disimpan.", RedirectToAction(nameof(Index)));

    [HttpPost("{id:int}/nonaktifkan")]
    public async Task<IActionResult> Deactivate(int id)
    {
        try
        {
            await units.DeactivateAsync(id);
            TempData.Success("Unit dinonaktifkan.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
            return RedirectToAction(nameof(Edit), new { id });
        }
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/aktifkan")]
    public async Task<IActionResult> Activate(int id)
    {
        try
        {
            await units.ActivateAsync(id);
            TempData.Success("Unit diaktifkan kembali.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
            return RedirectToAction(nameof(Edit), new { id });
        }
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> CreateForm(OrgUnitInput input) =>
        View(nameof(Create), new OrgUnitFormPage(null, input, true, await units.GetFormOptionsAsync()));

    private async Task<IActionResult> EditForm(int id, OrgUnitInput input) =>
        View(nameof(Edit), new OrgUnitFormPage(id, input, await units.IsActiveAsync(id),
            await units.GetFormOptionsAsync(id, input.HeadUserId)));
}

/// <summary>The unit form: <see cref="Id"/> is null when creating.</summary>
public sealed record OrgUnitFormPage(int? Id, OrgUnitInput Input, bool IsActive, OrgUnitFormOptions Options);
