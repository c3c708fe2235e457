using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Quality;

namespace NetworkMaintenance.UnitTests.Quality;

/// <summary>SKM periods, the Krejcie–Morgan sample table, the lowest elements and the follow-up rules.</summary>
public sealed class ServiceEvaluationRules
{
    [Theory]
    [InlineData("2026-T1", 2026, 1, 1, 4, 1, "Triwulan I 2026")]
    [InlineData("2026-T4", 2026, 10, 1, 1, 1, "Triwulan IV 2026")]
    [InlineData("2026-S2", 2026, 7, 1, 1, 1, "Semester II 2026")]
    public void PeriodsParseAndSpanTheirMonths(string key, int year, int startMonth, int startDay, int endMonth, int endDay, string label)
    {
        var period = SurveyPeriod.Parse(key)!.Value;
        Assert.Equal(key, period.Key);
        Assert.Equal(label, period.Label);
        Assert.Equal(new DateOnly(year, startMonth, startDay), period.Start);
        var end = period.EndExclusive;
        Assert.Equal((endMonth, endDay), (end.Month, end.Day));
        // 1 January 2026 00:00 WIB is 31 December 2025 17:00 UTC.
        Assert.Equal(new DateTime(year, startMonth, startDay, 0, 0, 0, DateTimeKind.Utc).AddHours(-7), period.StartUtc);
    }

    [Theory]
    [InlineData("2026-T5")]
    [InlineData("2026-S3")]
    [InlineData("2026-X1")]
    [InlineData("26-T1")]
    [InlineData(null)]
    public void BadKeysAreRefused(string? key) => Assert.Null(SurveyPeriod.Parse(key));

    [Fact]
    public void ThePeriodOfADateAndThePreviousPeriod()
    {
        Assert.Equal("2026-T3", SurveyPeriod.Containing(new DateOnly(2026, 9, 30), SurveyPeriodKind.Quarter).Key);
        Assert.Equal("2026-S1", SurveyPeriod.Containing(new DateOnly(2026, 6, 30), SurveyPeriodKind.Semester).Key);
        Assert.Equal("2025-T4", SurveyPeriod.Parse("2026-T1")!.Value.Previous.Key);
    }

    [Theory]
    // Rows of the table as printed (Krejcie & Morgan 1970, in PermenPANRB 14/2017).
    [InlineData(10, 10)]
    [InlineData(100, 80)]
    [InlineData(1000, 278)]
    [InlineData(1000000, 384)]
    // Below the first row: everybody. Between rows: the next larger row, but never more than the population.
    [InlineData(6, 6)]
    [InlineData(0, 0)]
    [InlineData(12, 12)]
    [InlineData(31, 31)]
    [InlineData(101, 86)]
    [InlineData(2000000, 384)]
    public void TheSampleTable(int population, int sample) => Assert.Equal(sample, SkmSampleTable.MinimumSample(population));

    [Fact]
    public void TheTableGrowsWithThePopulation()
    {
        for (var i = 1; i < SkmSampleTable.Rows.Count; i++)
        {
            Assert.True(SkmSampleTable.Rows[i].Population > SkmSampleTable.Rows[i - 1].Population);
            Assert.True(SkmSampleTable.Rows[i].Sample >= SkmSampleTable.Rows[i - 1].Sample);
        }
    }

    [Fact]
    public void LowestElementsIncludeTies()
    {
        // Element sums of four respondents: U1 13, U2 13, U6 13 are the lowest (NRR 3,25); U3 12 lower still.
        var ikm = IkmCalculator.FromSums(4, [13, 13, 12, 14, 14, 13, 14, 14, 13])!;
        Assert.Equal([3, 1, 2, 6, 9], IkmAnalysis.LowestElements(ikm));
        Assert.Equal("U3 Waktu penyelesaian", IkmAnalysis.ElementLabel(3));
    }

    [Fact]
    public void TheFollowUpCycleRules()
    {
        var period = SurveyPeriod.Parse("2026-T1")!.Value;
        var review = new SkmPeriodReview(period);
        var march = new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc);
        Assert.Throws<DomainException>(() => review.PlanAction(3, "Tambah teknisi piket", "Kepala Seksi", new DateOnly(2026, 4, 30), "Kasi", march));
        review.RecordAnalysis("Waktu penyelesaian terendah.", "Respons lambat — 2 saran", "Kasi", march);
        var action = review.PlanAction(3, "Tambah teknisi piket", "Kepala Seksi", new DateOnly(2026, 3, 15), "Kasi", march);
        Assert.Equal(FollowUpState.Planned, action.StateOn(new DateOnly(2026, 3, 15)));
        Assert.Equal(FollowUpState.Overdue, action.StateOn(new DateOnly(2026, 3, 16)));
        // Not before the period ends.
        Assert.Throws<DomainException>(() => review.Publish(4, [13, 13, 14, 14, 14, 13, 14, 14, 14], 6, "Kabid", march));
        Assert.Throws<DomainException>(() => action.Complete(" ", null, null, null, "Kasi", march));
        action.Complete("Jadwal piket ditetapkan.", null, null, null, "Kasi", march);
        Assert.Equal(FollowUpState.Done, action.StateOn(new DateOnly(2026, 5, 1)));
        var april = new DateTime(2026, 4, 2, 3, 0, 0, DateTimeKind.Utc);
        review.Publish(4, [13, 13, 14, 14, 14, 13, 14, 14, 14], 6, "Kabid", april);
        Assert.Equal(85.42m, Math.Round(review.PublishedIkm!.Converted, 2));
        Assert.Throws<DomainException>(() => review.RecordAnalysis("Lain", null, "Kasi", april));
    }
}
