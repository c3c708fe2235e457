using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.UnitTests.Formatting;

public class TerbilangTests
{
    [Theory]
    [InlineData(0, "nol")]
    [InlineData(1, "satu")]
    [InlineData(9, "sembilan")]
    [InlineData(10, "sepuluh")]
    [InlineData(11, "sebelas")]
    [InlineData(12, "dua belas")]
    [InlineData(19, "sembilan belas")]
    [InlineData(20, "dua puluh")]
    [InlineData(21, "dua puluh satu")]
    [InlineData(30, "tiga puluh")]
    [InlineData(99, "sembilan puluh sembilan")]
    [InlineData(100, "seratus")]
    [InlineData(101, "seratus satu")]
    [InlineData(111, "seratus sebelas")]
    [InlineData(200, "dua ratus")]
    [InlineData(999, "sembilan ratus sembilan puluh sembilan")]
    [InlineData(1000, "seribu")]
    [InlineData(1001, "seribu satu")]
    [InlineData(1100, "seribu seratus")]
    [InlineData(2000, "dua ribu")]
    [InlineData(2026, "dua ribu dua puluh enam")]
    [InlineData(11_000, "sebelas ribu")]
    [InlineData(101_000, "seratus satu ribu")]
    [InlineData(1_000_000, "satu juta")]
    [InlineData(1_001_000, "satu juta seribu")]
    [InlineData(2_500_000, "dua juta lima ratus ribu")]
    [InlineData(1_000_000_000, "satu miliar")]
    [InlineData(1_000_000_000_000, "satu triliun")]
    [InlineData(-5, "minus lima")]
    public void ToWords_WritesTheNumberInIndonesian(long number, string expected) =>
        Assert.Equal(expected, Terbilang.ToWords(number));

    [Fact]
    public void ToWords_HandlesTheLargestAndSmallestLongs()
    {
        Assert.StartsWith("sembilan kuintiliun", Terbilang.ToWords(long.MaxValue));
        Assert.StartsWith("minus sembilan kuintiliun", Terbilang.ToWords(long.MinValue));
    }

    [Fact]
    public void ToWords_IsAGeneralFunctionNotATable()
    {
        // Every number up to 10 000 has words, without "nol" inside and without doubled spaces.
        for (var n = 1; n <= 10_000; n++)
        {
            var words = Terbilang.ToWords(n);
            Assert.DoesNotContain("nol", words, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", words, StringComparison.Ordinal);
            Assert.DoesNotContain("satu ratus", words, StringComparison.Ordinal);
            Assert.DoesNotContain("satu ribu", words, StringComparison.Ordinal);
        }
    }
}
