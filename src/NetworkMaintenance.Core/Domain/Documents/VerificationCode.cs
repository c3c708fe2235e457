using System.Security.Cryptography;

namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>
/// The code printed on every issued document (and in its QR code) that opens its public verification page.
/// 16 random characters from a 32-letter alphabet without look-alikes (0/O, 1/I): 80 bits, not guessable.
/// Stored without separators; printed in groups of four ("K7P2-9XQ4-…") so people can type it.
/// </summary>
public static class VerificationCode
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 16;

    public static string New() =>
        string.Create(Length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });

    /// <summary>The public verification page of a document: {base}/verifikasi/{code} (printed and in the QR code).</summary>
    public static string Url(string baseUrl, string code)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"{baseUrl.TrimEnd('/')}/verifikasi/{code}";
    }

    /// <summary>"ABCD-EFGH-JKLM-NPQR".</summary>
    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Join('-', code.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>
    /// The stored form of what someone typed or scanned (case, spaces and dashes ignored), or null when it cannot
    /// be a code at all.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40) return null;
        var chars = input.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray();
        if (chars.Length != Length || chars.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal))) return null;
        return new string(chars);
    }
}
