using System.Globalization;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Domain.Quality;

/// <summary>How often the SKM is analysed, followed up and published (setting ServiceEvaluation:Period).</summary>
public enum SurveyPeriodKind
{
    /// <summary>Triwulan: four periods a year ("2026-T3").</summary>
    Quarter = 0,

    /// <summary>Semester: two periods a year ("2026-S2").</summary>
    Semester = 1,
}

/// <summary>
/// An SKM period (WIB calendar): a quarter or a semester of a year. <see cref="Key"/> ("2026-T3", "2026-S1") is its
/// stored and URL form; <see cref="Label"/> ("Triwulan III 2026") is what people read.
/// </summary>
public readonly record struct SurveyPeriod(int Year, SurveyPeriodKind Kind, int Index)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public int MonthsLong => Kind == SurveyPeriodKind.Quarter ? 3 : 6;

    public int PerYear => 12 / MonthsLong;

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{(Kind == SurveyPeriodKind.Quarter ? 'T' : 'S')}{Index}");

    public string Label => $"{(Kind == SurveyPeriodKind.Quarter ? "Triwulan" : "Semester")} {Roman[Index - 1]} {Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>First day (WIB).</summary>
    public DateOnly Start => new(Year, (Index - 1) * MonthsLong + 1, 1);

    /// <summary>The day after the last day (WIB).</summary>
    public DateOnly EndExclusive => Start.AddMonths(MonthsLong);

    public DateOnly Last => EndExclusive.AddDays(-1);

    public DateTime StartUtc => Wib.ToUtc(Start.ToDateTime(TimeOnly.MinValue));

    public DateTime EndUtc => Wib.ToUtc(EndExclusive.ToDateTime(TimeOnly.MinValue));

    /// <summary>"1 Juli 2026 – 30 September 2026".</summary>
    public string DateRange => $"{IndonesianDate.Format(Start)} – {IndonesianDate.Format(Last)}";

    public bool HasEndedAt(DateTime utc) => utc >= EndUtc;

    public SurveyPeriod Previous => Index > 1 ? this with { Index = Index - 1 } : new SurveyPeriod(Year - 1, Kind, PerYear);

    public static SurveyPeriod Containing(DateOnly date, SurveyPeriodKind kind)
    {
        var months = kind == SurveyPeriodKind.Quarter ? 3 : 6;
        return new SurveyPeriod(date.Year, kind, (date.Month - 1) / months + 1);
    }

    /// <summary>The periods of a year, in order.</summary>
    public static IReadOnlyList<SurveyPeriod> OfYear(int year, SurveyPeriodKind kind) =>
        Enumerable.Range(1, kind == SurveyPeriodKind.Quarter ? 4 : 2).Select(i => new SurveyPeriod(year, kind, i)).ToList();

    /// <summary>Parses "2026-T3" or "2026-S2"; null for anything else.</summary>
    public static SurveyPeriod? Parse(string? key)
    {
        if (key is not { Length: 7 } || key[4] != '-') return null;
        if (!int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100) return null;
        var kind = key[5] switch { 'T' or 't' => SurveyPeriodKind.Quarter, 'S' or 's' => SurveyPeriodKind.Semester, _ => (SurveyPeriodKind?)null };
        if (kind is null || key[6] is < '1' or > '4') return null;
        var index = key[6] - '0';
        var period = new SurveyPeriod(year, kind.Value, index);
        return index <= period.PerYear ? period : null;
    }
}
