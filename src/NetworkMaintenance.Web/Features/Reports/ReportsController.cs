using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The report list, the inbox, the new-report form, the report page and its receipt. The steps are
/// <see cref="ReportStepsController"/>'s, the documents <see cref="ReportDocumentsController"/>'s, the exports
/// <see cref="ReportExportsController"/>'s.
/// </summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class ReportsController(AppDbContext db, ReportService reports, ReportPages pages, ActorFactory actors,
    IValidator<NewReportInput> newReportValidator, Attachments.AttachmentStore attachments, TimeProvider clock) : Controller
{
    /// <summary>The controller's name for route helpers (<c>RedirectToAction</c>, <c>asp-controller</c>).</summary>
    public const string Name = "Reports";

    private const int PageSize = 25;

    [HttpGet("/laporan")]
    public async Task<IActionResult> Index([FromQuery] ReportFilter filter, [FromServices] SlaClock sla,
        [FromServices] ReferenceLists lists, [FromServices] IAuthorizationService authorization, [FromServices] ReportTextSearch search,
        CancellationToken ct = default)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        await pages.KeepConnectionOpenAsync(ct);
        var list = await ReportListPage.ReadAsync(db.Reports.AsNoTracking().VisibleTo(actor), ReportQueries.SeesAll(actor), filter, sla, search, PageSize, ct);
        filter.Page = list.Page;
        var staff = (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded;
        // Filter options are reference data, read from the cache (ReferenceLists).
        var opds = staff ? await lists.OpdOptionsAsync(ct) : [];
        var technicians = staff ? (await lists.UsersInRoleAsync(Roles.Teknisi, ct)).Select(t => new OptionItem(t.Id, t.Name)).ToList() : [];
        return View(new ReportListModel("Daftar laporan", list.Rows, list.Total, list.Page, PageSize, filter.Status)
        {
            HasNext = list.HasNext,
            Filter = filter, Opds = opds, Technicians = technicians, ShowFilters = staff,
        });
    }

    [HttpGet("/tugas")]
    public async Task<IActionResult> Inbox(CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        var rows = await db.Reports.AsNoTracking().AwaitingActionBy(actor)
            .OrderBy(r => r.ReceivedAtUtc).Select(ReportListRow.Projection).ToListAsync(ct);
        return View(nameof(Index), new ReportListModel("Menunggu tindakan saya", rows, ReportCount.Exactly(rows.Count), 1, Math.Max(rows.Count, 1), null, IsInbox: true));
    }

    [HttpGet("/laporan/baru"), Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> New([FromQuery] int? perangkat, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == User.UserId(), ct);
        var formToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var input = User.IsReporter()
            ? new NewReportInput
            {
                FormToken = formToken, OpdId = user.OpdId, ReporterName = user.FullName, ReporterNip = Nip.Format(user.Nip),
                ReporterPosition = user.Position, ReporterPhone = user.PhoneNumber, ReporterEmail = user.Email,
                DeviceId = perangkat,
            }
            : new NewReportInput { Channel = ReportChannel.Phone, ReceivedAt = Wib.FromUtc(clock.GetUtcNow().UtcDateTime), OnBehalf = true, FormToken = formToken };
        return View(await NewReportModelAsync(input, ct));
    }

    [HttpPost("/laporan/baru"), Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> New(NewReportInput input, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        input.OnBehalf = !User.IsReporter();
        if (!input.OnBehalf)
        {
            // OPD staff always report for their own OPD, through the web channel, now.
            (input.OpdId, input.Channel, input.ReceivedAt) = (actor.OpdId, ReportChannel.Web, null);
        }
        if (input.OpdId is int opdId && !await db.Opds.AnyAsync(o => o.Id == opdId && o.IsActive, ct))
        {
            ModelState.AddModelError(nameof(input.OpdId), "OPD yang dipilih tidak ditemukan atau tidak aktif.");
        }
        Attachments.CheckedUpload? upload = null;
        if (input.Attachment is { } file)
        {
            (upload, var error) = await attachments.CheckAsync(file, ct);
            if (error is not null) ModelState.AddModelError(nameof(input.Attachment), error);
        }
        if (!await newReportValidator.ValidateIntoAsync(input, ModelState)) return View(await NewReportModelAsync(input, ct));

        // The same form posted again (double click, "Tetap kirim" twice): the report it filed, not a second one.
        if (await reports.FiledWithFormAsync(input.FormToken, ct) is { } filed)
        {
            TempData.Success($"Laporan ini sudah terkirim dengan nomor {filed.Number}; tidak dikirim dua kali.");
            return RedirectToAction(nameof(Details), new { id = filed.Id });
        }
        if (!input.ConfirmDuplicate && await reports.PossibleDuplicatesAsync(input.OpdId!.Value, input.Category!.Value, ct) is { Count: > 0 } duplicates)
        {
            ModelState.AddModelError(nameof(input.ConfirmDuplicate),
                "OPD ini sudah memiliki laporan yang belum selesai dengan kategori yang sama. Periksa daftar di bawah; centang \"Tetap kirim\" bila ini gangguan yang berbeda.");
            return View((await NewReportModelAsync(input, ct)) with { PossibleDuplicates = duplicates });
        }

        try
        {
            var report = await reports.ReceiveAsync(input.ToNewReport(actor.UserId, clock.GetUtcNow().UtcDateTime), actor,
                alsoRecord: upload is null ? null : async r => await attachments.SaveAsync(upload, r.Id, null, actor.UserId, ct),
                formToken: string.IsNullOrEmpty(input.FormToken) ? null : input.FormToken, ct: ct);
            TempData.Success($"Laporan diterima dengan nomor {report.Number}. Kode pelacakan: {report.TrackingCode}.");
            return RedirectToAction(nameof(Details), new { id = report.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return View(await NewReportModelAsync(input, ct));
        }
    }

    [HttpGet("/laporan/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        return await pages.DetailsAsync(User, actor, id, BaseUrl, ct) is { } model ? View(model) : NotFound();
    }

    /// <summary>The print-friendly receipt (tanda terima) of a report.</summary>
    [HttpGet("/laporan/{id:int}/tanda-terima")]
    public async Task<IActionResult> Receipt(int id, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        return await pages.ReceiptAsync(User, actor, id, BaseUrl, ct) is { } model ? View(model) : NotFound();
    }

    private string BaseUrl => $"{Request.Scheme}://{Request.Host}";

    private async Task<NewReportModel> NewReportModelAsync(NewReportInput input, CancellationToken ct)
    {
        input.OnBehalf = !User.IsReporter();
        var opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new OptionItem(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name)).ToListAsync(ct);
        return new NewReportModel(input, opds);
    }
}
