using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// Reports over the API: the same list (filters of /laporan, <see cref="ReportFilter"/>), the same page (read copy
/// and per-report check of <see cref="ReportPages"/>), the same intake (validator and <see cref="ReportService"/>) and
/// the same documents (<see cref="DocumentService"/>) as the web pages, for the token's user.
/// </summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class ApiReportsController(AppDbContext db, ActorFactory actors, ReportPages pages, ReportService reports,
    ApiReportAccess access, TimeProvider clock) : ApiControllerBase
{
    public const int MaxPageSize = 100;

    /// <summary>Reports the token's user may see, filtered and sorted as the list /laporan.</summary>
    /// <remarks>Filters: status, opdId, channel, category, technicianId, from, to (WIB days), overdue, q; sort:
    /// received, received_asc, deadline, number, opd, status; page (from 1) and pageSize (1–100, default 25).</remarks>
    [HttpGet("reports", Name = "ListReports")]
    [EndpointSummary("Daftar laporan")]
    [ProducesResponseType<ApiPage<ApiReportSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> List([FromQuery] ReportFilter filter, [FromServices] SlaClock sla, [FromServices] ReportTextSearch search, [FromQuery] int pageSize = 25,
        CancellationToken ct = default)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Problem(StatusCodes.Status403Forbidden);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = filter.Apply(db.Reports.AsNoTracking().VisibleTo(actor), sla, search);
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).Select(ReportListRow.Projection).ToListAsync(ct);
        return Ok(new ApiPage<ApiReportSummary>(rows.Select(ApiReportSummary.From).ToList(), total, page, pageSize));
    }

    /// <summary>One report with its timeline; 404 when it does not exist or the token's user may not see it.</summary>
    [HttpGet("reports/{id:int}", Name = "GetReport")]
    [EndpointSummary("Detail laporan dengan riwayatnya")]
    [ProducesResponseType<ApiReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Get(int id, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Problem(StatusCodes.Status403Forbidden);
        return await pages.ReadAsync(User, actor, id, ct) is { } report
            ? Ok(ApiReport.From(report))
            : Problem(StatusCodes.Status404NotFound, "Laporan tidak ditemukan atau tidak dapat Anda lihat.");
    }

    /// <summary>
    /// Files a report as the web form does: an OPD account for its own OPD (channel Web), the front desk for any OPD
    /// (another channel). 409 when the OPD has an open report of the same category and confirmDuplicate is false.
    /// </summary>
    [HttpPost("reports", Name = "CreateReport"), Authorize(Policy = Policies.Intake)]
    [EndpointSummary("Kirim laporan baru")]
    [ProducesResponseType<ApiReportCreated>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiReportCreated>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    [ProducesResponseType<ApiDuplicates>(StatusCodes.Status409Conflict, ApiProblems.ContentType)]
    public async Task<IActionResult> Create([FromBody] ApiNewReport body, [FromServices] IValidator<NewReportInput> validator,
        CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Problem(StatusCodes.Status403Forbidden);
        var input = body.ToInput();
        input.OnBehalf = !User.IsReporter();
        if (!input.OnBehalf)
        {
            // As on the web: OPD staff always report for their own OPD, through the web channel, now.
            (input.OpdId, input.Channel, input.ReceivedAt) = (actor.OpdId, ReportChannel.Web, null);
        }
        if (input.OpdId is int opdId && !await db.Opds.AnyAsync(o => o.Id == opdId && o.IsActive, ct))
        {
            ModelState.AddModelError(nameof(input.OpdId), "OPD yang dipilih tidak ditemukan atau tidak aktif.");
        }
        if (!await validator.ValidateIntoAsync(input, ModelState)) return ValidationFailed();

        if (await reports.FiledWithFormAsync(input.FormToken, ct) is { } filed)
        {
            var code = await db.Reports.Where(r => r.Id == filed.Id).Select(r => r.TrackingCode).SingleAsync(ct);
            return Ok(new ApiReportCreated(filed.Id, filed.Number, code, AlreadyFiled: true));
        }
        if (!input.ConfirmDuplicate && await reports.PossibleDuplicatesAsync(input.OpdId!.Value, input.Category!.Value, ct) is { Count: > 0 } duplicates)
        {
            return new ObjectResult(new ApiDuplicates(ApiProblems.Title(409),
                "OPD ini sudah memiliki laporan yang belum selesai dengan kategori yang sama. Kirim lagi dengan confirmDuplicate: true bila ini gangguan yang berbeda.",
                409, duplicates.Select(ApiReportSummary.From).ToList())) { StatusCode = 409, ContentTypes = { ApiProblems.ContentType } };
        }
        try
        {
            var report = await reports.ReceiveAsync(input.ToNewReport(actor.UserId, clock.GetUtcNow().UtcDateTime), actor,
                alsoRecord: null, formToken: string.IsNullOrEmpty(input.FormToken) ? null : input.FormToken, ct: ct);
            return CreatedAtRoute("GetReport", new { id = report.Id },
                new ApiReportCreated(report.Id, report.Number, report.TrackingCode, AlreadyFiled: false));
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return ValidationFailed();
        }
    }

    /// <summary>The official documents issued for a report (metadata); 404 as for the report.</summary>
    [HttpGet("reports/{id:int}/documents", Name = "ListReportDocuments")]
    [EndpointSummary("Daftar dokumen resmi laporan")]
    [ProducesResponseType<IReadOnlyList<ApiDocument>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Documents(int id, [FromServices] DocumentService documents, CancellationToken ct)
    {
        if (!await access.MaySeeAsync(User, id, ct)) return Problem(StatusCodes.Status404NotFound, "Laporan tidak ditemukan atau tidak dapat Anda lihat.");
        var rows = await documents.ListForReportAsync(id, ct);
        return Ok(rows.Select(d => ApiDocument.From(id, d)).ToList());
    }

    /// <summary>An issued document's PDF, exactly as stored (the same bytes as the web download); the download is audited.</summary>
    [HttpGet("reports/{id:int}/documents/{documentId:int}/pdf", Name = "DownloadReportDocument")]
    [EndpointSummary("Unduh PDF dokumen resmi")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "application/pdf")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Download(int id, int documentId, [FromServices] DocumentService documents,
        [FromServices] IAuditLog audit, CancellationToken ct)
    {
        if (!await access.MaySeeAsync(User, id, ct)) return Problem(StatusCodes.Status404NotFound, "Laporan tidak ditemukan atau tidak dapat Anda lihat.");
        var document = await documents.FindAsync(id, documentId, ct);
        if (document is null) return Problem(StatusCodes.Status404NotFound, "Dokumen tidak ditemukan.");
        var number = await db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync(ct);
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.DocumentDownloaded,
            $"Dokumen {document.Number} (laporan {number}) diunduh melalui API.",
            AuditObject.Document(document.Id, document.Number), new { report = number, type = document.Type.ToString(), api = true }, ct: ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(document.Pdf, "application/pdf", document.FileName(false));
    }
}
