namespace NetworkMaintenance.Core.Formatting;

/// <summary>
/// Indonesian mobile numbers: accepts 08…, 628… and +628… (spaces, dots, dashes and brackets ignored) and stores
/// +628… with 10–12 digits after the country code. Landlines such as (0621) 325203 are accepted as +62621325203.
/// </summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input)) return false;
        var trimmed = input.Trim();
        var plus = trimmed.StartsWith('+');
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+'))) return false;

        string national;
        if (plus || digits.StartsWith("62", StringComparison.Ordinal))
        {
            if (!digits.StartsWith("62", StringComparison.Ordinal)) return false;
            national = digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            national = digits[1..];
        }
        else
        {
            return false;
        }

        if (national.StartsWith('0')) return false;
        var isMobile = national.StartsWith('8');
        var ok = isMobile ? national.Length is >= 9 and <= 12 : national.Length is >= 8 and <= 11;
        // GOV-FORMATS.md: 10–12 digits after the country code for mobile numbers.
        if (isMobile && national.Length < 10) ok = false;
        if (!ok) return false;
        normalized = "+62" + national;
        return true;
    }

    public static string? NormalizeOrNull(string? input) => TryNormalize(input, out var n) ? n : null;

    /// <summary>https://wa.me/628… for a normalized mobile number; null for landlines.</summary>
    public static string? WhatsAppLink(string? normalized, string? text = null)
    {
        if (normalized is null || !normalized.StartsWith("+628", StringComparison.Ordinal)) return null;
        var link = "https://wa.me/" + normalized[1..];
        return text is null ? link : link + "?text=" + Uri.EscapeDataString(text);
    }
}
