using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// Builds the domain's <see cref="WorkflowActor"/> for a user: their roles, OPD, and the officials they are Plh. for
/// today (WIB calendar day, appointment not revoked).
/// </summary>
/// <remarks>
/// Every page asks for the signed-in user's actor (three queries), so it is kept in <see cref="IMemoryCache"/> under
/// a key made of the user, <see cref="DataChanges.Reference"/> and the WIB day. Whatever an actor is built from (the
/// user row with <c>IsActive</c>, user roles, Plh. appointments) is reference data: any change to it made by this
/// instance moves the counter, so a deactivation, a role change or a revoked appointment applies from the next
/// request on; a new day starts a new key (appointments are by day). Changes made by another instance on the same
/// database are seen within <see cref="Lifetime"/>, as role claims in cookies are (the security stamp is checked
/// every minute).
/// </remarks>
public sealed class ActorFactory(AppDbContext db, TimeProvider clock, IMemoryCache cache, DataChanges changes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // Scoped: one request. The controller and the layout's badge counts both ask for the signed-in user's actor.
    private (string UserId, WorkflowActor? Actor)? _last;

    // A deactivated or unknown user is cached too (as an entry without an actor). One entry per user, stamped with the
    // reference counter and the WIB day it was read for, replaced when either moved: a change leaves no stale copies.
    private sealed record Entry(long Reference, DateOnly Day, WorkflowActor? Actor);

    public async Task<WorkflowActor?> ForUserAsync(string userId, CancellationToken ct = default)
    {
        if (_last is { } last && last.UserId == userId) return last.Actor;
        // The stamp is taken before reading: a change saved meanwhile moves the counter, so what was read is never
        // served under the new version.
        var (reference, day) = (changes.Reference, Wib.Today(clock));
        var key = (nameof(ActorFactory), userId);
        if (!cache.TryGetValue(key, out Entry? entry) || entry is null || entry.Reference != reference || entry.Day != day)
        {
            entry = new Entry(reference, day, await LoadAsync(userId, ct));
            cache.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }
        _last = (userId, entry.Actor);
        return entry.Actor;
    }

    private async Task<WorkflowActor?> LoadAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.FullName, u.Position, u.Nip, u.OpdId }).SingleOrDefaultAsync(ct);
        if (user is null) return null;

        var roles = await RolesOfAsync([userId], ct);
        var today = Wib.Today(clock);
        var appointments = await db.ActingAppointments.AsNoTracking()
            .Where(a => a.ActingUserId == userId && a.RevokedAtUtc == null && a.StartDate <= today && a.EndDate >= today)
            .Select(a => new { a.OfficialUserId, a.Official!.FullName, a.Official.Position, a.Official.Nip, a.Official.IsActive })
            .ToListAsync(ct);
        var officialRoles = await RolesOfAsync(appointments.Select(a => a.OfficialUserId).ToList(), ct);
        var actingFor = appointments.Where(a => a.IsActive)
            .Select(a => new ActingFor(a.OfficialUserId, a.FullName, a.Position, a.Nip,
                officialRoles.GetValueOrDefault(a.OfficialUserId) ?? new HashSet<string>()))
            .ToList();

        return new WorkflowActor(user.Id, user.FullName, user.Position, user.Nip,
            roles.GetValueOrDefault(userId) ?? new HashSet<string>(), user.OpdId, actingFor);
    }

    private async Task<Dictionary<string, IReadOnlySet<string>>> RolesOfAsync(List<string> userIds,
        CancellationToken ct)
    {
        if (userIds.Count == 0) return [];
        var pairs = await db.UserRoles.AsNoTracking().Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(p => p.Name!).ToHashSet());
    }
}
