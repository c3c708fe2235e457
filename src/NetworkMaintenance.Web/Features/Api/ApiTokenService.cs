using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Integration;
using NetworkMaintenance.Core.Security;

namespace NetworkMaintenance.Web.Features.Api;

public sealed record ApiTokenRow(int Id, string Name, string Hint, string UserName, string UserFullName, DateTime CreatedAtUtc,
    DateTime? ExpiresAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc);

/// <summary>A token just made: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record NewApiToken(int Id, string Name, string Token);

/// <summary>Makes, lists and revokes API tokens; the token itself is made and hashed by <see cref="SecretToken"/>.</summary>
public sealed class ApiTokenService(AppDbContext db, Audit.IAuditLog audit, TimeProvider clock)
{
    public const int MaxActivePerUser = 10;

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(string? userId, CancellationToken ct = default)
    {
        var query = db.ApiTokens.AsNoTracking();
        if (userId is not null) query = query.Where(t => t.UserId == userId);
        return await query.OrderByDescending(t => t.CreatedAtUtc).Take(500)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Hint, t.User!.UserName ?? "", t.User.FullName, t.CreatedAtUtc,
                t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>A new token for <paramref name="userId"/> (their own, or an integration account's made by the administrator).</summary>
    public async Task<NewApiToken> CreateAsync(string userId, string name, int? validDays, string createdByUserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.IsActive, ct)
            ?? throw new DomainException("Pengguna tidak ditemukan atau tidak aktif.");
        if (await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAtUtc == null, ct) >= MaxActivePerUser)
            throw new DomainException($"Setiap pengguna paling banyak memiliki {MaxActivePerUser} token aktif. Cabut token yang tidak dipakai.");
        if (validDays is < 1 or > 730) throw new DomainException("Masa berlaku token 1–730 hari, atau kosong untuk tanpa batas.");
        var token = SecretToken.Generate(ApiToken.Prefix);
        var row = new ApiToken(userId, name, SecretToken.Hash(token), SecretToken.Hint(token), createdByUserId, now,
            validDays is int days ? now.AddDays(days) : null);
        db.ApiTokens.Add(row);
        audit.Add(Core.Domain.Audit.AuditEvents.SettingChanged, $"Token API \"{row.Name}\" dibuat untuk {user.UserName}.",
            Audit.AuditObject.User(user.Id, user.UserName), new { hint = row.Hint, validDays });
        await db.SaveChangesAsync(ct);
        return new NewApiToken(row.Id, row.Name, token);
    }

    /// <summary>Revokes a token of <paramref name="ownerUserId"/> (null: any user's, for the administrator); false when none.</summary>
    public async Task<bool> RevokeAsync(int id, string? ownerUserId, string byUserId, CancellationToken ct = default)
    {
        var row = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (row is null || (ownerUserId is not null && row.UserId != ownerUserId)) return false;
        row.Revoke(byUserId, clock.GetUtcNow().UtcDateTime);
        audit.Add(Core.Domain.Audit.AuditEvents.SettingChanged, $"Token API \"{row.Name}\" milik {row.User?.UserName} dicabut.",
            Audit.AuditObject.User(row.UserId, row.User?.UserName), new { hint = row.Hint });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
