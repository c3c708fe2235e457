namespace NetworkMaintenance.Core.Domain.Quality;

/// <summary>
/// The one home of the SKM sample size by population. PermenPANRB 14/2017 (Pedoman Penyusunan Survei Kepuasan
/// Masyarakat Unit Penyelenggara Pelayanan Publik, Lampiran, "Penentuan sampel") prints the table of Krejcie and
/// Morgan (1970, "Determining Sample Size for Research Activities", Educational and Psychological Measurement 30,
/// 607–610): population N → sample S at 95 % confidence and 5 % margin. The rows below are that table, verbatim.
/// A population between two rows takes the sample of the next larger row (the conservative reading), never more than
/// the population itself (12 users cannot give 14 answers: all 12 are asked); a population smaller than the first row
/// needs everybody; beyond the last row the sample stays 384.
/// The population of an SKM period is the number of service users that period: the reports closed in it (every
/// closed report invites its reporter to the survey, once; docs/service-evaluation.md).
/// </summary>
public static class SkmSampleTable
{
    public static readonly IReadOnlyList<(int Population, int Sample)> Rows =
    [
        (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40), (50, 44), (55, 48),
        (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70), (90, 73), (95, 76), (100, 80), (110, 86),
        (120, 92), (130, 97), (140, 103), (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132),
        (210, 136), (220, 140), (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162), (290, 165),
        (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196), (420, 201), (440, 205), (460, 210),
        (480, 214), (500, 217), (550, 226), (600, 234), (650, 242), (700, 248), (750, 254), (800, 260), (850, 265),
        (900, 269), (950, 274), (1000, 278), (1100, 285), (1200, 291), (1300, 297), (1400, 302), (1500, 306),
        (1600, 310), (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327), (2400, 331), (2600, 335),
        (2800, 338), (3000, 341), (3500, 346), (4000, 351), (4500, 354), (5000, 357), (6000, 361), (7000, 364),
        (8000, 367), (9000, 368), (10000, 370), (15000, 375), (20000, 377), (30000, 379), (40000, 380),
        (50000, 381), (75000, 382), (1000000, 384),
    ];

    /// <summary>The smallest number of respondents the table asks for from <paramref name="population"/> service users.</summary>
    public static int MinimumSample(int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        if (population < Rows[0].Population) return population;
        foreach (var (n, s) in Rows)
        {
            if (population <= n) return Math.Min(s, population);
        }
        return Rows[^1].Sample;
    }

    /// <summary>Fewer respondents than the table asks for: the published IKM carries the caveat.</summary>
    public static bool IsBelowMinimum(int respondents, int population) => respondents < MinimumSample(population);
}
