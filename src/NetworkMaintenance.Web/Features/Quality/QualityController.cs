using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Quality;

public sealed class SurveyInput
{
    public List<int> Scores { get; set; } = [];
    public string? Suggestion { get; set; }
}

public sealed record SurveyModel(Report Report, SurveyInput Input);

public sealed record IkmRow(string Name, IkmResult Result);

public sealed record IkmModel(int Year, int? Month, IkmResult? Overall, IReadOnlyList<IkmRow> PerOpd);

/// <summary>The satisfaction survey (SKM) and the IKM report for officials (the standard: ServiceEvaluation).</summary>
public sealed class QualityController(AppDbContext db, ActorFactory actors, TimeProvider clock) : Controller
{
    [HttpGet("/laporan/{id:int}/survei"), Authorize(Policy = Policies.Reporter)]
    public async Task<IActionResult> Survey(int id, CancellationToken ct)
    {
        var (report, refusal) = await SurveyableAsync(id, ct);
        if (refusal is not null) return refusal;
        return View(new SurveyModel(report!, new SurveyInput()));
    }

    [HttpPost("/laporan/{id:int}/survei"), Authorize(Policy = Policies.Reporter)]
    public async Task<IActionResult> Survey(int id, SurveyInput input, CancellationToken ct)
    {
        var (report, refusal) = await SurveyableAsync(id, ct);
        if (refusal is not null) return refusal;
        if (input.Scores.Count != SatisfactionSurvey.ElementCount || input.Scores.Any(s => s is < 1 or > 4))
            ModelState.AddModelError("", "Beri nilai 1 sampai 4 untuk kesembilan unsur survei.");
        if (input.Suggestion is { Length: > 2000 }) ModelState.AddModelError(nameof(input.Suggestion), "Saran maksimal 2000 karakter.");
        if (!ModelState.IsValid) return View(new SurveyModel(report!, input));

        db.SatisfactionSurveys.Add(new SatisfactionSurvey(report!.Id, report.OpdId, User.UserId(), input.Scores, input.Suggestion,
            clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            TempData.Error("Survei untuk laporan ini sudah diisi.");
            return RedirectToAction(nameof(Reports.ReportsController.Details), Reports.ReportsController.Name, new { id });
        }
        TempData.Success("Terima kasih, survei kepuasan Anda tersimpan.");
        return RedirectToAction(nameof(Reports.ReportsController.Details), Reports.ReportsController.Name, new { id });
    }

    [HttpGet("/skm"), Authorize(Policy = Policies.Official)]
    public async Task<IActionResult> Ikm(int? year, int? month, CancellationToken ct)
    {
        var thisYear = Wib.FromUtc(clock.GetUtcNow().UtcDateTime).Year;
        if (year is { } asked && !SupportedDates.IsSupported(asked))
        {
            TempData.Error($"Tahun {asked} tidak didukung; ditampilkan tahun {thisYear}.");
            year = null;
        }
        var y = year ?? thisYear;
        if (month is < 1 or > 12) month = null;
        var start = new DateTime(y, month ?? 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var end = month is null ? start.AddYears(1) : start.AddMonths(1);
        var (fromUtc, toUtc) = (Wib.ToUtc(start), Wib.ToUtc(end));
        var rows = await db.SatisfactionSurveys.AsNoTracking()
            .Where(s => s.SubmittedAtUtc >= fromUtc && s.SubmittedAtUtc < toUtc)
            .Join(db.Opds, s => s.OpdId, o => o.Id, (s, o) => new { Survey = s, o.Name })
            .ToListAsync(ct);
        var overall = IkmCalculator.Compute(rows.Select(r => (IReadOnlyList<int>)r.Survey.Scores).ToList());
        var perOpd = rows.GroupBy(r => r.Name).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new IkmRow(g.Key, IkmCalculator.Compute(g.Select(r => (IReadOnlyList<int>)r.Survey.Scores).ToList())!))
            .ToList();
        return View(new IkmModel(y, month, overall, perOpd));
    }

    private async Task<(Report? Report, IActionResult? Refusal)> SurveyableAsync(int id, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        var report = await db.Reports.AsNoTracking().Include(r => r.Opd).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || report is null || report.OpdId != actor.OpdId) return (null, NotFound());
        if (report.Status != ReportStatus.Closed)
        {
            TempData.Error("Survei kepuasan dapat diisi setelah laporan selesai.");
            return (null, RedirectToAction(nameof(Reports.ReportsController.Details), Reports.ReportsController.Name, new { id }));
        }
        if (await db.SatisfactionSurveys.AnyAsync(s => s.ReportId == id, ct))
        {
            TempData.Error("Survei untuk laporan ini sudah diisi.");
            return (null, RedirectToAction(nameof(Reports.ReportsController.Details), Reports.ReportsController.Name, new { id }));
        }
        return (report, null);
    }
}
