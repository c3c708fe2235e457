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
        var sums = new decimal[SatisfactionSurvey.ElementCount];
        foreach (var r in responses)
        {
            if (r.Count != SatisfactionSurvey.ElementCount) throw new ArgumentException("Every response has nine scores.", nameof(responses));
            for (var i = 0; i < sums.Length; i++)
            {
                if (r[i] is < 1 or > 4) throw new ArgumentException("Scores are 1 to 4.", nameof(responses));
                sums[i] += r[i];
            }
        }

        decimal n = responses.Count;
        var nrr = sums.Select(s => s / n).ToList();
        // Σ NRR × (1/9): the total of the sums divided once by (n × 9), so the only rounding is decimal's last digit.
        var ikm = sums.Sum() / (n * SatisfactionSurvey.ElementCount);
        var converted = sums.Sum() * 25 / (n * SatisfactionSurvey.ElementCount);
        var (grade, label) = GradeOf(converted);
        return new IkmResult(responses.Count, nrr, ikm, converted, grade, label);
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
