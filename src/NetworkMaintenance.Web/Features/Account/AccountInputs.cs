using FluentValidation;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Account;

public sealed class LoginInput
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage("Nama pengguna wajib diisi.")
            .MaximumLength(256).WithMessage("Nama pengguna terlalu panjang.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Kata sandi wajib diisi.")
            .MaximumLength(200).WithMessage("Kata sandi terlalu panjang.");
    }
}

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Kata sandi lama wajib diisi.");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Kata sandi baru wajib diisi.")
            .MinimumLength(PasswordPolicy.MinimumLength).WithMessage($"Kata sandi baru minimal {PasswordPolicy.MinimumLength} karakter.")
            .MaximumLength(200).WithMessage("Kata sandi baru terlalu panjang.")
            .NotEqual(x => x.CurrentPassword).WithMessage("Kata sandi baru harus berbeda dari kata sandi lama.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword)
            .WithMessage("Konfirmasi kata sandi tidak sama dengan kata sandi baru.");
    }
}
