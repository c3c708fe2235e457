using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

/// <summary>The administrator edits the fourteen components (with the SK that sets them) and the maklumat pelayanan.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ServiceStandardAdminController(ServiceEvaluationService service, Reports.ActorFactory actors, Audit.IAuditLog audit) : Controller
{
    [HttpGet("/admin/standar-pelayanan")]
    public async Task<IActionResult> EditStandard(CancellationToken ct) => View(await ModelAsync(ct));

    [HttpPost("/admin/standar-pelayanan")]
    public async Task<IActionResult> EditStandard(StandardInput input, CancellationToken ct)
    {
        if (input.SkNumber is { Length: > 100 }) ModelState.AddModelError(nameof(input.SkNumber), "Nomor SK maksimal 100 karakter.");
        if (string.IsNullOrWhiteSpace(input.SkNumber) != (input.SkDate is null))
            ModelState.AddModelError(nameof(input.SkNumber), "Isi nomor dan tanggal SK bersama-sama (atau kosongkan keduanya).");
        if (!ModelState.IsValid) return View(await ModelAsync(ct));
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        try
        {
            var changed = await service.SaveStandardAsync(input.Body, input.Confirm.ToHashSet(), input.SkNumber, input.SkDate,
                User.UserId(), actor?.FullName ?? User.Identity?.Name ?? "", ct);
            if (changed.Count > 0)
            {
                await audit.WriteAsync(Core.Domain.Audit.AuditEvents.SettingChanged, "Standar pelayanan diubah.", Audit.AuditObject.Named("ServiceStandard"),
                    new { sections = changed, skNumber = input.SkNumber }, ct: ct);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return View(await ModelAsync(ct));
        }
        TempData.Success("Standar pelayanan tersimpan.");
        return RedirectToAction(nameof(EditStandard));
    }

    [HttpGet("/admin/maklumat-pelayanan")]
    public async Task<IActionResult> EditDeclaration(CancellationToken ct)
    {
        var c = await service.CharterAsync(ct);
        return View(new DeclarationEditModel(new DeclarationInput
        {
            Text = c.DeclarationText, Date = c.DeclarationDate, SignerName = c.SignerName,
            SignerNip = c.SignerNip is null ? null : Nip.Format(c.SignerNip), SignerPosition = c.SignerPosition,
        }, c.HasDeclaration));
    }

    [HttpPost("/admin/maklumat-pelayanan")]
    public async Task<IActionResult> EditDeclaration(DeclarationInput input, CancellationToken ct)
    {
        var nip = Nip.Normalize(input.SignerNip);
        if (!string.IsNullOrWhiteSpace(input.SignerNip) && !Nip.IsValid(nip))
            ModelState.AddModelError(nameof(input.SignerNip), "NIP terdiri dari 18 angka.");
        if (input.Date is null) ModelState.AddModelError(nameof(input.Date), "Tanggal maklumat wajib diisi.");
        if (input.SignerName is { Length: > 200 } || input.SignerPosition is { Length: > 200 })
            ModelState.AddModelError(nameof(input.SignerName), "Nama dan jabatan maksimal 200 karakter.");
        if (ModelState.IsValid)
        {
            try
            {
                await service.SaveDeclarationAsync(input.Text ?? "", input.Date!.Value, input.SignerName ?? "", nip, input.SignerPosition ?? "",
                    User.UserId(), ct);
                await audit.WriteAsync(Core.Domain.Audit.AuditEvents.SettingChanged, "Maklumat pelayanan diubah.",
                    Audit.AuditObject.Named("ServiceDeclaration"), ct: ct);
                TempData.Success("Maklumat pelayanan tersimpan.");
                return RedirectToAction(nameof(EditDeclaration));
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new DeclarationEditModel(input, (await service.CharterAsync(ct)).HasDeclaration));
    }

    private async Task<StandardEditModel> ModelAsync(CancellationToken ct) =>
        new(await service.SectionsAsync(ct), await service.CharterAsync(ct), await service.HistoryAsync(ct));
}
