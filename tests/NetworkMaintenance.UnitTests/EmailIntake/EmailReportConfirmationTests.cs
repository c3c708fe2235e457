using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Mail;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;

namespace NetworkMaintenance.UnitTests.EmailIntake;

/// <summary>
/// A report the mailbox recorded (docs/email-intake.md) waits for the front desk: the Kadis's steps are refused by the
/// transition table's one check until the front desk confirms; a report the front desk typed in does not wait.
/// </summary>
public class EmailReportConfirmationTests
{
    private static readonly WorkflowActor Mailbox = new("mailbox", "Kotak Masuk Email Layanan", null, null,
        new HashSet<string> { Roles.Sistem }, null, []);

    private static Report EmailReport(WorkflowActor recordedBy) => Report.Receive(new NewReport(Workflow.WorkflowFixture.Opd, null, "Tata Usaha BKD", null, null, null,
        "tu.bkd@opd.example", ReportChannel.Email, Start, "Kantor BKD", FaultCategory.Other, "Internet mati"), 2026, 9, "ABCD2345", recordedBy, Start);

    [Fact]
    public void TheKadisWaitsForTheFrontDeskToConfirmAnEmailReport()
    {
        var report = EmailReport(Mailbox);
        Assert.True(report.AwaitsIntakeConfirmation);
        Assert.Equal(WorkflowTable.UnconfirmedIntakeMessage, report.WhyNot(WorkflowAction.Dispose, Kadis));
        Assert.Equal(WorkflowTable.UnconfirmedIntakeMessage, report.WhyNot(WorkflowAction.Reject, KadisPlh));
        Assert.Empty(WorkflowTable.Available(report, report.Status, Kadis));
        var refused = Assert.Throws<DomainException>(() => report.Reject(Kadis, "Bukan gangguan", Start.AddMinutes(1)));
        Assert.Equal(WorkflowTable.UnconfirmedIntakeMessage, refused.Message);

        // Only the front desk confirms.
        Assert.Throws<DomainException>(() => report.ConfirmIntake(Kadis, null, Start.AddMinutes(2)));
        var note = report.ConfirmIntake(FrontDesk, "Sudah ditelepon", Start.AddMinutes(3));
        Assert.Equal(WorkflowAction.Note, note.Action);
        Assert.Contains("Sudah ditelepon", note.Note, StringComparison.Ordinal);
        Assert.False(report.AwaitsIntakeConfirmation);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Null(report.WhyNot(WorkflowAction.Dispose, Kadis));
        Assert.Throws<DomainException>(() => report.ConfirmIntake(FrontDesk, null, Start.AddMinutes(4)));
    }

    [Fact]
    public void AnEmailReportTheFrontDeskTypedInGoesStraightToTheKadis()
    {
        var report = EmailReport(FrontDesk);
        Assert.False(report.AwaitsIntakeConfirmation);
        Assert.Null(report.WhyNot(WorkflowAction.Dispose, Kadis));
    }

    [Fact]
    public void ANotificationMessageIdNamesItsReport()
    {
        var id = NotificationMessageIds.For(42, 7, "noreply@tebingtinggikota.go.id");
        Assert.EndsWith("@tebingtinggikota.go.id", id, StringComparison.Ordinal);
        Assert.Equal(42, NotificationMessageIds.ReportIdOf(id));
        Assert.Equal(42, NotificationMessageIds.ReportIdOf("<" + id + ">"));
        Assert.Null(NotificationMessageIds.ReportIdOf("laporan.42@elsewhere.example"));
        Assert.Null(NotificationMessageIds.ReportIdOf(null));
    }
}
