using NetworkMaintenance.Web.Features.Account;

namespace NetworkMaintenance.UnitTests.Security;

/// <summary>What the two-factor pages show and accept: the key in groups, the otpauth URI, the QR code, typed codes.</summary>
public sealed class TwoFactorFormats
{
    [Fact]
    public void TheKeyIsShownInLowerCaseGroupsOfFour()
    {
        Assert.Equal("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", TwoFactorController.FormatKey("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        Assert.Equal("abcd ef", TwoFactorController.FormatKey("ABCDEF"));
    }

    [Fact]
    public void TheAuthenticatorUriNamesTheIssuerAndTheUser()
    {
        Assert.Equal("otpauth://totp/Diskominfo%20Tebing%20Tinggi:admin.awal?secret=GEZDGNBV&issuer=Diskominfo%20Tebing%20Tinggi&digits=6",
            TwoFactorController.AuthenticatorUri("admin.awal", "GEZDGNBV"));
    }

    [Fact]
    public void TheQrCodeIsOnePathInsideItsQuietZone()
    {
        var qr = QrCodeSvg.Of("otpauth://totp/X:y?secret=GEZDGNBV", "Kode QR");

        Assert.Equal("Kode QR", qr.Label);
        Assert.Equal($"0 0 {qr.Size} {qr.Size}", qr.ViewBox);
        // Version 1 to 40 (21 to 177 modules) plus a quiet zone of four modules on each side.
        Assert.InRange(qr.Size - 8, 21, 177);
        Assert.Equal(0, (qr.Size - 8 - 21) % 4);
        Assert.StartsWith("M4 4h7", qr.PathData, StringComparison.Ordinal); // the finder pattern's top edge
        Assert.Matches(@"^(M\d+ \d+h\d+v1h-\d+z)+$", qr.PathData);
    }

    [Theory]
    [InlineData("123456", true)]
    [InlineData("123 456", true)]
    [InlineData("123-456", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("12a456", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AnAuthenticatorCodeIsSixDigitsWhateverSpacesOrDashesAreTyped(string? code, bool wellFormed)
    {
        Assert.Equal(wellFormed, AuthenticatorCode.IsWellFormed(code));
    }

    [Theory]
    [InlineData("BCDFG-23456", "BCDFG-23456")]
    [InlineData("bcdfg-23456", "BCDFG-23456")]
    [InlineData("bcdfg23456", "BCDFG-23456")]
    [InlineData(" BCDFG 23456 ", "BCDFG-23456")]
    public void ARecoveryCodeIsAcceptedInAnyCaseWithOrWithoutItsDash(string typed, string expected)
    {
        Assert.Equal(expected, AccountController.NormalizeRecoveryCode(typed));
    }
}
