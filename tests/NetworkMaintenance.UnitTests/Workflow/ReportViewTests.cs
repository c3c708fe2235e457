using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Reports;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>
/// The report pages read an immutable copy of the report (<see cref="ReportView"/>): it answers every rule the pages
/// ask exactly as the aggregate it was made from, for every state, action and person.
/// </summary>
public class ReportViewTests
{
    private static readonly WorkflowActor[] People =
        [Kadis, Kabid, OtherKabid, Kasi, OtherKasi, Technician, OtherTechnician, Reporter, ReporterOfOtherOpd, FrontDesk,
         Administrator, KadisPlh, KabidPlh, KasiPlh];

    public static TheoryData<ReportStatus> States => [.. Enum.GetValues<ReportStatus>()];

    [Theory]
    [MemberData(nameof(States))]
    public void TheCopyAnswersAsTheReport(ReportStatus state)
    {
        var report = InState(state);
        var view = ReportView.From(report);

        foreach (var action in Enum.GetValues<WorkflowAction>())
        {
            Assert.Equal(report.RequirementsFor(action), view.RequirementsFor(action));
            foreach (var person in People)
            {
                Assert.Equal(report.WhyNot(action, person), view.WhyNot(action, person));
            }
        }
        foreach (var person in People)
        {
            Assert.Equal(report.MayKeepClock(person), view.MayKeepClock(person));
            Assert.Equal(Core.Domain.Workflow.Workflow.Available(report, report.Status, person),
                Core.Domain.Workflow.Workflow.Available(view, view.Status, person));
        }
        Assert.Equal(report.PendingReturn()?.Id, view.PendingReturn()?.Id);
        Assert.Equal(report.IsFinal, view.IsFinal);
        Assert.Equal(report.Version, view.Version);
        Assert.Equal(report.Events.Count, view.Events.Count);
        Assert.Equal(report.CurrentDevices(DevicePurpose.Replaced).Select(d => d.Name),
            view.CurrentDevices(DevicePurpose.Replaced).Select(d => d.Name));
    }

    [Fact]
    public void TheCopyKeepsTheReturnTheReportIsAnswering()
    {
        var report = InState(ReportStatus.Revision);
        var view = ReportView.From(report);
        Assert.NotNull(view.PendingReturn());
        Assert.Equal("Lengkapi nomor seri", view.PendingReturn()!.Note);
        Assert.Same(view.Events.Single(e => e.Action == WorkflowAction.Return), view.PendingReturn());
    }

    [Fact]
    public void AReportWhoseCollectionsAreLoadedIsNeverCompletedAgain()
    {
        var report = InState(ReportStatus.Repairing);
        var events = report.Events.Count;
        Assert.Throws<InvalidOperationException>(() => report.CompleteReadCopy([], [], [], []));
        Assert.Equal(events, report.Events.Count);
    }
}
