using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The password rules, in one place: Identity enforces them, and the form validators check the same rules first
/// so people get every message at once and in Indonesian.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>At least 12 characters: Peraturan BSSN Nomor 4 Tahun 2021 (docs/security-standard.md).</summary>
    public const int MinimumLength = 12;
    public const int MaximumLength = 200;
    public const string Hint = "Minimal 12 karakter, memuat huruf besar, huruf kecil, dan angka.";

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = true;
        options.RequireLowercase = true;
        options.RequireUppercase = true;
        options.RequireNonAlphanumeric = false;
    }

    /// <summary>Adds the policy's rules to a password property; <paramref name="what"/> names it in the messages.</summary>
    public static IRuleBuilderOptions<T, string> MeetsPasswordPolicy<T>(this IRuleBuilder<T, string> rule,
        string what = "Kata sandi") => rule
        .NotEmpty().WithMessage($"{what} wajib diisi.")
        .MinimumLength(MinimumLength).WithMessage($"{what} minimal {MinimumLength} karakter.")
        .MaximumLength(MaximumLength).WithMessage($"{what} terlalu panjang.")
        .Must(p => p is null || p.Any(char.IsAsciiLetterUpper)).WithMessage($"{what} harus memuat sedikitnya satu huruf besar.")
        .Must(p => p is null || p.Any(char.IsAsciiLetterLower)).WithMessage($"{what} harus memuat sedikitnya satu huruf kecil.")
        .Must(p => p is null || p.Any(char.IsAsciiDigit)).WithMessage($"{what} harus memuat sedikitnya satu angka.");
}
