using System.Text;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.UnitTests.Security;

/// <summary>The tests' own authenticator (tests/Shared/Totp.cs) computes what RFC 6238 and RFC 4648 say.</summary>
public sealed class TotpTestHelper
{
    // RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
    private static readonly byte[] Rfc6238Sha1Seed = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void MatchesTheRfc6238Sha1TestVectors(long unixSeconds, string expected)
    {
        Assert.Equal(expected, Totp.Compute(Rfc6238Sha1Seed, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8));
    }

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    public void SixDigitCodesAreTheLastSixDigitsOfTheVector(long unixSeconds, string expected)
    {
        Assert.Equal(expected, Totp.Compute(Rfc6238Sha1Seed, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void KeepsTheCodeForThirtySecondsThenChangesIt()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1111111110); // the start of a 30-second step
        var code = Totp.Compute(Rfc6238Sha1Seed, start);

        Assert.Equal(code, Totp.Compute(Rfc6238Sha1Seed, start.AddSeconds(29)));
        Assert.NotEqual(code, Totp.Compute(Rfc6238Sha1Seed, start.AddSeconds(30)));
    }

    [Theory]
    [InlineData("MZXW6YTBOI======", "foobar")]
    [InlineData("MZXW6YQ=", "foob")]
    [InlineData("my", "f")]
    [InlineData("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", "12345678901234567890")]
    public void ReadsBase32AsRfc4648WritesItInAnyCaseWithSpaces(string base32, string expected)
    {
        Assert.Equal(expected, Encoding.ASCII.GetString(Totp.FromBase32(base32)));
    }

    [Fact]
    public void ASharedKeyAndItsBytesGiveTheSameCode()
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        Assert.Equal("005924", Totp.At("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", time));
    }

    [Fact]
    public void RefusesCharactersOutsideTheBase32Alphabet()
    {
        Assert.Throws<FormatException>(() => Totp.FromBase32("ABC1"));
    }
}
