using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Reports;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>
/// What a step asks for has one home (<see cref="Report.RequirementsFor"/>): the step form's validator and the report's
/// own method agree on it, in every state where the work is completed.
/// </summary>
public class StepRequirementsTests
{
    private static readonly WorkReportInput PlainRepair = new("Mengganti kabel uplink", null,
        [new DeviceLine("Kabel uplink", null, null, DeviceCondition.RusakRingan, null)], []);

    /// <summary>Replaced, disputed, diagnosed again in the Data Center: now a plain repair.</summary>
    private static Report RepairingAfterADisputedReplacement()
    {
        var report = InState(ReportStatus.Replacing);
        var at = Start.AddHours(3);
        report.CompleteWork(Technician, Work, at);
        report.Dispute(Reporter, "Masih putus-putus", at.AddMinutes(10));
        report.RecordDiagnosis(Technician, Diagnosis, inDataCenterNetwork: true, at.AddMinutes(20));
        Assert.Equal(ReportStatus.Repairing, report.Status);
        Assert.True(report.ReplacementNeeded);
        return report;
    }

    private static StepInputForm Form(Report report, params DeviceRow[] replaced) => new()
    {
        Requirements = report.RequirementsFor(WorkflowAction.CompleteWork)!,
        ActionsTaken = "Mengganti kabel uplink",
        Devices = [new DeviceRow { Name = "Kabel uplink", Condition = DeviceCondition.RusakRingan }],
        ReplacedDevices = [.. replaced],
    };

    [Fact]
    public void APlainRepairAfterADisputedReplacementNeedsNoReplacedDevices()
    {
        var report = RepairingAfterADisputedReplacement();

        Assert.False(report.RequirementsFor(WorkflowAction.CompleteWork)!.ReplacedDevices);
        Assert.True(new StepInputFormValidator().Validate(Form(report)).IsValid);
        report.CompleteWork(Technician, PlainRepair, Start.AddHours(4));
        Assert.Equal(ReportStatus.AwaitingAcknowledgement, report.Status);
    }

    [Fact]
    public void TheRevisionOfAPlainRepairAfterADisputedReplacementNeedsNoReplacedDevices()
    {
        var report = RepairingAfterADisputedReplacement();
        var at = Start.AddHours(4);
        report.CompleteWork(Technician, PlainRepair, at);
        report.Acknowledge(Reporter, null, at.AddMinutes(10));
        report.Return(Kasi, "Lengkapi penyebab gangguan", at.AddMinutes(20));
        Assert.Equal(ReportStatus.Revision, report.Status);

        // The work under revision replaced nothing: its revision asks for no replaced devices, in the form or the domain.
        Assert.False(report.RequirementsFor(WorkflowAction.CompleteWork)!.ReplacedDevices);
        Assert.True(new StepInputFormValidator().Validate(Form(report)).IsValid);
        report.CompleteWork(Technician, PlainRepair with { RootCause = "Konektor longgar" }, at.AddMinutes(30));
        Assert.Equal(ReportStatus.AwaitingAcknowledgement, report.Status);
    }

    [Theory]
    [InlineData(ReportStatus.Replacing)]
    [InlineData(ReportStatus.Revision)]
    public void AReplacementNeedsItsReplacedDevicesInTheFormAndInTheDomainWithTheSameMessage(ReportStatus state)
    {
        var report = state == ReportStatus.Replacing ? InState(ReportStatus.Replacing) : ReturnedReplacement();

        Assert.True(report.RequirementsFor(WorkflowAction.CompleteWork)!.ReplacedDevices);
        var errors = new StepInputFormValidator().Validate(Form(report)).Errors.Select(e => e.ErrorMessage);
        Assert.Contains(ReportMessages.ReplacedDevicesRequired, errors);
        var ex = Assert.Throws<DomainException>(() => report.CompleteWork(Technician, PlainRepair, Start.AddHours(5)));
        Assert.Equal(ReportMessages.ReplacedDevicesRequired, ex.Message);
        Assert.Equal(state, report.Status);
    }

    private static Report ReturnedReplacement()
    {
        var report = InState(ReportStatus.Replacing);
        var at = Start.AddHours(3);
        report.CompleteWork(Technician, Work, at);
        report.Acknowledge(Reporter, null, at.AddMinutes(10));
        report.Return(Kasi, "Lengkapi nomor seri", at.AddMinutes(20));
        Assert.Equal(ReportStatus.Revision, report.Status);
        return report;
    }

    [Fact]
    public void OnlyCompletingTheWorkAsksForReplacedDevicesAndAStepTheStateDoesNotOfferAsksForNothing()
    {
        var report = InState(ReportStatus.Replacing);
        Assert.Null(report.RequirementsFor(WorkflowAction.Approve));
        Assert.All(Core.Domain.Workflow.Workflow.Transitions.Where(t => t.Action != WorkflowAction.CompleteWork), t =>
            Assert.False(StepRequirements.For(t.Action, t.From, replacedDevicesRequired: true)!.ReplacedDevices));
        Assert.Equal(StepInput.WorkReport, report.RequirementsFor(WorkflowAction.CompleteWork)!.Inputs);
    }

    [Fact]
    public void TheAcknowledgementWaitsForTheReporterNotForTheTechnicianWhoMayCollectItOnSite()
    {
        Assert.DoesNotContain(ReportStatus.AwaitingAcknowledgement, Core.Domain.Workflow.Workflow.StatesAwaiting(ActorRule.AssignedTechnician));
        Assert.Contains(ReportStatus.AwaitingAcknowledgement, Core.Domain.Workflow.Workflow.StatesAwaiting(ActorRule.Reporter));
        Assert.Equal([ActorRule.Reporter], Core.Domain.Workflow.Workflow.NextActors(ReportStatus.AwaitingAcknowledgement));
        // The technician may still take the on-site signature there.
        Assert.NotNull(Core.Domain.Workflow.Workflow.Find(WorkflowAction.AcknowledgeOnSite, ReportStatus.AwaitingAcknowledgement));
    }
}
