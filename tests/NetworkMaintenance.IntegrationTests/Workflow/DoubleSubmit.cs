using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Workflow;

/// <summary>
/// The same step form posted twice at the same moment (a double click, two tabs): one is recorded, the other is told
/// the report was just processed; never an error page, never two events. Found by the soak run: the second assignment
/// failed on the unique technician row before meeting the report's concurrency token and answered 500.
/// </summary>
public sealed class DoubleSubmit(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ADoubleClickedAssignmentIsRecordedOnceAndTheSecondPostIsToldItWasTooLate()
    {
        using var driver = new WorkflowDriver(factory);
        var teknisi = await driver.UserIdAsync("teknisi");
        for (var round = 0; round < 4; round++)
        {
            var id = await driver.SubmitAsync();
            await driver.DisposeAsync(id);
            await driver.VerifyAsync(id);

            using var first = await WebSession.SignedInAsync(factory, "kasi");
            using var second = await WebSession.SignedInAsync(factory, "kasi");
            var url = $"/laporan/{id}/langkah/{WorkflowAction.Assign}";
            var posts = await Task.WhenAll(new[] { first, second }.Select(async session =>
            {
                var html = await session.GetPageAsync(url);
                return (Session: session, Token: WebPageHelpers.GetRequestVerificationToken(html, url), Version: WebPageHelpers.InputValue(html, "Version")!);
            }).Select(async open =>
            {
                var (session, token, version) = await open;
                using var response = await session.PostWithTokenAsync(url,
                [
                    new("TechnicianIds", teknisi), new("LeadUserId", teknisi), new("Instructions", "Koordinasikan"), new("Version", version),
                ], token);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                return WebPageHelpers.Text(await session.GetPageAsync($"/laporan/{id}"));
            }));

            Assert.Single(posts, p => p.Contains("sekarang: ", StringComparison.Ordinal));
            Assert.Single(posts, p => p.Contains("baru saja diproses oleh orang lain", StringComparison.Ordinal));
            Assert.Single(await driver.EventsAsync(id), e => e.Action == WorkflowAction.Assign);
            Assert.Equal(ReportStatus.Assigned, await driver.StatusAsync(id));
            Assert.Equal(1, await factory.QueryAsync(db => db.ReportAssignments.CountAsync(a => a.ReportId == id)));
        }
    }
}
