using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The numbers on the navigation badges: reports awaiting the user, unread notifications. Every page shows them, so
/// they are kept in <see cref="IMemoryCache"/> under a key made of the user and the change counters they depend on
/// (<see cref="DataChanges.Reports"/>, which reference changes move too, <see cref="DataChanges.Notifications"/> and
/// the WIB day):
/// a step, a new or read notification made by this instance shows on the next page. Changes made by another instance
/// on the same database are seen within <see cref="Lifetime"/>.
/// </summary>
public sealed class NavCounts(AppDbContext db, ActorFactory actors, IMemoryCache cache, DataChanges changes, TimeProvider clock)
{
    public const string InboxKey = "nav.inbox";
    public const string NotificationsKey = "nav.notifications";

    /// <summary>Set by the 5xx error page: the layout then reads nothing from the database (it may be what failed).</summary>
    public const string SkipKey = "nav.skip";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<(int Inbox, int Unread)> ForAsync(string userId, CancellationToken ct = default)
    {
        var (inbox, unread, _) = await ReadAsync(userId, ct);
        return (inbox, unread);
    }

    /// <summary>
    /// The reports of which the user has unread notifications (from the same cached read): opening one of them marks
    /// them read, and only then does the report page touch the notifications.
    /// </summary>
    public async Task<IReadOnlySet<int>> UnreadReportsAsync(string userId, CancellationToken ct = default) =>
        (await ReadAsync(userId, ct)).UnreadReports;

    private async Task<(int Inbox, int Unread, IReadOnlySet<int> UnreadReports)> ReadAsync(string userId, CancellationToken ct)
    {
        // The key is taken before reading (see DataChanges): what was read before a change is never served after it.
        // The day is part of it because Plh. appointments, and so the inbox, are by day.
        var key = (nameof(NavCounts), userId, changes.Reports, changes.Notifications, Wib.Today(clock));
        if (cache.TryGetValue(key, out (int, int, IReadOnlySet<int>) counts)) return counts;
        var actor = await actors.ForUserAsync(userId, ct);
        if (actor is null) return (0, 0, new HashSet<int>());
        var inbox = await db.Reports.AwaitingActionBy(actor).CountAsync(ct);
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .Select(n => n.ReportId).ToListAsync(ct);
        counts = (inbox, unread.Count, unread.OfType<int>().ToHashSet());
        cache.Set(key, counts, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return counts;
    }
}
