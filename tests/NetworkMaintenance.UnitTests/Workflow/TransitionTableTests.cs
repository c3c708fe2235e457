using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>Every (state, action, person) against the one transition table: allowed, or refused with the right message.</summary>
public class TransitionTableTests
{
    /// <summary>Who each rule admits, written out independently of the code that decides it.</summary>
    private static readonly Dictionary<ActorRule, Kind[]> Admitted = new()
    {
        [ActorRule.KepalaDinas] = [Kind.Kadis, Kind.KadisPlh],
        [ActorRule.DisposedKabid] = [Kind.DisposedKabid, Kind.KabidPlh],
        [ActorRule.DisposedKasi] = [Kind.DisposedKasi, Kind.KasiPlh],
        [ActorRule.AssignedTechnician] = [Kind.AssignedTechnician],
        [ActorRule.Reporter] = [Kind.Reporter],
        [ActorRule.ReporterOrFrontDesk] = [Kind.Reporter, Kind.FrontDesk],
        // The fixture's reports were not opened by a monitoring alert, so nobody may close them as resolved by
        // themselves; MonitoringReportTests covers a resolved alert's report (the Kadis and the Kadis's Plh. only).
        [ActorRule.KepalaDinasOnResolvedAlert] = [],
    };

    public static TheoryData<ReportStatus, WorkflowAction, Kind> Cases()
    {
        var data = new TheoryData<ReportStatus, WorkflowAction, Kind>();
        foreach (var status in Enum.GetValues<ReportStatus>())
            foreach (var action in Enum.GetValues<WorkflowAction>().Where(a => a is not (WorkflowAction.Submit or WorkflowAction.Note)))
                foreach (var kind in Enum.GetValues<Kind>())
                    data.Add(status, action, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryStateActionAndPersonIsAllowedOnlyWhenTheTableSaysSo(ReportStatus status, WorkflowAction action, Kind kind)
    {
        var report = InState(status);
        Assert.Equal(status, report.Status);
        var eventsBefore = report.Events.Count;
        var version = report.Version;
        var row = WorkflowTable.Find(action, status);
        var allowed = row is not null && Admitted[row.Actor].Contains(kind);

        var at = Start.AddHours(5);
        if (allowed)
        {
            var ev = Do(report, action, Actor(kind), at);
            Assert.Equal(row!.To, report.Status);
            Assert.Equal(eventsBefore + 1, report.Events.Count);
            Assert.Equal(status, ev.FromStatus);
            Assert.Equal(row.To, ev.ToStatus);
            Assert.Equal(Actor(kind).UserId, ev.ActorUserId);
            Assert.Equal(kind is Kind.KadisPlh or Kind.KabidPlh or Kind.KasiPlh, ev.IsPlh);
            Assert.NotEqual(version, report.Version);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => Do(report, action, Actor(kind), at));
            var expected = row is null
                ? $"tidak dapat dilakukan karena laporan {report.Number} sekarang berstatus \"{Labels.Of(status)}\""
                : WorkflowTable.RefusalMessage(row.Actor);
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
            Assert.Equal(status, report.Status);
            Assert.Equal(eventsBefore, report.Events.Count);
            Assert.Equal(version, report.Version);
        }
    }

    [Fact]
    public void TheTableCoversEverySeedStepFromTwoToFourteen()
    {
        var steps = WorkflowTable.Transitions.SelectMany(t => t.SeedSteps.Split(',', StringSplitOptions.TrimEntries)).Select(int.Parse).ToHashSet();
        Assert.Equal(Enumerable.Range(2, 13), steps.Order());
    }

    [Fact]
    public void EveryRejectReturnAndDisputeRequiresAReason()
    {
        foreach (var t in WorkflowTable.Transitions.Where(t => t.Action is WorkflowAction.Reject or WorkflowAction.Return or WorkflowAction.Dispute))
        {
            Assert.True(t.Inputs.HasFlag(StepInput.Reason), $"{t.Action} from {t.From} must require a reason");
        }
    }

    [Fact]
    public void EveryNonFinalStateHasAWayForward()
    {
        foreach (var status in Enum.GetValues<ReportStatus>().Where(s => !WorkflowTable.FinalStates.Contains(s)))
        {
            Assert.NotEmpty(WorkflowTable.From(status));
        }
        Assert.Empty(WorkflowTable.From(ReportStatus.Closed));
        Assert.Empty(WorkflowTable.From(ReportStatus.Rejected));
    }

    [Fact]
    public void TheTableHasOneRowPerActionAndState()
    {
        var keys = WorkflowTable.Transitions.Select(t => (t.Action, t.From)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [InlineData(WorkflowAction.Reject, ReportStatus.Submitted)]
    [InlineData(WorkflowAction.Return, ReportStatus.KasiReview)]
    [InlineData(WorkflowAction.Dispute, ReportStatus.AwaitingAcknowledgement)]
    public void ABlankReasonIsRefused(WorkflowAction action, ReportStatus status)
    {
        var report = InState(status);
        var actor = WorkflowTable.Find(action, status)!.Actor switch
        {
            ActorRule.KepalaDinas => Kadis,
            ActorRule.DisposedKasi => Kasi,
            _ => Reporter,
        };
        var ex = Assert.Throws<DomainException>(() => _ = action switch
        {
            WorkflowAction.Reject => report.Reject(actor, "  ", Start.AddHours(1)),
            WorkflowAction.Return => report.Return(actor, "", Start.AddHours(1)),
            _ => report.Dispute(actor, " ", Start.AddHours(1)),
        });
        Assert.Equal("Alasan wajib diisi.", ex.Message);
        Assert.Equal(status, report.Status);
    }
}
