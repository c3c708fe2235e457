using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Features.Devices;

public sealed record StockRow(int Id, string Name, string Unit, int Quantity, int ReorderLevel)
{
    public bool BelowReorderLevel => Quantity <= ReorderLevel;
}

public sealed record StockMovementRow(DateTime AtUtc, string ItemName, string Unit, int Quantity, string Description,
    string ActorName, int? ReportId, string? ReportNumber);

public sealed record StockPage(IReadOnlyList<StockRow> Items, IReadOnlyList<StockMovementRow> Movements, DeviceViewer Viewer);

/// <summary>The form of a stock item: name, unit, reorder level and, when it is added, the quantity on hand.</summary>
public sealed class StockItemInput
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public int Quantity { get; set; }
    public int ReorderLevel { get; set; }
}

/// <summary>The outcome of taking stock for a report: issued, or refused with the message the user sees.</summary>
public abstract record IssueOutcome
{
    public sealed record Issued(string Text) : IssueOutcome;
    public sealed record Refused(string Message) : IssueOutcome;
}

/// <summary>
/// Quantity-counted stock (cables, connectors; issue #19 point 3): the list with reorder warnings, adding and editing
/// an item, receiving stock, and issuing stock to a report in repair or replacement. The rules are
/// <see cref="StockItem"/>'s; this service loads, saves once and turns the concurrency refusal (two technicians taking
/// the last unit at once) into a message.
/// </summary>
public sealed class StockRoom(AppDbContext db, TimeProvider clock, ILogger<StockRoom> logger, DeviceAudit audit)
{
    /// <summary>Statuses of a report to which stock may be issued: the work is under way.</summary>
    public static readonly IReadOnlySet<ReportStatus> IssuingStatuses =
        new HashSet<ReportStatus> { ReportStatus.Repairing, ReportStatus.Replacing };

    public async Task<IReadOnlyList<StockRow>> ItemsAsync(CancellationToken ct = default) =>
        await db.StockItems.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new StockRow(s.Id, s.Name, s.Unit, s.Quantity, s.ReorderLevel)).ToListAsync(ct);

    public async Task<StockPage> PageAsync(DeviceViewer viewer, CancellationToken ct = default) =>
        new(await ItemsAsync(ct), await MovementsAsync(null, 30, ct), viewer);

    /// <summary>The latest movements, of every item or of one report's issues.</summary>
    public async Task<IReadOnlyList<StockMovementRow>> MovementsAsync(int? reportId, int take, CancellationToken ct = default)
    {
        var query = db.StockMovements.AsNoTracking();
        if (reportId is { } r) query = query.Where(m => m.ReportId == r);
        return await query.OrderByDescending(m => m.AtUtc).ThenByDescending(m => m.Id).Take(take)
            .Join(db.StockItems, m => m.StockItemId, s => s.Id, (m, s) => new { m, s })
            .Select(x => new StockMovementRow(x.m.AtUtc, x.s.Name, x.s.Unit, x.m.Quantity, x.m.Description, x.m.ActorName, x.m.ReportId,
                x.m.ReportId == null ? null : db.Reports.Where(r => r.Id == x.m.ReportId).Select(r => r.Number).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<StockItemInput?> InputAsync(int id, CancellationToken ct = default) =>
        await db.StockItems.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new StockItemInput { Name = s.Name, Unit = s.Unit, Quantity = s.Quantity, ReorderLevel = s.ReorderLevel })
            .SingleOrDefaultAsync(ct);

    public async Task<int> CreateAsync(StockItemInput input, DeviceViewer viewer, CancellationToken ct = default)
    {
        var item = new StockItem(input.Name ?? "", input.Unit ?? "", input.Quantity, input.ReorderLevel, viewer.ActorName,
            clock.GetUtcNow().UtcDateTime);
        db.StockItems.Add(item);
        audit.StageStockItem(item, $"Barang {item.Name} ditambahkan ({item.Quantity} {item.Unit}, batas pemesanan ulang {item.ReorderLevel}).");
        await SaveAsync(ct);
        return item.Id;
    }

    public async Task UpdateAsync(int id, StockItemInput input, CancellationToken ct = default)
    {
        var item = await db.StockItems.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException($"Stock item {id}");
        item.Edit(input.Name ?? "", input.Unit ?? "", input.ReorderLevel);
        audit.StageStockItem(item, $"Barang {item.Name} diubah (satuan {item.Unit}, batas pemesanan ulang {item.ReorderLevel}).");
        await SaveAsync(ct);
    }

    public async Task ReceiveAsync(int id, int quantity, string? note, DeviceViewer viewer, CancellationToken ct = default)
    {
        var item = await db.StockItems.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException($"Stock item {id}");
        item.Receive(quantity, viewer.ActorName, clock.GetUtcNow().UtcDateTime, note);
        await SaveAsync(ct);
    }

    /// <summary>Takes <paramref name="quantity"/> of the item for a report being repaired or replaced.</summary>
    public async Task<IssueOutcome> IssueAsync(int id, int reportId, int quantity, DeviceViewer viewer, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.Number, r.Status }).SingleOrDefaultAsync(ct);
        if (report is null) return new IssueOutcome.Refused("Laporan tidak ditemukan.");
        if (!IssuingStatuses.Contains(report.Status))
            return new IssueOutcome.Refused("Stok barang dapat dikeluarkan untuk laporan yang sedang diperbaiki atau diganti perangkatnya.");
        var item = await db.StockItems.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (item is null) return new IssueOutcome.Refused("Barang tidak ditemukan.");
        try
        {
            item.Issue(quantity, report.Id, report.Number, viewer.ActorName, clock.GetUtcNow().UtcDateTime);
            await audit.SaveAsync(ct: ct);
            return new IssueOutcome.Issued($"{quantity} {item.Unit} {item.Name} dikeluarkan untuk laporan ini.");
        }
        catch (DomainException ex)
        {
            return new IssueOutcome.Refused(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else took from this item between our read and our save: the version did not match.
            logger.LogInformation("Issuing stock item {StockItemId} to report {ReportId} lost to a concurrent change", id, reportId);
            db.ChangeTracker.Clear();
            return new IssueOutcome.Refused(DeviceMessages.StockTakenByOther);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(ct: ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Data barang ini baru saja diubah oleh orang lain. Muat ulang halaman dan coba lagi.");
        }
        catch (DbUpdateException)
        {
            throw new FormErrorException(nameof(StockItemInput.Name), "Barang dengan nama ini sudah ada.");
        }
    }
}
