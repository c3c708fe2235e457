using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>
/// The authenticator app of the tests: TOTP (RFC 6238) with HMAC-SHA1, 30-second steps and 6 digits, on a key
/// written in Base32 (RFC 4648) as the app shows it. Written from the RFCs, independent of ASP.NET Core Identity,
/// so that a test signing in with it checks the app against the standard rather than against itself.
/// Linked into every test project; the unit tests check it against the RFC's test vectors.
/// </summary>
internal static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>The code an authenticator app shows now for <paramref name="base32Key"/>.</summary>
    public static string Now(string base32Key) => At(base32Key, DateTimeOffset.UtcNow);

    public static string At(string base32Key, DateTimeOffset time, int digits = 6) =>
        Compute(FromBase32(base32Key), time, digits);

    /// <summary>RFC 6238 section 4: HOTP (RFC 4226) over the number of whole steps since the Unix epoch.</summary>
    public static string Compute(byte[] key, DateTimeOffset time, int digits = 6)
    {
        var counter = (ulong)(time.ToUnixTimeSeconds() / StepSeconds);
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(message, counter);
        // SHA-1 is what RFC 6238 and every authenticator app use by default; this is the standard, not a choice.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350

        // RFC 4226 section 5.3: dynamic truncation.
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>RFC 4648 Base32, case-insensitive, ignoring spaces and padding (as the app accepts a typed key).</summary>
    public static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=') continue;
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a Base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xFF));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
