using Microsoft.AspNetCore.Identity;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.UnitTests.Security;

/// <summary>Peraturan BSSN Nomor 4 Tahun 2021: passwords of at least 12 characters, for Identity and the forms alike.</summary>
public class PasswordPolicyTests
{
    [Fact]
    public void IdentityRequiresTwelveCharactersWithUpperLowerAndDigit()
    {
        var options = new PasswordOptions();
        PasswordPolicy.Apply(options);
        Assert.Equal(12, options.RequiredLength);
        Assert.True(options.RequireUppercase && options.RequireLowercase && options.RequireDigit);
    }

    [Theory]
    [InlineData("Abcdefghij1", false)]
    [InlineData("Abcdefghijk1", true)]
    [InlineData("Demo#2026pass", true)]
    public void TheChangePasswordFormRefusesElevenCharacters(string next, bool valid)
    {
        var result = new ChangePasswordInputValidator().Validate(new ChangePasswordInput
        {
            CurrentPassword = "Lama#Sandi2026", NewPassword = next, ConfirmPassword = next,
        });
        Assert.Equal(valid, result.IsValid);
        if (!valid) Assert.Contains(result.Errors, e => e.ErrorMessage == "Kata sandi baru minimal 12 karakter.");
    }
}
