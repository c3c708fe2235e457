using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>Diskominfo's people as the step forms need them: the person chosen on a form, the pickers, the recipients.</summary>
public sealed class StaffDirectory(AppDbContext db)
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

    /// <summary>Active users in a role, for the pickers on disposition and assignment pages.</summary>
    public async Task<IReadOnlyList<(string Id, string Name, string? Position)>> UsersInRoleAsync(string role,
        CancellationToken ct = default)
    {
        var list = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
            .OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Position })
            .ToListAsync(ct);
        return list.Select(u => (u.Id, u.FullName, u.Position)).ToList();
    }

    /// <summary>Ids of the active users in a role.</summary>
    public Task<List<string>> UserIdsInRoleAsync(string role, CancellationToken ct) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
            .Select(u => u.Id).ToListAsync(ct);
}
