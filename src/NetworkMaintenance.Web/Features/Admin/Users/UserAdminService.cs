using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Admin.Units;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Admin.Users;

public sealed record UserRow(string Id, string UserName, string FullName, string? Nip, string? Position,
    string? OpdName, string? UnitName, bool IsActive, bool IsLockedOut, IReadOnlyList<string> Roles);

/// <summary>The choices of the user form: OPDs, units (tree order) and roles.</summary>
public sealed record UserFormOptions(IReadOnlyList<Choice> Opds, IReadOnlyList<Choice> Units, IReadOnlyList<Choice> Roles);

/// <summary>What the edit page shows beside the form.</summary>
public sealed record UserAccountStatus(string UserName, string FullName, bool IsActive, bool IsLockedOut,
    DateTime? LockoutEndWib, int AccessFailedCount, DateTime CreatedAtWib, bool IsSelf, IReadOnlyList<string> HeadOf);

/// <summary>
/// User accounts as the administrator manages them: create, edit with roles, deactivate and reactivate (never
/// delete: names stay on timelines and documents), reset a password, lift a lockout.
/// </summary>
public sealed class UserAdminService(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    TimeProvider clock,
    Audit.IAuditLog audit,
    ILogger<UserAdminService> logger)
{
    public const string CannotDeactivateSelfMessage = "Anda tidak dapat menonaktifkan akun Anda sendiri.";
    public const string CannotDropOwnAdministratorMessage =
        "Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri.";

    public async Task<PagedList<UserRow>> ListAsync(UserListQuery filter)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = SearchPattern.Contains(filter.Q);
            var nipPattern = SearchPattern.Contains(Nip.Normalize(filter.Q) ?? filter.Q);
            query = query.Where(u => EF.Functions.Like(u.FullName, pattern, SearchPattern.Escape)
                || EF.Functions.Like(u.UserName!, pattern, SearchPattern.Escape)
                || (u.Email != null && EF.Functions.Like(u.Email, pattern, SearchPattern.Escape))
                || (u.Position != null && EF.Functions.Like(u.Position, pattern, SearchPattern.Escape))
                || (u.Nip != null && EF.Functions.Like(u.Nip, nipPattern, SearchPattern.Escape)));
        }
        if (!string.IsNullOrEmpty(filter.Role) && Roles.IsKnown(filter.Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == filter.Role).Select(r => r.Id).SingleOrDefaultAsync();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        query = filter.Status switch
        {
            StatusFilter.Active => query.Where(u => u.IsActive),
            StatusFilter.Inactive => query.Where(u => !u.IsActive),
            _ => query,
        };

        var total = await query.CountAsync();
        var page = Paging.ClampPage(filter.Page, total, UserListQuery.PageSize);
        var rows = await query
            .OrderBy(u => u.FullName).ThenBy(u => u.UserName)
            .Skip((page - 1) * UserListQuery.PageSize).Take(UserListQuery.PageSize)
            .Select(u => new
            {
                u.Id, u.UserName, u.FullName, u.Nip, u.Position, u.IsActive, u.LockoutEnd,
                OpdName = u.Opd == null ? null : u.Opd.ShortName ?? u.Opd.Name,
                UnitName = u.OrgUnit == null ? null : u.OrgUnit.Name,
            })
            .ToListAsync();

        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync())
            .ToLookup(x => x.UserId, x => x.Name!);
        // Lockout end is compared here: SQLite cannot compare DateTimeOffset values in a query.
        var now = clock.GetUtcNow();
        var items = rows.Select(r => new UserRow(r.Id, r.UserName ?? "", r.FullName, r.Nip, r.Position, r.OpdName,
                r.UnitName, r.IsActive, r.LockoutEnd > now, Ordered(roles[r.Id])))
            .ToList();
        return new PagedList<UserRow>(items, page, UserListQuery.PageSize, total);
    }

    public async Task<UserFormOptions> GetFormOptionsAsync(int? currentOpdId = null, int? currentUnitId = null)
    {
        var opds = await db.Opds.AsNoTracking()
            .Where(o => o.IsActive || o.Id == currentOpdId)
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.ShortName, o.IsActive })
            .ToListAsync();
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.IsActive || u.Id == currentUnitId)
            .Select(u => new { u.Id, u.Name, u.Kind, u.ParentId, u.IsActive })
            .ToListAsync();

        return new UserFormOptions(
            opds.Select(o => new Choice(Id(o.Id),
                (o.ShortName is null ? o.Name : $"{o.Name} ({o.ShortName})") + (o.IsActive ? "" : " [nonaktif]"))).ToList(),
            OrgUnitTree.Flatten(units, u => u.Id, u => u.ParentId, u => u.Name)
                .Select(n => new Choice(Id(n.Unit.Id), OrgUnitTree.IndentedLabel(
                    n.Unit.Name + (n.Unit.IsActive ? "" : " [nonaktif]"), n.Depth))).ToList(),
            Roles.All.Select(r => new Choice(r, Roles.Label(r))).ToList());
    }

    public async Task<(UserInput Input, UserAccountStatus Status)> GetForEditAsync(string id, string actingUserId)
    {
        var user = await FindAsync(id);
        var input = new UserInput
        {
            UserName = user.UserName ?? "",
            FullName = user.FullName,
            Nip = Nip.Format(user.Nip),
            Position = user.Position,
            PhoneNumber = user.PhoneNumber,
            Email = user.Email,
            OpdId = user.OpdId,
            OrgUnitId = user.OrgUnitId,
            Roles = [.. Ordered(await users.GetRolesAsync(user))],
        };
        return (input, await StatusAsync(user, actingUserId));
    }

    public async Task<UserAccountStatus> GetStatusAsync(string id, string actingUserId) =>
        await StatusAsync(await FindAsync(id), actingUserId);

    public async Task<string> CreateAsync(CreateUserInput input)
    {
        await CheckPlacementAsync(input, current: null);
        await CheckNipFreeAsync(Nip.Normalize(input.Nip), exceptUserId: null);

        var user = new AppUser { CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        Apply(user, input);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Check(await users.CreateAsync(user, input.Password));
            Check(await users.AddToRolesAsync(user, input.Roles.Distinct()));
            await transaction.CommitAsync();
        });
        logger.LogInformation("User {UserName} ({UserId}) created with roles {Roles}", user.UserName, user.Id,
            string.Join(",", input.Roles));
        await audit.WriteAsync(AuditEvents.UserCreated, $"Pengguna {user.UserName} ({user.FullName}) dibuat.",
            Audit.AuditObject.User(user.Id, user.UserName), new { roles = input.Roles.Distinct(), user.OpdId, user.OrgUnitId });
        return user.Id;
    }

    public async Task UpdateAsync(string id, UserInput input, string actingUserId)
    {
        var user = await FindAsync(id);
        if (id == actingUserId && !input.Roles.Contains(Roles.Administrator))
            throw new FormErrorException(nameof(UserInput.Roles), CannotDropOwnAdministratorMessage);
        await CheckPlacementAsync(input, user);
        await CheckNipFreeAsync(Nip.Normalize(input.Nip), exceptUserId: id);

        var current = await users.GetRolesAsync(user);
        var wanted = input.Roles.Distinct().ToList();
        var toAdd = wanted.Except(current).ToList();
        var toRemove = current.Except(wanted).ToList();
        Apply(user, input);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Check(await users.UpdateAsync(user));
            if (toRemove.Count > 0) Check(await users.RemoveFromRolesAsync(user, toRemove));
            if (toAdd.Count > 0) Check(await users.AddToRolesAsync(user, toAdd));
            await transaction.CommitAsync();
        });
        // Other sessions pick up new roles at the next security-stamp check (every minute); one's own at once.
        if (id == actingUserId) await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} updated (roles added: {Added}; removed: {Removed})", id,
            string.Join(",", toAdd), string.Join(",", toRemove));
        var target = Audit.AuditObject.User(user.Id, user.UserName);
        audit.Add(AuditEvents.UserUpdated, $"Data pengguna {user.UserName} ({user.FullName}) diubah.", target,
            new { user.FullName, user.OpdId, user.OrgUnitId, user.Position });
        if (toAdd.Count > 0 || toRemove.Count > 0)
            audit.Add(AuditEvents.RoleChanged, $"Peran {user.UserName} diubah: +[{string.Join(", ", toAdd)}] -[{string.Join(", ", toRemove)}].",
                target, new { added = toAdd, removed = toRemove });
        await db.SaveChangesAsync();
    }

    public async Task DeactivateAsync(string id, string actingUserId)
    {
        if (id == actingUserId) throw new DomainException(CannotDeactivateSelfMessage);
        var user = await FindAsync(id);
        if (!user.IsActive) return;
        var heads = await db.OrgUnits.Where(u => u.HeadUserId == id && u.IsActive).Select(u => u.Name).ToListAsync();
        if (heads.Count > 0)
            throw new DomainException(
                $"{user.FullName} masih menjadi kepala {string.Join(", ", heads)}. Tetapkan kepala unit yang lain terlebih dahulu.");

        user.IsActive = false;
        Check(await users.UpdateAsync(user));
        // A new stamp ends the user's open sessions at the next check; AppSignInManager refuses new sign-ins.
        Check(await users.UpdateSecurityStampAsync(user));
        logger.LogInformation("User {UserId} deactivated by {ActingUserId}", id, actingUserId);
        await audit.WriteAsync(AuditEvents.UserDeactivated, $"Pengguna {user.UserName} dinonaktifkan.", Audit.AuditObject.User(user.Id, user.UserName));
    }

    public async Task ActivateAsync(string id)
    {
        var user = await FindAsync(id);
        if (user.IsActive) return;
        user.IsActive = true;
        Check(await users.UpdateAsync(user));
        logger.LogInformation("User {UserId} reactivated", id);
        await audit.WriteAsync(AuditEvents.UserActivated, $"Pengguna {user.UserName} diaktifkan kembali.", Audit.AuditObject.User(user.Id, user.UserName));
    }

    public async Task ResetPasswordAsync(string id, ResetPasswordInput input, string actingUserId)
    {
        var user = await FindAsync(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        // Identity checks the password policy and gives the user a new security stamp: other sessions end.
        Check(await users.ResetPasswordAsync(user, token, input.NewPassword), nameof(ResetPasswordInput.NewPassword));
        if (id == actingUserId) await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Password of user {UserId} reset by {ActingUserId}", id, actingUserId);
        await audit.WriteAsync(AuditEvents.UserPasswordReset, $"Kata sandi {user.UserName} direset oleh administrator.", Audit.AuditObject.User(user.Id, user.UserName));
    }

    public async Task UnlockAsync(string id)
    {
        var user = await FindAsync(id);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        logger.LogInformation("User {UserId} unlocked", id);
        await audit.WriteAsync(AuditEvents.UserUnlocked, $"Kunci akun {user.UserName} dibuka.", Audit.AuditObject.User(user.Id, user.UserName));
    }

    private async Task<AppUser> FindAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new NotFoundException($"User {id}");

    private async Task<UserAccountStatus> StatusAsync(AppUser user, string actingUserId)
    {
        var lockoutEnd = await users.GetLockoutEndDateAsync(user);
        var locked = lockoutEnd > clock.GetUtcNow();
        var heads = await db.OrgUnits.AsNoTracking().Where(u => u.HeadUserId == user.Id && u.IsActive)
            .OrderBy(u => u.Name).Select(u => u.Name).ToListAsync();
        return new UserAccountStatus(user.UserName ?? "", user.FullName, user.IsActive, locked,
            locked ? Wib.FromUtc(lockoutEnd!.Value.UtcDateTime) : null, user.AccessFailedCount,
            Wib.FromUtc(user.CreatedAtUtc), user.Id == actingUserId, heads);
    }

    /// <summary>A chosen OPD or unit must exist and, unless the user already belongs to it, be active.</summary>
    private async Task CheckPlacementAsync(UserInput input, AppUser? current)
    {
        var errors = new List<FieldError>();
        if (input.OpdId is int opdId)
        {
            var opd = await db.Opds.AsNoTracking().Where(o => o.Id == opdId).Select(o => new { o.IsActive }).SingleOrDefaultAsync();
            if (opd is null) errors.Add(new(nameof(UserInput.OpdId), "OPD yang dipilih tidak ditemukan."));
            else if (!opd.IsActive && current?.OpdId != opdId)
                errors.Add(new(nameof(UserInput.OpdId), "OPD yang dipilih tidak aktif."));
        }
        if (input.OrgUnitId is int unitId)
        {
            var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.IsActive }).SingleOrDefaultAsync();
            if (unit is null) errors.Add(new(nameof(UserInput.OrgUnitId), "Unit organisasi yang dipilih tidak ditemukan."));
            else if (!unit.IsActive && current?.OrgUnitId != unitId)
                errors.Add(new(nameof(UserInput.OrgUnitId), "Unit organisasi yang dipilih tidak aktif."));
        }
        if (errors.Count > 0) throw new FormErrorException(errors);
    }

    /// <summary>One NIP, one person.</summary>
    private async Task CheckNipFreeAsync(string? nip, string? exceptUserId)
    {
        if (nip is null) return;
        var holder = await db.Users.AsNoTracking().Where(u => u.Nip == nip && u.Id != exceptUserId)
            .Select(u => u.FullName).FirstOrDefaultAsync();
        if (holder is not null)
            throw new FormErrorException(nameof(UserInput.Nip), $"NIP {Nip.Format(nip)} sudah dipakai oleh {holder}.");
    }

    private static void Apply(AppUser user, UserInput input)
    {
        user.UserName = input.UserName.Trim();
        user.FullName = input.FullName.Trim();
        user.Nip = Nip.Normalize(input.Nip);
        user.Position = string.IsNullOrWhiteSpace(input.Position) ? null : input.Position.Trim();
        user.PhoneNumber = Core.Formatting.PhoneNumber.NormalizeOrNull(input.PhoneNumber);
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase)) user.EmailConfirmed = false;
        user.Email = email;
        user.OpdId = input.OpdId;
        user.OrgUnitId = input.OrgUnitId;
    }

    /// <summary>Identity's refusals (a taken user name, a weak password) become messages on the right fields.</summary>
    private static void Check(IdentityResult result, string? passwordField = null)
    {
        if (result.Succeeded) return;
        throw new FormErrorException(result.Errors.Select(e => new FieldError(FieldOf(e.Code, passwordField), e.Description)).ToList());
    }

    private static string FieldOf(string code, string? passwordField) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) && code != nameof(IdentityErrorDescriber.PasswordMismatch)
            => passwordField ?? nameof(CreateUserInput.Password),
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => nameof(UserInput.UserName),
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) => nameof(UserInput.Email),
        _ => "",
    };

    private static List<string> Ordered(IEnumerable<string> roles) =>
        roles.OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList();

    private static string Id(int id) => id.ToString(AppHost.Culture);
}
