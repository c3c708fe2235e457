using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Attachments;

/// <summary>
/// Serves and receives attachments. A file is sent only to someone who may see its report (or, for a complaint,
/// the front desk), always as a download with a sanitised name and <c>nosniff</c>, never rendered by the app.
/// </summary>
public sealed class AttachmentsController(
    AppDbContext db,
    AttachmentStore store,
    ReportService reports,
    ActorFactory actors,
    IAuthorizationService authorization,
    Audit.IAuditLog audit) : Controller
{
    [HttpGet("/lampiran/{id:int}")]
    public async Task<IActionResult> Download(int id, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null) return NotFound();
        if (attachment.ReportId is int reportId)
        {
            if (!await MayViewReportAsync(reportId, ct)) return NotFound();
        }
        else if (!(await authorization.AuthorizeAsync(User, Policies.FrontDesk)).Succeeded)
        {
            return NotFound();
        }

        var content = await store.OpenAsync(attachment, ct);
        if (content is null) return MissingFile();
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.AttachmentDownloaded, $"Lampiran \"{attachment.OriginalName}\" diunduh.", Audit.AuditObject.Attachment(attachment.Id), new { attachment.ReportId, attachment.ComplaintId }, ct: ct);
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        return File(content, attachment.ContentType, attachment.OriginalName);
    }

    [HttpPost("/laporan/{id:int}/lampiran"), Authorize(Policy = Policies.ReportUser)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await MayViewReportAsync(id, ct)) return NotFound();
        if (file is null)
        {
            TempData.Error("Pilih berkas lampiran terlebih dahulu.");
            return RedirectToAction(nameof(Reports.ReportsController.Details), Reports.ReportsController.Name, new { id });
        }
        var (upload, error) = await store.CheckAsync(file, ct);
        if (upload is null)
        {
            TempData.Error(error!);
            return RedirectToAction(nameof(Reports.ReportsController.Details), Reports.ReportsController.Name, new { id });
        }
        await store.SaveAsync(upload, id, null, User.UserId(), ct);
        await db.SaveChangesAsync(ct);
        TempData.Success($"Lampiran {upload.SafeName} tersimpan.");
        return RedirectToAction(nameof(Reports.ReportsController.Details), Reports.ReportsController.Name, new { id });
    }

    /// <summary>
    /// The record is there but the store has no file for it (a database restored without its files, or generated
    /// load-test data, which records attachments without files): a 404 that says so, in Indonesian.
    /// </summary>
    private ViewResult MissingFile()
    {
        var result = View("Error", new Home.ErrorViewModel(StatusCodes.Status404NotFound, HttpContext.TraceIdentifier)
        {
            CustomTitle = MissingFileTitle,
            CustomMessage = "Data lampiran ini tercatat, tetapi berkasnya tidak ada di penyimpanan server. Hubungi administrator " +
                "bila berkas ini diperlukan.",
        });
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }

    public const string MissingFileTitle = "Berkas lampiran tidak tersedia";

    private async Task<bool> MayViewReportAsync(int reportId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return false;
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return false;
        var report = await reports.FindAsync(reportId, ct);
        return report is not null
            && (await authorization.AuthorizeAsync(User, new ReportAccess(report, actor), ReportOperations.View)).Succeeded;
    }
}
