using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Web.Features.Monitoring;

/// <summary>
/// The system actors that record reports nobody typed in: the network monitoring (alerts) and the e-mail mailbox.
/// Each is a user row (reports and timelines name their recorder by user id), created on first use, deactivated and
/// locked out, without a password or any Identity role: nobody can sign in as it. The domain sees it as a
/// <see cref="WorkflowActor"/> in the <see cref="Roles.Sistem"/> capacity; the audit log names it by its user id.
/// </summary>
public sealed class SystemActors(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public sealed record Kind(string UserName, string FullName);

    public static readonly Kind Monitoring = new("sistem.pemantauan", "Sistem Pemantauan Jaringan");
    public static readonly Kind Mailbox = new("sistem.email", "Kotak Masuk Email Layanan");

    public async Task<WorkflowActor> ActorAsync(Kind kind, CancellationToken ct = default)
    {
        var normalized = users.NormalizeName(kind.UserName);
        var id = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            var user = new AppUser
            {
                UserName = kind.UserName,
                FullName = kind.FullName,
                Position = kind.FullName,
                IsActive = false,
                LockoutEnabled = true,
                LockoutEnd = DateTimeOffset.MaxValue,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            IdentityResult created;
            try
            {
                created = await users.CreateAsync(user);
            }
            catch (DbUpdateException)
            {
                // Two first alerts at once, both past Identity's duplicate check: the database's unique name let the
                // other one in. Forget this row (the context would try to insert it again on the next save).
                db.Entry(user).State = EntityState.Detached;
                created = IdentityResult.Failed(new IdentityError { Code = "DuplicateUserName", Description = "Created at the same moment by another request." });
            }
            if (!created.Succeeded)
            {
                // Two first alerts at once: the other request created it.
                id = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct)
                    ?? throw new InvalidOperationException("Could not create the system user " + kind.UserName + ": "
                        + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            else
            {
                id = user.Id;
            }
        }
        return new WorkflowActor(id, kind.FullName, kind.FullName, null, new HashSet<string> { Roles.Sistem }, null, []);
    }
}
