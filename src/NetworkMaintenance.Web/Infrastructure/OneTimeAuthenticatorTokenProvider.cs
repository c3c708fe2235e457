using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Identity's authenticator check (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, two steps of drift either
/// way) with one addition: a code is accepted once. The step of the last accepted code is kept per user in the user
/// token store (<c>AspNetUserTokens</c>, no extra column), with a fingerprint of the key it was computed from; a code
/// of that step or an earlier one is refused, as RFC 6238 section 5.2 recommends. Two posts of the same code at once
/// cannot both pass: saving the step updates the user row, whose concurrency stamp lets only one of them through.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<AppUser>
{
    public const string StoreProvider = "[NetworkMaintenance]";
    public const string StoreName = "LastAuthenticatorStep";
    private const int StepSeconds = 30;
    private const int DriftSteps = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        byte[] keyBytes;
        try
        {
            keyBytes = FromBase32(key);
        }
        catch (FormatException)
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = now - DriftSteps; step <= now + DriftSteps && matched is null; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(Code(keyBytes, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                matched = step;
            }
        }
        if (matched is not { } accepted) return false;

        var fingerprint = Fingerprint(keyBytes);
        var last = await manager.GetAuthenticationTokenAsync(user, StoreProvider, StoreName);
        if (last is not null && last.Split(':') is [var lastFingerprint, var lastStep]
            && lastFingerprint == fingerprint
            && long.TryParse(lastStep, NumberStyles.None, CultureInfo.InvariantCulture, out var lastAccepted)
            && accepted <= lastAccepted)
        {
            return false;
        }
        var saved = await manager.SetAuthenticationTokenAsync(user, StoreProvider, StoreName,
            fingerprint + ":" + accepted.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }

    private static string Fingerprint(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..16];

    /// <summary>RFC 6238 / RFC 4226: HOTP over the step number, dynamic truncation, 6 digits.</summary>
    private static string Code(byte[] key, long step)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, step);
        // SHA-1 is what RFC 6238 and every authenticator app use: the standard, not a choice.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 Base32 as Identity writes the key (upper case, no padding).</summary>
    private static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=') continue;
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException("Not Base32.");
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
