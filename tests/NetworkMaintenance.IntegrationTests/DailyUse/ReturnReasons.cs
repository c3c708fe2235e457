using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>
/// A returned or disputed report shows its reason where the person who must answer it looks first: at the top of the
/// report page, in the notification and on the step form; the revision form starts from the last work report.
/// </summary>
public sealed class ReturnReasons(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task AReturnedReportShowsTheReasonOnTopInTheNotificationAndOnTheRevisionFormWhichIsPrefilled()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji alasan pengembalian");
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti kabel patch dan restart switch"), ("RootCause", "Kabel patch rusak"),
            ("Devices[0].Name", "Kabel patch Cat6"), ("Devices[0].BrandType", "Belden"), ("Devices[0].SerialNumber", "TPL24-0178"),
            ("Devices[0].Condition", "RusakRingan"), ("Devices[0].Notes", "diganti baru"));
        await _w.AcknowledgeAsync(id);
        const string reason = "Lengkapi penyebab gangguan dan nomor seri switch";
        await _w.StepOkAsync("kasi", id, WorkflowAction.Return, ReportStatus.Revision, ("Reason", reason));

        var teknisi = await _w.As("teknisi");
        var page = await teknisi.GetPageAsync($"/laporan/{id}");
        var top = page.IndexOf("data-testid=\"pending-return\"", StringComparison.Ordinal);
        Assert.True(top > 0, "The report page shows no return reason.");
        Assert.True(top < page.IndexOf("data-testid=\"next-actor\"", StringComparison.Ordinal),
            "The return reason is not above the actions.");
        var banner = Banner(page);
        Assert.Contains(reason, banner, StringComparison.Ordinal);
        Assert.Contains("Rudi Hartono", banner, StringComparison.Ordinal);

        var teknisiId = await _w.UserIdAsync("teknisi");
        var notes = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == teknisiId && n.ReportId == id)
            .OrderBy(n => n.Id).Select(n => n.Message).ToListAsync());
        Assert.Contains(reason, notes[^1], StringComparison.Ordinal);

        var form = await teknisi.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.CompleteWork}");
        Assert.Contains(reason, WebPageHelpers.Text(form), StringComparison.Ordinal);
        Assert.Equal("Mengganti kabel patch dan restart switch", WebPageHelpers.TextAreaValue(form, "ActionsTaken"));
        Assert.Equal("Kabel patch rusak", WebPageHelpers.InputValue(form, "RootCause"));
        Assert.Equal("Kabel patch Cat6", WebPageHelpers.InputValue(form, "Devices[0].Name"));
        Assert.Equal("Belden", WebPageHelpers.InputValue(form, "Devices[0].BrandType"));
        Assert.Equal("TPL24-0178", WebPageHelpers.InputValue(form, "Devices[0].SerialNumber"));
        Assert.Equal("diganti baru", WebPageHelpers.InputValue(form, "Devices[0].Notes"));
        Assert.Equal(["RusakRingan"], WebPageHelpers.SelectedValues(form, "Devices[0].Condition"));

        // Completing the revision answers the return: the banner goes.
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti kabel patch dan restart switch"), ("RootCause", "Kabel patch digigit tikus"),
            ("Devices[0].Name", "Kabel patch Cat6"), ("Devices[0].Condition", "RusakRingan"));
        Assert.DoesNotContain("data-testid=\"pending-return\"", await teknisi.GetPageAsync($"/laporan/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisputedReportShowsTheReporterReasonToTheTechnicianUntilTheWorkIsCompletedAgain()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji alasan sanggahan");
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        const string reason = "Internet masih putus-putus setiap jam 10 pagi";
        await _w.StepOkAsync("pelapor", id, WorkflowAction.Dispute, ReportStatus.Diagnosing, ("Reason", reason));

        foreach (var user in new[] { "teknisi", "teknisi2" })
        {
            var userId = await _w.UserIdAsync(user);
            var last = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == userId && n.ReportId == id)
                .OrderByDescending(n => n.Id).Select(n => n.Message).FirstAsync());
            Assert.Contains("belum teratasi", last, StringComparison.Ordinal);
            Assert.Contains(reason, last, StringComparison.Ordinal);
        }

        var teknisi = await _w.As("teknisi");
        Assert.Contains(reason, Banner(await teknisi.GetPageAsync($"/laporan/{id}")), StringComparison.Ordinal);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        // Still waiting for the answer while the technician works on it; and on the completion form, prefilled.
        Assert.Contains(reason, Banner(await teknisi.GetPageAsync($"/laporan/{id}")), StringComparison.Ordinal);
        var form = await teknisi.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.CompleteWork}");
        Assert.Contains(reason, Banner(form), StringComparison.Ordinal);
        Assert.Equal("Mengganti kabel patch dan restart switch", WebPageHelpers.TextAreaValue(form, "ActionsTaken"));

        await _w.CompleteRepairAsync(id);
        Assert.Equal("", Banner(await teknisi.GetPageAsync($"/laporan/{id}")));
    }

    private static string Banner(string html)
    {
        var start = html.IndexOf("data-testid=\"pending-return\"", StringComparison.Ordinal);
        if (start < 0) return "";
        // Its last line says who returned it and when.
        var end = html.IndexOf("</div>", html.IndexOf("data-testid=\"pending-return-end\"", start, StringComparison.Ordinal), StringComparison.Ordinal);
        return WebPageHelpers.Text(html[start..end]);
    }

    public void Dispose() => _w.Dispose();
}
