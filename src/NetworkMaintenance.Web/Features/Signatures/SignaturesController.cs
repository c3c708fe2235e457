using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Signatures;

/// <summary>The signing form's fields. The passphrase is read once and never put back into a page.</summary>
public sealed class SignInput
{
    public string? Nik { get; set; }
    public string? Rahasia { get; set; }
    public SecretKind Jenis { get; set; } = SecretKind.Passphrase;
}

/// <summary>The signing page: the document's signatures, and the form when this person may sign.</summary>
public sealed record SigningPageModel(SigningPage Page, string? Error);

/// <summary>
/// Certified signing of an issued document by the person the settings name (docs/signatures.md). Only people who may
/// see the report reach it (anyone else gets 404); only a named signer who has approved the document gets the form.
/// Posting is limited per user (<see cref="SigningRateLimit"/>), and protected by the antiforgery token like every POST.
/// </summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class SignaturesController(ReportService reports, CertifiedSigning signing, ActorFactory actors,
    IAuthorizationService authorization) : Controller
{
    [HttpGet("/laporan/{id:int}/dokumen/{documentId:int}/tandatangan")]
    public async Task<IActionResult> Sign(int id, int documentId, CancellationToken ct)
    {
        if (!await MaySeeAsync(id, ct)) return NotFound();
        var page = await signing.PageAsync(id, documentId, User.UserId(), ct);
        return page is null ? NotFound() : View(new SigningPageModel(page, null));
    }

    [HttpPost("/laporan/{id:int}/dokumen/{documentId:int}/tandatangan")]
    [EnableRateLimiting(SigningRateLimit.Policy)]
    public async Task<IActionResult> Sign(int id, int documentId, [FromForm] SignInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await MaySeeAsync(id, ct)) return NotFound();
        var secret = string.IsNullOrEmpty(input.Rahasia) ? null : new SigningSecret(input.Jenis, input.Rahasia);
        input.Rahasia = null;
        // Nothing typed is echoed back into the page (the passphrase least of all).
        ModelState.Clear();
        var outcome = await signing.SignAsync(id, documentId, User.UserId(), input.Nik, secret, ct);
        switch (outcome)
        {
            case SignOutcome.NotFound:
                return NotFound();
            case SignOutcome.Added:
                TempData.Success("Dokumen berhasil ditandatangani secara elektronik. Berkas yang bertanda tangan kini menjadi berkas resmi dokumen ini.");
                return RedirectToAction(nameof(Sign), new { id, documentId });
            default:
                var page = await signing.PageAsync(id, documentId, User.UserId(), ct);
                if (page is null) return NotFound();
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View(new SigningPageModel(page, ((SignOutcome.Failed)outcome).Message));
        }
    }

    private async Task<bool> MaySeeAsync(int id, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return false;
        var report = await reports.FindForAccessAsync(id, ct);
        return report is not null
            && (await authorization.AuthorizeAsync(User, new ReportAccess(report, actor), ReportOperations.View)).Succeeded;
    }
}

/// <summary>Signing attempts per user and minute: a passphrase is not to be guessed through this application.</summary>
public static class SigningRateLimit
{
    public const string Policy = "certified-signing";
    public const int PermitsPerMinute = 5;

    public static void Add(IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, context =>
            RateLimitPartition.GetFixedWindowLimiter("sign:" + (context.User.Identity?.Name ?? "anonymous"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
}
