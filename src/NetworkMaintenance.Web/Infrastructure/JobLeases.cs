using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>This process among the app instances on one database: the holder name of its leases.</summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}

/// <summary>
/// Leases on the background jobs that must run on one instance at a time (the SLA monitor, the mail outbox, the webhook
/// outbox, the e-mail intake). A lease
/// row is taken with one conditional UPDATE (held by this instance, or expired), so two instances never both hold it;
/// the holder renews it on every pass, and when it stops (crash, shutdown) another takes over after the lease ran out.
/// </summary>
public static class JobLeases
{
    public const string SlaMonitor = "sla-monitor";
    public const string MailOutbox = "mail-outbox";
    public const string WebhookOutbox = "webhook-outbox";
    public const string EmailIntake = "email-intake";

    /// <summary>How long a lease lasts: longer than a pass may take, so a pass never runs while another instance takes over.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    public static async Task<bool> TryAcquireAsync(AppDbContext db, string name, string holder, DateTime nowUtc,
        CancellationToken ct = default)
    {
        var until = nowUtc + Duration;
        var updated = await db.Leases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUtc < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), ct);
        if (updated == 1) return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, ct)) return false;
        db.Leases.Add(new Lease(name, holder, until));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created the lease at the same moment: it holds it.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
