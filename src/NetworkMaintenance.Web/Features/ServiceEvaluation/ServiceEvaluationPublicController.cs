using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

/// <summary>What anyone may read and print: the standard, the maklumat poster, and the published SKM results (only those).</summary>
[AllowAnonymous]
public sealed class ServiceEvaluationPublicController(ServiceEvaluationService service) : Controller
{
    [HttpGet("/standar-pelayanan/cetak")]
    public async Task<IActionResult> StandardPdf(CancellationToken ct) =>
        File(await service.StandardPdfAsync(ct), "application/pdf", ServiceEvaluationService.StandardPdfName);

    /// <summary>The maklumat poster, A4 (default) or A3 (<c>?ukuran=A3</c>); 404 while the maklumat is not complete.</summary>
    [HttpGet("/maklumat-pelayanan/poster")]
    public async Task<IActionResult> DeclarationPoster(string? ukuran, CancellationToken ct)
    {
        var a3 = string.Equals(ukuran, "A3", StringComparison.OrdinalIgnoreCase);
        if (ukuran is not null && !a3 && !string.Equals(ukuran, "A4", StringComparison.OrdinalIgnoreCase))
            return BadRequest("Ukuran poster A4 atau A3.");
        var pdf = await service.DeclarationPdfAsync(a3, ct);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", a3 ? "maklumat-pelayanan-a3.pdf" : "maklumat-pelayanan-a4.pdf");
    }

    /// <summary>The published SKM periods; with <c>periode</c> one published period (404 for one not published).</summary>
    [HttpGet("/hasil-skm")]
    public async Task<IActionResult> Results(string? periode, CancellationToken ct)
    {
        if (periode is null) return View("Results", new PublicationListModel(await service.PublishedAsync(null, ct)));
        if (await service.PublishedReviewAsync(periode, ct) is not { } review) return NotFound();
        var ikm = review.PublishedIkm!;
        return View("Result", new PublicationModel(review, ikm, SkmSampleTable.MinimumSample(review.PublishedPopulation),
            IkmAnalysis.LowestElements(ikm), Wib.DateOf(service.Now)));
    }

    [HttpGet("/hasil-skm/laporan")]
    public async Task<IActionResult> ResultPdf(string? periode, CancellationToken ct)
    {
        if (periode is null) return BadRequest("Sebutkan periode, misalnya ?periode=2026-T3.");
        if (await service.PublishedReviewAsync(periode, ct) is not { } review) return NotFound();
        return File(ServiceEvaluationTemplates.RenderSkmReport(await service.ReportAsync(review, ct)), "application/pdf",
            ServiceEvaluationTemplates.SkmReportFileName(review.PeriodKey));
    }
}
