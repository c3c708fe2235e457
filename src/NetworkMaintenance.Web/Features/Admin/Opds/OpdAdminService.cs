using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Admin.Opds;

public sealed record OpdRow(int Id, string Name, string? ShortName, string? Address, string? Phone, string? Email,
    bool IsActive, int UserCount);

/// <summary>The administrator's OPD list: create, edit, deactivate, activate. OPDs are never deleted.</summary>
public sealed class OpdAdminService(AppDbContext db, Audit.IAuditLog audit, ILogger<OpdAdminService> logger)
{
    public async Task<IReadOnlyList<OpdRow>> ListAsync(string? search, string? status)
    {
        var query = db.Opds.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SearchPattern.Contains(search);
            query = query.Where(o => EF.Functions.Like(o.Name, pattern, SearchPattern.Escape)
                || (o.ShortName != null && EF.Functions.Like(o.ShortName, pattern, SearchPattern.Escape)));
        }
        query = status switch
        {
            StatusFilter.Active => query.Where(o => o.IsActive),
            StatusFilter.Inactive => query.Where(o => !o.IsActive),
            _ => query,
        };

        return await query
            .OrderBy(o => o.Name)
            .Select(o => new OpdRow(o.Id, o.Name, o.ShortName, o.Address, o.Phone, o.Email, o.IsActive,
                db.Users.Count(u => u.OpdId == o.Id)))
            .ToListAsync();
    }

    public async Task<OpdInput> GetForEditAsync(int id)
    {
        var opd = await FindAsync(id);
        return new OpdInput
        {
            Name = opd.Name,
            ShortName = opd.ShortName,
            Address = opd.Address,
            Phone = opd.Phone,
            Email = opd.Email,
        };
    }

    public async Task<bool> IsActiveAsync(int id) => (await FindAsync(id)).IsActive;

    public async Task<int> CreateAsync(OpdInput input)
    {
        await EnsureUniqueAsync(input, exceptId: null);
        var opd = new Opd(input.Name, input.ShortName);
        opd.UpdateContact(input.Address, PhoneNumber.NormalizeOrNull(input.Phone), input.Email);
        db.Opds.Add(opd);
        await SaveAsync(input);
        logger.LogInformation("OPD {OpdId} {Name} created", opd.Id, opd.Name);
        await audit.WriteAsync(AuditEvents.SettingChanged, $"OPD \"{opd.Name}\" ditambahkan.", Audit.AuditObject.Opd(opd.Id, opd.Name));
        return opd.Id;
    }

    public async Task UpdateAsync(int id, OpdInput input)
    {
        var opd = await FindAsync(id);
        await EnsureUniqueAsync(input, exceptId: id);
        opd.Rename(input.Name, input.ShortName);
        opd.UpdateContact(input.Address, PhoneNumber.NormalizeOrNull(input.Phone), input.Email);
        audit.Add(AuditEvents.SettingChanged, $"Data OPD \"{opd.Name}\" diubah.", Audit.AuditObject.Opd(opd.Id, opd.Name),
            new { opd.Name, opd.ShortName, opd.Address, opd.Phone, opd.Email });
        await SaveAsync(input);
        logger.LogInformation("OPD {OpdId} updated", id);
    }

    public async Task DeactivateAsync(int id)
    {
        var opd = await FindAsync(id);
        opd.Deactivate();
        audit.Add(AuditEvents.SettingChanged, $"OPD \"{opd.Name}\" dinonaktifkan.", Audit.AuditObject.Opd(opd.Id, opd.Name));
        await db.SaveChangesAsync();
        logger.LogInformation("OPD {OpdId} deactivated", id);
    }

    public async Task ActivateAsync(int id)
    {
        var opd = await FindAsync(id);
        opd.Activate();
        audit.Add(AuditEvents.SettingChanged, $"OPD \"{opd.Name}\" diaktifkan kembali.", Audit.AuditObject.Opd(opd.Id, opd.Name));
        await db.SaveChangesAsync();
        logger.LogInformation("OPD {OpdId} activated", id);
    }

    private async Task<Opd> FindAsync(int id) =>
        await db.Opds.SingleOrDefaultAsync(o => o.Id == id) ?? throw new NotFoundException($"OPD {id}");

    /// <summary>Names and short names must be unique (see <see cref="NameKey"/>).</summary>
    private async Task EnsureUniqueAsync(OpdInput input, int? exceptId)
    {
        var others = await db.Opds.AsNoTracking().Where(o => o.Id != exceptId)
            .Select(o => new { o.Name, o.ShortName }).ToListAsync();
        var errors = new List<FieldError>();
        var sameName = others.FirstOrDefault(o => NameKey.Same(o.Name, input.Name));
        if (sameName is not null)
        {
            errors.Add(new(nameof(OpdInput.Name), $"OPD dengan nama \"{sameName.Name}\" sudah terdaftar."));
        }
        var sameShortName = string.IsNullOrWhiteSpace(input.ShortName) ? null
            : others.FirstOrDefault(o => o.ShortName is not null && NameKey.Same(o.ShortName, input.ShortName));
        if (sameShortName is not null)
        {
            errors.Add(new(nameof(OpdInput.ShortName),
                $"Singkatan \"{sameShortName.ShortName}\" sudah dipakai oleh {sameShortName.Name}."));
        }
        if (errors.Count > 0) throw new FormErrorException(errors);
    }

    private async Task SaveAsync(OpdInput input)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            // Another administrator saved the same name between our check and this save: the unique index refused it.
            logger.LogWarning(ex, "Saving OPD {Name} failed", input.Name);
            throw new FormErrorException(nameof(OpdInput.Name), $"OPD dengan nama \"{input.Name.Trim()}\" sudah terdaftar.");
        }
    }
}
