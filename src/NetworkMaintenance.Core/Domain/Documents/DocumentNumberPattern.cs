using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>
/// Letter-number patterns such as "000.8.3.3/{seq}/BA-PK/Diskominfo/{year}" (GOV-FORMATS.md: archive classification
/// code, running number, unit, year). Codes: <c>{seq}</c> the running number of the type in the year (required),
/// <c>{year}</c> the year (required: the counter starts at 1 again every year), <c>{month}</c> the month as two digits,
/// <c>{roman}</c> the month in Roman numerals ("XI").
/// </summary>
public static partial class DocumentNumberPattern
{
    public const int MaxLength = 80;
    public const string Sequence = "{seq}";
    public const string Year = "{year}";
    public const string Month = "{month}";
    public const string RomanMonth = "{roman}";

    public static readonly IReadOnlyList<string> Codes = [Sequence, Year, Month, RomanMonth];

    private static readonly string[] RomanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    /// <summary>The pattern of a type until the administrator sets another (the classification code is to be checked).</summary>
    public static string Default(DocumentType type) => type switch
    {
        DocumentType.DispositionSheet => "000.8.3.3/{seq}/LD/Diskominfo/{year}",
        DocumentType.ReplacementRequestBa => "000.8.3.3/{seq}/BA-PP/Diskominfo/{year}",
        DocumentType.WorkBa => "000.8.3.3/{seq}/BA-PK/Diskominfo/{year}",
        DocumentType.WorkReport => "000.8.3.3/{seq}/LHP/Diskominfo/{year}",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "The receipt carries the report number."),
    };

    /// <summary>What is wrong with <paramref name="pattern"/>, in Indonesian; empty when it can be used.</summary>
    public static IReadOnlyList<string> Validate(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return ["Pola nomor wajib diisi."];
        var errors = new List<string>();
        if (pattern.Length > MaxLength) errors.Add($"Pola nomor paling panjang {MaxLength} karakter.");

        var codes = CodeRegex().Matches(pattern).Select(m => m.Value).ToList();
        foreach (var unknown in codes.Where(c => !Codes.Contains(c)).Distinct())
        {
            errors.Add($"Kode {unknown} tidak dikenal. Gunakan {{seq}}, {{year}}, {{month}} atau {{roman}}.");
        }

        var rest = CodeRegex().Replace(pattern, "");
        if (rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal))
        {
            errors.Add("Tanda { } hanya dipakai untuk kode seperti {seq}.");
        }
        else if (!AllowedRegex().IsMatch(rest))
        {
            errors.Add("Pola nomor hanya boleh memuat huruf, angka, spasi dan tanda . / - _ ( ).");
        }

        var sequences = codes.Count(c => c == Sequence);
        if (sequences == 0) errors.Add("Pola nomor harus memuat {seq} (nomor urut).");
        else if (sequences > 1) errors.Add("Kode {seq} hanya boleh dipakai satu kali.");
        if (!codes.Contains(Year))
        {
            errors.Add("Pola nomor harus memuat {year} (tahun), karena nomor urut dimulai lagi dari 1 setiap tahun.");
        }

        return errors;
    }

    /// <summary>The number for running number <paramref name="sequence"/> issued on <paramref name="issuedOn"/> (WIB date).</summary>
    public static string Format(string pattern, long sequence, DateOnly issuedOn)
    {
        var errors = Validate(pattern);
        if (errors.Count > 0) throw new DomainException(errors[0]);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var result = new StringBuilder(pattern)
            .Replace(Sequence, sequence.ToString(CultureInfo.InvariantCulture))
            .Replace(Year, issuedOn.Year.ToString(CultureInfo.InvariantCulture))
            .Replace(Month, issuedOn.Month.ToString("D2", CultureInfo.InvariantCulture))
            .Replace(RomanMonth, RomanMonths[issuedOn.Month - 1]);
        return result.ToString().Trim();
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"^[A-Za-z0-9./\-_ ()]*$")]
    private static partial Regex AllowedRegex();
}
