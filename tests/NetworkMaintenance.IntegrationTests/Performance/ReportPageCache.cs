using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The report page keeps the report it loaded under the report's version (<see cref="ReportSnapshots"/>) and renders
/// the timeline once per version. Nobody may ever see an older state for it: a step taken on another instance of the
/// app (which this instance's change counters know nothing of) and an OPD renamed by the administrator show on the
/// very next view, and a kept report is still shown only to those who may see it.
/// </summary>
public sealed class ReportPageCache : IDisposable
{
    private readonly AppFactory _first = new();
    private readonly AppFactory _second;
    private readonly WorkflowDriver _onFirst;
    private readonly WorkflowDriver _onSecond;

    public ReportPageCache()
    {
        _second = AppFactory.OnDirectory(_first.DataDirectory);
        _onFirst = new WorkflowDriver(_first);
        _onSecond = new WorkflowDriver(_second);
    }

    /// <summary>
    /// The timeline is rendered into the fragment cache from a report's second sight on: an official going through the
    /// inbox sees most reports once, and rendering their timelines into the cache only pushed out the ones seen again.
    /// </summary>
    [Fact]
    public async Task TheTimelineIsKeptFromTheReportsSecondSightOn()
    {
        var id = await _onFirst.SubmitAsync();
        var kadis = await _onFirst.As("kadis");
        var fragments = (Microsoft.Extensions.Caching.Memory.MemoryCache)_first.Services
            .GetRequiredService<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperMemoryCacheFactory>().Cache;
        var url = $"/laporan/{id}";

        var first = await kadis.GetPageAsync(url);
        Assert.Equal(0, fragments.Count);

        var second = await kadis.GetPageAsync(url); // served from the kept copy: the timeline is kept now
        Assert.Equal(1, fragments.Count);
        var third = await kadis.GetPageAsync(url);
        Assert.Equal(1, fragments.Count);
        Assert.Equal(Timeline(first), Timeline(second));
        Assert.Equal(Timeline(first), Timeline(third));
    }

    [Fact]
    public async Task AStepTakenOnAnotherInstanceShowsOnTheNextView()
    {
        var id = await _onFirst.SubmitAsync();
        var kadis = await _onFirst.As("kadis");
        var url = $"/laporan/{id}";
        await kadis.GetPageAsync(url);
        var before = await kadis.GetPageAsync(url); // served from the kept copy
        Assert.Equal(Labels.Of(ReportStatus.Submitted), Status(before));
        Assert.DoesNotContain(WorkflowTable.ActionLabel(WorkflowAction.Dispose), Timeline(before), StringComparison.Ordinal);

        // The Kepala Dinas disposes the report through the other instance.
        await _onSecond.DisposeAsync(id);

        var after = await kadis.GetPageAsync(url);
        Assert.Equal(Labels.Of(ReportStatus.DisposedToKabid), Status(after));
        Assert.Contains(WorkflowTable.ActionLabel(WorkflowAction.Dispose), Timeline(after), StringComparison.Ordinal);
        // The page's own forms carry the new version, so the next step is not refused as a conflict.
        var version = await _first.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var kabidStep = await (await _onFirst.As("kabid")).GetPageAsync($"{url}/langkah/{WorkflowAction.Verify}");
        Assert.Equal(version.ToString(), WebPageHelpers.InputValue(kabidStep, "Version"));
    }

    [Fact]
    public async Task AnOpdRenamedByTheAdministratorShowsOnTheNextView()
    {
        var id = await _onFirst.SubmitAsync();
        var kadis = await _onFirst.As("kadis");
        var url = $"/laporan/{id}";
        var opd = await _first.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => new { r.OpdId, r.Opd!.Name, r.Opd.ShortName }).SingleAsync());
        await kadis.GetPageAsync(url);
        Assert.Contains(opd.Name, WebPageHelpers.Text(await kadis.GetPageAsync(url)), StringComparison.Ordinal);

        var opdId = opd.OpdId;
        var admin = await _onFirst.As("admin");
        using (var response = await admin.SubmitFormAsync($"/admin/opd/{opdId}/ubah", $"/admin/opd/{opdId}/ubah",
            new Form().Set("Name", "Badan Kepegawaian dan Pengembangan SDM (nama baru)").Set("ShortName", opd.ShortName ?? "")))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/opd");
        }

        Assert.Contains("Badan Kepegawaian dan Pengembangan SDM (nama baru)", WebPageHelpers.Text(await kadis.GetPageAsync(url)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeptReportIsStillShownOnlyToThoseWhoMaySeeIt()
    {
        var id = await _onFirst.SubmitAsync();
        var url = $"/laporan/{id}";
        var kadis = await _onFirst.As("kadis");
        await kadis.GetPageAsync(url);
        await kadis.GetPageAsync(url);

        using var otherOpd = await (await _onFirst.As("pelapor.dinkes")).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, otherOpd.StatusCode);
        using var unassigned = await (await _onFirst.As("teknisi")).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, unassigned.StatusCode);
        using var unknown = await kadis.GetAsync($"/laporan/{id + 1000}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string Status(string html) => WebPageHelpers.Text(Between(html, "data-testid=\"status\">", "</span>"));

    private static string Timeline(string html) => WebPageHelpers.Text(Between(html, "data-testid=\"timeline\">", "</ol>"));

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not on the page");
        from += start.Length;
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    public void Dispose()
    {
        _onFirst.Dispose();
        _onSecond.Dispose();
        _second.Dispose();
        _first.Dispose();
    }
}
