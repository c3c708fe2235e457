using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Data.Seeding;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Creates the roles, the demo accounts (Development/demo mode only) and the first administrator
/// (from configuration or the command line; never a default password in Production).
/// </summary>
public sealed class UserProvisioning(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ILogger<UserProvisioning> logger)
{
    /// <summary>The demo password of every demo account; written in README.md. Demo mode only.</summary>
    public const string DemoPassword = "Demo#2026pass";

    public sealed record DemoAccount(string UserName, string FullName, string Role, string? Nip, string Position,
        string? OpdShortName = null, string? UnitName = null);

    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("pelapor", "Rina Marlina", Roles.Pelapor, "199003152015032001", "Pranata Komputer", OpdShortName: "BKD"),
        new("pelapor.dinkes", "Agus Salim", Roles.Pelapor, "198807212014021002", "Analis Sistem Informasi", OpdShortName: "Dinkes"),
        new("petugas", "Dewi Lestari", Roles.PetugasLayanan, "199205102019032004", "Petugas Pelayanan", UnitName: ReferenceData.AgencyName),
        new("kadis", "Drs. Muhammad Fauzi, M.Si", Roles.KepalaDinas, "197003121995031002", "Kepala Dinas Komunikasi dan Informatika", UnitName: ReferenceData.AgencyName),
        new("kabid", "Hendra Gunawan, S.Kom., M.M", Roles.KepalaBidang, "197805202003121003", "Kepala Bidang Aplikasi Informatika", UnitName: ReferenceData.BidangAplikasi),
        new("kabid.ikp", "Sri Wahyuni, S.Sos", Roles.KepalaBidang, "197911042005022001", "Kepala Bidang Informasi dan Komunikasi Publik", UnitName: ReferenceData.BidangKomunikasi),
        new("kasi", "Rudi Hartono, S.T", Roles.KepalaSeksi, "198209142008011004", "Kepala Seksi Infrastruktur dan Jaringan", UnitName: ReferenceData.SeksiInfrastruktur),
        new("kasi.aplikasi", "Yusuf Hidayat, S.Kom", Roles.KepalaSeksi, "198404182009031002", "Kepala Seksi Pengembangan Aplikasi", UnitName: ReferenceData.SeksiAplikasi),
        new("teknisi", "Bayu Pratama, A.Md", Roles.Teknisi, "199406062020121005", "Teknisi Jaringan", UnitName: ReferenceData.SeksiInfrastruktur),
        new("teknisi2", "Fajar Nugroho", Roles.Teknisi, null, "Tenaga Teknis Data Center", UnitName: ReferenceData.SeksiInfrastruktur),
        new("admin", "Administrator Sistem", Roles.Administrator, null, "Administrator Sistem", UnitName: ReferenceData.AgencyName),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }

    public async Task EnsureDemoAccountsAsync()
    {
        await EnsureRolesAsync();
        var opds = await db.Opds.ToDictionaryAsync(o => o.ShortName ?? o.Name);
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Name);
        foreach (var account in DemoAccounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var user = new AppUser
            {
                UserName = account.UserName,
                Email = $"{account.UserName}@demo.tebingtinggikota.go.id",
                EmailConfirmed = true,
                FullName = account.FullName,
                Nip = account.Nip,
                Position = account.Position,
                PhoneNumber = "+6281260000" + (DemoAccounts.ToList().IndexOf(account) + 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
                OpdId = account.OpdShortName is null ? null : opds[account.OpdShortName].Id,
                OrgUnitId = account.UnitName is null ? null : units[account.UnitName].Id,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(user, DemoPassword), $"create demo user {account.UserName}");
            Check(await users.AddToRoleAsync(user, account.Role), $"add {account.UserName} to {account.Role}");
        }

        // The demo officials head the units they work in.
        foreach (var account in DemoAccounts.Where(a => Roles.Officials.Contains(a.Role) && a.UnitName is not null))
        {
            var unit = units[account.UnitName!];
            if (unit.HeadUserId is null)
            {
                var user = await users.FindByNameAsync(account.UserName);
                unit.SetHead(user!.Id);
            }
        }

        await db.SaveChangesAsync();
        logger.LogInformation("Demo accounts are present ({Count})", DemoAccounts.Count);
    }

    /// <summary>Creates an administrator unless a user with that name exists. Returns false when it existed.</summary>
    /// <summary>
    /// The <c>Bootstrap:Administrator</c> account: created only when no administrator exists at all (active or
    /// deactivated, whatever their name). False when one exists.
    /// </summary>
    public async Task<bool> CreateFirstAdministratorAsync(string userName, string fullName, string? email, string password)
    {
        await EnsureRolesAsync();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            logger.LogInformation("Bootstrap administrator {UserName} not created: an administrator exists", userName);
            return false;
        }
        return await CreateAdministratorAsync(userName, fullName, email, password);
    }

    public async Task<bool> CreateAdministratorAsync(string userName, string fullName, string? email, string password)
    {
        await EnsureRolesAsync();
        if (await users.FindByNameAsync(userName) is not null) return false;
        var user = new AppUser
        {
            UserName = userName,
            Email = email,
            EmailConfirmed = email is not null,
            FullName = fullName,
            Position = "Administrator Sistem",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, password), "create administrator");
        Check(await users.AddToRoleAsync(user, Roles.Administrator), "add administrator role");
        logger.LogInformation("Administrator {UserName} created", userName);
        return true;
    }

    /// <summary>
    /// Turns off two-factor authentication and replaces the authenticator key (the lost phone's key stops working).
    /// The user's sessions end at the next security-stamp check. False when there is no such user.
    /// </summary>
    public async Task<bool> ResetTwoFactorAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null) return false;
        Check(await users.SetTwoFactorEnabledAsync(user, false), "turn off two-factor authentication");
        Check(await users.ResetAuthenticatorKeyAsync(user), "replace the authenticator key");
        logger.LogWarning("Two-factor authentication of {UserName} was reset from the command line", userName);
        return true;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
