using System.Text;

namespace NetworkMaintenance.Core.Formatting;

/// <summary>
/// Indonesian number words ("terbilang"), built from the rules of the language rather than a table of whole numbers:
/// units (nol … sembilan), "sepuluh"/"sebelas"/"… belas", "… puluh", "se-" for one hundred and one thousand
/// ("seratus", "seribu"), and the scales ribu, juta, miliar, triliun, kuadriliun, kuintiliun.
/// One million is written "satu juta" (only ratus and ribu take the "se-" prefix).
/// </summary>
public static class Terbilang
{
    private static readonly string[] Units =
        ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

    // Index i names 1000^i. Index 0 has no name.
    private static readonly string[] Scales = ["", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun"];

    /// <summary>"dua ribu dua puluh enam" for 2026; "minus lima" for -5; "nol" for 0.</summary>
    public static string ToWords(long number)
    {
        if (number == 0) return Units[0];
        // Unsigned magnitude so that long.MinValue works too.
        var magnitude = number < 0 ? (ulong)(-(number + 1)) + 1 : (ulong)number;
        var words = ToWords(magnitude);
        return number < 0 ? "minus " + words : words;
    }

    /// <summary>Words for a non-negative number.</summary>
    public static string ToWords(ulong number)
    {
        if (number == 0) return Units[0];

        // Split into groups of three digits, least significant first.
        var groups = new List<int>();
        for (var rest = number; rest > 0; rest /= 1000)
        {
            groups.Add((int)(rest % 1000));
        }

        var parts = new List<string>();
        for (var scale = groups.Count - 1; scale >= 0; scale--)
        {
            var group = groups[scale];
            if (group == 0) continue;
            if (scale == 1 && group == 1)
            {
                parts.Add("seribu");
                continue;
            }

            parts.Add(BelowThousand(group));
            if (scale > 0) parts.Add(Scales[scale]);
        }

        return string.Join(' ', parts);
    }

    /// <summary>Words for 1–999.</summary>
    private static string BelowThousand(int n)
    {
        var sb = new StringBuilder();
        var hundreds = n / 100;
        var rest = n % 100;
        if (hundreds == 1) sb.Append("seratus");
        else if (hundreds > 1) sb.Append(Units[hundreds]).Append(" ratus");

        if (rest > 0)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(BelowHundred(rest));
        }

        return sb.ToString();
    }

    /// <summary>Words for 1–99.</summary>
    private static string BelowHundred(int n)
    {
        if (n < 10) return Units[n];
        if (n == 10) return "sepuluh";
        if (n == 11) return "sebelas";
        if (n < 20) return Units[n - 10] + " belas";
        var tens = Units[n / 10] + " puluh";
        return n % 10 == 0 ? tens : tens + " " + Units[n % 10];
    }
}
