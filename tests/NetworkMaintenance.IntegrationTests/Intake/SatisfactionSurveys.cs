using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Intake;

/// <summary>The reporter fills the SKM once per closed report; officials read the IKM; the public sees the summary.</summary>
public sealed class SatisfactionSurveys(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheReporterIsInvitedOnceAndTheIkmIsComputed()
    {
        using var w = new WorkflowDriver(factory);
        var id = await w.SubmitAsync();
        var pelapor = await w.As("pelapor");

        // Not before the report is closed.
        using (var early = await pelapor.GetAsync($"/laporan/{id}/survei"))
        {
            await HttpAssert.RedirectsToAsync(early, $"/laporan/{id}");
        }

        await w.ToDiagnosingAsync(id);
        await w.DiagnoseAsync(id, inDataCenter: true);
        await w.CompleteRepairAsync(id);
        await w.AcknowledgeAsync(id);
        await w.ReviewUpAsync(id);

        Assert.Contains("data-testid=\"survey-invite\"", await pelapor.GetPageAsync($"/laporan/{id}"));
        var userId = await w.UserIdAsync("pelapor");
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == userId && n.ReportId == id
            && n.Message.Contains("Survei Kepuasan Masyarakat"))));

        // Another OPD's reporter cannot answer for this report.
        using (var other = await (await w.As("pelapor.dinkes")).GetAsync($"/laporan/{id}/survei"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        var fields = new Form();
        int[] scores = [4, 3, 4, 3, 4, 3, 4, 3, 4];
        for (var k = 0; k < scores.Length; k++) fields.Set($"Scores[{k}]", TestData.Id(scores[k]));
        fields.Set("Suggestion", "Pertahankan kecepatan respons.");
        using (var response = await pelapor.PostFormAsync($"/laporan/{id}/survei", fields))
        {
            await HttpAssert.RedirectsToAsync(response, $"/laporan/{id}");
        }
        // Once per report.
        using (var again = await pelapor.GetAsync($"/laporan/{id}/survei"))
        {
            await HttpAssert.RedirectsToAsync(again, $"/laporan/{id}");
        }
        Assert.Equal(1, await factory.QueryAsync(db => db.SatisfactionSurveys.CountAsync(s => s.ReportId == id)));

        // One respondent, element sum 32: IKM = 32 / 9 = 3,5555…; × 25 = 88,888… → 88,89, A (Sangat Baik).
        var kadis = await w.As("kadis");
        var ikm = WebPageHelpers.Text(await kadis.GetPageAsync("/skm"));
        Assert.Contains("88,89", ikm);
        Assert.Contains("Sangat Baik", ikm);
        Assert.Contains("Badan Kepegawaian Daerah", ikm);
        using var anonymous = WebSession.Create(factory);
        Assert.Contains("88,89", WebPageHelpers.Text(await anonymous.GetPageAsync("/standar-pelayanan")));
        using (var denied = await pelapor.GetAsync("/skm"))
        {
            Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        }
    }
}
