using FluentValidation;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Admin.Users;

/// <summary>The user form's fields shared by create and edit.</summary>
public class UserInput
{
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Nip { get; set; }
    public string? Position { get; set; }
    public string? PhoneNumber { get; set; }
    public string? Email { get; set; }
    public int? OpdId { get; set; }
    public int? OrgUnitId { get; set; }
    public List<string> Roles { get; set; } = [];
}

/// <summary>A new account: the user fields plus the initial password.</summary>
public sealed class CreateUserInput : UserInput
{
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>A password set by the administrator for someone who forgot theirs.</summary>
public sealed class ResetPasswordInput
{
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>The list's search and filters (query string: q, role, status, page).</summary>
public sealed class UserListQuery
{
    public const int PageSize = 20;

    public string? Q { get; set; }
    public string? Role { get; set; }
    public string? Status { get; set; }
    public int Page { get; set; } = 1;
}

/// <summary>
/// Rules of a user account that need no database. Whether the chosen OPD and unit exist and are active, and whether
/// the user name or NIP is taken, is checked by <see cref="UserAdminService"/>.
/// </summary>
public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    /// <summary>The roles that work inside Diskominfo and so belong to one of its units.</summary>
    public static readonly IReadOnlyList<string> RolesNeedingUnit =
        [Roles.PetugasLayanan, Roles.KepalaDinas, Roles.KepalaBidang, Roles.KepalaSeksi, Roles.Teknisi];

    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@";

    public UserInputValidator()
    {
        RuleFor(x => x.UserName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Nama pengguna wajib diisi.")
            .Must(n => n.Trim().Length >= 3).WithMessage("Nama pengguna minimal 3 karakter.")
            .MaximumLength(64).WithMessage("Nama pengguna maksimal 64 karakter.")
            .Must(n => n.Trim().All(UserNameCharacters.Contains))
            .WithMessage("Nama pengguna hanya boleh berisi huruf, angka, titik (.), garis bawah (_), tanda hubung (-), dan @, tanpa spasi.");
        RuleFor(x => x.FullName).NotEmpty().WithMessage("Nama lengkap wajib diisi.")
            .MaximumLength(150).WithMessage("Nama lengkap maksimal 150 karakter.");
        RuleFor(x => x.Nip)
            .Must(n => Nip.IsValid(Nip.Normalize(n)))
            .When(x => !string.IsNullOrWhiteSpace(x.Nip))
            .WithMessage("NIP harus 18 digit angka yang diawali tanggal lahir (contoh: 19860926 201505 1 001). Kosongkan bila bukan ASN.");
        RuleFor(x => x.Position).MaximumLength(150).WithMessage("Jabatan maksimal 150 karakter.");
        RuleFor(x => x.PhoneNumber)
            .Must(p => Core.Formatting.PhoneNumber.TryNormalize(p, out _))
            .When(x => !string.IsNullOrWhiteSpace(x.PhoneNumber))
            .WithMessage("Nomor telepon tidak valid. Gunakan format 08…, 628… atau +628… (contoh: 0812 6000 1234).");
        RuleFor(x => x.Email!)
            .MaximumLength(256).WithMessage("Email maksimal 256 karakter.")
            .EmailAddress().WithMessage("Alamat email tidak valid.")
            .When(x => !string.IsNullOrWhiteSpace(x.Email));

        RuleFor(x => x.Roles).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Pilih sedikitnya satu peran.")
            .Must(roles => roles.All(Roles.IsKnown)).WithMessage("Peran yang dipilih tidak dikenal.");
        RuleFor(x => x.OpdId).NotNull().When(x => x.Roles.Contains(Roles.Pelapor))
            .WithMessage("OPD wajib dipilih untuk peran Staf OPD Pelapor.");
        RuleFor(x => x.OrgUnitId).NotNull().When(x => x.Roles.Any(RolesNeedingUnit.Contains))
            .WithMessage("Unit organisasi wajib dipilih untuk petugas layanan, pejabat (Kadis, Kabid, Kasi), dan teknisi.");
    }
}

public sealed class CreateUserInputValidator : AbstractValidator<CreateUserInput>
{
    public CreateUserInputValidator()
    {
        Include(new UserInputValidator());
        RuleFor(x => x.Password).MeetsPasswordPolicy("Kata sandi awal");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password)
            .WithMessage("Konfirmasi kata sandi tidak sama dengan kata sandi awal.");
    }
}

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator()
    {
        RuleFor(x => x.NewPassword).MeetsPasswordPolicy("Kata sandi baru");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword)
            .WithMessage("Konfirmasi kata sandi tidak sama dengan kata sandi baru.");
    }
}
