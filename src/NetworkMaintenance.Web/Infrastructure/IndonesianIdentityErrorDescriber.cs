using Microsoft.AspNetCore.Identity;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>Identity's messages in Bahasa Indonesia.</summary>
public sealed class IndonesianIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Terjadi kesalahan yang tidak diketahui.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Data telah diubah oleh pengguna lain. Muat ulang halaman lalu coba lagi.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Kata sandi salah.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Token tidak valid.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Akun ini sudah terhubung dengan pengguna lain.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Nama pengguna '{userName}' tidak valid: gunakan huruf, angka, titik, garis bawah atau tanda hubung.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"Alamat email '{email}' tidak valid.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Nama pengguna '{userName}' sudah dipakai.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Email '{email}' sudah dipakai.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"Nama peran '{role}' tidak valid.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Peran '{role}' sudah ada.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Pengguna sudah memiliki kata sandi.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Penguncian akun tidak aktif untuk pengguna ini.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Pengguna sudah memiliki peran '{role}'.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Pengguna tidak memiliki peran '{role}'.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Kata sandi minimal {length} karakter.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Kata sandi harus memuat sedikitnya {uniqueChars} karakter yang berbeda.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Kata sandi harus memuat sedikitnya satu simbol (misalnya ! # @).");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Kata sandi harus memuat sedikitnya satu angka.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Kata sandi harus memuat sedikitnya satu huruf kecil.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Kata sandi harus memuat sedikitnya satu huruf besar.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Kode pemulihan tidak valid.");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
