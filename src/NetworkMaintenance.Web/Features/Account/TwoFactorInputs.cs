using FluentValidation;

namespace NetworkMaintenance.Web.Features.Account;

/// <summary>The six-digit code from the authenticator app; spaces and dashes people type are ignored.</summary>
public static class AuthenticatorCode
{
    public static string Normalize(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    public static bool IsWellFormed(string? code)
    {
        var normalized = Normalize(code);
        return normalized.Length == 6 && normalized.All(char.IsAsciiDigit);
    }
}

/// <summary>The code that confirms enrollment (the app shows the same codes as the server computes).</summary>
// The fields are nullable so that MVC adds no implicit (English) "required" error: the validators say it in Indonesian.
public sealed class EnableAuthenticatorInput
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class EnableAuthenticatorInputValidator : AbstractValidator<EnableAuthenticatorInput>
{
    public EnableAuthenticatorInputValidator()
    {
        RuleFor(x => x.Code).Must(AuthenticatorCode.IsWellFormed)
            .WithMessage("Kode verifikasi harus 6 angka dari aplikasi autentikator.");
    }
}

/// <summary>Turning two-factor authentication off asks for the password again.</summary>
public sealed class DisableTwoFactorInput
{
    public string? Password { get; set; }
}

public sealed class DisableTwoFactorInputValidator : AbstractValidator<DisableTwoFactorInput>
{
    public DisableTwoFactorInputValidator()
    {
        RuleFor(x => x.Password).NotEmpty().WithMessage("Kata sandi wajib diisi untuk menonaktifkan autentikasi dua faktor.")
            .MaximumLength(200).WithMessage("Kata sandi terlalu panjang.");
    }
}

/// <summary>The second step of signing in with the authenticator app.</summary>
public sealed class LoginWithTwoFactorInput
{
    public string? Code { get; set; }
    public bool RememberMachine { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class LoginWithTwoFactorInputValidator : AbstractValidator<LoginWithTwoFactorInput>
{
    public LoginWithTwoFactorInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Kode verifikasi wajib diisi.")
            .Must(c => string.IsNullOrWhiteSpace(c) || AuthenticatorCode.IsWellFormed(c))
            .WithMessage("Kode verifikasi harus 6 angka dari aplikasi autentikator.");
    }
}

/// <summary>Signing in with one of the ten recovery codes when the phone is not at hand.</summary>
public sealed class LoginWithRecoveryCodeInput
{
    public string? RecoveryCode { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class LoginWithRecoveryCodeInputValidator : AbstractValidator<LoginWithRecoveryCodeInput>
{
    public LoginWithRecoveryCodeInputValidator()
    {
        RuleFor(x => x.RecoveryCode).NotEmpty().WithMessage("Kode pemulihan wajib diisi.")
            .MaximumLength(50).WithMessage("Kode pemulihan terlalu panjang.");
    }
}
