using NetworkMaintenance.Web.Features.Account;
using static NetworkMaintenance.UnitTests.Validators.ValidationAssert;

namespace NetworkMaintenance.UnitTests.Validators;

public sealed class LoginInputValidatorRules
{
    private readonly LoginInputValidator _validator = new();

    [Fact]
    public void AcceptsAUserNameAndPassword() =>
        Valid(_validator.Validate(new LoginInput { UserName = "kasi", Password = "apa saja" }));

    [Fact]
    public void RequiresTheUserName() =>
        OnlyFails(_validator.Validate(new LoginInput { UserName = "", Password = "x" }), "UserName", "Nama pengguna wajib diisi.");

    [Fact]
    public void RequiresThePassword() =>
        OnlyFails(_validator.Validate(new LoginInput { UserName = "kasi", Password = "" }), "Password", "Kata sandi wajib diisi.");

    [Fact]
    public void RefusesAUserNameLongerThan256Characters() =>
        OnlyFails(_validator.Validate(new LoginInput { UserName = new string('a', 257), Password = "x" }), "UserName", "terlalu panjang");

    [Fact]
    public void RefusesAPasswordLongerThan200Characters() =>
        OnlyFails(_validator.Validate(new LoginInput { UserName = "kasi", Password = new string('a', 201) }), "Password", "terlalu panjang");

    [Fact]
    public void DoesNotJudgeThePasswordPolicyAtLoginSoOldPasswordsStillWork() =>
        Valid(_validator.Validate(new LoginInput { UserName = "kasi", Password = "a" }));
}

public sealed class ChangePasswordInputValidatorRules
{
    private readonly ChangePasswordInputValidator _validator = new();

    private static ChangePasswordInput Input(string current = "Lama#2026abc", string next = "Baru#2026abcd", string? confirm = null) =>
        new() { CurrentPassword = current, NewPassword = next, ConfirmPassword = confirm ?? next };

    [Fact]
    public void AcceptsADifferentNewPasswordConfirmedOnce() => Valid(_validator.Validate(Input()));

    [Fact]
    public void RequiresTheCurrentPassword() =>
        OnlyFails(_validator.Validate(Input(current: "")), "CurrentPassword", "Kata sandi lama wajib diisi.");

    [Fact]
    public void RequiresTheNewPassword()
    {
        var result = _validator.Validate(Input(next: ""));
        Assert.Contains("Kata sandi baru wajib diisi.", result.MessagesFor("NewPassword"));
    }

    [Fact]
    public void RefusesANewPasswordShorterThanTenCharacters() =>
        OnlyFails(_validator.Validate(Input(next: "Pendek1A")), "NewPassword", "minimal 12 karakter");

    [Fact]
    public void RefusesANewPasswordEqualToTheCurrentOne() =>
        OnlyFails(_validator.Validate(Input(current: "Sama#2026abc", next: "Sama#2026abc")), "NewPassword", "harus berbeda");

    [Fact]
    public void RefusesAConfirmationThatDiffers() =>
        OnlyFails(_validator.Validate(Input(confirm: "Lain#2026abcd")), "ConfirmPassword", "Konfirmasi kata sandi tidak sama");
}
