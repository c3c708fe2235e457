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
        ExportAsync(filter, "csv", "CSV", rows => File(ReportExport.Csv(rows), SpreadsheetCsv.ContentType,
            ReportExport.FileName(clock.GetUtcNow().UtcDateTime, "csv")), ct);

    [HttpGet("/laporan/ekspor.xlsx")]
    public Task<IActionResult> ExportXlsx([FromQuery] ReportFilter filter, CancellationToken ct = default) =>
        ExportAsync(filter, "xlsx", "Excel", rows => File(ReportExport.Xlsx(rows), ReportExport.XlsxContentType,
            ReportExport.FileName(clock.GetUtcNow().UtcDateTime, "xlsx")), ct);

    private async Task<IActionResult> ExportAsync(ReportFilter filter, string format, string formatName,
        Func<IEnumerable<ReportExport.Row>, FileContentResult> file, CancellationToken ct)
    {
        // Not an export the user did not ask for: the list says which filter was not used.
        if (UnusedFilter.Message(ModelState) is not null) return Redirect(Url.Action("Index", "Reports") + Request.QueryString);
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        var rows = await filter.Apply(db.Reports.AsNoTracking().VisibleTo(actor), sla, search).Take(ReportExport.MaxRows)
            .Select(ReportListRow.Projection).ToListAsync(ct);
        Response.Headers[ReportExport.RowsHeader] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.ExportDownloaded, $"Daftar laporan diekspor ke {formatName} ({rows.Count} baris).",
            AuditObject.Named("ReportList"), new { format, rows = rows.Count, filter = filter.QueryString() }, ct: ct);
        return file(ReportExport.Rows(rows, sla));
    }
}
