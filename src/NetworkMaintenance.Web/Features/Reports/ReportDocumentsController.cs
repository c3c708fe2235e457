using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>The issued documents of a report, as stored.</summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class ReportDocumentsController(ReportService reports, DocumentService documents, ActorFactory actors,
    IAuthorizationService authorization, IAuditLog audit) : Controller
{
    /// <summary>
    /// An issued document of the report, exactly as stored (same bytes on every download); <c>?basah=1</c> prints the
    /// same snapshot with blank signing spaces for signing by hand (not stored, same number). Only for people who may
    /// see the report; anyone else gets 404.
    /// </summary>
    [HttpGet("/laporan/{id:int}/dokumen/{documentId:int}")]
    public async Task<IActionResult> Document(int id, int documentId, [FromQuery] int? basah, CancellationToken ct)
    {
        // Only what the access rule reads is loaded (not the timeline, devices and pauses of the report page).
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        var report = await reports.FindForAccessAsync(id, ct);
        if (report is null || !(await authorization.AuthorizeAsync(User, new ReportAccess(report, actor), ReportOperations.View)).Succeeded)
        {
            return NotFound();
        }
        var document = await documents.FindAsync(id, documentId, ct);
        if (document is null) return NotFound();
        var wet = basah == 1;
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.DocumentDownloaded,
            $"Dokumen {document.Number} (laporan {report.Number}) diunduh{(wet ? " untuk tanda tangan basah" : "")}.",
            AuditObject.Document(document.Id, document.Number),
            new { report = report.Number, type = document.Type.ToString(), wetSignature = wet }, ct: ct);

        var bytes = wet ? DocumentService.RenderWetSignature(document) : document.Pdf;
        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, "application/pdf", document.FileName(wet));
    }
}
