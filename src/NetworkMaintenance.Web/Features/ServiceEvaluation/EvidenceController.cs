using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

/// <summary>The evidence the PEKPPP evaluators ask for, per evaluation year, and its ZIP export.</summary>
[Authorize(Policy = Policies.Evaluation)]
public sealed class EvidenceController(ServiceEvaluationService service) : Controller
{
    public const string Path = "/evaluasi-pelayanan";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(int? tahun, CancellationToken ct)
    {
        var year = Year(tahun);
        var sections = await service.SectionsAsync(ct);
        var charter = await service.CharterAsync(ct);
        var published = await service.PublishedAsync(year, ct);
        var share = await service.FollowUpShareAsync(year, ct);
        var complaints = await service.ComplaintFiguresAsync(year, ct);
        var y = year.ToString(CultureInfo.InvariantCulture);
        EvidenceItem[] items =
        [
            new("Standar pelayanan lengkap (14 komponen, PermenPANRB 15/2014) dipublikasikan, ditetapkan dengan SK",
                $"{sections.Count} komponen; SK " + (charter.StandardSkNumber is { } sk
                    ? $"Nomor {sk} tanggal {(charter.StandardSkDate is { } d ? IndonesianDate.Format(d) : "-")}"
                    : "belum dicatat"),
                [("Halaman publik", "/standar-pelayanan"), ("PDF", "/standar-pelayanan/cetak")],
                sections.Count == 14 && charter.StandardSkNumber is not null),
            new("Maklumat pelayanan dipublikasikan",
                charter.HasDeclaration ? $"Ditandatangani {charter.SignerName}, {IndonesianDate.Format(charter.DeclarationDate!.Value)}" : "belum lengkap",
                [("Halaman publik", "/standar-pelayanan#maklumat"), ("Poster A4", "/maklumat-pelayanan/poster?ukuran=A4"), ("Poster A3", "/maklumat-pelayanan/poster?ukuran=A3")],
                charter.HasDeclaration),
            new("SKM dilaksanakan sesuai PermenPANRB 14/2017 dan hasilnya dipublikasikan",
                published.Count == 0 ? "belum ada periode yang dipublikasikan" : string.Join("; ", published.OrderBy(r => r.PeriodKey)
                    .Select(r => $"{r.Period.Label}: IKM {Core.Documents.Templates.ServiceEvaluationTemplates.Decimal2(r.PublishedIkm!.Converted)}")),
                [("Hasil SKM (publik)", "/hasil-skm"), .. published.OrderBy(r => r.PeriodKey).Select(r => ($"Laporan {r.Period.Label}", $"/hasil-skm/laporan?periode={r.PeriodKey}"))],
                published.Count > 0),
            new("Hasil SKM ditindaklanjuti",
                share.Total == 0 ? "belum ada rencana tindak lanjut" : $"{share.Done} dari {share.Total} tindak lanjut selesai ({share.Percent?.ToString("0.#", AppHost.Culture)}%)",
                [("Register tindak lanjut", SkmFollowUpController.Path)],
                share.Total > 0),
            new("Pengelolaan pengaduan",
                $"{complaints.Sum(c => c.Received)} pengaduan diterima, {complaints.Sum(c => c.Answered)} sudah dijawab",
                [("Rekap per bulan (CSV dalam ekspor ZIP)", $"{Path}/ekspor?tahun={y}")],
                true),
        ];
        var thisYear = service.CurrentPeriod.Year;
        return View(new EvidenceModel(year, Enumerable.Range(thisYear - 4, 5).Reverse().ToList(), items, share));
    }

    [HttpGet(Path + "/ekspor")]
    public async Task<IActionResult> Export(int? tahun, CancellationToken ct)
    {
        var year = Year(tahun);
        return File(await service.EvidenceZipAsync(year, ct), "application/zip",
            $"bukti-evaluasi-pelayanan-{year.ToString(CultureInfo.InvariantCulture)}.zip");
    }

    private int Year(int? tahun) => tahun is { } t && SupportedDates.IsSupported(t) ? t : service.CurrentPeriod.Year;
}
