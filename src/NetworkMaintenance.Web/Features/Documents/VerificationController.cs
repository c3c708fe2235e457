using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>The result page: a registered document (with an optional file comparison) or "not registered".</summary>
public sealed record VerificationPageModel(string? EnteredCode, VerifiedDocument? Document, FileCheck? File, string? FileError);

/// <summary>
/// Public document verification (no login): the QR code of every issued PDF opens /verifikasi/{code}. A code that is
/// not registered (or cannot be a code at all) answers 404 with "Dokumen tidak valid / tidak terdaftar". Someone holding
/// a PDF can upload it to compare its SHA-256 with the registered file. Both are rate-limited per client IP
/// (<see cref="PublicRateLimits.VerificationPolicy"/>): code look-ups generously, uploads like the public forms.
/// </summary>
[AllowAnonymous, EnableRateLimiting(PublicRateLimits.VerificationPolicy)]
public sealed class VerificationController(DocumentService documents) : Controller
{
    [HttpGet("/verifikasi")]
    public IActionResult Index(string? kode)
    {
        if (!string.IsNullOrWhiteSpace(kode)) return RedirectToAction(nameof(Code), new { kode = kode.Trim() });
        return View();
    }

    [HttpGet("/verifikasi/{kode}")]
    public async Task<IActionResult> Code(string kode, CancellationToken ct)
    {
        var document = await documents.VerifyAsync(kode, ct);
        return Result(new VerificationPageModel(kode, document, null, null));
    }

    [HttpPost("/verifikasi")]
    [RequestSizeLimit(DocumentService.MaxUploadBytes + (1024 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentService.MaxUploadBytes + (512 * 1024))]
    public async Task<IActionResult> Check(string? kode, IFormFile? berkas, CancellationToken ct)
    {
        var document = await documents.VerifyAsync(kode, ct);
        if (document is null || berkas is null) return Result(new VerificationPageModel(kode, document, null, null));
        if (berkas.Length > DocumentService.MaxUploadBytes)
        {
            return Result(new VerificationPageModel(kode, document, null, "Berkas terlalu besar (paling besar 10 MB)."));
        }
        return Result(new VerificationPageModel(kode, document, await DocumentService.CompareAsync(document, berkas, ct), null));
    }

    private ViewResult Result(VerificationPageModel model)
    {
        if (model.Document is null) Response.StatusCode = StatusCodes.Status404NotFound;
        Response.Headers.CacheControl = "no-store";
        return View("Result", model);
    }
}
