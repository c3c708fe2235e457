using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.UnitTests.Formatting;

public class IndonesianDateTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    [Theory]
    [InlineData(29, "Minggu")]
    [InlineData(30, "Senin")]
    [InlineData(24, "Selasa")]
    [InlineData(25, "Rabu")]
    [InlineData(26, "Kamis")]
    [InlineData(27, "Jumat")]
    [InlineData(28, "Sabtu")]
    public void DayName_UsesTheOfficialSpelling(int day, string expected) =>
        Assert.Equal(expected, IndonesianDate.DayName(new DateOnly(2026, 11, day).DayOfWeek));

    [Fact]
    public void MonthName_NamesAllTwelveMonthsWithOfficialSpelling()
    {
        var months = Enumerable.Range(1, 12).Select(IndonesianDate.MonthName).ToArray();
        Assert.Equal(
            ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
            months);
        Assert.DoesNotContain("Nopember", months);
        Assert.Throws<ArgumentOutOfRangeException>(() => IndonesianDate.MonthName(13));
    }

    [Fact]
    public void Format_WritesDayMonthNameYear() => Assert.Equal("30 November 2026", IndonesianDate.Format(Monday));

    [Fact]
    public void FormatWithDay_PutsTheDayNameFirst() =>
        Assert.Equal("Senin, 30 November 2026", IndonesianDate.FormatWithDay(Monday));

    [Fact]
    public void PlaceAndDate_TakesTheCityAsAParameter()
    {
        Assert.Equal("Tebing Tinggi, 30 November 2026", IndonesianDate.PlaceAndDate("Tebing Tinggi", Monday));
        Assert.Equal("Medan, 30 November 2026", IndonesianDate.PlaceAndDate("Medan", Monday));
    }

    [Fact]
    public void Time_UsesADotAndWib() =>
        Assert.Equal("14.05 WIB", IndonesianDate.Time(new DateTime(2026, 11, 30, 14, 5, 0)));

    [Fact]
    public void Time_OfAUtcInstantIsShownInWib() =>
        Assert.Equal("14.05 WIB", IndonesianDate.Time(Wib.FromUtc(new DateTime(2026, 11, 30, 7, 5, 0, DateTimeKind.Utc))));

    [Fact]
    public void DateAndTimeWithDay_ReadsAsASentence() =>
        Assert.Equal("Senin, 30 November 2026 pukul 14.05 WIB", IndonesianDate.DateAndTimeWithDay(new DateTime(2026, 11, 30, 14, 5, 0)));

    [Fact]
    public void Jumat_IsWrittenWithoutApostrophe() =>
        Assert.Equal("Jumat, 27 November 2026", IndonesianDate.FormatWithDay(new DateOnly(2026, 11, 27)));

    [Fact]
    public void InWords_SpellsDayDateMonthAndYear() =>
        Assert.Equal(
            "Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam",
            IndonesianDate.InWords(Monday));

    [Fact]
    public void BeritaAcaraOpening_AddsTheNumericDateInBrackets() =>
        Assert.Equal(
            "Pada hari ini Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam (30-11-2026)",
            IndonesianDate.BeritaAcaraOpening(Monday));

    [Fact]
    public void InWords_SaysSatuForTheFirstAndSebelasForTheEleventh()
    {
        Assert.Equal("Jumat tanggal satu bulan Januari tahun dua ribu dua puluh tujuh", IndonesianDate.InWords(new DateOnly(2027, 1, 1)));
        Assert.Equal("Rabu tanggal sebelas bulan November tahun dua ribu dua puluh enam", IndonesianDate.InWords(new DateOnly(2026, 11, 11)));
    }

    [Theory]
    [InlineData(0, "0 menit")]
    [InlineData(45, "45 menit")]
    [InlineData(60, "1 jam")]
    [InlineData(460, "7 jam 40 menit")]
    [InlineData(1570, "26 jam 10 menit")]
    public void Duration_CountsWholeHoursAndMinutes(int minutes, string expected) =>
        Assert.Equal(expected, IndonesianDate.Duration(TimeSpan.FromMinutes(minutes)));
}
