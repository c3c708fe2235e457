using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Attachments;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

/// <summary>
/// The SKM follow-up register of a period: officials read it; the Kepala Seksi and Kepala Bidang record the analysis,
/// plan actions and record them done with evidence; the Kepala Bidang or Kepala Dinas publishes the results.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class SkmFollowUpController(ServiceEvaluationService service, Reports.ActorFactory actors, AttachmentStore attachments,
    IAuthorizationService authorization, Audit.IAuditLog audit) : Controller
{
    public const string Path = "/skm/tindak-lanjut";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(string? periode, CancellationToken ct)
    {
        var current = service.CurrentPeriod;
        var period = service.ParsePeriod(periode) ?? current;
        if (period.StartUtc > service.Now) period = current;
        var choices = SurveyPeriod.OfYear(current.Year, current.Kind).Concat(SurveyPeriod.OfYear(current.Year - 1, current.Kind))
            .Where(p => p.StartUtc <= service.Now).OrderByDescending(p => p.Key, StringComparer.Ordinal).ToList();
        var mayEdit = (await authorization.AuthorizeAsync(User, Policies.SkmFollowUp)).Succeeded;
        var mayPublish = (await authorization.AuthorizeAsync(User, Policies.SkmPublish)).Succeeded;
        return View(new FollowUpPageModel(period, choices, await service.FiguresAsync(period, ct), await service.ReviewAsync(period, ct),
            Wib.DateOf(service.Now), mayEdit, mayPublish, period.HasEndedAt(service.Now)));
    }

    [HttpPost(Path + "/analisis"), Authorize(Policy = Policies.SkmFollowUp)]
    public Task<IActionResult> Analysis(AnalysisInput input, CancellationToken ct) =>
        OnPeriodAsync(input.Periode, async (period, name) =>
        {
            await service.RecordAnalysisAsync(period, input.Analysis ?? "", input.SuggestionGroups, name, ct);
            return "Analisis hasil SKM tersimpan.";
        }, ct);

    [HttpPost(Path + "/rencana"), Authorize(Policy = Policies.SkmFollowUp)]
    public Task<IActionResult> Plan(PlanInput input, CancellationToken ct) =>
        OnPeriodAsync(input.Periode, async (period, name) =>
        {
            if (input.DueDate is null) throw new DomainException("Tenggat tindak lanjut wajib diisi.");
            await service.PlanActionAsync(period, input.Element, input.Description ?? "", input.Owner ?? "", input.DueDate.Value, name, ct);
            return "Rencana tindak lanjut ditambahkan.";
        }, ct);

    [HttpPost(Path + "/selesai"), Authorize(Policy = Policies.SkmFollowUp)]
    [RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
    public async Task<IActionResult> Complete(CompleteInput input, CancellationToken ct)
    {
        CheckedUpload? evidence = null;
        if (input.Evidence is { } file)
        {
            var (upload, error) = await attachments.CheckAsync(file, ct);
            if (error is not null)
            {
                TempData.Error(error);
                return Back();
            }
            evidence = upload;
        }
        if (input.ActionId is not { } id)
        {
            TempData.Error("Pilih tindak lanjut yang selesai.");
            return Redirect(Path);
        }
        try
        {
            var name = await NameAsync(ct);
            var periodKey = await service.CompleteActionAsync(id, input.Note ?? "", evidence, name, ct);
            if (periodKey is null)
            {
                TempData.Error("Tindak lanjut tidak ditemukan.");
                return Redirect(Path);
            }
            TempData.Success("Tindak lanjut dicatat selesai.");
            return Redirect($"{Path}?periode={periodKey}");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
            return Back();
        }
    }

    /// <summary>The evidence file of a completed action, always as a download.</summary>
    [HttpGet(Path + "/bukti")]
    public async Task<IActionResult> Evidence(int? id, CancellationToken ct)
    {
        if (id is null) return BadRequest("Sebutkan tindak lanjut (id).");
        if (await service.EvidenceAsync(id.Value, ct) is not { } found) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(found.Content, found.Action.EvidenceContentType ?? "application/octet-stream", found.Action.EvidenceFileName);
    }

    [HttpPost(Path + "/publikasi"), Authorize(Policy = Policies.SkmPublish)]
    public Task<IActionResult> Publish([FromForm] string? periode, CancellationToken ct) =>
        OnPeriodAsync(periode, async (period, name) =>
        {
            await service.PublishAsync(period, name, ct);
            await audit.WriteAsync(Core.Domain.Audit.AuditEvents.SettingChanged, $"Hasil SKM {period.Label} dipublikasikan.",
                Audit.AuditObject.Named("SkmPublication"), new { period = period.Key }, ct: ct);
            return $"Hasil SKM {period.Label} dipublikasikan di halaman publik /hasil-skm.";
        }, ct);

    private async Task<IActionResult> OnPeriodAsync(string? periode, Func<SurveyPeriod, string, Task<string>> action, CancellationToken ct)
    {
        if (service.ParsePeriod(periode) is not { } period)
        {
            TempData.Error("Periode tidak dikenal.");
            return Redirect(Path);
        }
        try
        {
            TempData.Success(await action(period, await NameAsync(ct)));
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return Redirect($"{Path}?periode={period.Key}");
    }

    /// <summary>Back to the register page the form was sent from (same period), or to the current period.</summary>
    private RedirectResult Back()
    {
        var referer = Request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.AbsolutePath == Path
            ? Redirect(Path + uri.Query)
            : Redirect(Path);
    }

    private async Task<string> NameAsync(CancellationToken ct) =>
        (await actors.ForUserAsync(User.UserId(), ct))?.FullName ?? User.Identity?.Name ?? "";
}
