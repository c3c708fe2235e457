using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Web.Features.Audit;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>
/// The audit log's side of the register (issue #19): every line added to a device's history (registered, edited,
/// moved, status changed, reported, reserved, released, prepared, installed, replaced, repaired, repeat fault flagged
/// and decided) and every stock movement is also an audit entry, staged on the same unit of work. The one home of that
/// rule: the register's services save through <see cref="SaveAsync"/>; the workflow step, which owns its save and
/// transaction, calls <see cref="Stage"/> before it.
/// </summary>
public sealed class DeviceAudit(AppDbContext db, IAuditLog audit)
{
    public const string TargetType = "Device";
    public const string StockTargetType = "StockItem";

    /// <summary>
    /// Saves the unit of work and its audit entries in one transaction: the changes first (so that a device registered
    /// now has its id), then one audit entry per history line and stock movement they added.
    /// </summary>
    public Task SaveAsync(bool imported = false, CancellationToken ct = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var added = Added();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            StageEntries(added, imported);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });

    /// <summary>Stages the entries for the changes tracked now, to be saved by the caller's save.</summary>
    public void Stage() => StageEntries(Added(), imported: false);

    /// <summary>An entry for a change that adds no history line (a stock item added or edited).</summary>
    public void StageStockItem(StockItem item, string summary) =>
        audit.Add(AuditEvents.StockItemSaved, summary,
            new AuditObject(StockTargetType, db.Entry(item).Property(i => i.Id).IsTemporary || item.Id == 0 ? null : Text(item.Id), item.Name));

    private (List<DeviceEvent> Events, List<StockMovement> Movements) Added() =>
        (db.ChangeTracker.Entries<DeviceEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(),
         db.ChangeTracker.Entries<StockMovement>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList());

    private void StageEntries((List<DeviceEvent> Events, List<StockMovement> Movements) added, bool imported)
    {
        // In the order the devices recorded them (the change tracker's order is not that).
        var events = added.Events
            .Select(ev => (ev, device: db.Devices.Local.FirstOrDefault(d => d.Events.Contains(ev))))
            .OrderBy(x => x.ev.AtUtc).ThenBy(x => x.device?.Events.ToList().IndexOf(x.ev) ?? 0);
        foreach (var (ev, device) in events)
        {
            // A device registered within a step's save has no id yet: its entry names it by its label only.
            var id = db.Entry(ev).Property(e => e.DeviceId).IsTemporary ? null : Text(ev.DeviceId);
            var code = imported && ev.Kind == DeviceEventKind.Registered ? AuditEvents.DeviceImported : AuditEvents.DeviceChange(ev.Kind);
            audit.Add(code, ev.Description, new AuditObject(TargetType, id, device?.Label),
                new { ev.Kind, ev.ReportId }, null);
        }
        foreach (var m in added.Movements)
        {
            var item = db.StockItems.Local.FirstOrDefault(s => s.Movements.Contains(m));
            var id = db.Entry(m).Property(e => e.StockItemId).IsTemporary ? null : Text(m.StockItemId);
            audit.Add(m.Quantity > 0 ? AuditEvents.StockReceived : AuditEvents.StockIssued,
                $"{item?.Name}: {(m.Quantity > 0 ? "+" : "")}{m.Quantity} {item?.Unit}. {m.Description}",
                new AuditObject(StockTargetType, id, item?.Name), new { m.Quantity, m.ReportId }, null);
        }
    }

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
