using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>Diskominfo's people as the step forms need them: the person chosen on a form, the pickers, the recipients.</summary>
public sealed class StaffDirectory(AppDbContext db, Infrastructure.ReferenceLists lists)
{
    /// <summary>Loads the person chosen on a form (a Kabid, Kasi or technician) with their roles.</summary>
    public async Task<PersonRef?> PersonAsync(string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(userId)) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.FullName, u.IsActive }).SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(ct);
        return new PersonRef(user.Id, user.FullName, roles.ToHashSet(), user.IsActive);
    }

    /// <summary>Active users in a role, for the pickers on disposition and assignment pages (from the reference cache).</summary>
    public Task<IReadOnlyList<(string Id, string Name, string? Position)>> UsersInRoleAsync(string role,
        CancellationToken ct = default) => lists.UsersInRoleAsync(role, ct);

    /// <summary>Ids of the active users in a role (the hand-over's recipients), from the reference cache.</summary>
    public async Task<IEnumerable<string>> UserIdsInRoleAsync(string role, CancellationToken ct) =>
        (await lists.UsersInRoleAsync(role, ct)).Select(u => u.Id);
}
