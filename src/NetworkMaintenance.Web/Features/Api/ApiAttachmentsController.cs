using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Attachments;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// Attachments over the API: the web upload's checks and store (<see cref="AttachmentStore"/>) for a report the
/// token's user may see (<see cref="ApiReportAccess"/>, the web page's rule).
/// </summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class ApiAttachmentsController(AppDbContext db, AttachmentStore store, ApiReportAccess access) : ApiControllerBase
{
    /// <summary>
    /// Attaches a file (multipart/form-data, field <c>file</c>) to a report the token's user may see, through the web
    /// upload's checks (<see cref="Attachments.AttachmentStore.CheckAsync"/>: JPEG, PNG or PDF by content, not by name;
    /// at most Uploads:MaxBytes); 404 as for the report.
    /// </summary>
    [HttpPost("reports/{id:int}/attachments", Name = "UploadReportAttachment")]
    [EndpointSummary("Unggah lampiran laporan")]
    [ProducesResponseType<ApiAttachment>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> UploadAttachment(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await access.MaySeeAsync(User, id, ct)) return Problem(StatusCodes.Status404NotFound, "Laporan tidak ditemukan atau tidak dapat Anda lihat.");
        if (file is null)
        {
            ModelState.AddModelError("file", "Kirim berkas lampiran sebagai multipart/form-data dalam isian \"file\".");
            return ValidationFailed();
        }
        var (upload, error) = await store.CheckAsync(file, ct);
        if (upload is null)
        {
            ModelState.AddModelError("file", error!);
            return ValidationFailed();
        }
        var attachment = await store.SaveAsync(upload, id, null, User.UserId(), ct);
        await db.SaveChangesAsync(ct);
        return CreatedAtRoute("GetReport", new { id }, new ApiAttachment(attachment.Id, id, attachment.OriginalName,
            attachment.ContentType, attachment.SizeBytes, attachment.UploadedAtUtc));
    }
}
