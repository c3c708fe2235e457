using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Notifications;

/// <summary>Opening a report (its page or one of its step forms) marks the user's notifications about it read.</summary>
public sealed class ReportNotifications(AppDbContext db, NavCounts counts, DataChanges changes, TimeProvider clock)
{
    /// <summary>
    /// Marks the user's unread notifications of the report read. Asks <see cref="NavCounts"/> first (no query when the
    /// cached count says nothing is unread, one index seek otherwise), so that a report without unread notifications
    /// (the usual case) costs no update.
    /// </summary>
    public async Task MarkReadAsync(string userId, int reportId, CancellationToken ct = default)
    {
        if (!await counts.HasUnreadAboutAsync(userId, reportId, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await NavCounts.Unread(db.Notifications, userId).Where(n => n.ReportId == reportId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        // A bulk update bypasses SaveChanges and its interceptors: the badge's cache must still see it.
        changes.NotificationsChanged();
    }
}
