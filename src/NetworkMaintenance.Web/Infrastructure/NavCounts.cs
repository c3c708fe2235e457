using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The numbers on the navigation badges: reports awaiting the user, unread notifications. Every page shows them, so
/// they are kept in <see cref="IMemoryCache"/>, one entry per user, stamped with the change counters they depend on
/// (<see cref="DataChanges.Reports"/>, which reference changes move too, <see cref="DataChanges.Notifications"/>) and
/// the WIB day: a step, a new or read notification made by this instance shows on the next page, which reads them
/// again and replaces the entry. Changes made by another instance on the same database are seen within
/// <see cref="Lifetime"/>. (Keying the entries by the counters instead left one entry per change, each with the user's
/// unread set, for <see cref="Lifetime"/>: hundreds of megabytes under a stream of steps.)
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
        var counts = await ReadAsync(userId, ct);
        return (counts.Inbox, counts.Unread);
    }

    /// <summary>
    /// Whether the user has unread notifications about the report: opening such a report marks them read, and only then
    /// does the report page touch the notifications. No query when the cached count says nothing is unread; otherwise
    /// one seek in the (UserId, ReadAtUtc, ReportId) index.
    /// </summary>
    public async Task<bool> HasUnreadAboutAsync(string userId, int reportId, CancellationToken ct = default) =>
        (await ReadAsync(userId, ct)).Unread > 0
        && await Unread(db.Notifications, userId).AnyAsync(n => n.ReportId == reportId, ct);

    /// <summary>
    /// The user's unread notifications. The badge counts them and the report page looks for one about its report in
    /// the (UserId, ReadAtUtc, ReportId) index alone: an official with thousands unread paid for reading all of them
    /// (their rows, for the reports they are about) on every page after each change (issue #18: a third of a step's CPU).
    /// </summary>
    public static IQueryable<Notification> Unread(IQueryable<Notification> notifications, string userId) =>
        notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null);

    private sealed record Counts(Stamp Stamp, int Inbox, int Unread);

    private readonly record struct Stamp(long Reports, long Notifications, DateOnly Day);

    private async Task<Counts> ReadAsync(string userId, CancellationToken ct)
    {
        // The stamp is taken before reading (see DataChanges): what was read before a change is never served after it.
        // The day is part of it because Plh. appointments, and so the inbox, are by day.
        var stamp = new Stamp(changes.Reports, changes.Notifications, Wib.Today(clock));
        var key = (nameof(NavCounts), userId);
        if (cache.TryGetValue(key, out Counts? cached) && cached!.Stamp == stamp) return cached;
        var actor = await actors.ForUserAsync(userId, ct);
        if (actor is null) return new Counts(stamp, 0, 0);
        var inbox = await db.Reports.AwaitingActionBy(actor).CountAsync(ct);
        var unread = await Unread(db.Notifications, userId).CountAsync(ct);
        var counts = new Counts(stamp, inbox, unread);
        cache.Set(key, counts, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return counts;
    }
}
