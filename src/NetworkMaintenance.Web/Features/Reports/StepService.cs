using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The workflow steps after receipt, top to bottom: load the report once (tracked), check that the person may see it,
/// that their form was drawn from the current version and that the step is theirs now, validate the form against what
/// the report asks for (<see cref="Report.RequirementsFor"/>), call the report's method for the step, then save the
/// step with its hand-over notifications, audit entry and official documents in one transaction
/// (<see cref="Core.Domain.Documents.DocumentTriggers"/>) under the report's concurrency token, so that of two people
/// acting at once exactly one succeeds and a step is never recorded without its documents (or the other way round).
/// </summary>
public sealed class StepService(AppDbContext db, ReportService reports, ReportSnapshots snapshots, StaffDirectory staff,
    ReportHandOver handOver, DocumentIssuer documents, IAuthorizationService authorization,
    IValidator<StepInputForm> validator, Notifications.ReportNotifications notifications, TimeProvider clock,
    Devices.DeviceSteps devices, Documents.PendingDocuments pending, Infrastructure.SqliteWriteGate writers,
    ILogger<StepService> logger)
{
    /// <summary>The step's form (the step page), or why it cannot be taken now.</summary>
    public async Task<StepOutcome> FormAsync(ClaimsPrincipal user, WorkflowActor actor, int reportId, WorkflowAction action,
        CancellationToken ct = default)
    {
        // One connection for the page's queries (see ReportPages.KeepConnectionOpenAsync).
        await db.Database.OpenConnectionAsync(ct);
        // Untracked and possibly shared with other requests (ReportSnapshots): the form only reads it.
        var report = await snapshots.FindAsync(reportId, ct);
        if (!await MaySeeAsync(user, actor, report)) return new StepOutcome.NotFound();
        if (report!.WhyNot(action, actor) is { } why) return new StepOutcome.Conflict(why);
        await notifications.MarkReadAsync(actor.UserId, reportId, ct);
        var form = StepForms.Prefilled(report, action, clock.GetUtcNow().UtcDateTime);
        await devices.PrefillAsync(report, action, form, ct);
        return new StepOutcome.Form(await PageAsync(report, action, form, ct));
    }

    /// <summary>
    /// Takes the step with the posted form. <paramref name="inputBound"/> is false when the form's values could not
    /// even be read (model binding refused one; its reason is already on the form): the step is then refused as well.
    /// </summary>
    /// <remarks>
    /// <paramref name="offline"/> is set for a step recorded on the technician's phone and synced later
    /// (docs/offline.md): the same checks, then the time the work was done must pass <see cref="Report.WhyNotDoneAt"/>;
    /// the report's method runs at that time (so the SLA clock and the documents use it), the event records the sync
    /// time as well, and <see cref="OfflineStep.StageAsync"/> adds its rows to the same transaction.
    /// </remarks>
    public Task<StepOutcome> TakeAsync(ClaimsPrincipal user, WorkflowActor actor, int reportId, WorkflowAction action,
        StepInputForm form, bool inputBound, CancellationToken ct = default) =>
        TakeAsync(user, actor, reportId, action, form, inputBound, offline: null, ct);

    /// <summary>A step recorded on the technician's phone and synced later: see <see cref="TakeAsync(ClaimsPrincipal, WorkflowActor, int, WorkflowAction, StepInputForm, bool, OfflineStep?, CancellationToken)"/>.</summary>
    public Task<StepOutcome> TakeOfflineAsync(ClaimsPrincipal user, WorkflowActor actor, int reportId, WorkflowAction action,
        StepInputForm form, OfflineStep offline, CancellationToken ct = default) =>
        TakeAsync(user, actor, reportId, action, form, inputBound: true, offline, ct);

    private Task<StepOutcome> TakeAsync(ClaimsPrincipal user, WorkflowActor actor, int reportId, WorkflowAction action,
        StepInputForm form, bool inputBound, OfflineStep? offline, CancellationToken ct)
    {
        var attempt = 0;
        // SQL Server's retrying execution strategy runs a user transaction only as one retriable unit.
        return AgainIfADocumentWasStoredMeanwhileAsync(() => db.Database.CreateExecutionStrategy().ExecuteAsync<StepOutcome?>(async () =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear();
            var report = await reports.FindAsync(reportId, ct);
            if (!await MaySeeAsync(user, actor, report)) return new StepOutcome.NotFound();
            var why = report!.Version != form.Version ? StepOutcome.ConflictMessage : report.WhyNot(action, actor);
            if (why is not null) return new StepOutcome.Conflict(why);

            form.Requirements = report.RequirementsFor(action)!;
            // Rows picked from the register take the device's name, brand and serial number where left empty.
            await devices.CompleteRowsAsync(report, form, ct);
            var validation = await validator.ValidateAsync(form, ct);
            if (!validation.IsValid || !inputBound)
            {
                return new StepOutcome.Refused(validation.Errors.Select(e => new StepRefusal(e.PropertyName, e.ErrorMessage)).ToList(),
                    await PageAsync(ReportView.From(report), action, form, ct));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (offline is not null && report.WhyNotDoneAt(offline.DoneAtUtc, now) is { } wrongTime)
            {
                return new StepOutcome.Refused([new StepRefusal(nameof(OfflineStep.DoneAtUtc), wrongTime)]);
            }
            // A step synced from the phone happened when it was done there.
            var at = offline?.DoneAtUtc ?? now;
            ReportEvent ev;
            try
            {
                ev = await StepAsync(report, action, form, actor, at, ct);
            }
            catch (DomainException ex)
            {
                // The report's methods refuse before they change anything: the report is still as it was loaded.
                return StepOutcome.Refuse(ex.Message, await PageAsync(ReportView.From(report), action, form, ct));
            }
            if (offline is not null)
            {
                ev.RecordedLater(now);
                await offline.StageAsync(report, ev, now, ct);
            }
            return await SaveAsync(report, ev, actor, at, form.Version, async () =>
            {
                // The step changed the loaded report before saving failed: the form is drawn from the stored one.
                var stored = await snapshots.FindAsync(reportId, ct);
                return stored is null || Workflow.Find(action, stored.Status) is null ? null : await PageAsync(stored, action, form, ct);
            }, ct);
        }));
    }

    /// <summary>
    /// Applies a step given as a call of the report's method, without a form: for tools that prepare data (seeding,
    /// tests). The same save as <see cref="TakeAsync"/>.
    /// </summary>
    public Task<StepOutcome> ApplyAsync(int reportId, Guid expectedVersion, WorkflowActor actor,
        Func<Report, DateTime, ReportEvent> step, CancellationToken ct = default)
    {
        var attempt = 0;
        return AgainIfADocumentWasStoredMeanwhileAsync(() => db.Database.CreateExecutionStrategy().ExecuteAsync<StepOutcome?>(async () =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear();
            var report = await reports.FindAsync(reportId, ct);
            if (report is null) return new StepOutcome.NotFound();
            if (report.Version != expectedVersion) return new StepOutcome.Conflict(StepOutcome.ConflictMessage);
            var now = clock.GetUtcNow().UtcDateTime;
            ReportEvent ev;
            try
            {
                ev = step(report, now);
            }
            catch (DomainException ex)
            {
                return StepOutcome.Refuse(ex.Message);
            }
            return await SaveAsync(report, ev, actor, now, expectedVersion, () => Task.FromResult<StepModel?>(null), ct);
        }));
    }

    /// <summary>
    /// How many times a step is taken when its save keeps meeting the background renderer (<see cref="SaveAsync"/>):
    /// the renderer stores each document once, so the second time succeeds unless yet another step issued one meanwhile.
    /// </summary>
    private const int TimesTakenAtMost = 3;

    /// <summary>
    /// Takes the step again (reloading the report, so the person's form must still match it) while its save answers
    /// null: a document it supersedes was stored meanwhile, which is no conflict with another person.
    /// </summary>
    private static async Task<StepOutcome> AgainIfADocumentWasStoredMeanwhileAsync(Func<Task<StepOutcome?>> take)
    {
        for (var time = 1; time <= TimesTakenAtMost; time++)
        {
            if (await take() is { } outcome) return outcome;
        }
        return new StepOutcome.Conflict(StepOutcome.ConflictMessage);
    }

    private async Task<bool> MaySeeAsync(ClaimsPrincipal user, WorkflowActor actor, IReportParties? report) =>
        report is not null && (await authorization.AuthorizeAsync(user, new ReportAccess(report, actor), ReportOperations.View)).Succeeded;

    /// <summary>The report's method for the step, with the form's values.</summary>
    private async Task<ReportEvent> StepAsync(Report report, WorkflowAction action, StepInputForm form, WorkflowActor actor,
        DateTime now, CancellationToken ct) => action switch
    {
        WorkflowAction.Dispose => report.Dispose(actor, await DispositionAsync(form, ct), now),
        WorkflowAction.Verify => report.Verify(actor, await DispositionAsync(form, ct), now),
        WorkflowAction.Reject => report.Reject(actor, form.Reason ?? "", now),
        WorkflowAction.Assign => report.Assign(actor, await AssignmentAsync(form, ct), now),
        WorkflowAction.StartDiagnosis => report.StartDiagnosis(actor, form.Note, now),
        WorkflowAction.DiagnoseInDataCenter or WorkflowAction.DiagnoseOutsideDataCenter => report.RecordDiagnosis(actor,
            new DiagnosisInput(form.FaultType ?? "", form.FaultLocation ?? "", form.Findings ?? "",
                form.FilledDevices.Select(d => d.ToLine()).ToList()),
            inDataCenterNetwork: action == WorkflowAction.DiagnoseInDataCenter, now),
        WorkflowAction.InspectRepair or WorkflowAction.InspectReplace => report.RecordInspection(actor,
            new InspectionInput(Wib.ToUtc(form.VisitedAt ?? Wib.FromUtc(now)), form.Findings ?? "", form.ReporterPresent,
                form.VisitEndedAt is { } visitEnded ? Wib.ToUtc(visitEnded) : null, form.FilledDevices.Select(d => d.ToLine()).ToList()),
            replacementNeeded: action == WorkflowAction.InspectReplace, now),
        WorkflowAction.SubmitReplacementRequest => report.SubmitReplacementRequest(actor,
            new ReplacementRequestInput(form.FilledDevices.Select(d => d.ToLine()).ToList(), form.Note), now),
        WorkflowAction.CompleteWork => report.CompleteWork(actor, new WorkReportInput(form.ActionsTaken ?? "", form.RootCause,
            form.FilledDevices.Select(d => d.ToLine()).ToList(),
            form.FilledReplacedDevices.Select(d => d.ToLine()).ToList(),
            form.WorkStartedAt is { } started ? Wib.ToUtc(started) : null,
            form.WorkFinishedAt is { } finished ? Wib.ToUtc(finished) : null), now),
        WorkflowAction.Acknowledge => report.Acknowledge(actor, form.Note, now),
        WorkflowAction.AcknowledgeOnSite => report.AcknowledgeOnSite(actor,
            new OnSiteSignature(form.SignerName ?? "", DecodeSignature(form.SignatureDataUrl)), now),
        WorkflowAction.Dispute => report.Dispute(actor, form.Reason ?? "", now),
        WorkflowAction.Approve => report.Approve(actor, form.Note, now),
        WorkflowAction.Return => report.Return(actor, form.Reason ?? "", now),
        WorkflowAction.CloseResolvedByItself => report.CloseResolvedByItself(actor, form.Note, now),
        _ => throw new DomainException("Langkah ini tidak dikenal."),
    };

    /// <summary>
    /// The one save of a step: hand-over notifications, official documents and the audit entry with the report, in
    /// one transaction. <paramref name="pageAfterFailure"/> draws the form again when the documents cannot be issued.
    /// Null when nothing was saved because a document the step supersedes was stored meanwhile: take the step again
    /// (<see cref="AgainIfADocumentWasStoredMeanwhileAsync"/>).
    /// </summary>
    private async Task<StepOutcome?> SaveAsync(Report report, ReportEvent ev, WorkflowActor actor, DateTime now,
        Guid expectedVersion, Func<Task<StepModel?>> pageAfterFailure, CancellationToken ct)
    {
        await handOver.NotifyNextActorsAsync(report, actor, now, ct);
        IReadOnlyList<IssuedDocument> issued;
        using (await writers.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                await devices.ApplyAsync(report, ev, actor.FullName, now, ct);
                issued = await documents.IssueForStepAsync(report, ev, actor.UserId, now, ct);
                handOver.AuditStep(report, ev, issued);
                await handOver.AnnounceStepAsync(report, ev, now, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DomainException ex)
            {
                // Documents cannot be issued (incomplete kop surat): the step is not recorded either.
                logger.LogWarning("Step {Action} on report {Number} refused: {Reason}", ev.Action, report.Number, ex.Message);
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return StepOutcome.Refuse(ex.Message, await pageAfterFailure());
            }
            catch (DbUpdateConcurrencyException ex) when (ex.Entries.All(e => e.Entity is IssuedDocument))
            {
                // Not the report: the background renderer stored the PDF of a document this step supersedes (the file's
                // hash is the document's concurrency token) after the step had read it. Where writers run side by side
                // (PostgreSQL, SQL Server; on SQLite the write gate lets one in at a time) that happens right after a
                // step that issued documents; no person acted, so the step is taken again (null).
                logger.LogInformation("Step {Action} on report {Number} met the document renderer; taking it again", ev.Action, report.Number);
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return null;
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Concurrent step on report {Number} refused", report.Number);
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new StepOutcome.Conflict(StepOutcome.ConflictMessage);
            }
            catch (DbUpdateException ex)
            {
                // The same step posted twice at once (a double click): when the first one committed, the second
                // can fail on a unique row it adds (the technician's assignment) before its report update meets
                // the concurrency token. If the report moved on, that is the same conflict, not an error.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var current = await db.Reports.AsNoTracking().Where(r => r.Id == report.Id).Select(r => r.Version).SingleOrDefaultAsync(ct);
                if (current == expectedVersion) throw;
                logger.LogInformation(ex, "Concurrent step on report {Number} refused", report.Number);
                return new StepOutcome.Conflict(StepOutcome.ConflictMessage);
            }
        }

        logger.LogInformation("Report {Number}: {Action} {From} -> {To} by {UserId}", report.Number, ev.Action,
            ev.FromStatus, ev.ToStatus, actor.UserId);
        // After the commit: the background renderer makes the PDFs of the documents the step issued.
        if (issued.Count > 0) pending.Wake();
        var message = $"{Workflow.ActionLabel(ev.Action)}. Status laporan {report.Number} sekarang: {Labels.Of(report.Status)}.";
        if (issued.Count > 0)
        {
            message += " Dokumen diterbitkan: " + string.Join("; ", issued.Select(d => $"{DocumentTypes.Label(d.Type)} Nomor {d.Number}")) + ".";
        }
        return new StepOutcome.Done(message);
    }

    /// <summary>The step page: the report, the step's row of the table, the form and the people to choose from.</summary>
    private async Task<StepModel> PageAsync(ReportView report, WorkflowAction action, StepInputForm form, CancellationToken ct)
    {
        var transition = Workflow.Find(action, report.Status)!;
        form.Requirements = report.RequirementsFor(action)!;
        IReadOnlyList<(string Id, string Name, string? Position)> people = [];
        if (transition.Inputs.HasFlag(StepInput.Kabid)) people = await staff.UsersInRoleAsync(Roles.KepalaBidang, ct);
        else if (transition.Inputs.HasFlag(StepInput.Kasi)) people = await staff.UsersInRoleAsync(Roles.KepalaSeksi, ct);
        else if (transition.Inputs.HasFlag(StepInput.Technicians)) people = await staff.UsersInRoleAsync(Roles.Teknisi, ct);
        return new StepModel(report, transition, form, people);
    }

    private async Task<Disposition> DispositionAsync(StepInputForm form, CancellationToken ct)
    {
        var to = await staff.PersonAsync(form.TargetUserId, ct) ?? throw new DomainException("Pejabat tujuan disposisi tidak ditemukan.");
        var instructions = form.Instructions.Aggregate(StandardInstruction.None, (all, i) => all | i);
        DateTime? due = form.DueAt is { } wib ? Wib.ToUtc(wib) : null;
        return new Disposition(to, instructions, form.Note, due);
    }

    private async Task<TechnicianAssignment> AssignmentAsync(StepInputForm form, CancellationToken ct)
    {
        var people = new List<PersonRef>();
        foreach (var id in form.TechnicianIds.Distinct())
        {
            people.Add(await staff.PersonAsync(id, ct) ?? throw new DomainException("Staf yang dipilih tidak ditemukan."));
        }
        var instructions = form.Instructions.Aggregate(StandardInstruction.None, (all, i) => all | i);
        // A single technician is the lead.
        var lead = string.IsNullOrEmpty(form.LeadUserId) && people.Count == 1 ? people[0].UserId : form.LeadUserId ?? "";
        return new TechnicianAssignment(people, lead, instructions, form.Note);
    }

    private static byte[] DecodeSignature(string? dataUrl)
    {
        try
        {
            var bytes = Convert.FromBase64String((dataUrl ?? "")[StepInputFormValidator.SignaturePrefix.Length..]);
            // A PNG starts with its 8-byte signature; anything else is refused.
            ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
            if (bytes.Length < png.Length || !bytes.AsSpan(0, png.Length).SequenceEqual(png))
                throw new DomainException("Tanda tangan harus berupa gambar PNG.");
            // Checked before anything decodes it: a small PNG may declare millions of pixels.
            return UntrustedImage.Check(bytes) switch
            {
                ImageCheck.Ok => bytes,
                ImageCheck.TooLarge => throw new DomainException(
                    $"Gambar tanda tangan terlalu besar (paling besar {UntrustedImage.MaxSide} × {UntrustedImage.MaxSide} piksel). Minta pelapor menandatangani lagi."),
                _ => throw new DomainException("Tanda tangan tidak terbaca. Minta pelapor menandatangani lagi."),
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            throw new DomainException("Tanda tangan tidak terbaca. Minta pelapor menandatangani lagi.");
        }
    }
}
