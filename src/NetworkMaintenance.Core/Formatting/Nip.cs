using System.Globalization;

namespace NetworkMaintenance.Core.Formatting;

/// <summary>
/// Nomor Induk Pegawai: 18 digits. PNS: birth date YYYYMMDD + appointment YYYYMM + gender (1/2) + serial (3).
/// PPPK numbers are 18 digits too but their digits 13–14 are not a month, so only length and digits are strict;
/// the date parts are checked leniently (a plausible birth date) and reported as a warning by <see cref="LooksLikePns"/>.
/// </summary>
public static class Nip
{
    public const int Length = 18;

    /// <summary>Removes spaces, dots and dashes people type; returns null for blank input.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        return new string(input.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray());
    }

    /// <summary>18 digits, the first eight a real calendar date. Input must be normalized.</summary>
    public static bool IsValid(string? digits)
    {
        if (digits is null || digits.Length != Length || !digits.All(char.IsAsciiDigit)) return false;
        return DateOnly.TryParseExact(digits[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            && birth.Year >= 1930;
    }

    /// <summary>True when digits 9–14 are an appointment year and month and digit 15 is a gender (PNS pattern).</summary>
    public static bool LooksLikePns(string digits) =>
        IsValid(digits)
        && int.Parse(digits.AsSpan(12, 2), CultureInfo.InvariantCulture) is >= 1 and <= 12
        && digits[14] is '1' or '2';

    /// <summary>"19860926 201505 1 001". Anything that is not 18 digits is returned unchanged.</summary>
    public static string Format(string? digits) =>
        digits is { Length: Length } && digits.All(char.IsAsciiDigit)
            ? $"{digits[..8]} {digits[8..14]} {digits[14]} {digits[15..]}"
            : digits ?? "";
}
