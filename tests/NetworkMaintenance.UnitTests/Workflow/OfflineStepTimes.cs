using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>
/// Issue #21: a step done on the technician's phone and synced later keeps the time it was done, within the report's
/// limits (not in the future beyond the tolerance, not before the previous step), and records the sync time beside it.
/// </summary>
public class OfflineStepTimes
{
    [Fact]
    public void AWorkTimeAfterThePreviousStepAndNotInTheFutureIsAccepted()
    {
        var report = InState(ReportStatus.OnSiteInspection);
        var previous = report.Events.Max(e => e.AtUtc);

        Assert.Null(report.WhyNotDoneAt(previous, previous.AddHours(3)));
        Assert.Null(report.WhyNotDoneAt(previous.AddHours(3).AddMinutes(4), previous.AddHours(3)));
    }

    [Fact]
    public void AWorkTimeInTheFutureOrBeforeThePreviousStepIsRefusedInIndonesian()
    {
        var report = InState(ReportStatus.OnSiteInspection);
        var previous = report.Events.Max(e => e.AtUtc);
        var now = previous.AddHours(3);

        Assert.Contains("di masa depan", report.WhyNotDoneAt(now.AddMinutes(6), now), StringComparison.Ordinal);
        Assert.Contains("lebih awal daripada langkah sebelumnya", report.WhyNotDoneAt(previous.AddMinutes(-1), now), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSyncTimeIsRecordedOnceAndOnlyWhenItIsLaterThanTheWork()
    {
        var report = InState(ReportStatus.OnSiteInspection);
        var doneAt = report.Events.Max(e => e.AtUtc).AddMinutes(20);
        var ev = report.RecordInspection(Technician, new InspectionInput(doneAt.AddMinutes(-10), "Kabel longgar", true),
            replacementNeeded: false, doneAt);

        ev.RecordedLater(doneAt.AddHours(2));

        Assert.Equal(doneAt, ev.AtUtc);
        Assert.Equal(doneAt.AddHours(2), ev.RecordedAtUtc);
        Assert.Throws<DomainException>(() => ev.RecordedLater(doneAt.AddHours(3)));

        var next = report.CompleteWork(Technician, Work, doneAt.AddMinutes(30));
        next.RecordedLater(doneAt.AddMinutes(30));
        Assert.Null(next.RecordedAtUtc);
        Assert.Equal(WorkflowAction.CompleteWork, next.Action);
    }
}
