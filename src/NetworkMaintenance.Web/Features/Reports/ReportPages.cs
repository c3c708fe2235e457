using System.Security.Claims;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Features.Notifications;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The pages that only show a report (the report page, the receipt): the report read once per request from
/// <see cref="ReportSnapshots"/>, and only for people who may see it (null otherwise: they learn nothing about it).
/// </summary>
public sealed class ReportPages(AppDbContext db, ReportSnapshots snapshots, DocumentService documents,
    IAuthorizationService authorization, ReportNotifications notifications)
{
    public async Task<ReportDetailsModel?> DetailsAsync(ClaimsPrincipal user, WorkflowActor actor, int id, string baseUrl,
        CancellationToken ct = default)
    {
        var report = await VisibleAsync(user, actor, id, ct);
        if (report is null) return null;
        await notifications.MarkReadAsync(actor.UserId, id, ct);
        var available = Workflow.Available(report, report.Status, actor);
        var files = await ReportQueries.AttachmentsOf(db, id).ToListAsync(ct);
        var trackingUrl = ReporterWhatsApp.TrackingUrl(baseUrl, report.Number, report.TrackingCode);
        // At a step the reporter must hear about, the prepared message of that step ("Kabari pelapor via WhatsApp": the
        // technician who just completed the work, the front desk); otherwise the tracking details.
        var share = ReporterWhatsApp.IsReporterStep(report.Status)
            ? ReporterWhatsApp.Link(report.Status, new ReporterContact(report.Id, report.Number,
                report.TrackingCode, report.ReporterName, report.ReporterPhone, report.RejectionReason), baseUrl)
            : PhoneNumber.WhatsAppLink(report.ReporterPhone,
                $"Laporan gangguan jaringan Diskominfo Kota Tebing Tinggi nomor {report.Number}, kode pelacakan {report.TrackingCode}. Lacak: {trackingUrl}");
        var surveyDone = await ReportQueries.SurveyDone(db, id, ct);
        var invited = report.Status == ReportStatus.Closed && actor.Roles.Contains(Roles.Pelapor) && actor.OpdId == report.OpdId;
        return new ReportDetailsModel(report, available, NextActorText(report), await documents.ListForReportAsync(id, ct),
            files, trackingUrl, share, invited, surveyDone, report.MayKeepClock(actor), snapshots.SeenAgain(id));
    }

    public async Task<ReceiptModel?> ReceiptAsync(ClaimsPrincipal user, WorkflowActor actor, int id, string baseUrl,
        CancellationToken ct = default) =>
        await VisibleAsync(user, actor, id, ct) is { } report
            ? new ReceiptModel(report, ReporterWhatsApp.TrackingUrl(baseUrl, report.Number, report.TrackingCode))
            : null;

    /// <summary>The read copy of the report when <paramref name="user"/> may see it (the same check as the report page), or null.</summary>
    public Task<ReportView?> ReadAsync(ClaimsPrincipal user, WorkflowActor actor, int id, CancellationToken ct = default) =>
        VisibleAsync(user, actor, id, ct);

    private async Task<ReportView?> VisibleAsync(ClaimsPrincipal user, WorkflowActor actor, int id, CancellationToken ct)
    {
        await KeepConnectionOpenAsync(ct);
        // Untracked and possibly shared with other requests (ReportSnapshots): these pages only read the report;
        // a step loads its own tracked copy (StepService).
        var report = await snapshots.FindAsync(id, ct);
        return report is not null && (await authorization.AuthorizeAsync(user, new ReportAccess(report, actor), ReportOperations.View)).Succeeded
            ? report
            : null;
    }

    /// <summary>
    /// One connection for the rest of the request (released when the request's context is disposed): EF otherwise
    /// takes a connection from the pool and returns it around each of a page's queries, and under load the pool's
    /// lock was a measurable share of a report page.
    /// </summary>
    public Task KeepConnectionOpenAsync(CancellationToken ct) => db.Database.OpenConnectionAsync(ct);

    private static string NextActorText(ReportView report)
    {
        if (report.IsFinal) return "—";
        // An e-mail report waits for the front desk first (docs/email-intake.md); the page of "Email masuk" confirms it.
        if (report.AwaitsIntakeConfirmation) return "Petugas layanan: konfirmasi laporan dari email (menu Email masuk)";
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
