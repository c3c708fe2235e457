using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Dashboard;

public sealed record RecapFormModel(string Month, string? Opd, IReadOnlyList<OptionItem> Opds, string MaxMonth, string? Error);

/// <summary>The Rekap Bulanan for officials: a month picker, and the PDF for the chosen month (and OPD).</summary>
[Authorize(Policy = Policies.Official)]
public sealed class RecapController(AppDbContext db, ActorFactory actors, MonthlyRecapService recaps, TimeProvider clock) : Controller
{
    /// <summary>Without <c>bulan</c>: the form. With a valid month: the PDF. A bad month or OPD: the form with the reason (400).</summary>
    [HttpGet("/laporan/rekap")]
    public async Task<IActionResult> Index([FromQuery] string? bulan, [FromQuery] string? opd, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var thisMonth = Wib.FromUtc(now).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!Request.Query.ContainsKey("bulan") && !Request.Query.ContainsKey("opd")) return View(await FormAsync(thisMonth, null, null, thisMonth, ct));

        var (period, error) = RecapPeriod.Parse(bulan, opd, now);
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        var model = period is null ? null : await recaps.BuildAsync(period, actor, ct);
        if (model is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await FormAsync(bulan ?? thisMonth, opd, error ?? "OPD tidak ditemukan.", thisMonth, ct));
        }

        return File(MonthlyRecapTemplate.Render(model), "application/pdf", MonthlyRecapTemplate.FileName(model.Year, model.Month, period!.OpdId));
    }

    private async Task<RecapFormModel> FormAsync(string bulan, string? opd, string? error, string maxMonth, CancellationToken ct)
    {
        var opds = await db.Opds.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OptionItem(o.Id.ToString(CultureInfo.InvariantCulture), o.Name)).ToListAsync(ct);
        return new RecapFormModel(bulan, opd, opds, maxMonth, error);
    }
}
