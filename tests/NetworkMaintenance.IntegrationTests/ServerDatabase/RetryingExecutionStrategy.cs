using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Intake;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.ServerDatabase;

/// <summary>
/// The app under a retrying execution strategy, as SQL Server (<c>EnableRetryOnFailure</c>) and PostgreSQL always run
/// it: EF Core refuses a transaction opened by hand outside <c>CreateExecutionStrategy().ExecuteAsync</c>, so every
/// explicit transaction (a public complaint, a new report, a workflow step) must run as one retriable unit.
/// </summary>
public sealed class RetryingExecutionStrategy : IDisposable
{
    private readonly AppFactory _app = AppFactory.Configured(Environments.Development,
        new KeyValuePair<string, string>("Database:RetryingStrategy", "true"));

    [Fact]
    public async Task TheSettingRunsTheAppUnderARetryingStrategy()
    {
        var retries = await _app.QueryAsync(db => Task.FromResult(db.Database.CreateExecutionStrategy().RetriesOnFailure));
        Assert.True(retries);
    }

    [Fact]
    public async Task APublicComplaintWithAnAttachmentIsReceived()
    {
        using var anonymous = WebSession.Create(_app);
        var html = await anonymous.GetPageAsync("/pengaduan");
        var formToken = WebPageHelpers.InputValue(html, "FormToken")!;
        using var response = await anonymous.PostMultipartAsync("/pengaduan", "/pengaduan",
        [
            new("Name", "Ahmad Yani"), new("Phone", "0813 7000 1122"), new("Channel", "Web"),
            new("Text", "Teknisi belum datang padahal sudah lewat satu hari."), new("FormToken", formToken),
        ], new Intake.UploadFile("Attachment", "bukti.png", IntakeHelpers.Png, "image/png"));

        await HttpAssert.RedirectsToAsync(response, "/pengaduan/terkirim");
        Assert.Matches(@"PGD-\d{4}-000001", WebPageHelpers.Text(await anonymous.GetPageAsync("/pengaduan/terkirim")));
        var (complaints, attachments) = await _app.QueryAsync(async db =>
            (await db.Complaints.CountAsync(), await db.Attachments.CountAsync(a => a.ComplaintId != null)));
        Assert.Equal(1, complaints);
        Assert.Equal(1, attachments);
    }

    [Fact]
    public async Task AReportIsFiledAndWalkedThroughItsFirstSteps()
    {
        using var driver = new WorkflowDriver(_app);
        var id = await driver.SubmitAsync();
        await driver.DisposeAsync(id);
        await driver.VerifyAsync(id);
        await driver.AssignAsync(id);
        var documents = await _app.QueryAsync(db => db.IssuedDocuments.CountAsync(d => d.ReportId == id));
        Assert.True(documents >= 2, $"expected the receipt and the disposition sheet, found {documents} documents");
    }

    public void Dispose() => _app.Dispose();
}
