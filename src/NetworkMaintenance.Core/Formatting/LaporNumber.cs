using System.Text.RegularExpressions;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Core.Formatting;

/// <summary>
/// The tracking number SP4N-LAPOR! gives a complaint (nomor pelacakan), recorded so officers can match a report or
/// complaint here with the same one there. LAPOR! has no public API: the number is only checked for its form (6 to 12
/// digits, written with or without a leading '#') and stored as digits. No call is made.
/// </summary>
public static partial class LaporNumber
{
    public const int MaxLength = 12;

    public const string FormatMessage = "Nomor pelacakan SP4N-LAPOR! terdiri dari 6 sampai 12 angka (contoh: 4512873).";

    [GeneratedRegex(@"^\d{6,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <summary>Whether the text is blank or a valid tracking number.</summary>
    public static bool IsValidOrEmpty(string? text) => string.IsNullOrWhiteSpace(text) || Digits().IsMatch(Strip(text));

    /// <summary>The stored form (digits only), or null for blank; a malformed number is refused with <see cref="FormatMessage"/>.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = Strip(text);
        return Digits().IsMatch(digits) ? digits : throw new DomainException(FormatMessage);
    }

    private static string Strip(string text) => text.Trim().TrimStart('#').Replace(" ", "", StringComparison.Ordinal);
}
