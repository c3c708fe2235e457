using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.UnitTests.Formatting;

public sealed class PhoneNumberTryNormalize
{
    [Theory]
    [InlineData("081260001234", "+6281260001234")]
    [InlineData("0812-6000-1234", "+6281260001234")]
    [InlineData("0812 6000 1234", "+6281260001234")]
    [InlineData("0812.6000.1234", "+6281260001234")]
    [InlineData(" 081260001234 ", "+6281260001234")]
    public void AcceptsMobileNumbersStartingWith08(string typed, string stored) => AssertNormalizes(typed, stored);

    [Theory]
    [InlineData("6281260001234", "+6281260001234")]
    [InlineData("62 812 6000 1234", "+6281260001234")]
    public void AcceptsMobileNumbersStartingWith628(string typed, string stored) => AssertNormalizes(typed, stored);

    [Theory]
    [InlineData("+6281260001234", "+6281260001234")]
    [InlineData("+62 812-6000-1234", "+6281260001234")]
    [InlineData("+62 (812) 6000 1234", "+6281260001234")]
    public void AcceptsMobileNumbersStartingWithPlus628(string typed, string stored) => AssertNormalizes(typed, stored);

    [Theory]
    [InlineData("08123456789", "+628123456789")] // 10 digits after +62
    [InlineData("0812345678901", "+62812345678901")] // 12 digits after +62
    public void AcceptsTenToTwelveDigitsAfterTheCountryCode(string typed, string stored) => AssertNormalizes(typed, stored);

    [Theory]
    [InlineData("(0621) 325203", "+62621325203")]
    [InlineData("0621-325203", "+62621325203")]
    [InlineData("+62 621 325203", "+62621325203")]
    public void AcceptsTheTebingTinggiLandline(string typed, string stored) => AssertNormalizes(typed, stored);

    [Theory]
    [InlineData("0812345678")] // 9 digits after +62
    [InlineData("08123456789012")] // 13 digits after +62
    public void RefusesMobileNumbersOfTheWrongLength(string typed) => AssertRefuses(typed);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0812600O1234")] // letter O
    [InlineData("0812/6000/1234")]
    [InlineData("81260001234")] // no 0, 62 or +62 prefix
    [InlineData("+1 555 0100 1234")] // another country
    [InlineData("+0812 6000 1234")]
    [InlineData("+62 0812 6000 1234")] // the trunk 0 after the country code
    [InlineData("0062 812 6000 1234")]
    [InlineData("62")]
    [InlineData("0621 32")] // landline too short
    public void RefusesBadInput(string? typed) => AssertRefuses(typed);

    [Fact]
    public void NormalizeOrNullGivesTheStoredFormOrNull()
    {
        Assert.Equal("+6281260001234", PhoneNumber.NormalizeOrNull("0812 6000 1234"));
        Assert.Null(PhoneNumber.NormalizeOrNull("bukan nomor"));
    }

    private static void AssertNormalizes(string typed, string stored)
    {
        Assert.True(PhoneNumber.TryNormalize(typed, out var normalized), $"'{typed}' should be accepted");
        Assert.Equal(stored, normalized);
    }

    private static void AssertRefuses(string? typed)
    {
        Assert.False(PhoneNumber.TryNormalize(typed, out var normalized), $"'{typed}' should be refused");
        Assert.Equal("", normalized);
    }
}

public sealed class PhoneNumberWhatsAppLink
{
    [Fact]
    public void LinksAMobileNumberToWaMeWithoutThePlus() =>
        Assert.Equal("https://wa.me/6281260001234", PhoneNumber.WhatsAppLink("+6281260001234"));

    [Fact]
    public void EscapesTheMessageText() =>
        Assert.Equal("https://wa.me/6281260001234?text=Laporan%20GJ-2026-000123%20%26%20BA",
            PhoneNumber.WhatsAppLink("+6281260001234", "Laporan GJ-2026-000123 & BA"));

    [Theory]
    [InlineData("+62621325203")] // landline
    [InlineData(null)]
    [InlineData("081260001234")] // not normalized
    public void GivesNoLinkForLandlinesOrUnnormalizedNumbers(string? number) => Assert.Null(PhoneNumber.WhatsAppLink(number));
}
