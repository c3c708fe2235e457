using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Notifications;

/// <summary>A notification as listed, with the WhatsApp link to the reporter when the step calls for one.</summary>
public sealed record NotificationRow(Notification Item, string? WhatsAppUrl);

/// <summary>The notifications of one report (newest first), listed as one entry; a notification without a report stands alone.</summary>
public sealed record NotificationGroup(IReadOnlyList<NotificationRow> Rows)
{
    public NotificationRow Latest => Rows[0];
    public IEnumerable<NotificationRow> Earlier => Rows.Skip(1);
    public bool Unread => Rows.Any(r => r.Item.ReadAtUtc is null);
}

/// <summary>The signed-in user's in-app notifications. Each user sees and marks only their own.</summary>

public sealed class NotificationsController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    [HttpGet("/notifikasi")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = User.UserId();
        var items = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(100).ToListAsync(ct);
        var links = (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded
            ? await WhatsAppLinksAsync(items, ct)
            : [];
        var rows = items.Select(n => new NotificationRow(n, links.GetValueOrDefault(n.Id))).ToList();
        // Grouped per report, in the order of each report's newest notification (the list is newest first already).
        var groups = rows.GroupBy(r => r.Item.ReportId is int reportId ? "r" + reportId : "n" + r.Item.Id)
            .Select(g => new NotificationGroup(g.ToList())).ToList();
        return View(groups);
    }

    /// <summary>
    /// "Kabari pelapor via WhatsApp" for staff: a notification written by a step carries that step's time, so the
    /// report's timeline entry at that time says which step it was; the links of the front desk's reminders
    /// (<see cref="ReporterWhatsApp.FrontDeskReminders"/>) are computed from the report as it is now. Three queries per page.
    /// </summary>
    private async Task<Dictionary<long, string>> WhatsAppLinksAsync(IReadOnlyList<Notification> items, CancellationToken ct)
    {
        var withReport = items.Where(n => n.ReportId is not null).ToList();
        if (withReport.Count == 0) return [];
        var reportIds = withReport.Select(n => n.ReportId!.Value).Distinct().ToList();
        var times = withReport.Select(n => n.CreatedAtUtc).Distinct().ToList();
        var steps = ReporterWhatsApp.FrontDeskReminders;
        var events = await db.ReportEvents.AsNoTracking()
            .Where(e => reportIds.Contains(e.ReportId) && times.Contains(e.AtUtc) && steps.Contains(e.ToStatus))
            .Select(e => new { e.ReportId, e.AtUtc, e.ToStatus }).ToListAsync(ct);
        if (events.Count == 0) return [];
        var stepAt = events.GroupBy(e => (e.ReportId, e.AtUtc)).ToDictionary(g => g.Key, g => g.Last().ToStatus);
        var eventReports = events.Select(e => e.ReportId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => eventReports.Contains(r.Id))
            .Select(r => new ReporterContact(r.Id, r.Number, r.TrackingCode, r.ReporterName, r.ReporterPhone, r.RejectionReason))
            .ToDictionaryAsync(r => r.ReportId, ct);
        var baseUrl = $"{Request.Scheme}://{Request.Host}";
        var links = new Dictionary<long, string>();
        foreach (var n in withReport)
        {
            if (stepAt.TryGetValue((n.ReportId!.Value, n.CreatedAtUtc), out var step) && reports.TryGetValue(n.ReportId.Value, out var report)
                && ReporterWhatsApp.Link(step, report, baseUrl) is { } link)
            {
                links[n.Id] = link;
            }
        }
        return links;
    }

    [HttpPost("/notifikasi/{id:long}/baca")]
    public async Task<IActionResult> MarkRead(long id, CancellationToken ct)
    {
        var userId = User.UserId();
        var item = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (item is null) return NotFound();
        item.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return item.ReportId is int reportId ? RedirectToAction(nameof(Reports.ReportsController.Details), Reports.ReportsController.Name, new { id = reportId }) : RedirectToAction(nameof(Index));
    }

    [HttpPost("/notifikasi/baca-semua")]
    public async Task<IActionResult> MarkAllRead([FromServices] DataChanges changes, CancellationToken ct)
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await NavCounts.Unread(db.Notifications, userId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        // A bulk update bypasses SaveChanges and its interceptors: the unread badge's cache must still see it.
        changes.NotificationsChanged();
        TempData.Success("Semua notifikasi ditandai sudah dibaca.");
        return RedirectToAction(nameof(Index));
    }
}
