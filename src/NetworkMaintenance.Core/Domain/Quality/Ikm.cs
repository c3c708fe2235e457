namespace NetworkMaintenance.Core.Domain.Quality;

/// <summary>The result of the IKM (Indeks Kepuasan Masyarakat) computation.</summary>
public sealed record IkmResult(int Respondents, IReadOnlyList<decimal> Nrr, decimal Ikm, decimal Converted, string Grade,
    string GradeLabel);

/// <summary>
/// Computes the Indeks Kepuasan Masyarakat as PermenPANRB 14/2017 defines it, without rounding along the way:
/// NRR per element = sum of scores / respondents; IKM = Σ NRR × 1/9 (computed as Σ NRR / 9, the exact weight,
/// not 0,11); converted IKM = IKM × 25.
/// </summary>
public static class IkmCalculator
{
    public static IkmResult? Compute(IReadOnlyCollection<IReadOnlyList<int>> responses)
    {
        if (responses.Count == 0) return null;
        var sums = new long[SatisfactionSurvey.ElementCount];
        foreach (var r in responses)
        {
            if (r.Count != SatisfactionSurvey.ElementCount) throw new ArgumentException("Every response has nine scores.", nameof(responses));
            for (var i = 0; i < sums.Length; i++)
            {
                if (r[i] is < 1 or > 4) throw new ArgumentException("Scores are 1 to 4.", nameof(responses));
                sums[i] += r[i];
            }
        }
        return FromSums(responses.Count, sums);
    }

    /// <summary>
    /// The same computation from what SQL can aggregate: the number of respondents and the sum of each element's
    /// scores (U1..U9), so a caller that must not read every response (the dashboard) sends one aggregate query.
    /// </summary>
    public static IkmResult? FromSums(int respondents, IReadOnlyList<long> elementSums)
    {
        ArgumentNullException.ThrowIfNull(elementSums);
        if (respondents == 0) return null;
        ArgumentOutOfRangeException.ThrowIfNegative(respondents);
        if (elementSums.Count != SatisfactionSurvey.ElementCount)
            throw new ArgumentException("There are nine element sums.", nameof(elementSums));
        if (elementSums.Any(s => s < respondents || s > 4L * respondents))
            throw new ArgumentException("Each element sum lies between 1 and 4 per respondent.", nameof(elementSums));

        decimal n = respondents;
        var nrr = elementSums.Select(s => s / n).ToList();
        // Σ NRR × (1/9): the total of the sums divided once by (n × 9), so the only rounding is decimal's last digit.
        decimal total = elementSums.Sum();
        var ikm = total / (n * SatisfactionSurvey.ElementCount);
        var converted = total * 25 / (n * SatisfactionSurvey.ElementCount);
        var (grade, label) = GradeOf(converted);
        return new IkmResult(respondents, nrr, ikm, converted, grade, label);
    }

    /// <summary>The quality grade of a converted IKM, on the value rounded to two decimals as published.</summary>
    public static (string Grade, string Label) GradeOf(decimal converted)
    {
        var v = Math.Round(converted, 2, MidpointRounding.AwayFromZero);
        return v switch
        {
            >= 88.31m => ("A", "Sangat Baik"),
            >= 76.61m => ("B", "Baik"),
            >= 65.00m => ("C", "Kurang Baik"),
            _ => ("D", "Tidak Baik"),
        };
    }
}

/// <summary>
/// The one home of the smallest number of survey responses from which a month's IKM is printed without a caveat
/// (docs/service-quality.md, "Minimum sample"). PermenPANRB 14/2017 sizes an SKM sample from the population with the
/// Krejcie–Morgan table; for the few dozen reports a month closes that table asks for nearly all of them, and a
/// handful of answers moves the index by whole grades. Under this minimum the recap prints the IKM with a caveat.
/// </summary>
public static class IkmSample
{
    public const int MinimumRespondents = 30;

    public static bool IsBelowMinimum(int respondents) => respondents < MinimumRespondents;
}

/// <summary>What the SKM analysis reads from an IKM: the elements with the lowest NRR.</summary>
public static class IkmAnalysis
{
    /// <summary>
    /// The <paramref name="count"/> elements (1-based) with the lowest NRR, lowest first; an element tied with the last
    /// one taken is included too, so no equally low element is hidden.
    /// </summary>
    public static IReadOnlyList<int> LowestElements(IkmResult result, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ordered = result.Nrr.Select((v, i) => (Element: i + 1, Nrr: v)).OrderBy(x => x.Nrr).ThenBy(x => x.Element).ToList();
        if (ordered.Count <= count) return ordered.Select(x => x.Element).ToList();
        var threshold = ordered[count - 1].Nrr;
        return ordered.Where((x, i) => i < count || x.Nrr == threshold).Select(x => x.Element).ToList();
    }

    /// <summary>"U3 Waktu penyelesaian".</summary>
    public static string ElementLabel(int element) =>
        $"U{element.ToString(System.Globalization.CultureInfo.InvariantCulture)} {SatisfactionSurvey.ElementNames[element - 1]}";
}
