using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;

namespace NetworkMaintenance.UnitTests.Workflow;

public class WorkflowPathTests
{
    [Fact]
    public void ThePlhTimelineEntryNamesTheOfficialActedFor()
    {
        var report = NewReport();
        var ev = report.Dispose(KadisPlh, new Disposition(Person(Kabid), StandardInstruction.UntukDitindaklanjuti, null, null), Start.AddMinutes(5));
        Assert.True(ev.IsPlh);
        Assert.Equal(Kadis.UserId, ev.OnBehalfOfUserId);
        Assert.Equal("Plh. Kepala Dinas", ev.CapacityTitle);
        Assert.Equal(Roles.KepalaDinas, ev.ActorRole);
    }

    [Fact]
    public void DisposingToSomeoneWhoIsNotAKabidIsRefused()
    {
        var report = NewReport();
        var ex = Assert.Throws<DomainException>(() =>
            report.Dispose(Kadis, new Disposition(Person(Kasi), StandardInstruction.None, null, null), Start.AddMinutes(5)));
        Assert.Contains("bukan Kepala Bidang", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void TheLeadMustBeOneOfTheAssignedTechnicians()
    {
        var report = InState(ReportStatus.DisposedToKasi);
        var ex = Assert.Throws<DomainException>(() => report.Assign(Kasi,
            new TechnicianAssignment([Person(Technician)], OtherTechnician.UserId, StandardInstruction.None, null), Start.AddHours(1)));
        Assert.Equal("Ketua tim harus salah satu staf yang ditugaskan.", ex.Message);
    }

    [Fact]
    public void AnyTechnicianOfTheTeamMayActButNoOneElse()
    {
        var report = InState(ReportStatus.DisposedToKasi);
        report.Assign(Kasi, new TechnicianAssignment([Person(Technician), Person(OtherTechnician)], Technician.UserId,
            StandardInstruction.None, null), Start.AddHours(1));
        report.StartDiagnosis(OtherTechnician, null, Start.AddHours(2));
        Assert.Equal(ReportStatus.Diagnosing, report.Status);
        Assert.Single(report.Technicians, t => t.IsLead);
    }

    [Fact]
    public void CompletingAReplacementWithoutTheNewSerialIsRefused()
    {
        var report = InState(ReportStatus.Replacing);
        var ex = Assert.Throws<DomainException>(() => report.CompleteWork(Technician,
            new WorkReportInput("Ganti", null, [], [new DeviceLine("Switch", null, "OLD", DeviceCondition.RusakBerat, null)]), Start.AddHours(3)));
        Assert.Contains("Nomor seri perangkat pengganti", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Replacing, report.Status);
    }

    [Fact]
    public void ADisputeSendsTheReportBackToDiagnosisAndClearsTheCompletion()
    {
        var report = InState(ReportStatus.AwaitingAcknowledgement);
        report.Dispute(Reporter, "Masih tidak bisa internet", Start.AddHours(3));
        Assert.Equal(ReportStatus.Diagnosing, report.Status);
        Assert.Null(report.WorkCompletedAtUtc);
        Assert.Equal("Masih tidak bisa internet", report.Events.Last().Note);
    }

    [Fact]
    public void ARevisedWorkReportSupersedesTheEarlierDeviceLinesButKeepsThem()
    {
        var report = InState(ReportStatus.Revision);
        report.CompleteWork(Technician, Work with { ActionsTaken = "Revisi: ganti switch, kabel dirapikan" }, Start.AddHours(4));
        Assert.Equal(ReportStatus.AwaitingAcknowledgement, report.Status);
        Assert.Equal(2, report.Devices.Count(d => d.Purpose == DevicePurpose.Replaced));
        Assert.Single(report.CurrentDevices(DevicePurpose.Replaced));
    }

    [Fact]
    public void TheNumberIsTheYearlySequencePadded()
    {
        Assert.Equal("GJ-2026-000123", Report.FormatNumber(2026, 123));
    }

    [Fact]
    public void AReporterCannotFileAWebReportForAnotherOpd()
    {
        var ex = Assert.Throws<DomainException>(() => Report.Receive(new NewReport(OtherOpd, Reporter.UserId, "Pelapor", null, null,
            null, null, ReportChannel.Web, Start, "Lokasi", FaultCategory.Other, "Uraian panjang"), 2026, 2, "X", Reporter, Start));
        Assert.Contains("OPD Anda sendiri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNotExplainsARefusalWithoutChangingAnything()
    {
        var report = InState(ReportStatus.DisposedToKabid);
        Assert.Null(report.WhyNot(WorkflowAction.Verify, Kabid));
        Assert.Equal(Core.Domain.Workflow.Workflow.RefusalMessage(ActorRule.DisposedKabid), report.WhyNot(WorkflowAction.Verify, OtherKabid));
        Assert.NotNull(report.WhyNot(WorkflowAction.Assign, Kasi));
        Assert.Equal(ReportStatus.DisposedToKabid, report.Status);
    }
}
