using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Integration;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Reference data read on many pages and by every step (OPD names, the people in a role, the webhook receivers) from an
/// in-memory cache. Entries are keyed by <see cref="DataChanges.Reference"/>, so any change to users, roles, OPDs, units
/// or webhook receivers made by this instance is seen at once; changes made by another instance on the same database are
/// seen within five minutes.
/// </summary>
public sealed class ReferenceLists(AppDbContext db, IMemoryCache cache, DataChanges changes)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Short name (or name) of every OPD by id.</summary>
    public Task<IReadOnlyDictionary<int, string>> OpdNamesAsync(CancellationToken ct = default) =>
        GetAsync("opd-names", async () => (IReadOnlyDictionary<int, string>)await db.Opds.AsNoTracking()
            .ToDictionaryAsync(o => o.Id, o => o.ShortName ?? o.Name, ct));

    /// <summary>
    /// Every OPD as a filter option, ordered by its full name and showing it, with the short name after it ("Badan
    /// Kepegawaian Daerah (BKD)"): short names in the order of the full names looked unsorted.
    /// </summary>
    public Task<IReadOnlyList<OptionItem>> OpdOptionsAsync(CancellationToken ct = default) =>
        GetAsync("opd-options", async () => (IReadOnlyList<OptionItem>)(await db.Opds.AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.Create(CultureInfo.GetCultureInfo("id-ID"), ignoreCase: true))
            .Select(o => new OptionItem(o.Id.ToString(CultureInfo.InvariantCulture),
                o.ShortName is null ? o.Name : $"{o.Name} ({o.ShortName})"))
            .ToList());

    /// <summary>Active users in a role, ordered by name: the step forms' pickers and the hand-over's recipients.</summary>
    public Task<IReadOnlyList<(string Id, string Name, string? Position)>> UsersInRoleAsync(string role, CancellationToken ct = default) =>
        GetAsync("role-" + role, async () =>
        {
            var list = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
                .OrderBy(u => u.FullName)
                .Select(u => new { u.Id, u.FullName, u.Position })
                .ToListAsync(ct);
            return (IReadOnlyList<(string, string, string?)>)list.Select(u => (u.Id, u.FullName, u.Position)).ToList();
        });

    /// <summary>Full name of every OPD by id (the name the documents print).</summary>
    public Task<IReadOnlyDictionary<int, string>> OpdFullNamesAsync(CancellationToken ct = default) =>
        GetAsync("opd-full-names", async () => (IReadOnlyDictionary<int, string>)await db.Opds.AsNoTracking()
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct));

    /// <summary>The active webhook receivers and the events each subscribed to.</summary>
    public Task<IReadOnlyList<(int Id, WebhookEvents Events)>> ActiveWebhookReceiversAsync(CancellationToken ct = default) =>
        GetAsync("webhook-receivers", async () => (IReadOnlyList<(int, WebhookEvents)>)(await db.WebhookReceivers.AsNoTracking()
            .Where(r => r.IsActive).Select(r => new { r.Id, r.Events }).ToListAsync(ct)).Select(r => (r.Id, r.Events)).ToList());

    /// <summary>
    /// One entry per list, stamped with the reference counter it was read at (taken before reading, see DataChanges) and
    /// replaced when a change moved the counter: a change leaves no stale copy behind.
    /// </summary>
    private async Task<T> GetAsync<T>(string name, Func<Task<T>> load)
    {
        var version = changes.Reference;
        var key = (nameof(ReferenceLists), name);
        if (cache.TryGetValue(key, out Stamped<T>? cached) && cached!.Version == version) return cached.Value;
        var value = await load();
        cache.Set(key, new Stamped<T>(version, value), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return value;
    }

    private sealed record Stamped<T>(long Version, T Value);
}
