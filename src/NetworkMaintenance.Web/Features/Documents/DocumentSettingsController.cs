using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Documents;

public sealed record DocumentSettingsPageModel(DocumentSettingsInput Input, bool HasLogo, DateTime? UpdatedAtUtc);

/// <summary>The administrator sets the kop surat (letterhead) and the number pattern of each official document.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DocumentSettingsController(DocumentSettingsService settings, IValidator<DocumentSettingsInput> validator)
    : Controller
{
    private const string PageUrl = "/admin/dokumen";

    [HttpGet(PageUrl)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var current = await settings.GetAsync(ct);
        return View(new DocumentSettingsPageModel(DocumentSettingsInput.From(current), current.Logo is not null, current.UpdatedAtUtc));
    }

    [HttpPost(PageUrl)]
    [RequestSizeLimit(6 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 5 * 1024 * 1024)]
    public async Task<IActionResult> Save(DocumentSettingsInput input, CancellationToken ct)
    {
        if (!await validator.ValidateIntoAsync(input, ModelState)) return await PageAsync(input, ct);

        byte[]? logo = null;
        if (input.Logo is not null && !input.RemoveLogo)
        {
            using var buffer = new MemoryStream((int)input.Logo.Length);
            await input.Logo.CopyToAsync(buffer, ct);
            logo = buffer.ToArray();
        }

        try
        {
            await settings.SaveAsync(input, logo, User.UserId(), ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(input.Logo), ex.Message);
            return await PageAsync(input, ct);
        }

        TempData.Success("Pengaturan kop surat dan penomoran dokumen disimpan. Dokumen yang sudah terbit tidak berubah.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet(PageUrl + "/logo")]
    public async Task<IActionResult> Logo(CancellationToken ct)
    {
        var current = await settings.GetAsync(ct);
        if (current.Logo is null) return NotFound();
        return File(current.Logo, current.LogoContentType ?? LogoImage.Png);
    }

    /// <summary>A sample Berita Acara with the saved settings, shown in the browser (not issued, not numbered).</summary>
    [HttpGet(PageUrl + "/pratinjau")]
    public async Task<IActionResult> Preview(CancellationToken ct) =>
        File(settings.Preview(await settings.GetAsync(ct)), "application/pdf");

    /// <summary>
    /// The sample Berita Acara with the form's unsaved values (paper, font, margins, page numbers, kop surat), shown
    /// inline in a new tab: the live preview of the settings before they are saved.
    /// </summary>
    [HttpPost(PageUrl + "/pratinjau")]
    [RequestSizeLimit(6 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 5 * 1024 * 1024)]
    public async Task<IActionResult> PreviewUnsaved(DocumentSettingsInput input, CancellationToken ct)
    {
        if (!await validator.ValidateIntoAsync(input, ModelState)) return await PageAsync(input, ct);
        var logo = await ReadLogoAsync(input, ct);
        try
        {
            var pdf = await settings.PreviewUnsavedAsync(input, logo, User.UserId(), ct);
            Response.Headers.ContentDisposition = "inline; filename=\"pratinjau-dokumen.pdf\"";
            return File(pdf, "application/pdf");
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(input.Logo), ex.Message);
            return await PageAsync(input, ct);
        }
    }

    private static async Task<byte[]?> ReadLogoAsync(DocumentSettingsInput input, CancellationToken ct)
    {
        if (input.Logo is null || input.RemoveLogo) return null;
        using var buffer = new MemoryStream((int)input.Logo.Length);
        await input.Logo.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private async Task<IActionResult> PageAsync(DocumentSettingsInput input, CancellationToken ct)
    {
        var current = await settings.GetAsync(ct);
        return View("Index", new DocumentSettingsPageModel(input, current.Logo is not null, current.UpdatedAtUtc));
    }
}
