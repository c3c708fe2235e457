using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>
/// Finding 14: nobody reviews work they did. A technician assigned to the report cannot approve or return any of its
/// review steps, not even as Plh. of the Kasi, Kabid or Kadis; other officials and other Plh. still can.
/// </summary>
public class SeparationOfDuties
{
    private static WorkflowActor TechnicianActingFor(params WorkflowActor[] officials) => Technician with
    {
        ActingFor = officials.Select(o => new ActingFor(o.UserId, o.FullName, o.Position, o.Nip, o.Roles)).ToList(),
    };

    [Theory]
    [InlineData(ReportStatus.KasiReview, WorkflowAction.Approve)]
    [InlineData(ReportStatus.KasiReview, WorkflowAction.Return)]
    [InlineData(ReportStatus.KabidReview, WorkflowAction.Approve)]
    [InlineData(ReportStatus.KadisReview, WorkflowAction.Approve)]
    public void TheAssignedTechnicianCannotReviewTheirOwnWorkAsPlh(ReportStatus state, WorkflowAction action)
    {
        var report = InState(state);
        var plh = TechnicianActingFor(Kasi, Kabid, Kadis);

        var ex = Assert.Throws<DomainException>(() => Do(report, action, plh, Start.AddHours(5)));

        Assert.Equal(WorkflowTable.OwnWorkMessage, ex.Message);
        Assert.Equal(WorkflowTable.OwnWorkMessage, report.WhyNot(action, plh));
        Assert.DoesNotContain(WorkflowTable.Available(report, report.Status, plh), t => t.Action == action);
        Assert.Equal(state, report.Status);
    }

    [Fact]
    public void AnotherPlhAndTheOfficialThemselvesStillApprove()
    {
        var report = InState(ReportStatus.KasiReview);
        Assert.Null(report.WhyNot(WorkflowAction.Approve, KasiPlh));
        report.Approve(Kasi, null, Start.AddHours(5));
        Assert.Equal(ReportStatus.KabidReview, report.Status);
    }
}
