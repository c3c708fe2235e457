using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Quality;

namespace NetworkMaintenance.UnitTests.Quality;

public class IkmCalculatorTests
{
    /// <summary>
    /// Worked example by hand, four respondents:
    ///   R1: 4 4 4 4 4 4 4 4 4   (sum 36)
    ///   R2: 3 3 3 3 3 3 3 3 3   (sum 27)
    ///   R3: 4 3 4 3 4 3 4 3 4   (sum 32)
    ///   R4: 2 3 3 4 3 3 3 4 3   (sum 28)
    /// Element sums U1..U9: 13 13 14 14 14 13 14 14 14 (total 123 = 36 + 27 + 32 + 28).
    /// NRR = sum / 4: 3,25 3,25 3,5 3,5 3,5 3,25 3,5 3,5 3,5 (Σ NRR = 30,75).
    /// IKM = Σ NRR × 1/9 = 30,75 / 9 = 3,41666…; converted = 3,41666… × 25 = 85,41666… → 85,42, grade B (Baik).
    /// With the rounded weight 0,11 it would be 30,75 × 0,11 × 25 = 84,5625: the exact fraction matters.
    /// </summary>
    [Fact]
    public void ComputesTheWorkedExampleWithTheExactNinthWeight()
    {
        int[][] responses =
        [
            [4, 4, 4, 4, 4, 4, 4, 4, 4],
            [3, 3, 3, 3, 3, 3, 3, 3, 3],
            [4, 3, 4, 3, 4, 3, 4, 3, 4],
            [2, 3, 3, 4, 3, 3, 3, 4, 3],
        ];

        var result = IkmCalculator.Compute(responses.Select(r => (IReadOnlyList<int>)r).ToList())!;

        Assert.Equal(4, result.Respondents);
        Assert.Equal([3.25m, 3.25m, 3.5m, 3.5m, 3.5m, 3.25m, 3.5m, 3.5m, 3.5m], result.Nrr);
        Assert.Equal(30.75m / 9m, result.Ikm);
        Assert.Equal(85.42m, Math.Round(result.Converted, 2));
        Assert.NotEqual(84.56m, Math.Round(result.Converted, 2));
        Assert.Equal(("B", "Baik"), (result.Grade, result.GradeLabel));
    }

    [Fact]
    public void AllFoursIsOneHundredAndAllOnesIsTwentyFive()
    {
        Assert.Equal(100m, IkmCalculator.Compute([Enumerable.Repeat(4, 9).ToList()])!.Converted);
        Assert.Equal(25m, IkmCalculator.Compute([Enumerable.Repeat(1, 9).ToList()])!.Converted);
    }

    [Fact]
    public void NoResponsesGiveNoIndex() => Assert.Null(IkmCalculator.Compute([]));

    [Theory]
    [InlineData("100", "A")]
    [InlineData("88.31", "A")]
    [InlineData("88.30", "B")]
    [InlineData("76.61", "B")]
    [InlineData("76.60", "C")]
    [InlineData("65.00", "C")]
    [InlineData("64.99", "D")]
    [InlineData("25", "D")]
    public void GradesFollowThePermenPanrbBands(string value, string grade) =>
        Assert.Equal(grade, IkmCalculator.GradeOf(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Grade);

    /// <summary>
    /// The dashboard sends only the element sums (SQL SUM per element) and the number of respondents: the worked example's
    /// sums 13 13 14 14 14 13 14 14 14 over four respondents give the same 85,42 (B) as the four responses.
    /// </summary>
    [Fact]
    public void FromTheElementSumsGivesTheWorkedExample()
    {
        var result = IkmCalculator.FromSums(4, [13, 13, 14, 14, 14, 13, 14, 14, 14])!;

        Assert.Equal(4, result.Respondents);
        Assert.Equal([3.25m, 3.25m, 3.5m, 3.5m, 3.5m, 3.25m, 3.5m, 3.5m, 3.5m], result.Nrr);
        Assert.Equal(30.75m / 9m, result.Ikm);
        Assert.Equal(85.42m, Math.Round(result.Converted, 2));
        Assert.Equal(("B", "Baik"), (result.Grade, result.GradeLabel));
        Assert.Null(IkmCalculator.FromSums(0, [0, 0, 0, 0, 0, 0, 0, 0, 0]));
    }

    [Fact]
    public void ElementSumsThatNoResponsesCouldGiveAreRefused()
    {
        Assert.Throws<ArgumentException>(() => IkmCalculator.FromSums(2, [8, 8, 8, 8, 8, 8, 8, 8]));
        Assert.Throws<ArgumentException>(() => IkmCalculator.FromSums(2, [9, 8, 8, 8, 8, 8, 8, 8, 8]));
        Assert.Throws<ArgumentException>(() => IkmCalculator.FromSums(2, [1, 8, 8, 8, 8, 8, 8, 8, 8]));
    }

    [Fact]
    public void ASurveyRefusesScoresOutsideOneToFour() =>
        Assert.Throws<DomainException>(() => new SatisfactionSurvey(1, 1, null, [4, 4, 4, 4, 4, 4, 4, 4, 5], null, DateTime.UtcNow));
}

public class GuestBookEntryTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TimeOutBeforeTimeInIsRefused()
    {
        var entry = GuestBookEntry.Record(new GuestVisit("Andi", IdentityType.Ktp, "1276010101010001", "BKD", "Lapor gangguan",
            Now.AddHours(-1), null), "u1", Now);
        Assert.Throws<DomainException>(() => entry.RecordTimeOut(Now.AddHours(-2)));
        entry.RecordTimeOut(Now);
        Assert.Equal(Now, entry.TimeOutUtc);
        Assert.Throws<DomainException>(() => entry.RecordTimeOut(Now));
    }
}
