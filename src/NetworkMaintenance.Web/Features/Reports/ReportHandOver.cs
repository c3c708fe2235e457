using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// What every recorded step stages besides the report itself, on the request's context so that it is saved by the
/// step's own SaveChanges: the hand-over notifications and e-mails, and the audit entry. Used by the receipt of a
/// report (<see cref="ReportService"/>) and by every later step (<see cref="StepService"/>).
/// </summary>
public sealed class ReportHandOver(AppDbContext db, StaffDirectory staff, Mail.MailOutbox mail, Audit.IAuditLog audit,
    Webhooks.WebhookOutbox webhooks)
{
    /// <summary>Stages the step's webhook deliveries (docs/api.md): saved by the same SaveChanges as the step, or not at all.</summary>
    public Task AnnounceStepAsync(Report report, ReportEvent ev, DateTime now, CancellationToken ct) =>
        webhooks.StageStepAsync(report, ev, now, ct);

    /// <summary>Stages the step's audit entry: it is saved by the same SaveChanges as the step, or not at all.</summary>
    public void AuditStep(Report report, ReportEvent ev, IReadOnlyList<Core.Domain.Documents.IssuedDocument> issued) =>
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
            },
            // Steps of the system actor (monitoring alerts, the e-mail mailbox) come from no signed-in request.
            ev.ActorRole == Core.Domain.Roles.Sistem ? new Audit.AuditActor(ev.ActorUserId, ev.ActorName) : null);


    /// <summary>Tells the people who must act next, and the reporter at the moments that concern them.</summary>
    /// <remarks>
    /// When an official's step must reach the reporter (<see cref="Notifications.ReporterWhatsApp.FrontDeskReminders"/>) and
    /// the reporter has a mobile number, the front desk gets a note to tell the reporter: the notification list shows it
    /// with a "Kabari pelapor via WhatsApp" link (not e-mailed: it is a reminder to send a message).
    /// </remarks>
    public Task NotifyNextActorsAsync(Report report, WorkflowActor performer, DateTime now, CancellationToken ct) =>
        NotifyAsync(report, performer, now, earlierNotifications: true, ct);

    /// <summary>
    /// The same for a report received in this unit of work: nobody has been told of it yet, so there are no earlier
    /// notifications to mark read (one statement less inside a filing's write transaction).
    /// </summary>
    public Task NotifyFirstActorsAsync(Report report, WorkflowActor performer, DateTime now, CancellationToken ct) =>
        NotifyAsync(report, performer, now, earlierNotifications: false, ct);

    private async Task NotifyAsync(Report report, WorkflowActor performer, DateTime now, bool earlierNotifications, CancellationToken ct)
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

        // An e-mail report waits for the front desk first (docs/email-intake.md); the Kadis hears of it once confirmed.
        if (report.AwaitsIntakeConfirmation)
        {
            var confirm = $"Laporan {report.Number} diterima dari email dan menunggu konfirmasi petugas layanan.";
            foreach (var id in await staff.UserIdsInRoleAsync(Roles.PetugasLayanan, ct)) messages.TryAdd(id, confirm);
        }
        foreach (var rule in Workflow.NextActors(report.Status).Where(r => !Workflow.WaitsForFrontDesk(r, report)))
        {
            switch (rule)
            {
                case ActorRule.KepalaDinas:
                    foreach (var id in await staff.UserIdsInRoleAsync(Roles.KepalaDinas, ct)) messages.TryAdd(id, waiting);
                    break;
                case ActorRule.DisposedKabid when report.KabidUserId is not null:
                    messages.TryAdd(report.KabidUserId, waiting);
                    break;
                case ActorRule.DisposedKasi when report.KasiUserId is not null:
                    messages.TryAdd(report.KasiUserId, waiting);
                    break;
                case ActorRule.AssignedTechnician:
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
            foreach (var id in await staff.UserIdsInRoleAsync(Roles.PetugasLayanan, ct))
            {
                if (id != performer.UserId && !messages.ContainsKey(id)) reminders[id] = note;
            }
        }

        int? reportId = report.Id == 0 ? null : report.Id;
        if (reportId is not null && earlierNotifications)
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
}
