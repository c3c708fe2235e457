using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Integration;
using NetworkMaintenance.Core.Security;

namespace NetworkMaintenance.Web.Features.Webhooks;

public sealed record WebhookDeliveryRow(long Id, string ReceiverName, string EventType, Guid EventId, int? ReportId,
    WebhookDeliveryStatus Status, int Attempts, DateTime CreatedAtUtc, DateTime? LastAttemptAtUtc, int? LastResponseCode,
    string? LastError, DateTime? NextAttemptAtUtc);

/// <summary>A receiver just registered: <see cref="Secret"/> is shown once.</summary>
public sealed record NewWebhookReceiver(int Id, string Name, string Secret);

/// <summary>Registers receivers (URL checked by <see cref="WebhookUrlPolicy"/>, secret by <see cref="SecretToken"/>) and reads the delivery log.</summary>
public sealed class WebhookAdmin(AppDbContext db, WebhookSecrets secrets, WebhookUrlPolicy urls, Audit.IAuditLog audit, TimeProvider clock)
{
    public Task<List<WebhookReceiver>> ReceiversAsync(CancellationToken ct = default) =>
        db.WebhookReceivers.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);

    public async Task<NewWebhookReceiver> RegisterAsync(string? name, string? url, WebhookEvents events, string byUserId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > WebhookReceiver.NameMaxLength)
            throw new DomainException("Nama penerima wajib diisi (maksimal 100 karakter).");
        if (urls.WhyNot(url, out var uri) is { } reason) throw new DomainException(reason);
        var secret = SecretToken.Generate(WebhookReceiver.SecretPrefix);
        var receiver = new WebhookReceiver(name, uri!, events, secrets.Protect(secret), SecretToken.Hint(secret), byUserId,
            clock.GetUtcNow().UtcDateTime);
        db.WebhookReceivers.Add(receiver);
        audit.Add(Core.Domain.Audit.AuditEvents.SettingChanged, $"Penerima webhook \"{receiver.Name}\" didaftarkan ({receiver.Url}).",
            Audit.AuditObject.Named("WebhookReceiver"), new { receiver.Url, events = receiver.Events.ToString() });
        await db.SaveChangesAsync(ct);
        return new NewWebhookReceiver(receiver.Id, receiver.Name, secret);
    }

    public async Task<bool> SetActiveAsync(int id, bool active, CancellationToken ct = default)
    {
        var receiver = await db.WebhookReceivers.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (receiver is null) return false;
        if (active) receiver.Activate(); else receiver.Deactivate();
        audit.Add(Core.Domain.Audit.AuditEvents.SettingChanged,
            $"Penerima webhook \"{receiver.Name}\" {(active ? "diaktifkan" : "dinonaktifkan")}.", Audit.AuditObject.Named("WebhookReceiver"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<WebhookDeliveryRow>> LogAsync(WebhookDeliveryStatus? status, CancellationToken ct = default)
    {
        var query = db.WebhookDeliveries.AsNoTracking();
        if (status is { } s) query = query.Where(d => d.Status == s);
        return query.OrderByDescending(d => d.Id).Take(200)
            .Select(d => new WebhookDeliveryRow(d.Id, d.Receiver!.Name, d.EventType, d.EventId, d.ReportId, d.Status, d.Attempts,
                d.CreatedAtUtc, d.LastAttemptAtUtc, d.LastResponseCode, d.LastError, d.NextAttemptAtUtc))
            .ToListAsync(ct);
    }
}
