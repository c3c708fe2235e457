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

/// <summary>
/// The Rekap Bulanan for officials: a month picker, and the PDF for the chosen month (and OPD); the narrative the Kepala
/// Bidang or Kepala Dinas (or Plh.) edits before printing, and the numbered nota dinas that sends the recap.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class RecapController(AppDbContext db, ActorFactory actors, MonthlyRecapService recaps, MonthlyRecapNarrativeService narratives,
    TimeProvider clock) : Controller
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

    /// <summary>The narrative form of a month (default: this month), prefilled from the month's review notes until saved.</summary>
    [HttpGet("/laporan/rekap/uraian")]
    public async Task<IActionResult> Narrative([FromQuery] string? bulan, CancellationToken ct)
    {
        var (actor, refusal) = await EditorAsync(ct);
        if (refusal is not null) return refusal;
        var (period, error) = Month(bulan);
        if (period is null) return BadRequestForm(error!);
        return View(await narratives.FormAsync(period, actor!, ct));
    }

    [HttpPost("/laporan/rekap/uraian")]
    public async Task<IActionResult> Narrative([FromForm] string? bulan, [FromForm] RecapNarrativeInput input, CancellationToken ct)
    {
        var (actor, refusal) = await EditorAsync(ct);
        if (refusal is not null) return refusal;
        var (period, error) = Month(bulan);
        if (period is null) return BadRequestForm(error!);
        var (outcome, message) = await narratives.SaveAsync(period, input, actor!, ct);
        if (outcome == NarrativeSaveOutcome.Saved)
        {
            TempData.Success("Uraian rekap bulanan disimpan. Uraian ini dicetak pada rekap bulan tersebut.");
            return RedirectToAction(nameof(Narrative), new { bulan = MonthText(period) });
        }

        Response.StatusCode = outcome == NarrativeSaveOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        var row = await db.MonthlyRecapNarratives.AsNoTracking().SingleOrDefaultAsync(n => n.Year == period.Year && n.Month == period.Month, ct);
        return View(MonthlyRecapNarrativeService.Model(period, row, input, message));
    }

    /// <summary>Gives the month's nota dinas its number (once) and opens it.</summary>
    [HttpPost("/laporan/rekap/nota-dinas")]
    public async Task<IActionResult> NumberCoverLetter([FromForm] string? bulan, CancellationToken ct)
    {
        var (actor, refusal) = await EditorAsync(ct);
        if (refusal is not null) return refusal;
        var (period, error) = Month(bulan);
        if (period is null) return BadRequestForm(error!);
        var number = await narratives.NumberCoverLetterAsync(period, actor!, ct);
        TempData.Success($"Nota dinas rekap bulanan bernomor {number}.");
        return RedirectToAction(nameof(Narrative), new { bulan = MonthText(period) });
    }

    /// <summary>The nota dinas PDF of a month that has its number.</summary>
    [HttpGet("/laporan/rekap/nota-dinas")]
    public async Task<IActionResult> CoverLetter([FromQuery] string? bulan, CancellationToken ct)
    {
        var (actor, refusal) = await EditorAsync(ct);
        if (refusal is not null) return refusal;
        var (period, error) = Month(bulan);
        if (period is null) return BadRequestForm(error!);
        var letter = await narratives.CoverLetterAsync(period, actor!, ct);
        if (letter is null) return BadRequestForm("Nota dinas bulan ini belum bernomor. Beri nomor dari halaman uraian rekap.");
        return File(RecapCoverLetterTemplate.Render(letter), "application/pdf", RecapCoverLetterTemplate.FileName(letter.Year, letter.Month));
    }

    /// <summary>The signed-in official when they may edit the narrative (<see cref="MonthlyRecapNarrativeService.MayEdit"/>), otherwise the refusal.</summary>
    private async Task<(Core.Domain.Workflow.WorkflowActor? Actor, IActionResult? Refusal)> EditorAsync(CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        return actor is not null && MonthlyRecapNarrativeService.MayEdit(actor) ? (actor, null) : (null, Forbid());
    }

    private (RecapPeriod? Period, string? Error) Month(string? bulan)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return RecapPeriod.Parse(string.IsNullOrWhiteSpace(bulan) ? Wib.FromUtc(now).ToString("yyyy-MM", CultureInfo.InvariantCulture) : bulan, null, now);
    }

    private static string MonthText(RecapPeriod period) => string.Create(CultureInfo.InvariantCulture, $"{period.Year:D4}-{period.Month:D2}");

    private ContentResult BadRequestForm(string error)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Content(error, "text/plain; charset=utf-8");
    }

    private async Task<RecapFormModel> FormAsync(string bulan, string? opd, string? error, string maxMonth, CancellationToken ct)
    {
        var opds = await db.Opds.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OptionItem(o.Id.ToString(CultureInfo.InvariantCulture), o.Name)).ToListAsync(ct);
        return new RecapFormModel(bulan, opd, opds, maxMonth, error);
    }
}
