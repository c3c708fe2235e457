using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>The numbers on the navigation badges: reports awaiting the user, unread notifications.</summary>
public sealed class NavCounts(AppDbContext db, ActorFactory actors)
{
    public const string InboxKey = "nav.inbox";
    public const string NotificationsKey = "nav.notifications";

    /// <summary>Set by the 5xx error page: the layout then reads nothing from the database (it may be what failed).</summary>
    public const string SkipKey = "nav.skip";

    public async Task<(int Inbox, int Unread)> ForAsync(string userId, CancellationToken ct = default)
    {
        var actor = await actors.ForUserAsync(userId, ct);
        if (actor is null) return (0, 0);
        var inbox = await db.Reports.AwaitingActionBy(actor).CountAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);
        return (inbox, unread);
    }
}
