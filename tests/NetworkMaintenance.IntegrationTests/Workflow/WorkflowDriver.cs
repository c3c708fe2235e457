using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Workflow;

/// <summary>
/// Walks reports through the workflow over real HTTP, one signed-in session per demo account, every form posted
/// with its page's antiforgery token and the report version the page showed.
/// </summary>
public sealed class WorkflowDriver(AppFactory factory) : IDisposable
{
    private readonly Dictionary<string, WebSession> _sessions = [];

    public async Task<WebSession> As(string userName)
    {
        if (!_sessions.TryGetValue(userName, out var session))
        {
            session = await WebSession.SignedInAsync(factory, userName);
            _sessions[userName] = session;
        }
        return session;
    }

    public Task<string> UserIdAsync(string userName) =>
        factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>The reporter files a report through the web form; returns its id.</summary>
    public async Task<int> SubmitAsync(string reporter = "pelapor", string description = "Internet di ruang kepegawaian mati sejak pagi")
    {
        var session = await As(reporter);
        using var response = await session.PostFormAsync("/laporan/baru",
        [
            new("ReporterName", "Rina Marlina"),
            new("ReporterPhone", "0812 6000 0100"),
            new("Location", "Gedung utama lantai 2, ruang kepegawaian"),
            new("Category", nameof(FaultCategory.NoInternet)),
            new("Description", description),
            // The same OPD files several reports of one category here: confirm past the duplicate warning.
            new("ConfirmDuplicate", "true"),
        ]);
        var target = await HttpAssert.RedirectsToAsync(response, "/laporan/");
        return int.Parse(target["/laporan/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the step page as <paramref name="userName"/> and posts it; returns the response as it is.</summary>
    public async Task<HttpResponseMessage> StepAsync(string userName, int reportId, WorkflowAction action,
        params (string Name, string Value)[] fields)
    {
        var session = await As(userName);
        var url = $"/laporan/{reportId}/langkah/{action}";
        var html = await session.GetPageAsync(url);
        var token = WebPageHelpers.GetRequestVerificationToken(html, url);
        var version = WebPageHelpers.InputValue(html, "Version")!;
        return await session.PostWithTokenAsync(url,
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("Version", version)), token);
    }

    /// <summary>A step that must succeed: redirects back to the report, whose status is then <paramref name="expected"/>.</summary>
    public async Task StepOkAsync(string userName, int reportId, WorkflowAction action, ReportStatus expected,
        params (string Name, string Value)[] fields)
    {
        using var response = await StepAsync(userName, reportId, action, fields);
        await HttpAssert.RedirectsToAsync(response, $"/laporan/{reportId}");
        Assert.Equal(expected, await StatusAsync(reportId));
    }

    public Task<ReportStatus> StatusAsync(int reportId) =>
        factory.QueryAsync(db => db.Reports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync());

    public Task<List<ReportEvent>> EventsAsync(int reportId) =>
        factory.QueryAsync(db => db.ReportEvents.Where(e => e.ReportId == reportId).OrderBy(e => e.Id).ToListAsync());

    // The steps of the standard, with realistic inputs.
    public async Task DisposeAsync(int id, string kabid = "kabid") => await StepOkAsync("kadis", id, WorkflowAction.Dispose,
        ReportStatus.DisposedToKabid, ("TargetUserId", await UserIdAsync(kabid)), ("Instructions", "UntukDitindaklanjuti"),
        ("Instructions", "SegeraSelesaikan"), ("Note", "Mohon segera ditangani"));

    public async Task VerifyAsync(int id, string kabid = "kabid") => await StepOkAsync(kabid, id, WorkflowAction.Verify,
        ReportStatus.DisposedToKasi, ("TargetUserId", await UserIdAsync("kasi")), ("Instructions", "LaporkanHasilnya"));

    public async Task AssignAsync(int id)
    {
        var tech = await UserIdAsync("teknisi");
        await StepOkAsync("kasi", id, WorkflowAction.Assign, ReportStatus.Assigned,
            ("TechnicianIds", tech), ("TechnicianIds", await UserIdAsync("teknisi2")), ("LeadUserId", tech),
            ("Instructions", "Koordinasikan"), ("Note", "Cek switch lantai 2"));
    }

    public async Task ToDiagnosingAsync(int id)
    {
        await DisposeAsync(id);
        await VerifyAsync(id);
        await AssignAsync(id);
        await StepOkAsync("teknisi", id, WorkflowAction.StartDiagnosis, ReportStatus.Diagnosing);
    }

    public Task DiagnoseAsync(int id, bool inDataCenter) => StepOkAsync("teknisi", id,
        inDataCenter ? WorkflowAction.DiagnoseInDataCenter : WorkflowAction.DiagnoseOutsideDataCenter,
        inDataCenter ? ReportStatus.Repairing : ReportStatus.OnSiteInspection,
        ("FaultType", "Koneksi terputus"), ("FaultLocation", inDataCenter ? "Core switch Data Center" : "Switch lantai 2 BKD"),
        ("Findings", "Port uplink tidak menyala"));

    public Task InspectAsync(int id, bool replace) => StepOkAsync("teknisi", id,
        replace ? WorkflowAction.InspectReplace : WorkflowAction.InspectRepair,
        replace ? ReportStatus.AwaitingReplacementRequest : ReportStatus.Repairing,
        ("VisitedAt", NowWib(factory.Clock)), ("ReporterPresent", "true"), ("Findings", replace ? "Switch terbakar" : "Kabel patch longgar"));

    public Task CompleteRepairAsync(int id, string user = "teknisi") => StepOkAsync(user, id, WorkflowAction.CompleteWork,
        ReportStatus.AwaitingAcknowledgement, ("ActionsTaken", "Mengganti kabel patch dan restart switch"),
        ("RootCause", "Kabel patch rusak"), ("Devices[0].Name", "Kabel patch Cat6"), ("Devices[0].Condition", "RusakRingan"));

    public Task AcknowledgeAsync(int id) => StepOkAsync("pelapor", id, WorkflowAction.Acknowledge, ReportStatus.KasiReview,
        ("Note", "Sudah normal, terima kasih"));

    public async Task ReviewUpAsync(int id)
    {
        await StepOkAsync("kasi", id, WorkflowAction.Approve, ReportStatus.KabidReview);
        await StepOkAsync("kabid", id, WorkflowAction.Approve, ReportStatus.KadisReview);
        await StepOkAsync("kadis", id, WorkflowAction.Approve, ReportStatus.Closed, ("Note", "Baik"));
    }

    /// <summary>The WIB time on the app's clock, as a datetime-local field holds it.</summary>
    public static string NowWib(TestClock clock) => clock.NowWib
        .ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The error or success message the report page shows after a redirect.</summary>
    public async Task<string> FollowAsync(string userName, HttpResponseMessage response)
    {
        var session = await As(userName);
        Assert.True(WebSession.IsRedirect(response.StatusCode), $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        using var page = await session.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return WebPageHelpers.Text(await page.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        foreach (var s in _sessions.Values) s.Dispose();
    }
}
