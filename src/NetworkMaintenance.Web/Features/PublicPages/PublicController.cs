using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Attachments;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.PublicPages;

/// <summary>The pages anyone may open without signing in: the service standard, tracking and complaints.</summary>
[AllowAnonymous]
public sealed class PublicController(
    AppDbContext db,
    ComplaintService complaints,
    AttachmentStore attachments,
    IValidator<ComplaintInput> complaintValidator,
    TimeProvider clock) : Controller
{
    public const string NotFoundMessage =
        "Laporan atau pengaduan tidak ditemukan. Periksa kembali nomor dan kode pelacakan Anda.";

    public static readonly TimeSpan Promise = TimeSpan.FromHours(24);

    [HttpGet("/standar-pelayanan")]
    public async Task<IActionResult> ServiceStandard(CancellationToken ct)
    {
        var sections = await db.ServiceStandardSections.AsNoTracking().OrderBy(s => s.Order).ToListAsync(ct);
        var year = Wib.FromUtc(clock.GetUtcNow().UtcDateTime).Year;
        // One aggregate query, not every survey of the year: the page is public.
        var ikm = await Quality.YearIkm.OfAsync(db, year, ct);
        var charter = await db.ServiceCharters.AsNoTracking().SingleOrDefaultAsync(ct);
        var published = await db.SkmPeriodReviews.CountAsync(r => r.PublishedAtUtc != null, ct);
        return View(new ServiceStandardModel(sections, ikm, year, charter, published));
    }

    [HttpGet("/lacak")]
    public IActionResult Track(string? nomor, string? kode) =>
        View(new TrackModel(new TrackInput { Number = nomor, Code = kode }, false, null, null));

    [HttpPost("/lacak"), EnableRateLimiting(PublicRateLimits.Policy)]
    public async Task<IActionResult> Track(TrackInput input, CancellationToken ct)
    {
        var number = (input.Number ?? "").Trim().ToUpperInvariant();
        var code = (input.Code ?? "").Trim().ToUpperInvariant();
        if (number.Length == 0 || code.Length == 0 || number.Length > 20 || code.Length > 12)
        {
            ModelState.AddModelError("", "Isi nomor laporan/pengaduan dan kode pelacakan.");
            return View(new TrackModel(input, false, null, null));
        }

        if (number.StartsWith(Complaint.NumberPrefix + "-", StringComparison.Ordinal))
        {
            var c = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(x => x.Number == number, ct);
            if (c is not null && SameCode(c.TrackingCode, code))
            {
                return View(new TrackModel(input, true, null,
                    new TrackedComplaint(c.Number, c.Status, c.CreatedAtUtc, c.Answer, c.AnsweredAtUtc)));
            }
        }
        else
        {
            var r = await db.Reports.AsNoTracking().Include(x => x.Events).SingleOrDefaultAsync(x => x.Number == number, ct);
            if (r is not null && SameCode(r.TrackingCode, code))
            {
                var end = r.ClosedAtUtc ?? clock.GetUtcNow().UtcDateTime;
                var elapsed = end - r.ReceivedAtUtc;
                var steps = r.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                    .Select(e => new PublicStep(Workflow.ActionLabel(e.Action), (e.IsPlh ? "Plh. " : "") + Roles.Label(e.ActorRole), e.AtUtc))
                    .ToList();
                return View(new TrackModel(input, true,
                    new TrackedReport(r.Number, r.Status, r.ReceivedAtUtc, r.ClosedAtUtc, steps, elapsed, elapsed <= Promise,
                        r.Status == Core.Domain.Reports.ReportStatus.Rejected ? r.RejectionReason : null), null));
            }
        }

        // Wrong number or wrong code: the same words, nothing else.
        ModelState.AddModelError("", NotFoundMessage);
        return View(new TrackModel(input, true, null, null));
    }

    [HttpGet("/pengaduan")]
    public IActionResult ComplaintForm() =>
        View("Complaint", new ComplaintFormModel(new ComplaintInput { FormToken = NewFormToken() }));

    [HttpPost("/pengaduan"), EnableRateLimiting(PublicRateLimits.Policy)]
    public async Task<IActionResult> ComplaintForm(ComplaintInput input, CancellationToken ct)
    {
        CheckedUpload? upload = null;
        if (input.Attachment is { } file)
        {
            var (checkedUpload, error) = await attachments.CheckAnonymousAsync(file,
                HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
            if (error is not null) ModelState.AddModelError(nameof(input.Attachment), error);
            upload = checkedUpload;
        }
        if (!await complaintValidator.ValidateIntoAsync(input, ModelState))
        {
            if (string.IsNullOrEmpty(input.FormToken)) input.FormToken = NewFormToken();
            return View("Complaint", new ComplaintFormModel(input));
        }

        try
        {
            var complaint = await complaints.ReceiveAsync(new NewComplaint(input.Name, PhoneNumber.NormalizeOrNull(input.Phone),
                input.Email, input.Channel, input.Text, input.ReportNumber, input.FormToken, input.LaporNumber), upload, ct);
            TempData["ComplaintNumber"] = complaint.Number;
            TempData["ComplaintCode"] = complaint.TrackingCode;
            return RedirectToAction(nameof(ComplaintSent));
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return View("Complaint", new ComplaintFormModel(input));
        }
    }

    [HttpGet("/pengaduan/terkirim")]
    public IActionResult ComplaintSent()
    {
        if (TempData["ComplaintNumber"] is not string number || TempData["ComplaintCode"] is not string code)
            return RedirectToAction(nameof(ComplaintForm));
        return View(new ComplaintSentModel(number, code));
    }

    private static bool SameCode(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private static string NewFormToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
