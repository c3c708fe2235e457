using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>The filtered report list as CSV or Excel, for Diskominfo's people.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReportExportsController(AppDbContext db, ActorFactory actors, SlaClock sla, IAuditLog audit,
    TimeProvider clock, ReportTextSearch search) : Controller
{
    [HttpGet("/laporan/ekspor.csv")]
    public Task<IActionResult> ExportCsv([FromQuery] ReportFilter filter, CancellationToken ct = default) =>
        ExportAsync(filter, "csv", "CSV", SpreadsheetCsv.ContentType, ReportExport.CsvAsync, ct);

    [HttpGet("/laporan/ekspor.xlsx")]
    public Task<IActionResult> ExportXlsx([FromQuery] ReportFilter filter, CancellationToken ct = default) =>
        ExportAsync(filter, "xlsx", "Excel", ReportExport.XlsxContentType, ReportExport.XlsxAsync, ct);

    /// <summary>
    /// Counts the rows (the <see cref="ReportExport.RowsHeader"/> and the audit entry), then streams them: one query read
    /// row by row (no tracking) into the file's writer, which writes to the response as its buffer fills. Every row of
    /// the filter is exported, however many; the memory it takes does not grow with them.
    /// </summary>
    private async Task<IActionResult> ExportAsync(ReportFilter filter, string format, string formatName, string contentType,
        Func<Stream, IAsyncEnumerable<ReportExport.Row>, CancellationToken, Task<long>> write, CancellationToken ct)
    {
        // Not an export the user did not ask for: the list says which filter was not used.
        if (UnusedFilter.Message(ModelState) is not null) return Redirect(Url.Action("Index", "Reports") + Request.QueryString);
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        var query = filter.Apply(db.Reports.AsNoTracking().VisibleTo(actor), sla, search);
        var count = await query.CountAsync(ct);
        Response.Headers[ReportExport.RowsHeader] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.ExportDownloaded, $"Daftar laporan diekspor ke {formatName} ({count} baris).",
            AuditObject.Named("ReportList"), new { format, rows = count, filter = filter.QueryString() }, ct: ct);
        var rows = query.Select(ReportListRow.Projection).AsAsyncEnumerable();
        return new StreamedFileResult(contentType, ReportExport.FileName(clock.GetUtcNow().UtcDateTime, format),
            (body, aborted) => write(body, ReportExport.Rows(rows, sla), aborted));
    }
}
