using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.UnitTests.Formatting;

public sealed class NipNormalize
{
    [Theory]
    [InlineData("19860926 201505 1 001")]
    [InlineData("19860926.201505.1.001")]
    [InlineData("19860926-201505-1-001")]
    [InlineData("  198609262015051001 ")]
    [InlineData("19860926\t201505 1\u00A0001")]
    public void RemovesTheSpacesDotsAndDashesPeopleType(string typed) =>
        Assert.Equal("198609262015051001", Nip.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ReturnsNullForBlankInputBecauseNipIsOptional(string? typed) => Assert.Null(Nip.Normalize(typed));

    [Fact]
    public void KeepsOtherCharactersSoValidationCanRefuseThem() =>
        Assert.Equal("1986O926201505l001", Nip.Normalize("1986O926 201505 l 001"));
}

public sealed class NipIsValid
{
    [Theory]
    [InlineData("198609262015051001")] // PNS
    [InlineData("199003152015032001")]
    [InlineData("197003121995031002")]
    public void AcceptsEighteenDigitsThatStartWithABirthDate(string nip) => Assert.True(Nip.IsValid(nip));

    [Fact]
    public void AcceptsPppkNumbersWhoseAppointmentPartIsNotAMonth() =>
        // Digits 13–14 are "21", not a month: GOV-FORMATS.md says check the date parts leniently.
        Assert.True(Nip.IsValid("199201012022211001"));

    [Theory]
    [InlineData("19860926201505100")] // 17 digits
    [InlineData("1986092620150510011")] // 19 digits
    [InlineData("19860926 201505 1 001")] // not normalized
    [InlineData("1986092620150510O1")] // letter O
    [InlineData("")]
    [InlineData(null)]
    public void RefusesAnythingButEighteenDigits(string? nip) => Assert.False(Nip.IsValid(nip));

    [Theory]
    [InlineData("198613262015051001")] // month 13
    [InlineData("198602302015051001")] // 30 February
    [InlineData("000000002015051001")]
    public void RefusesABirthDateThatDoesNotExist(string nip) => Assert.False(Nip.IsValid(nip));

    [Fact]
    public void RefusesBirthYearsBefore1930() => Assert.False(Nip.IsValid("192912312015051001"));

    [Fact]
    public void RefusesFullWidthDigits() =>
        Assert.False(Nip.IsValid(Nip.Normalize("１９８６０９２６２０１５０５１００１")));
}

public sealed class NipLooksLikePns
{
    [Fact]
    public void IsTrueWhenTheAppointmentMonthAndGenderDigitFitThePnsPattern() =>
        Assert.True(Nip.LooksLikePns("198609262015051001"));

    [Theory]
    [InlineData("199201012022211001")] // appointment "month" 21
    [InlineData("198609262015053001")] // gender digit 3
    [InlineData("198609262015001001")] // month 00
    public void IsFalseForOtherwiseValidNumbersThatDoNotFitThePnsPattern(string nip)
    {
        Assert.True(Nip.IsValid(nip));
        Assert.False(Nip.LooksLikePns(nip));
    }
}

public sealed class NipFormat
{
    [Fact]
    public void GroupsBirthDateAppointmentGenderAndSerial() =>
        Assert.Equal("19860926 201505 1 001", Nip.Format("198609262015051001"));

    [Theory]
    [InlineData("12345", "12345")]
    [InlineData("19860926 201505 1 001", "19860926 201505 1 001")]
    [InlineData(null, "")]
    public void ReturnsAnythingThatIsNotEighteenDigitsUnchanged(string? input, string expected) =>
        Assert.Equal(expected, Nip.Format(input));
}
