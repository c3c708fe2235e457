using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// Builds the domain's <see cref="WorkflowActor"/> for a user: their roles, OPD, and the officials they are Plh. for
/// today (WIB calendar day, appointment not revoked).
/// </summary>
public sealed class ActorFactory(AppDbContext db, TimeProvider clock)
{
    // Scoped: one request. The controller and the layout's badge counts both ask for the signed-in user's actor;
    // the second time it comes from here instead of four more queries.
    private (string UserId, WorkflowActor? Actor)? _last;

    public async Task<WorkflowActor?> ForUserAsync(string userId, CancellationToken ct = default)
    {
        if (_last is { } last && last.UserId == userId) return last.Actor;
        var actor = await LoadAsync(userId, ct);
        _last = (userId, actor);
        return actor;
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
