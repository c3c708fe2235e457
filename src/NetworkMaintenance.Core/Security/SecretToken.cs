using System.Security.Cryptography;
using System.Text;

namespace NetworkMaintenance.Core.Security;

/// <summary>
/// Bearer tokens for machines (monitoring sources, API clients, webhook secrets): shown once when made, stored only as
/// their SHA-256 hash, compared in fixed time. One home for how every integration secret is made and checked.
/// </summary>
public static class SecretToken
{
    /// <summary>Random bytes in a token: 256 bits, beyond guessing.</summary>
    private const int RandomBytes = 32;

    /// <summary>A new token such as <c>nm_alert_3q2…</c>: the prefix says what it opens (for the admin's eyes and for
    /// secret scanners), the rest is URL-safe base64 of 32 random bytes.</summary>
    public static string Generate(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var random = RandomNumberGenerator.GetBytes(RandomBytes);
        return $"nm_{prefix}_{Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
    }

    /// <summary>The stored form of a token: lowercase hex SHA-256 of its UTF-8 bytes (64 characters).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether <paramref name="presented"/> is the token whose hash is <paramref name="storedHash"/>, in fixed
    /// time.</summary>
    public static bool Matches(string? presented, string storedHash)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 200)
        {
            return false;
        }

        var actual = Encoding.ASCII.GetBytes(Hash(presented));
        var expected = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The first characters of a token, safe to show in lists so an admin can tell tokens apart.</summary>
    public static string Hint(string token) => token.Length <= 12 ? token : token[..12] + "…";
}
