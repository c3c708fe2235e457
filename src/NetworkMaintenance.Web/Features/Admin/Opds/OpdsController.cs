using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace NetworkMaintenance.Web.Features.Admin.Opds;

[Authorize(Policy = Policies.Administrator)]
[Route("admin/opd")]
public sealed class OpdsController(OpdAdminService opds, IValidator<OpdInput> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? status) =>
        View(new OpdListPage(await opds.ListAsync(q, status), q, status));

    [HttpGet("baru")]
    public IActionResult Create() => View(new OpdInput());

    [HttpPost("baru")]
    public Task<IActionResult> Create(OpdInput input) =>
        this.SaveAsync(validator, input, () => opds.CreateAsync(input), () => Task.FromResult<IActionResult>(View(input)),
            () => $"OPD \"{input.Name.Trim()}\" berhasil ditambahkan.", RedirectToAction(nameof(Index)));

    [HttpGet("{id:int}/ubah")]
    public async Task<IActionResult> Edit(int id) =>
        View(new OpdEditPage(id, await opds.GetForEditAsync(id), await opds.IsActiveAsync(id)));

    [HttpPost("{id:int}/ubah")]
    public Task<IActionResult> Edit(int id, OpdInput input) =>
        this.SaveAsync(validator, input, () => opds.UpdateAsync(id, input),
            async () => View(new OpdEditPage(id, input, await opds.IsActiveAsync(id))),
            () => $"Data OPD \"{input.Name.Trim()}\" berhasil disimpan.", RedirectToAction(nameof(Index)));

    [HttpPost("{id:int}/nonaktifkan")]
    public async Task<IActionResult> Deactivate(int id)
    {
        await opds.DeactivateAsync(id);
        TempData.Success("OPD dinonaktifkan. OPD ini tidak dapat dipilih lagi untuk pengguna atau laporan baru.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/aktifkan")]
    public async Task<IActionResult> Activate(int id)
    {
        await opds.ActivateAsync(id);
        TempData.Success("OPD diaktifkan kembali.");
        return RedirectToAction(nameof(Index));
    }
}

public sealed record OpdListPage(IReadOnlyList<OpdRow> Rows, string? Search, string? Status);

public sealed record OpdEditPage(int Id, OpdInput Input, bool IsActive);
