using Microsoft.Extensions.Time.Testing;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;

namespace NetworkMaintenance.UnitTests.Sla;

public class SlaClockTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Start));
    private readonly SlaClock _clock;

    public SlaClockTests() => _clock = new SlaClock(new SlaOptions { TargetHours = 24, WarningHours = 4 }, _time);

    private SlaReading Read(Report r) => _clock.Read(r.SlaFacts);

    [Fact]
    public void AFreshReportIsOnTimeWithTwentyFourHoursLeft()
    {
        var r = NewReport();
        var reading = Read(r);
        Assert.Equal(SlaState.OnTime, reading.State);
        Assert.Equal(TimeSpan.FromHours(24), reading.Remaining);
        Assert.Equal(Start.AddHours(24), reading.DeadlineUtc);
    }

    [Fact]
    public void ItWarnsFourHoursBeforeTheDeadlineAndIsBreachedAfterIt()
    {
        var r = NewReport();
        _time.Advance(TimeSpan.FromHours(20) - TimeSpan.FromSeconds(1));
        Assert.Equal(SlaState.OnTime, Read(r).State);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SlaState.Warning, Read(r).State);
        _time.Advance(TimeSpan.FromHours(4));
        Assert.Equal(SlaState.Warning, Read(r).State);
        _time.Advance(TimeSpan.FromSeconds(1));
        var breached = Read(r);
        Assert.Equal(SlaState.Breached, breached.State);
        Assert.True(breached.Remaining < TimeSpan.Zero);
    }

    [Fact]
    public void TheWarningThresholdIsASetting()
    {
        var clock = new SlaClock(new SlaOptions { TargetHours = 8, WarningHours = 1 }, _time);
        var r = NewReport();
        _time.Advance(TimeSpan.FromHours(6.5));
        Assert.Equal(SlaState.OnTime, clock.Read(r.SlaFacts).State);
        _time.Advance(TimeSpan.FromHours(0.5));
        Assert.Equal(SlaState.Warning, clock.Read(r.SlaFacts).State);
    }

    [Fact]
    public void APauseStopsTheClockAndTheResumeMovesTheDeadline()
    {
        var r = InState(ReportStatus.Diagnosing);
        _time.SetUtcNow(Start.AddHours(2));
        r.PauseClock(Technician, SlaPauseReason.WaitingForReporter, "Ruangan terkunci, menunggu pelapor", _time.GetUtcNow().UtcDateTime);
        _time.Advance(TimeSpan.FromHours(30));
        var paused = Read(r);
        Assert.Equal(SlaState.Paused, paused.State);
        Assert.Equal(TimeSpan.FromHours(22), paused.Remaining);

        r.ResumeClock(Kasi, _time.GetUtcNow().UtcDateTime);
        var running = Read(r);
        Assert.Equal(SlaState.OnTime, running.State);
        Assert.Equal(TimeSpan.FromHours(22), running.Remaining);
        Assert.Equal(Start.AddHours(54), running.DeadlineUtc);
        var pause = Assert.Single(r.Pauses);
        Assert.Equal(Start.AddHours(32), pause.ResumedAtUtc);
        Assert.Equal("Kasi", pause.ResumedByName);
    }

    [Fact]
    public void CompletedWorkIsMetOrMissedByClockTimeExcludingPauses()
    {
        var r = InState(ReportStatus.Repairing);
        r.PauseClock(Technician, SlaPauseReason.WaitingForDevice, "Menunggu switch pengganti", Start.AddHours(1));
        r.ResumeClock(Technician, Start.AddHours(11));
        r.CompleteWork(Technician, Work, Start.AddHours(30));
        _time.SetUtcNow(Start.AddDays(10));
        var reading = Read(r);
        Assert.Equal(SlaState.Met, reading.State);
        Assert.Equal(TimeSpan.FromHours(20), reading.Elapsed);
        Assert.Equal(20 * 3600, r.SlaElapsedSeconds);

        var late = InState(ReportStatus.Repairing);
        late.CompleteWork(Technician, Work, Start.AddHours(25));
        Assert.Equal(SlaState.Missed, Read(late).State);
    }

    [Fact]
    public void AWorkflowStepEndsAPause()
    {
        var r = InState(ReportStatus.AwaitingReplacementRequest);
        r.PauseClock(Technician, SlaPauseReason.WaitingForReporter, "Menunggu BA pengajuan", Start.AddHours(1));
        r.SubmitReplacementRequest(Reporter, Request, Start.AddHours(5));
        Assert.Null(r.SlaPausedSinceUtc);
        var pause = Assert.Single(r.Pauses);
        Assert.True(pause.ResumedByStep);
        Assert.Equal(Start.AddHours(4), r.SlaClockStartUtc);
    }

    [Fact]
    public void OnlyTheAssignedTechnicianOrTheKasiMayPause()
    {
        var r = InState(ReportStatus.Diagnosing);
        foreach (var actor in new[] { OtherTechnician, Kabid, Kadis, Reporter, FrontDesk, OtherKasi })
        {
            Assert.Throws<DomainException>(() => r.PauseClock(actor, SlaPauseReason.WaitingForReporter, "alasan", Start.AddHours(1)));
        }
        r.PauseClock(KasiPlh, SlaPauseReason.WaitingForReporter, "alasan", Start.AddHours(1));
        Assert.Throws<DomainException>(() => r.ResumeClock(Reporter, Start.AddHours(2)));
    }

    [Fact]
    public void APauseNeedsAReasonAndCannotBeDoubled()
    {
        var r = InState(ReportStatus.Diagnosing);
        Assert.Throws<DomainException>(() => r.PauseClock(Technician, SlaPauseReason.WaitingForReporter, " ", Start.AddHours(1)));
        r.PauseClock(Technician, SlaPauseReason.WaitingForReporter, "alasan", Start.AddHours(1));
        Assert.Throws<DomainException>(() => r.PauseClock(Technician, SlaPauseReason.WaitingForReporter, "lagi", Start.AddHours(2)));
        r.ResumeClock(Technician, Start.AddHours(2));
        Assert.Throws<DomainException>(() => r.ResumeClock(Technician, Start.AddHours(3)));
    }

    [Fact]
    public void CompletedOrFinalReportsCannotBePaused()
    {
        var r = InState(ReportStatus.AwaitingAcknowledgement);
        Assert.Throws<DomainException>(() => r.PauseClock(Technician, SlaPauseReason.WaitingForReporter, "alasan", Start.AddHours(1)));
    }

    [Fact]
    public void RejectedReportsAreNotMeasured() =>
        Assert.Equal(SlaState.NotApplicable, Read(InState(ReportStatus.Rejected)).State);

    [Fact]
    public void ADisputeReopensTheClock()
    {
        var r = InState(ReportStatus.AwaitingAcknowledgement);
        r.Dispute(Reporter, "masih mati", Start.AddHours(3));
        Assert.Null(r.SlaElapsedSeconds);
        _time.SetUtcNow(Start.AddHours(21));
        Assert.Equal(SlaState.Warning, Read(r).State);
    }
}

public class StepDurationTests
{
    [Fact]
    public void EachStepLastsUntilTheNextEventAndTheCurrentOneUntilNow()
    {
        var r = InState(ReportStatus.Diagnosing); // four steps ten minutes apart after receipt
        var durations = StepDurations.From(r.Events.Select(e => (e.ToStatus, e.AtUtc)), Start.AddHours(1));
        Assert.Equal(
            [(ReportStatus.Submitted, TimeSpan.FromMinutes(10)), (ReportStatus.DisposedToKabid, TimeSpan.FromMinutes(10)),
             (ReportStatus.DisposedToKasi, TimeSpan.FromMinutes(10)), (ReportStatus.Assigned, TimeSpan.FromMinutes(10)),
             (ReportStatus.Diagnosing, TimeSpan.FromMinutes(20))],
            durations);
    }

    [Fact]
    public void EveryEventRecordsTheTimeSpentInThePreviousState()
    {
        var r = InState(ReportStatus.Diagnosing);
        Assert.Equal([null, 600L, 600L, 600L, 600L], r.Events.Select(e => e.SecondsInFromStatus));
    }

    [Fact]
    public void AFinalStateAddsNoTime()
    {
        var r = InState(ReportStatus.Rejected);
        var durations = StepDurations.From(r.Events.Select(e => (e.ToStatus, e.AtUtc)), Start.AddDays(3));
        Assert.Equal([(ReportStatus.Submitted, TimeSpan.FromMinutes(10))], durations);
    }
}
