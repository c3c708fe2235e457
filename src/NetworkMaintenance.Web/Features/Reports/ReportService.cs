using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>The outcome of a workflow step as the person who acted should see it.</summary>
public sealed record StepResult(bool Succeeded, string Message)
{
    public static StepResult Ok(string message) => new(true, message);
    public static StepResult Refused(string message) => new(false, message);
}

/// <summary>
/// Receives reports and carries out workflow steps: loads the report, lets the domain apply the step, records
/// the hand-over notifications, issues the official documents the step calls for, and saves all of it in one
/// transaction with the report's concurrency token, so that of two people acting at once exactly one succeeds and a
/// step is never recorded without its documents (or the other way round).
/// </summary>
public sealed class ReportService(AppDbContext db, DocumentIssuer documents, TimeProvider clock, Mail.MailOutbox mail,
    Audit.IAuditLog audit, ILogger<ReportService> logger)
{
    public const string ConflictMessage =
        "Laporan ini baru saja diproses oleh orang lain (atau formulir terkirim dua kali). Langkah Anda tidak disimpan; periksa status terbaru di bawah ini.";

    /// <summary>Letters and digits of tracking codes, without the look-alikes I, O, 0 and 1.</summary>
    public const string TrackingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int TrackingCodeLength = 8;

    public Task<Report> ReceiveAsync(NewReport input, WorkflowActor recordedBy, CancellationToken ct = default) =>
        ReceiveAsync(input, recordedBy, alsoRecord: null, ct);

    /// <summary>
    /// Receives a report: number, receipt, notifications and whatever <paramref name="alsoRecord"/> adds (the uploaded
    /// attachment) are committed together, so a failure never leaves a numbered report without its attachment.
    /// </summary>
    public Task<Report> ReceiveAsync(NewReport input, WorkflowActor recordedBy, Func<Report, Task>? alsoRecord,
        CancellationToken ct = default) => ReceiveAsync(input, recordedBy, alsoRecord, formToken: null, ct);

    /// <summary>
    /// The report filed by the web form whose one-time token is <paramref name="formToken"/>, or null.
    /// </summary>
    public async Task<(int Id, string Number)?> FiledWithFormAsync(string? formToken, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(formToken)) return null;
        var filed = await db.Reports.AsNoTracking().Where(r => r.FormToken == formToken)
            .Select(r => new { r.Id, r.Number }).FirstOrDefaultAsync(ct);
        return filed is null ? null : (filed.Id, filed.Number);
    }

    /// <summary>
    /// As above, recording the web form's one-time token with the report (unique): when the same form was posted twice
    /// at the same moment, the second post gets the report the first one filed.
    /// </summary>
    public Task<Report> ReceiveAsync(NewReport input, WorkflowActor recordedBy, Func<Report, Task>? alsoRecord,
        string? formToken, CancellationToken ct = default)
    {
        var run = 0;
        // SQL Server's retrying execution strategy runs a user transaction only as one retriable unit.
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (run++ > 0) db.ChangeTracker.Clear();
            for (var attempt = 1; ; attempt++)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var year = Wib.FromUtc(input.ReceivedAtUtc).Year;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                try
                {
                    var sequence = await db.NextAsync($"{Report.NumberPrefix}-{year}", ct);
                    var report = Report.Receive(input, year, sequence, NewTrackingCode(), recordedBy, now);
                    if (formToken is not null) report.FiledWithForm(formToken);
                    var guest = input.Guest is null ? null : GuestBookEntry.Record(input.Guest, recordedBy.UserId, now);
                    db.Reports.Add(report);
                    await db.SaveChangesAsync(ct);
                    if (guest is not null)
                    {
                        guest.LinkTo(report.Id);
                        db.GuestBookEntries.Add(guest);
                    }
                    var issuedOnReceipt = await documents.IssueForStepAsync(report, report.Events.Single(), recordedBy.UserId, now, ct);
                    await NotifyNextActorsAsync(report, recordedBy, now, ct);
                    AuditStep(report, report.Events.Single(), issuedOnReceipt);
                    if (alsoRecord is not null) await alsoRecord(report);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    logger.LogInformation("Report {Number} received via {Channel}", report.Number, report.Channel);
                    return report;
                }
                catch (DbUpdateException ex) when (attempt < 3 || formToken is not null)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    // The same form posted twice at once: the unique token let only the other post through.
                    if (formToken is not null
                        && await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.FormToken == formToken, ct) is { } filed)
                    {
                        return filed;
                    }
                    if (attempt >= 3) throw;
                    // Two first-of-the-year numbers raced on SQL Server; take the next value.
                    logger.LogWarning(ex, "Numbering conflict, retrying (attempt {Attempt})", attempt);
                }
            }
        });
    }

    /// <summary>Open reports of the same OPD in the same category: a new one may well be a duplicate.</summary>
    public Task<List<ReportListRow>> PossibleDuplicatesAsync(int opdId, FaultCategory category, CancellationToken ct = default) =>
        db.Reports.AsNoTracking()
            .Where(r => r.OpdId == opdId && r.Category == category && r.Status != ReportStatus.Closed && r.Status != ReportStatus.Rejected)
            .OrderByDescending(r => r.ReceivedAtUtc).Take(5).Select(ReportListRow.Projection).ToListAsync(ct);

    /// <summary>The report with what the access rules read (its parties and technicians), untracked: for downloads.</summary>
    public Task<Report?> FindForAccessAsync(int id, CancellationToken ct = default) =>
        db.Reports.AsNoTracking().Include(r => r.Technicians).SingleOrDefaultAsync(r => r.Id == id, ct);

    public Task<Report?> FindAsync(int id, CancellationToken ct = default) =>
        WithEverything(db.Reports).SingleOrDefaultAsync(r => r.Id == id, ct);

    private static IQueryable<Report> WithEverything(IQueryable<Report> reports) =>
        reports.Include(r => r.Opd).Include(r => r.Technicians).Include(r => r.Devices).Include(r => r.Pauses)
            .Include(r => r.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
            .AsSplitQuery();

    /// <summary>
    /// Applies one step. <paramref name="expectedVersion"/> is the version the person saw on their form: if the
    /// report moved since (another person, or a double-clicked submit), nothing is recorded. The documents the step
    /// calls for (<see cref="Core.Domain.Documents.DocumentTriggers"/>) are issued in the same transaction.
    /// </summary>
    public Task<StepResult> ApplyAsync(int reportId, Guid expectedVersion, WorkflowActor actor,
        Func<Report, DateTime, Task<ReportEvent>> step, CancellationToken ct = default)
    {
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear();
            var report = await FindAsync(reportId, ct);
            if (report is null) return StepResult.Refused("Laporan tidak ditemukan.");
            if (report.Version != expectedVersion) return StepResult.Refused(ConflictMessage);

            var now = clock.GetUtcNow().UtcDateTime;
            ReportEvent ev;
            try
            {
                ev = await step(report, now);
            }
            catch (DomainException ex)
            {
                return StepResult.Refused(ex.Message);
            }

            await NotifyNextActorsAsync(report, actor, now, ct);
            IReadOnlyList<Core.Domain.Documents.IssuedDocument> issued;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                try
                {
                    issued = await documents.IssueForStepAsync(report, ev, actor.UserId, now, ct);
                    AuditStep(report, ev, issued);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
                catch (DomainException ex)
                {
                    // Documents cannot be issued (incomplete kop surat): the step is not recorded either.
                    logger.LogWarning("Step {Action} on report {Number} refused: {Reason}", ev.Action, report.Number, ex.Message);
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return StepResult.Refused(ex.Message);
                }
                catch (DbUpdateConcurrencyException)
                {
                    logger.LogInformation("Concurrent step on report {Number} refused", report.Number);
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return StepResult.Refused(ConflictMessage);
                }
                catch (DbUpdateException ex)
                {
                    // The same step posted twice at once (a double click): when the first one committed, the second
                    // can fail on a unique row it adds (the technician's assignment) before its report update meets
                    // the concurrency token. If the report moved on, that is the same conflict, not an error.
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    var current = await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => r.Version).SingleOrDefaultAsync(ct);
                    if (current == expectedVersion) throw;
                    logger.LogInformation(ex, "Concurrent step on report {Number} refused", report.Number);
                    return StepResult.Refused(ConflictMessage);
                }
            }

            logger.LogInformation("Report {Number}: {Action} {From} -> {To} by {UserId}", report.Number, ev.Action,
                ev.FromStatus, ev.ToStatus, actor.UserId);
            var message = $"{Workflow.ActionLabel(ev.Action)}. Status laporan {report.Number} sekarang: {Labels.Of(report.Status)}.";
            if (issued.Count > 0)
            {
                message += " Dokumen diterbitkan: " + string.Join("; ", issued.Select(d =>
                    $"{Core.Domain.Documents.DocumentTypes.Label(d.Type)} Nomor {d.Number}")) + ".";
            }
            return StepResult.Ok(message);
        });
    }

    /// <summary>Stages the step's audit entry: it is saved by the same SaveChanges as the step, or not at all.</summary>
    private void AuditStep(Report report, ReportEvent ev, IReadOnlyList<Core.Domain.Documents.IssuedDocument> issued) =>
        audit.Add(Core.Domain.Audit.AuditEvents.WorkflowStep(ev.Action),
            $"{Workflow.ActionLabel(ev.Action)}: laporan {report.Number} ({(ev.FromStatus is { } from ? Labels.Of(from) : "baru")} → {Labels.Of(ev.ToStatus)}).",
            Audit.AuditObject.Report(report.Id, report.Number), new
            {
                from = ev.FromStatus?.ToString(),
                to = ev.ToStatus.ToString(),
                role = ev.ActorRole,
                actorName = ev.ActorName,
                onBehalfOf = ev.OnBehalfOfName,
                documents = issued.Select(d => d.Number).ToList(),
            });

    /// <summary>Loads the person chosen on a form (a Kabid, Kasi or technician) with their roles.</summary>
    public async Task<PersonRef?> PersonAsync(string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(userId)) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.FullName, u.IsActive }).SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(ct);
        return new PersonRef(user.Id, user.FullName, roles.ToHashSet(), user.IsActive);
    }

    /// <summary>Active users in a role, for the pickers on disposition and assignment pages.</summary>
    public async Task<IReadOnlyList<(string Id, string Name, string? Position)>> UsersInRoleAsync(string role,
        CancellationToken ct = default)
    {
        var list = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
            .OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Position })
            .ToListAsync(ct);
        return list.Select(u => (u.Id, u.FullName, u.Position)).ToList();
    }

    /// <summary>Tells the people who must act next, and the reporter at the moments that concern them.</summary>
    /// <remarks>
    /// When an official's step must reach the reporter (<see cref="Notifications.ReporterWhatsApp.FrontDeskReminders"/>) and
    /// the reporter has a mobile number, the front desk gets a note to tell the reporter: the notification list shows it
    /// with a "Kabari pelapor via WhatsApp" link (not e-mailed: it is a reminder to send a message).
    /// </remarks>
    private async Task NotifyNextActorsAsync(Report report, WorkflowActor performer, DateTime now, CancellationToken ct)
    {
        var messages = new Dictionary<string, string>();
        var waiting = $"Laporan {report.Number} menunggu tindakan Anda: {Labels.Of(report.Status)}.";
        // A return or dispute made by this very step: the people who must answer it read the reason in the notification.
        if (report.PendingReturn() is { } returned && returned.AtUtc == now)
        {
            waiting = returned.Action == WorkflowAction.Dispute
                ? $"Pelapor menyatakan gangguan pada laporan {report.Number} belum teratasi ({Labels.Of(report.Status)}). Alasan: {returned.Note}"
                : $"Laporan {report.Number} dikembalikan oleh {returned.ActorName} ({Labels.Of(report.Status)}). Alasan: {returned.Note}";
        }

        foreach (var rule in Workflow.NextActors(report.Status))
        {
            switch (rule)
            {
                case ActorRule.KepalaDinas:
                    foreach (var id in await UserIdsInRoleAsync(Roles.KepalaDinas, ct)) messages.TryAdd(id, waiting);
                    break;
                case ActorRule.DisposedKabid when report.KabidUserId is not null:
                    messages.TryAdd(report.KabidUserId, waiting);
                    break;
                case ActorRule.DisposedKasi when report.KasiUserId is not null:
                    messages.TryAdd(report.KasiUserId, waiting);
                    break;
                case ActorRule.AssignedTechnician when report.Status != ReportStatus.AwaitingAcknowledgement:
                    foreach (var t in report.Technicians) messages.TryAdd(t.UserId, waiting);
                    break;
            }
        }

        var reporterMessage = report.Status switch
        {
            ReportStatus.Rejected => $"Laporan {report.Number} ditolak. Alasan: {report.RejectionReason}",
            ReportStatus.AwaitingReplacementRequest =>
                $"Perangkat pada laporan {report.Number} harus diganti. Silakan isi Berita Acara pengajuan penggantian perangkat.",
            ReportStatus.AwaitingAcknowledgement =>
                $"Pekerjaan pada laporan {report.Number} telah selesai. Mohon periksa dan setujui Berita Acara pekerjaan.",
            ReportStatus.Closed => $"Laporan {report.Number} telah selesai ditangani. Mohon isi Survei Kepuasan Masyarakat pada halaman laporan. Terima kasih.",
            ReportStatus.OnSiteInspection => await OnSiteVisitMessageAsync(report, performer, ct),
            _ => null,
        };
        if (reporterMessage is not null)
        {
            foreach (var id in await ReporterRecipientsAsync(report, ct)) messages[id] = reporterMessage;
        }

        // Nobody is told of their own step (a Kasi who is also a technician, a reporter who files for themselves).
        messages.Remove(performer.UserId);

        // The step an official took (a rejection, the closing approval) must reach the reporter by WhatsApp: the front
        // desk sends it, so the front desk gets the reminder with the prepared message (Notifications.ReporterWhatsApp).
        // The technician who completes the work finds the same link on the report page, not in the bell.
        var reminders = new Dictionary<string, string>();
        if (Notifications.ReporterWhatsApp.IsFrontDeskReminder(report.Status)
            && PhoneNumber.WhatsAppLink(report.ReporterPhone) is not null)
        {
            var note = Notifications.ReporterWhatsApp.FrontDeskNote(report.Status, report.Number, report.ReporterName);
            foreach (var id in await UserIdsInRoleAsync(Roles.PetugasLayanan, ct))
            {
                if (id != performer.UserId && !messages.ContainsKey(id)) reminders[id] = note;
            }
        }

        int? reportId = report.Id == 0 ? null : report.Id;
        if (reportId is not null)
        {
            // The step answers what the report's earlier notifications asked for: they are marked read, so that the bell
            // holds at most one unread notification per report and person, about what waits now. The front desk's
            // WhatsApp reminders stay until read: the message still has to be sent.
            var prefix = Notifications.ReporterWhatsApp.FrontDeskNotePrefix;
            var superseded = await db.Notifications
                .Where(n => n.ReportId == reportId && n.ReadAtUtc == null && !n.Message.StartsWith(prefix)).ToListAsync(ct);
            foreach (var old in superseded) old.MarkRead(now);
        }
        foreach (var (userId, message) in messages.Concat(reminders))
        {
            db.Notifications.Add(new Notification(userId, message, reportId, now));
        }
        // The same hand-over by e-mail, saved in the same SaveChanges as the step (sent later by the outbox sender).
        await mail.EnqueueAsync(messages, reportId, report.Number, now, ct);
    }

    /// <summary>The fault is outside the Data Center: the reporter is told who will come, and how to reach them.</summary>
    private async Task<string> OnSiteVisitMessageAsync(Report report, WorkflowActor technician, CancellationToken ct)
    {
        var phone = await db.Users.Where(u => u.Id == technician.UserId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);
        var contact = string.IsNullOrWhiteSpace(phone) ? "" : $" Nomor telepon teknisi: {phone}.";
        return $"Gangguan pada laporan {report.Number} perlu diperiksa di lokasi ({report.Location}). Teknisi {technician.FullName} " +
            $"akan datang memeriksa bersama Anda.{contact}";
    }

    private async Task<List<string>> ReporterRecipientsAsync(Report report, CancellationToken ct)
    {
        if (report.ReporterUserId is not null
            && await db.Users.AnyAsync(u => u.Id == report.ReporterUserId && u.IsActive, ct))
        {
            return [report.ReporterUserId];
        }

        // Reports recorded by the front desk for someone without an account: every active reporter of the OPD.
        return await db.Users.Where(u => u.IsActive && u.OpdId == report.OpdId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Pelapor)))
            .Select(u => u.Id).ToListAsync(ct);
    }

    private Task<List<string>> UserIdsInRoleAsync(string role, CancellationToken ct) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
            .Select(u => u.Id).ToListAsync(ct);

    public static string NewTrackingCode() =>
        string.Create(TrackingCodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = TrackingAlphabet[RandomNumberGenerator.GetInt32(TrackingAlphabet.Length)];
        });
}
