using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>Issue #13 point 3: the stated start and end of the site visit are checked by the report itself.</summary>
public class SiteVisitTimes
{
    private static readonly DateTime Now = Start.AddHours(3);

    [Theory]
    [InlineData(60, 30, "Waktu selesai kunjungan harus sesudah waktu mulainya.")]
    [InlineData(30, 240, "Waktu selesai kunjungan tidak boleh di masa depan.")]
    [InlineData(240, 250, "Waktu kunjungan tidak boleh di masa depan.")]
    [InlineData(-30, 30, "Waktu kunjungan tidak boleh sebelum laporan diterima.")]
    public void ImpossibleTimesAreRefusedInIndonesian(int startMinutes, int endMinutes, string message)
    {
        var report = InState(ReportStatus.OnSiteInspection);

        var error = Assert.Throws<DomainException>(() => report.RecordInspection(Technician,
            new InspectionInput(Start.AddMinutes(startMinutes), "Switch mati", true, Start.AddMinutes(endMinutes)), false, Now));

        Assert.Equal(message, error.Message);
        Assert.Equal(ReportStatus.OnSiteInspection, report.Status);
        Assert.Null(report.InspectionEndedAtUtc);
    }

    [Fact]
    public void StatedTimesAreKeptAndAMissingEndIsTheTimeOfTheStep()
    {
        var stated = InState(ReportStatus.OnSiteInspection);
        stated.RecordInspection(Technician, new InspectionInput(Start.AddMinutes(70), "Kabel longgar", true, Start.AddMinutes(100)), false, Now);
        Assert.Equal((Start.AddMinutes(70), Start.AddMinutes(100)), (stated.InspectedAtUtc!.Value, stated.InspectionEndedAtUtc!.Value));

        var defaulted = InState(ReportStatus.OnSiteInspection);
        defaulted.RecordInspection(Technician, new InspectionInput(Start.AddMinutes(70), "Kabel longgar", true), false, Now);
        Assert.Equal(Now, defaulted.InspectionEndedAtUtc);
    }
}
