using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Monitoring;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;

namespace NetworkMaintenance.UnitTests.Monitoring;

/// <summary>
/// A report opened by a monitoring alert: received by the system actor at the alert's start, noted on repeats, and
/// closable by the Kadis (or Plh.) as resolved by itself only after the alert resolved and before anyone acted —
/// through the transition table, like every step.
/// </summary>
public class MonitoringReportTests
{
    private static readonly WorkflowActor System = new("sys", "Sistem Pemantauan Jaringan", null, null,
        new HashSet<string> { Roles.Sistem }, null, []);

    private static readonly DateTime AlertStart = Start.AddMinutes(-30);

    private static Report AlertReport() => Report.Receive(new NewReport(Workflow.WorkflowFixture.Opd, null, "Sistem Pemantauan Jaringan (AM)", null, null, null, null,
        ReportChannel.Monitoring, AlertStart, "sw-core-bkd", FaultCategory.NoInternet, "Uplink BKD tidak merespons ping"),
        2026, 7, "ABCD2345", System, Start);

    [Fact]
    public void TheSystemActorReceivesTheReportAndTheClockStartsAtTheAlert()
    {
        var report = AlertReport();
        Assert.Equal(ReportChannel.Monitoring, report.Channel);
        Assert.Equal(AlertStart, report.SlaClockStartUtc);
        Assert.Equal(AlertStart, report.ReceivedAtUtc);
        Assert.Equal(Roles.Sistem, Assert.Single(report.Events).ActorRole);
        Assert.Equal("Pemantauan jaringan", Labels.Of(ReportChannel.Monitoring));
        Assert.False(Labels.IsChosenByPeople(ReportChannel.Monitoring));
    }

    [Fact]
    public void NobodyButTheSystemOpensAMonitoringReport()
    {
        var ex = Assert.Throws<DomainException>(() => Report.Receive(new NewReport(Workflow.WorkflowFixture.Opd, null, "Petugas", null, null, null, null,
            ReportChannel.Monitoring, Start, "Gedung", FaultCategory.NoInternet, "Uraian gangguan jaringan"), 2026, 8, "ABCD2345", FrontDesk, Start));
        Assert.Contains("peringatan pemantauan", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANoteChangesNoStateAndDoesNotCountAsTimeInAState()
    {
        var report = AlertReport();
        var version = report.Version;
        var note = report.AddNote(System, "Peringatan yang sama diterima lagi", Start.AddMinutes(10));
        Assert.Equal(WorkflowAction.Note, note.Action);
        Assert.Null(note.FromStatus);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.NotEqual(version, report.Version);
        var disposed = report.Dispose(Kadis, new Disposition(Person(Kabid), StandardInstruction.UntukDitindaklanjuti, null, null), Start.AddMinutes(20));
        Assert.Equal(20 * 60, disposed.SecondsInFromStatus);
    }

    [Theory]
    [InlineData(Kind.Kadis, true)]
    [InlineData(Kind.KadisPlh, true)]
    [InlineData(Kind.DisposedKabid, false)]
    [InlineData(Kind.DisposedKasi, false)]
    [InlineData(Kind.FrontDesk, false)]
    [InlineData(Kind.Reporter, false)]
    [InlineData(Kind.Administrator, false)]
    public void OnlyTheKadisClosesAResolvedAlertsReport(Kind kind, bool allowed)
    {
        var report = AlertReport();
        var ended = AlertStart.AddMinutes(12);
        Assert.NotNull(report.WhyNot(WorkflowAction.CloseResolvedByItself, Kadis));
        report.RecordAlertResolved(System, ended, "Peringatan pulih", Start.AddMinutes(5));
        Assert.Equal(ended, report.AlertResolvedAtUtc);

        if (allowed)
        {
            Assert.Contains(WorkflowTable.Available(report, report.Status, Actor(kind)), t => t.Action == WorkflowAction.CloseResolvedByItself);
            var ev = report.CloseResolvedByItself(Actor(kind), null, Start.AddMinutes(6));
            Assert.Equal(ReportStatus.Closed, report.Status);
            Assert.Equal(ended, report.WorkCompletedAtUtc);
            Assert.Equal(12 * 60, report.SlaElapsedSeconds);
            Assert.Equal(kind == Kind.KadisPlh, ev.IsPlh);
        }
        else
        {
            Assert.DoesNotContain(WorkflowTable.Available(report, report.Status, Actor(kind)), t => t.Action == WorkflowAction.CloseResolvedByItself);
            var ex = Assert.Throws<DomainException>(() => report.CloseResolvedByItself(Actor(kind), null, Start.AddMinutes(6)));
            Assert.Equal(WorkflowTable.RefusalMessage(ActorRule.KepalaDinasOnResolvedAlert), ex.Message);
            Assert.Equal(ReportStatus.Submitted, report.Status);
        }
    }

    [Fact]
    public void OnceTheKadisDisposedTheReportItFollowsTheChain()
    {
        var report = AlertReport();
        report.Dispose(Kadis, new Disposition(Person(Kabid), StandardInstruction.UntukDitindaklanjuti, null, null), Start.AddMinutes(1));
        report.RecordAlertResolved(System, Start, "Peringatan pulih", Start.AddMinutes(2));
        var ex = Assert.Throws<DomainException>(() => report.CloseResolvedByItself(Kadis, null, Start.AddMinutes(3)));
        Assert.Contains("tidak dapat dilakukan", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.DisposedToKabid, report.Status);
    }

    [Fact]
    public void OtherReportsCannotBeResolvedByAnAlert()
    {
        var report = NewReport();
        Assert.Throws<DomainException>(() => report.RecordAlertResolved(System, Start, "pulih", Start));
        Assert.Null(report.AlertResolvedAtUtc);
    }

    [Fact]
    public void TheClosingIsAnOptionNotWhatTheStateWaitsFor()
    {
        Assert.Equal(new HashSet<ActorRule> { ActorRule.KepalaDinas }, WorkflowTable.NextActors(ReportStatus.Submitted));
    }

    [Theory]
    [InlineData("4512873", "4512873")]
    [InlineData(" #4512873 ", "4512873")]
    [InlineData("123456789012", "123456789012")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void LaporNumbersAreStoredAsDigits(string? typed, string? stored) => Assert.Equal(stored, LaporNumber.Normalize(typed));

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567890123")]
    [InlineData("LAP-4512873")]
    [InlineData("45128a3")]
    public void MalformedLaporNumbersAreRefused(string typed)
    {
        Assert.False(LaporNumber.IsValidOrEmpty(typed));
        Assert.Equal(LaporNumber.FormatMessage, Assert.Throws<DomainException>(() => LaporNumber.Normalize(typed)).Message);
    }

    [Fact]
    public void DowntimeCountsOverlappingAlertsOnceWithinTheMonth()
    {
        var from = new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc);
        var to = from.AddDays(4);
        (DateTime, DateTime)[] alerts =
        [
            (from.AddHours(-5), from.AddHours(1)),         // began last month: only the hour in this month counts
            (from.AddHours(10), from.AddHours(12)),
            (from.AddHours(11), from.AddHours(13)),        // overlaps the previous one: 10–13 counts once
            (from.AddHours(20), from.AddHours(20)),        // empty
            (to.AddHours(-1), to.AddHours(5)),             // still firing past "now": only up to now
        ];
        Assert.Equal(TimeSpan.FromHours(1 + 3 + 1), StatusBoard.Downtime(alerts, from, to));
        Assert.Equal(TimeSpan.Zero, StatusBoard.Downtime([], from, to));
    }
}
