using System.Text;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.GuestBook;

public sealed record GuestBookRow(GuestBookEntry Entry, string? ReportNumber);

public sealed record GuestBookModel(IReadOnlyList<GuestBookRow> Rows, DateOnly? From, DateOnly? To, string? Q);

/// <summary>The guest book (buku tamu) of the front desk: list, filter, CSV export, time out.</summary>
[Authorize(Policy = Policies.FrontDesk)]
public sealed class GuestBookController(AppDbContext db, TimeProvider clock, Audit.IAuditLog audit) : Controller
{
    [HttpGet("/buku-tamu")]
    public async Task<IActionResult> Index(DateOnly? from, DateOnly? to, string? q, CancellationToken ct) =>
        View(new GuestBookModel(await Query(from, to, q).Take(500).ToListAsync(ct), from, to, q));

    [HttpGet("/buku-tamu/csv")]
    public async Task<IActionResult> Csv(DateOnly? from, DateOnly? to, string? q, CancellationToken ct)
    {
        // Not the whole guest book when a date filter was refused: the list says which filter was not used.
        if (UnusedFilter.Message(ModelState) is not null) return Redirect(Url.Action(nameof(Index)) + Request.QueryString);
        var query = Query(from, to, q);
        var count = await query.CountAsync(ct);
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.ExportDownloaded, $"Buku tamu diekspor ke CSV ({count} baris).", Audit.AuditObject.Named("GuestBook"), new { from, to, q }, ct: ct);
        return new StreamedFileResult(SpreadsheetCsv.ContentType, "buku-tamu.csv", (body, aborted) =>
            SpreadsheetCsv.WriteAsync(body, ExportHeader, query.AsAsyncEnumerable().Select(ExportRow), identifierColumns: [IdentityNumberColumn], aborted));
    }

    /// <summary>The same rows as an Excel workbook: every cell text, so identity numbers keep every digit.</summary>
    [HttpGet("/buku-tamu/xlsx")]
    public async Task<IActionResult> Xlsx(DateOnly? from, DateOnly? to, string? q, CancellationToken ct)
    {
        var query = Query(from, to, q);
        var count = await query.CountAsync(ct);
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.ExportDownloaded, $"Buku tamu diekspor ke Excel ({count} baris).", Audit.AuditObject.Named("GuestBook"), new { from, to, q }, ct: ct);
        return new StreamedFileResult(SpreadsheetXlsx.ContentType, "buku-tamu.xlsx", (body, aborted) =>
            SpreadsheetXlsx.WriteAsync(body, "Buku tamu", ExportHeader, query.AsAsyncEnumerable().Select(r => ExportRow(r).Cast<object?>().ToArray()), dateColumns: [], aborted));
    }

    public const string IdentityNumberColumn = "Nomor identitas";

    private static readonly string[] ExportHeader =
        ["Nama", "Jenis identitas", IdentityNumberColumn, "Instansi", "Keperluan", "Jam masuk (WIB)", "Jam keluar (WIB)", "Nomor laporan"];

    private static IReadOnlyList<string?> ExportRow(GuestBookRow r) => new[]
    {
        r.Entry.VisitorName, GuestBookEntry.Label(r.Entry.IdentityType), r.Entry.IdentityNumber, r.Entry.Institution ?? "",
        r.Entry.Purpose, SpreadsheetCsv.DateTime(r.Entry.TimeInUtc),
        r.Entry.TimeOutUtc is { } o ? SpreadsheetCsv.DateTime(o) : "",
        r.ReportNumber ?? "",
    };

    [HttpPost("/buku-tamu/{id:int}/keluar")]
    public async Task<IActionResult> TimeOut(int id, DateTime? timeOut, CancellationToken ct)
    {
        var entry = await db.GuestBookEntries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null) return NotFound();
        if (!ModelState.IsValid)
        {
            // A time the binder refused (year 1, year 9999) is not silently taken for "now".
            TempData.Error($"Jam keluar {entry.VisitorName} tidak tercatat: {SupportedDates.Message}");
            return RedirectToAction(nameof(Index));
        }
        try
        {
            entry.RecordTimeOut(timeOut is { } wib ? Wib.ToUtc(wib) : clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            TempData.Success($"Jam keluar {entry.VisitorName} tercatat.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The entries of the filters, newest first (the page takes the first 500; the exports stream every one).</summary>
    private IQueryable<GuestBookRow> Query(DateOnly? from, DateOnly? to, string? q)
    {
        var query = db.GuestBookEntries.AsNoTracking();
        if (from is { } f)
        {
            var fromUtc = Wib.ToUtc(f.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.TimeInUtc >= fromUtc);
        }
        if (to is { } t)
        {
            var toUtc = Wib.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.TimeInUtc < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = SearchPattern.Contains(q);
            const string esc = SearchPattern.Escape;
            query = query.Where(e => EF.Functions.Like(e.VisitorName, pattern, esc) || EF.Functions.Like(e.Institution!, pattern, esc)
                || EF.Functions.Like(e.Purpose, pattern, esc) || EF.Functions.Like(e.IdentityNumber, pattern, esc));
        }
        return query.OrderByDescending(e => e.TimeInUtc).ThenByDescending(e => e.Id)
            .Select(e => new GuestBookRow(e, db.Reports.Where(r => r.Id == e.ReportId).Select(r => r.Number).FirstOrDefault()));
    }
}
