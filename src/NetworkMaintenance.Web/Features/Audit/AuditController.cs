using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Audit;

/// <summary>The administrator's view of the audit log: search, page, export. There is nothing to edit or delete.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AuditController(AuditSearch search, IAuditLog audit, IValidator<AuditQuery> validator, TimeProvider clock)
    : Controller
{
    private const string PageUrl = "/admin/audit";

    [HttpGet(PageUrl)]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, CancellationToken ct)
    {
        // A date the binder refused is left unset and the list runs without it, saying so above the filters.
        var unused = UnusedFilter.Message(ModelState);
        ModelState.Clear();
        if (!await validator.ValidateIntoAsync(query, ModelState))
            return View(new AuditPageModel(query, new PagedList<AuditRow>([], 1, AuditQuery.PageSize, 0), unused));
        return View(new AuditPageModel(query, await search.PageAsync(query, ct), unused));
    }

    [HttpGet(PageUrl + "/ekspor.csv")]
    public async Task<IActionResult> ExportCsv([FromQuery] AuditQuery query, CancellationToken ct)
    {
        // Not an export the user did not ask for: the list says which filter was not used.
        if (UnusedFilter.Message(ModelState) is not null) return Redirect(Url.Action(nameof(Index)) + Request.QueryString);
        if (!await validator.ValidateIntoAsync(query, ModelState))
            return View(nameof(Index), new AuditPageModel(query, new PagedList<AuditRow>([], 1, AuditQuery.PageSize, 0)));
        // Written before the file, so that the export's own entry is in it (as when the file was built in memory first).
        await audit.WriteAsync(AuditEvents.ExportDownloaded, "Log audit diekspor ke CSV.", AuditObject.Named("AuditLog"), query.Values(), ct: ct);
        return new StreamedFileResult(SpreadsheetCsv.ContentType, $"log-audit-{Wib.FromUtc(clock.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.csv",
            (body, aborted) => search.CsvAsync(body, query, aborted));
    }
}

public sealed record AuditPageModel(AuditQuery Query, PagedList<AuditRow> Entries, string? UnusedFilter = null);
