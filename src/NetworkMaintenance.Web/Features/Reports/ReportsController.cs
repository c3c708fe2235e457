using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

[Authorize(Policy = Policies.ReportUser)]
public sealed class ReportsController(
    AppDbContext db,
    ReportService reports,
    ReportSnapshots snapshots,
    StepService stepService,
    DocumentService documents,
    ActorFactory actors,
    IAuthorizationService authorization,
    IValidator<NewReportInput> newReportValidator,
    IValidator<StepInputForm> stepValidator,
    Attachments.AttachmentStore attachments,
    Audit.IAuditLog audit,
    Notifications.ReportNotifications notifications,
    TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet("/laporan")]
    public async Task<IActionResult> Index([FromQuery] ReportFilter filter, [FromServices] Core.Domain.Sla.SlaClock sla,
        [FromServices] ReferenceLists lists, CancellationToken ct = default)
    {
        var actor = await CurrentActorAsync(ct);
        if (actor is null) return Forbid();
        await KeepConnectionOpenAsync(ct);
        var query = filter.Apply(db.Reports.AsNoTracking().VisibleTo(actor), sla);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        filter.Page = page;
        var rows = await query.Skip((page - 1) * PageSize).Take(PageSize).Select(ReportListRow.Projection).ToListAsync(ct);
        var staff = (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded;
        // Filter options are reference data, read from the cache (ReferenceLists).
        var opds = staff ? await lists.OpdOptionsAsync(ct) : [];
        var technicians = staff ? (await lists.UsersInRoleAsync(Roles.Teknisi, ct)).Select(t => new OptionItem(t.Id, t.Name)).ToList() : [];
        return View(new ReportListModel("Daftar laporan", rows, total, page, PageSize, filter.Status)
        {
            Filter = filter, Opds = opds, Technicians = technicians, ShowFilters = staff,
        });
    }

    /// <summary>The filtered list as CSV, for Diskominfo's people.</summary>
    [HttpGet("/laporan/ekspor.csv"), Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> ExportCsv([FromQuery] ReportFilter filter, [FromServices] Core.Domain.Sla.SlaClock sla,
        CancellationToken ct = default)
    {
        var actor = await CurrentActorAsync(ct);
        if (actor is null) return Forbid();
        var rows = await filter.Apply(db.Reports.AsNoTracking().VisibleTo(actor), sla).Take(ReportExport.MaxRows)
            .Select(ReportListRow.Projection).ToListAsync(ct);
        Response.Headers[ReportExport.RowsHeader] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.ExportDownloaded, $"Daftar laporan diekspor ke CSV ({rows.Count} baris).", Audit.AuditObject.Named("ReportList"), new { format = "csv", rows = rows.Count, filter = filter.QueryString() }, ct: ct);
        return File(ReportExport.Csv(ReportExport.Rows(rows, sla)), "text/csv; charset=utf-8",
            ReportExport.FileName(clock.GetUtcNow().UtcDateTime, "csv"));
    }

    /// <summary>The filtered list as an Excel workbook, for Diskominfo's people.</summary>
    [HttpGet("/laporan/ekspor.xlsx"), Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> ExportXlsx([FromQuery] ReportFilter filter, [FromServices] Core.Domain.Sla.SlaClock sla,
        CancellationToken ct = default)
    {
        var actor = await CurrentActorAsync(ct);
        if (actor is null) return Forbid();
        var rows = await filter.Apply(db.Reports.AsNoTracking().VisibleTo(actor), sla).Take(ReportExport.MaxRows)
            .Select(ReportListRow.Projection).ToListAsync(ct);
        Response.Headers[ReportExport.RowsHeader] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.ExportDownloaded, $"Daftar laporan diekspor ke Excel ({rows.Count} baris).", Audit.AuditObject.Named("ReportList"), new { format = "xlsx", rows = rows.Count, filter = filter.QueryString() }, ct: ct);
        return File(ReportExport.Xlsx(ReportExport.Rows(rows, sla)), ReportExport.XlsxContentType,
            ReportExport.FileName(clock.GetUtcNow().UtcDateTime, "xlsx"));
    }

    [HttpGet("/tugas")]
    public async Task<IActionResult> Inbox(CancellationToken ct)
    {
        var actor = await CurrentActorAsync(ct);
        if (actor is null) return Forbid();
        var rows = await db.Reports.AsNoTracking().AwaitingActionBy(actor)
            .OrderBy(r => r.ReceivedAtUtc).Select(ReportListRow.Projection).ToListAsync(ct);
        return View("Index", new ReportListModel("Menunggu tindakan saya", rows, rows.Count, 1, Math.Max(rows.Count, 1), null, IsInbox: true));
    }

    [HttpGet("/laporan/baru"), Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == User.UserId(), ct);
        var onBehalf = !User.IsReporter();
        var formToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var input = onBehalf
            ? new NewReportInput { Channel = ReportChannel.Phone, ReceivedAt = Wib.FromUtc(clock.GetUtcNow().UtcDateTime), OnBehalf = true, FormToken = formToken }
            : new NewReportInput
            {
                FormToken = formToken,
                OpdId = user.OpdId,
                ReporterName = user.FullName,
                ReporterNip = Nip.Format(user.Nip),
                ReporterPosition = user.Position,
                ReporterPhone = user.PhoneNumber,
                ReporterEmail = user.Email,
            };
        return View(await NewReportModelAsync(input, ct));
    }

    [HttpPost("/laporan/baru"), Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> New(NewReportInput input, CancellationToken ct)
    {
        var actor = await CurrentActorAsync(ct);
        if (actor is null) return Forbid();
        input.OnBehalf = !User.IsReporter();
        if (!input.OnBehalf)
        {
            // OPD staff always report for their own OPD, through the web channel, now.
            input.OpdId = actor.OpdId;
            input.Channel = ReportChannel.Web;
            input.ReceivedAt = null;
        }

        if (input.OpdId is int opdId && !await db.Opds.AnyAsync(o => o.Id == opdId && o.IsActive, ct))
        {
            ModelState.AddModelError(nameof(input.OpdId), "OPD yang dipilih tidak ditemukan atau tidak aktif.");
        }
        Attachments.CheckedUpload? upload = null;
        if (input.Attachment is { } file)
        {
            var (checkedUpload, error) = await attachments.CheckAsync(file, ct);
            if (error is not null) ModelState.AddModelError(nameof(input.Attachment), error);
            upload = checkedUpload;
        }
        if (!await newReportValidator.ValidateIntoAsync(input, ModelState)) return View(await NewReportModelAsync(input, ct));

        // The same form posted again (double click, "Tetap kirim" twice): the report it filed, not a second one.
        if (await reports.FiledWithFormAsync(input.FormToken, ct) is { } filed) return FiledAlready(filed);

        if (!input.ConfirmDuplicate)
        {
            var duplicates = await reports.PossibleDuplicatesAsync(input.OpdId!.Value, input.Category!.Value, ct);
            if (duplicates.Count > 0)
            {
                ModelState.AddModelError(nameof(input.ConfirmDuplicate),
                    "OPD ini sudah memiliki laporan yang belum selesai dengan kategori yang sama. Periksa daftar di bawah; centang \"Tetap kirim\" bila ini gangguan yang berbeda.");
                return View((await NewReportModelAsync(input, ct)) with { PossibleDuplicates = duplicates });
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        GuestVisit? guest = input.Channel == ReportChannel.WalkIn
            ? new GuestVisit(input.GuestName!, input.GuestIdentityType!.Value, input.GuestIdentityNumber!, input.GuestInstitution,
                input.GuestPurpose!, Wib.ToUtc(input.GuestTimeIn!.Value), input.GuestTimeOut is { } tOut ? Wib.ToUtc(tOut) : null)
            : null;
        var receivedAtUtc = input.ReceivedAt is { } wib ? Wib.ToUtc(wib) : now;
        try
        {
            var report = await reports.ReceiveAsync(new NewReport(
                input.OpdId!.Value,
                input.OnBehalf ? null : actor.UserId,
                input.ReporterName,
                Nip.Normalize(input.ReporterNip),
                input.ReporterPosition,
                PhoneNumber.NormalizeOrNull(input.ReporterPhone),
                input.ReporterEmail,
                input.Channel,
                receivedAtUtc,
                input.Location,
                input.Category!.Value,
                input.Description,
                input.Channel == ReportChannel.Letter ? input.LetterNumber : null,
                input.Channel == ReportChannel.Letter ? input.LetterDate : null,
                guest), actor,
                alsoRecord: upload is null ? null : async r => await attachments.SaveAsync(upload, r.Id, null, actor.UserId, ct),
                formToken: string.IsNullOrEmpty(input.FormToken) ? null : input.FormToken, ct: ct);
            TempData.Success($"Laporan diterima dengan nomor {report.Number}. Kode pelacakan: {report.TrackingCode}.");
            return Redirect($"/laporan/{report.Id}");
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return View(await NewReportModelAsync(input, ct));
        }
    }

    private RedirectResult FiledAlready((int Id, string Number) filed)
    {
        TempData.Success($"Laporan ini sudah terkirim dengan nomor {filed.Number}; tidak dikirim dua kali.");
        return Redirect($"/laporan/{filed.Id}");
    }

    [HttpGet("/laporan/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var (report, actor, denied) = await LoadVisibleAsync(id, ct);
        if (denied is not null) return denied;
        await notifications.MarkReadAsync(actor!.UserId, id, ct);
        var available = Workflow.Available(report!, report!.Status, actor!);
        var files = await ReportQueries.AttachmentsOf(db, id).ToListAsync(ct);
        var trackingUrl = TrackingUrl(report);
        // At a step the reporter must hear about, the prepared message of that step ("Kabari pelapor via WhatsApp": the
        // technician who just completed the work, the front desk); otherwise the tracking details.
        var share = Notifications.ReporterWhatsApp.IsReporterStep(report.Status)
            ? Notifications.ReporterWhatsApp.Link(report.Status, new Notifications.ReporterContact(report.Id, report.Number,
                report.TrackingCode, report.ReporterName, report.ReporterPhone, report.RejectionReason), $"{Request.Scheme}://{Request.Host}")
            : PhoneNumber.WhatsAppLink(report.ReporterPhone,
                $"Laporan gangguan jaringan Diskominfo Kota Tebing Tinggi nomor {report.Number}, kode pelacakan {report.TrackingCode}. Lacak: {trackingUrl}");
        var surveyDone = await ReportQueries.SurveyDone(db, id, ct);
        var invited = report.Status == ReportStatus.Closed && actor!.Roles.Contains(Roles.Pelapor) && actor.OpdId == report.OpdId;
        return View(new ReportDetailsModel(report, available, NextActorText(report), await documents.ListForReportAsync(id, ct),
            files, trackingUrl, share, invited, surveyDone, report.MayKeepClock(actor!)));
    }

    /// <summary>
    /// An issued document of the report, exactly as stored (same bytes on every download); <c>?basah=1</c> prints the
    /// same snapshot with blank signing spaces for signing by hand (not stored, same number). Only for people who may
    /// see the report; anyone else gets 404.
    /// </summary>
    [HttpGet("/laporan/{id:int}/dokumen/{documentId:int}")]
    public async Task<IActionResult> Document(int id, int documentId, [FromQuery] int? basah, CancellationToken ct)
    {
        // Only what the access rule reads is loaded (not the timeline, devices and pauses of the report page).
        var actor = await CurrentActorAsync(ct);
        if (actor is null) return Forbid();
        var report = await reports.FindForAccessAsync(id, ct);
        if (report is null || !(await authorization.AuthorizeAsync(User, new ReportAccess(report, actor), ReportOperations.View)).Succeeded)
        {
            return NotFound();
        }
        var document = await documents.FindAsync(id, documentId, ct);
        if (document is null) return NotFound();
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.DocumentDownloaded, $"Dokumen {document.Number} (laporan {report!.Number}) diunduh{(basah == 1 ? " untuk tanda tangan basah" : "")}.", Audit.AuditObject.Document(document.Id, document.Number), new { report = report.Number, type = document.Type.ToString(), wetSignature = basah == 1 }, ct: ct);

        var wet = basah == 1;
        var bytes = wet ? DocumentService.RenderWetSignature(document) : document.Pdf;
        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, "application/pdf", document.FileName(wet));
    }

    /// <summary>The print-friendly receipt (tanda terima) of a report.</summary>
    [HttpGet("/laporan/{id:int}/tanda-terima")]
    public async Task<IActionResult> Receipt(int id, CancellationToken ct)
    {
        var (report, _, denied) = await LoadVisibleAsync(id, ct);
        if (denied is not null) return denied;
        return View(new ReceiptModel(report!, TrackingUrl(report!)));
    }

    private string TrackingUrl(Report report) =>
        Notifications.ReporterWhatsApp.TrackingUrl($"{Request.Scheme}://{Request.Host}", report.Number, report.TrackingCode);

    [HttpGet("/laporan/{id:int}/langkah/{step}")]
    public async Task<IActionResult> Step(int id, string step, CancellationToken ct)
    {
        var (report, actor, denied) = await LoadVisibleAsync(id, ct);
        if (denied is not null) return denied;
        if (!Enum.TryParse<WorkflowAction>(step, ignoreCase: true, out var workflowAction) || workflowAction == WorkflowAction.Submit) return NotFound();

        var why = report!.WhyNot(workflowAction, actor!);
        if (why is not null)
        {
            TempData.Error(why);
            return Redirect($"/laporan/{id}");
        }
        await notifications.MarkReadAsync(actor!.UserId, id, ct);

        var form = new StepInputForm { Version = report.Version };
        if (workflowAction == WorkflowAction.SubmitReplacementRequest || workflowAction == WorkflowAction.CompleteWork)
        {
            form.Devices = Enumerable.Range(0, 3).Select(_ => new DeviceRow()).ToList();
            form.ReplacedDevices = report.CurrentDevices(DevicePurpose.ReplacementRequest)
                .Select(d => new DeviceRow { Name = d.Name, BrandType = d.BrandType, SerialNumber = d.SerialNumber, Condition = d.Condition, Notes = d.Notes })
                .DefaultIfEmpty(new DeviceRow()).ToList();
        }
        if (workflowAction == WorkflowAction.CompleteWork)
        {
            // The actual times of the work, prefilled with the step times; the technician corrects them.
            var started = report.Events.Where(e => e.Action == WorkflowAction.StartDiagnosis).Select(e => (DateTime?)e.AtUtc).LastOrDefault();
            form.WorkStartedAt = Wib.FromUtc(started ?? report.ReceivedAtUtc);
            form.WorkFinishedAt = Wib.FromUtc(clock.GetUtcNow().UtcDateTime);
        }
        if (workflowAction == WorkflowAction.CompleteWork && report.ActionsTaken is not null)
        {
            // A revision (returned by the Kasi) or a dispute: the technician corrects the last work report, not retypes it.
            form.ActionsTaken = report.ActionsTaken;
            form.RootCause = report.RootCause;
            form.Devices = report.CurrentDevices(DevicePurpose.Repaired).Select(ToRow).Append(new DeviceRow()).ToList();
            var replaced = report.CurrentDevices(DevicePurpose.Replaced).Select(ToRow).ToList();
            if (replaced.Count > 0) form.ReplacedDevices = replaced;
            // A paperwork revision keeps the stated times of the work; after a dispute the work is done again.
            if (report.Status == ReportStatus.Revision && report.WorkStartedAtUtc is { } lastStart && report.WorkFinishedAtUtc is { } lastFinish)
            {
                form.WorkStartedAt = Wib.FromUtc(lastStart);
                form.WorkFinishedAt = Wib.FromUtc(lastFinish);
            }
        }
        if (workflowAction is WorkflowAction.InspectRepair or WorkflowAction.InspectReplace)
        {
            // The actual times of the visit, prefilled with the step times (diagnosis recorded, now); the technician corrects them.
            form.VisitedAt = Wib.FromUtc(report.DiagnosedAtUtc ?? clock.GetUtcNow().UtcDateTime);
            form.VisitEndedAt = Wib.FromUtc(clock.GetUtcNow().UtcDateTime);
            form.ReporterPresent = true;
        }
        if (workflowAction == WorkflowAction.AcknowledgeOnSite) form.SignerName = report.ReporterName;
        return View(await StepModelAsync(report, workflowAction, form, ct));
    }

    private static DeviceRow ToRow(ReportDevice d) => new()
    {
        Name = d.Name, BrandType = d.BrandType, SerialNumber = d.SerialNumber, Condition = d.Condition, Notes = d.Notes,
        NewBrandType = d.NewBrandType, NewSerialNumber = d.NewSerialNumber,
    };

    [HttpPost("/laporan/{id:int}/langkah/{step}")]
    public async Task<IActionResult> Step(int id, string step, StepInputForm form, CancellationToken ct)
    {
        var (report, actor, denied) = await LoadVisibleAsync(id, ct);
        if (denied is not null) return denied;
        if (!Enum.TryParse<WorkflowAction>(step, ignoreCase: true, out var workflowAction) || workflowAction == WorkflowAction.Submit) return NotFound();

        var transition = Workflow.Find(workflowAction, report!.Status);
        var why = report.Version != form.Version ? ReportService.ConflictMessage : report.WhyNot(workflowAction, actor!);
        if (why is not null || transition is null)
        {
            TempData.Error(why ?? "Langkah ini tidak tersedia.");
            return Redirect($"/laporan/{id}");
        }

        form.Inputs = transition.Inputs;
        form.ReplacementExpected = report.ReplacementNeeded == true && workflowAction == WorkflowAction.CompleteWork;
        if (!await stepValidator.ValidateIntoAsync(form, ModelState))
        {
            return View(await StepModelAsync(report, workflowAction, form, ct));
        }

        var result = await stepService.ApplyAsync(report.Id, workflowAction, form, actor!, ct);
        if (!result.Succeeded)
        {
            if (result.Message == ReportService.ConflictMessage)
            {
                TempData.Error(result.Message);
                return Redirect($"/laporan/{id}");
            }
            ModelState.AddModelError("", result.Message);
            return View(await StepModelAsync(report, workflowAction, form, ct));
        }

        TempData.Success(result.Message);
        return Redirect($"/laporan/{id}");
    }

    private async Task<(Report? Report, WorkflowActor? Actor, IActionResult? Denied)> LoadVisibleAsync(int id, CancellationToken ct)
    {
        var actor = await CurrentActorAsync(ct);
        if (actor is null) return (null, null, Forbid());
        await KeepConnectionOpenAsync(ct);
        // Untracked and possibly shared with other requests (ReportSnapshots): these pages only read the report;
        // a step reloads it tracked (ReportService.ApplyAsync).
        var report = await snapshots.FindAsync(id, ct);
        // Someone who may not see a report learns nothing about it, not even that it exists.
        if (report is null || !(await authorization.AuthorizeAsync(User, new ReportAccess(report, actor), ReportOperations.View)).Succeeded)
        {
            return (null, null, NotFound());
        }
        return (report, actor, null);
    }

    private Task<WorkflowActor?> CurrentActorAsync(CancellationToken ct) => actors.ForUserAsync(User.UserId(), ct);

    /// <summary>
    /// One connection for the rest of the request (released when the request's context is disposed): EF otherwise
    /// takes a connection from the pool and returns it around each of a page's queries, and under load the pool's
    /// lock was a measurable share of a report page.
    /// </summary>
    private Task KeepConnectionOpenAsync(CancellationToken ct) => db.Database.OpenConnectionAsync(ct);

    private async Task<NewReportModel> NewReportModelAsync(NewReportInput input, CancellationToken ct)
    {
        input.OnBehalf = !User.IsReporter();
        var opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new OptionItem(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name)).ToListAsync(ct);
        return new NewReportModel(input, opds);
    }

    private async Task<StepModel> StepModelAsync(Report report, WorkflowAction action, StepInputForm form, CancellationToken ct)
    {
        var transition = Workflow.Find(action, report.Status)!;
        form.Inputs = transition.Inputs;
        IReadOnlyList<(string Id, string Name, string? Position)> people = [];
        if (transition.Inputs.HasFlag(StepInput.Kabid)) people = await reports.UsersInRoleAsync(Roles.KepalaBidang, ct);
        else if (transition.Inputs.HasFlag(StepInput.Kasi)) people = await reports.UsersInRoleAsync(Roles.KepalaSeksi, ct);
        else if (transition.Inputs.HasFlag(StepInput.Technicians)) people = await reports.UsersInRoleAsync(Roles.Teknisi, ct);
        return new StepModel(report, transition, form, people);
    }

    private static string NextActorText(Report report)
    {
        if (report.IsFinal) return "—";
        var rules = Workflow.From(report.Status).Select(t => t.Actor).Distinct().ToList();
        return string.Join(" / ", rules.Select(r => r switch
        {
            ActorRule.DisposedKabid => $"Kepala Bidang: {report.KabidName}",
            ActorRule.DisposedKasi => $"Kepala Seksi: {report.KasiName}",
            ActorRule.AssignedTechnician => "Staf Data Center: " + string.Join(", ", report.Technicians.Select(t => t.FullName)),
            ActorRule.Reporter or ActorRule.ReporterOrFrontDesk => $"Pelapor: {report.ReporterName} ({report.Opd?.DisplayName})",
            _ => Workflow.ActorLabel(r),
        }).Distinct());
    }
}
