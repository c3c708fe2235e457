using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Admin.Units;

public sealed record OrgUnitRow(int Id, string Name, OrgUnitKind Kind, int? ParentId, bool IsActive,
    string? HeadName, string? HeadPosition, bool HeadIsActive, int MemberCount);

/// <summary>The choices an organisation-unit form offers.</summary>
public sealed record OrgUnitFormOptions(IReadOnlyList<Choice> Parents, IReadOnlyList<Choice> Heads);

/// <summary>
/// Diskominfo's organisation as data (Dinas &gt; Bidang &gt; Seksi) and who heads each unit.
/// Units are deactivated, never deleted.
/// </summary>
public sealed class OrgUnitAdminService(AppDbContext db, Audit.IAuditLog audit, ILogger<OrgUnitAdminService> logger)
{
    public const string ParentKindMessageBidang = "Induk sebuah Bidang harus unit berjenis Dinas.";
    public const string ParentKindMessageSeksi = "Induk sebuah Seksi harus unit berjenis Bidang.";
    public const string HeadMustBeActiveMessage = "Kepala unit harus pengguna yang aktif.";

    /// <summary>Every unit in tree order.</summary>
    public async Task<IReadOnlyList<OrgUnitTree.Node<OrgUnitRow>>> TreeAsync()
    {
        var rows = await db.OrgUnits.AsNoTracking()
            .Select(u => new OrgUnitRow(u.Id, u.Name, u.Kind, u.ParentId, u.IsActive,
                u.Head == null ? null : u.Head.FullName,
                u.Head == null ? null : u.Head.Position,
                u.Head != null && u.Head.IsActive,
                db.Users.Count(m => m.OrgUnitId == u.Id && m.IsActive)))
            .ToListAsync();
        return OrgUnitTree.Flatten(rows, r => r.Id, r => r.ParentId, r => r.Name);
    }

    /// <summary>Possible parents (active Dinas and Bidang units) and heads (active users, plus the current head).</summary>
    public async Task<OrgUnitFormOptions> GetFormOptionsAsync(int? editingId = null, string? currentHeadUserId = null)
    {
        var parents = await db.OrgUnits.AsNoTracking()
            .Where(u => u.IsActive && u.Kind != OrgUnitKind.Seksi && u.Id != editingId)
            .Select(u => new { u.Id, u.Name, u.Kind, u.ParentId })
            .ToListAsync();
        var parentChoices = OrgUnitTree.Flatten(parents, p => p.Id, p => p.ParentId, p => p.Name)
            .Select(n => new Choice(n.Unit.Id.ToString(AppHost.Culture),
                OrgUnitTree.IndentedLabel($"{n.Unit.Name} ({OrgUnit.KindLabel(n.Unit.Kind)})", n.Depth)))
            .ToList();

        var heads = await db.Users.AsNoTracking()
            .Where(u => u.IsActive || u.Id == currentHeadUserId)
            .OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.UserName, u.Position, u.IsActive })
            .ToListAsync();
        var headChoices = heads
            .Select(u => new Choice(u.Id, $"{u.FullName} ({u.UserName}){(u.Position is null ? "" : " — " + u.Position)}{(u.IsActive ? "" : " [nonaktif]")}"))
            .ToList();

        return new OrgUnitFormOptions(parentChoices, headChoices);
    }

    public async Task<(OrgUnitInput Input, bool IsActive)> GetForEditAsync(int id)
    {
        var unit = await FindAsync(id);
        return (new OrgUnitInput { Name = unit.Name, Kind = unit.Kind, ParentId = unit.ParentId, HeadUserId = unit.HeadUserId },
            unit.IsActive);
    }

    public async Task<bool> IsActiveAsync(int id) => (await FindAsync(id)).IsActive;

    public async Task<int> CreateAsync(OrgUnitInput input)
    {
        var kind = input.Kind!.Value;
        await CheckPlacementAsync(null, input.Name, kind, input.ParentId, currentParentId: null);
        await CheckHeadAsync(input.HeadUserId);

        var unit = new OrgUnit(input.Name, kind, input.ParentId);
        unit.SetHead(input.HeadUserId);
        db.OrgUnits.Add(unit);
        await SaveAsync(input);
        logger.LogInformation("Organisation unit {UnitId} {Name} ({Kind}) created", unit.Id, unit.Name, unit.Kind);
        await audit.WriteAsync(AuditEvents.SettingChanged, $"Unit \"{unit.Name}\" ditambahkan.", Audit.AuditObject.OrgUnit(unit.Id, unit.Name),
            new { kind = unit.Kind, unit.ParentId, unit.HeadUserId });
        return unit.Id;
    }

    public async Task UpdateAsync(int id, OrgUnitInput input)
    {
        var unit = await FindAsync(id);
        var kind = input.Kind!.Value;
        await CheckPlacementAsync(id, input.Name, kind, input.ParentId, unit.ParentId);
        await CheckHeadAsync(input.HeadUserId);
        if (kind != unit.Kind) await CheckChildrenFitAsync(id, kind);

        unit.Rename(input.Name);
        unit.ChangeKind(kind);
        unit.MoveUnder(input.ParentId);
        unit.SetHead(input.HeadUserId);
        audit.Add(AuditEvents.SettingChanged, $"Unit \"{unit.Name}\" diubah.", Audit.AuditObject.OrgUnit(unit.Id, unit.Name),
            new { kind = unit.Kind, unit.ParentId, unit.HeadUserId });
        await SaveAsync(input);
        logger.LogInformation("Organisation unit {UnitId} updated", id);
    }

    public async Task DeactivateAsync(int id)
    {
        var unit = await FindAsync(id);
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == id && u.IsActive))
            throw new DomainException("Unit ini masih memiliki sub-unit yang aktif. Nonaktifkan sub-unitnya terlebih dahulu.");
        unit.Deactivate();
        audit.Add(AuditEvents.SettingChanged, $"Unit \"{unit.Name}\" dinonaktifkan.", Audit.AuditObject.OrgUnit(unit.Id, unit.Name));
        await db.SaveChangesAsync();
        logger.LogInformation("Organisation unit {UnitId} deactivated", id);
    }

    public async Task ActivateAsync(int id)
    {
        var unit = await FindAsync(id);
        if (unit.ParentId is int parentId && !await db.OrgUnits.AnyAsync(u => u.Id == parentId && u.IsActive))
            throw new DomainException("Unit induknya tidak aktif. Aktifkan unit induk terlebih dahulu.");
        unit.Activate();
        audit.Add(AuditEvents.SettingChanged, $"Unit \"{unit.Name}\" diaktifkan kembali.", Audit.AuditObject.OrgUnit(unit.Id, unit.Name));
        await db.SaveChangesAsync();
        logger.LogInformation("Organisation unit {UnitId} activated", id);
    }

    private async Task<OrgUnit> FindAsync(int id) =>
        await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id) ?? throw new NotFoundException($"Organisation unit {id}");

    /// <summary>A Bidang sits under the Dinas, a Seksi under a Bidang; there is one Dinas; names are unique per parent.</summary>
    private async Task CheckPlacementAsync(int? id, string name, OrgUnitKind kind, int? parentId, int? currentParentId)
    {
        if (kind == OrgUnitKind.Dinas)
        {
            if (await db.OrgUnits.AnyAsync(u => u.Kind == OrgUnitKind.Dinas && u.Id != id))
                throw new FormErrorException(nameof(OrgUnitInput.Kind),
                    "Unit berjenis Dinas sudah ada. Hanya ada satu Dinas; tambahkan Bidang atau Seksi di bawahnya.");
        }
        else
        {
            if (parentId == id)
                throw new FormErrorException(nameof(OrgUnitInput.ParentId), OrgUnitMessages.OwnParent);
            var parent = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId)
                ?? throw new FormErrorException(nameof(OrgUnitInput.ParentId), "Unit induk tidak ditemukan.");
            if (parent.Kind != OrgUnitTree.RequiredParentKind(kind))
                throw new FormErrorException(nameof(OrgUnitInput.ParentId),
                    kind == OrgUnitKind.Bidang ? ParentKindMessageBidang : ParentKindMessageSeksi);
            // An inactive unit may keep its inactive parent; a new placement must be under an active one.
            if (!parent.IsActive && parentId != currentParentId)
                throw new FormErrorException(nameof(OrgUnitInput.ParentId), "Unit induk yang dipilih tidak aktif.");
        }

        int? siblingParentId = kind == OrgUnitKind.Dinas ? null : parentId;
        var siblings = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == siblingParentId && u.Id != id)
            .Select(u => u.Name).ToListAsync();
        if (siblings.Any(s => NameKey.Same(s, name)))
            throw new FormErrorException(nameof(OrgUnitInput.Name),
                $"Sudah ada unit bernama \"{name.Trim()}\" di bawah induk yang sama.");
    }

    /// <summary>The head must be an active user (also when an existing head was deactivated since).</summary>
    private async Task CheckHeadAsync(string? headUserId)
    {
        if (string.IsNullOrWhiteSpace(headUserId)) return;
        if (!await db.Users.AnyAsync(u => u.Id == headUserId && u.IsActive))
            throw new FormErrorException(nameof(OrgUnitInput.HeadUserId), HeadMustBeActiveMessage);
    }

    /// <summary>Changing a unit's kind must not leave its sub-units under a parent of the wrong kind.</summary>
    private async Task CheckChildrenFitAsync(int id, OrgUnitKind newKind)
    {
        var childKinds = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == id).Select(u => u.Kind).Distinct().ToListAsync();
        if (childKinds.Any(k => OrgUnitTree.RequiredParentKind(k) != newKind))
            throw new FormErrorException(nameof(OrgUnitInput.Kind),
                "Jenis unit tidak dapat diubah karena sub-unitnya akan berada di bawah induk yang tidak sesuai.");
    }

    private async Task SaveAsync(OrgUnitInput input)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Saving organisation unit {Name} failed", input.Name);
            throw new FormErrorException(nameof(OrgUnitInput.Name),
                $"Sudah ada unit bernama \"{input.Name.Trim()}\" di bawah induk yang sama.");
        }
    }
}
