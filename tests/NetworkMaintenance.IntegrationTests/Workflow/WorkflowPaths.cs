using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Workflow;

/// <summary>Every path of the standard, walked over HTTP on a real SQLite file by the demo accounts.</summary>
public sealed class WorkflowPaths(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task FixedInTheDataCenter()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);
        await _w.ReviewUpAsync(id);

        var events = await _w.EventsAsync(id);
        Assert.Equal(
            [WorkflowAction.Submit, WorkflowAction.Dispose, WorkflowAction.Verify, WorkflowAction.Assign, WorkflowAction.StartDiagnosis,
             WorkflowAction.DiagnoseInDataCenter, WorkflowAction.CompleteWork, WorkflowAction.Acknowledge,
             WorkflowAction.Approve, WorkflowAction.Approve, WorkflowAction.Approve],
            events.Select(e => e.Action));
        Assert.All(events.Skip(1), e => Assert.Equal(events[events.IndexOf(e) - 1].ToStatus, e.FromStatus));
        var report = await factory.QueryAsync(db => db.Reports.SingleAsync(r => r.Id == id));
        Assert.NotNull(report.ClosedAtUtc);
        Assert.Equal("Rina Marlina", report.AcknowledgedByName);
        Assert.Matches(@"^GJ-\d{4}-\d{6}$", report.Number);
        Assert.Equal(8, report.TrackingCode.Length);
    }

    [Fact]
    public async Task RepairedOnSite()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);
        await _w.InspectAsync(id, replace: false);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);
        await _w.ReviewUpAsync(id);
        var report = await factory.QueryAsync(db => db.Reports.Include(r => r.Devices).SingleAsync(r => r.Id == id));
        Assert.True(report.ReporterPresentAtInspection);
        Assert.False(report.InDataCenterNetwork);
        Assert.Single(report.Devices, d => d.Purpose == DevicePurpose.Repaired && d.Name == "Kabel patch Cat6");
    }

    [Fact]
    public async Task ReplacedOnSiteAfterTheReportersRequest()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);
        await _w.InspectAsync(id, replace: true);

        // The reporter is told that the replacement request is needed, then files it.
        var notes = await ReporterNotificationsAsync(id);
        Assert.Contains(notes, n => n.Contains("harus diganti", StringComparison.Ordinal));
        await _w.StepOkAsync("pelapor", id, WorkflowAction.SubmitReplacementRequest, ReportStatus.Replacing,
            ("Devices[0].Name", "Switch 24 port"), ("Devices[0].BrandType", "TP-Link TL-SG1024"),
            ("Devices[0].SerialNumber", "2219481000123"), ("Devices[0].Condition", "RusakBerat"), ("Devices[0].Notes", "Terbakar"));

        // The replacement page offers the requested device; the technician records the new serial.
        var page = await (await _w.As("teknisi")).GetPageAsync($"/laporan/{id}/langkah/CompleteWork");
        Assert.Equal("Switch 24 port", WebPageHelpers.InputValue(page, "ReplacedDevices[0].Name"));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti switch yang terbakar"),
            ("ReplacedDevices[0].Name", "Switch 24 port"), ("ReplacedDevices[0].BrandType", "TP-Link TL-SG1024"),
            ("ReplacedDevices[0].SerialNumber", "2219481000123"), ("ReplacedDevices[0].Condition", "RusakBerat"),
            ("ReplacedDevices[0].NewBrandType", "TP-Link TL-SG1024"), ("ReplacedDevices[0].NewSerialNumber", "2231190004567"));
        Assert.Contains(await ReporterNotificationsAsync(id), n => n.Contains("setujui Berita Acara", StringComparison.Ordinal));
        await _w.AcknowledgeAsync(id);
        await _w.ReviewUpAsync(id);

        var replaced = await factory.QueryAsync(db => db.ReportDevices
            .SingleAsync(d => d.ReportId == id && d.Purpose == DevicePurpose.Replaced));
        Assert.Equal(("2219481000123", "2231190004567"), (replaced.SerialNumber, replaced.NewSerialNumber));
    }

    [Fact]
    public async Task CompletingAReplacementWithoutTheNewSerialShowsTheMessageAndKeepsTheInput()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);
        await _w.InspectAsync(id, replace: true);
        await _w.StepOkAsync("pelapor", id, WorkflowAction.SubmitReplacementRequest, ReportStatus.Replacing,
            ("Devices[0].Name", "Access point"), ("Devices[0].Condition", "RusakBerat"));

        using var response = await _w.StepAsync("teknisi", id, WorkflowAction.CompleteWork,
            ("ActionsTaken", "Mengganti access point"), ("ReplacedDevices[0].Name", "Access point"),
            ("ReplacedDevices[0].Condition", "RusakBerat"));
        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains("Nomor seri perangkat pengganti wajib diisi.", WebPageHelpers.Text(html), StringComparison.Ordinal);
        Assert.Equal("Mengganti access point", WebPageHelpers.TextAreaValue(html, "ActionsTaken"));
        Assert.Equal(ReportStatus.Replacing, await _w.StatusAsync(id));
    }

    [Fact]
    public async Task DisputedByTheReporterGoesBackToDiagnosis()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.StepOkAsync("pelapor", id, WorkflowAction.Dispute, ReportStatus.Diagnosing, ("Reason", "Internet masih putus-putus"));
        Assert.Equal("Internet masih putus-putus", (await _w.EventsAsync(id)).Last().Note);
    }

    /// <summary>
    /// A replaced device, then a dispute, a new diagnosis in the Data Center and a plain repair: the domain needs no
    /// replaced devices for that repair, and neither may the form (the rule lives in <c>Report</c> alone).
    /// </summary>
    [Fact]
    public async Task APlainRepairAfterADisputedReplacementNeedsNoReplacedDevices()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);
        await _w.InspectAsync(id, replace: true);
        await _w.StepOkAsync("pelapor", id, WorkflowAction.SubmitReplacementRequest, ReportStatus.Replacing,
            ("Devices[0].Name", "Switch 24 port"), ("Devices[0].Condition", "RusakBerat"));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti switch yang terbakar"),
            ("ReplacedDevices[0].Name", "Switch 24 port"), ("ReplacedDevices[0].Condition", "RusakBerat"),
            ("ReplacedDevices[0].NewSerialNumber", "2231190004567"));
        await _w.StepOkAsync("pelapor", id, WorkflowAction.Dispute, ReportStatus.Diagnosing, ("Reason", "Internet masih putus-putus"));
        await _w.DiagnoseAsync(id, inDataCenter: true);

        // The plain repair, with repaired devices only: recorded, not refused for want of replaced devices.
        using var response = await _w.StepAsync("teknisi", id, WorkflowAction.CompleteWork,
            ("ActionsTaken", "Mengganti kabel uplink di core switch"), ("Devices[0].Name", "Kabel uplink"),
            ("Devices[0].Condition", "RusakRingan"));
        if (!WebSession.IsRedirect(response.StatusCode))
        {
            Assert.Fail("The repair was refused: " + WebPageHelpers.Text(await response.Content.ReadAsStringAsync()));
        }
        await HttpAssert.RedirectsToAsync(response, $"/laporan/{id}");
        Assert.Equal(ReportStatus.AwaitingAcknowledgement, await _w.StatusAsync(id));
        var current = await factory.QueryAsync(db => db.ReportDevices
            .Where(d => d.ReportId == id && !d.IsSuperseded && d.Purpose != DevicePurpose.ReplacementRequest)
            .Select(d => new { d.Purpose, d.Name }).ToListAsync());
        Assert.Equal([(DevicePurpose.Repaired, "Kabel uplink")], current.Select(d => (d.Purpose, d.Name)));
    }

    [Fact]
    public async Task ADisputeWithoutAReasonIsRefusedWithAMessage()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        using var response = await _w.StepAsync("pelapor", id, WorkflowAction.Dispute, ("Reason", "   "));
        Assert.Contains("Alasan wajib diisi.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.AwaitingAcknowledgement, await _w.StatusAsync(id));
    }

    [Fact]
    public async Task ReturnedByTheKasiTheKabidAndTheKadis()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);

        await _w.StepOkAsync("kasi", id, WorkflowAction.Return, ReportStatus.Revision, ("Reason", "Lengkapi penyebab gangguan"));
        await _w.CompleteRepairAsync(id, "teknisi2");
        await _w.AcknowledgeAsync(id);
        await _w.StepOkAsync("kasi", id, WorkflowAction.Approve, ReportStatus.KabidReview);
        await _w.StepOkAsync("kabid", id, WorkflowAction.Return, ReportStatus.KasiReview, ("Reason", "Periksa ulang"));
        await _w.StepOkAsync("kasi", id, WorkflowAction.Approve, ReportStatus.KabidReview);
        await _w.StepOkAsync("kabid", id, WorkflowAction.Approve, ReportStatus.KadisReview);
        await _w.StepOkAsync("kadis", id, WorkflowAction.Return, ReportStatus.KabidReview, ("Reason", "Tambahkan foto"));
        await _w.StepOkAsync("kabid", id, WorkflowAction.Approve, ReportStatus.KadisReview);
        await _w.StepOkAsync("kadis", id, WorkflowAction.Approve, ReportStatus.Closed);

        var returns = (await _w.EventsAsync(id)).Where(e => e.Action == WorkflowAction.Return).ToList();
        Assert.Equal([ReportStatus.Revision, ReportStatus.KasiReview, ReportStatus.KabidReview], returns.Select(e => e.ToStatus));
        Assert.All(returns, e => Assert.False(string.IsNullOrWhiteSpace(e.Note)));
    }

    [Fact]
    public async Task RejectedByTheKadisAndTheReporterIsTold()
    {
        var id = await _w.SubmitAsync();
        await _w.StepOkAsync("kadis", id, WorkflowAction.Reject, ReportStatus.Rejected, ("Reason", "Bukan gangguan jaringan, melainkan aplikasi"));
        Assert.Contains(await ReporterNotificationsAsync(id), n => n.Contains("ditolak", StringComparison.Ordinal)
            && n.Contains("Bukan gangguan jaringan", StringComparison.Ordinal));
        var page = WebPageHelpers.Text(await (await _w.As("pelapor")).GetPageAsync($"/laporan/{id}"));
        Assert.Contains("Ditolak", page, StringComparison.Ordinal);
        Assert.Contains("Bukan gangguan jaringan, melainkan aplikasi", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedByTheKabid()
    {
        var id = await _w.SubmitAsync();
        await _w.DisposeAsync(id);
        await _w.StepOkAsync("kabid", id, WorkflowAction.Reject, ReportStatus.Rejected, ("Reason", "Duplikat laporan sebelumnya"));
        var last = (await _w.EventsAsync(id)).Last();
        Assert.Equal(("KepalaBidang", ReportStatus.DisposedToKabid), (last.ActorRole, last.FromStatus!.Value));
    }

    [Fact]
    public async Task AKabidTheReportWasNotDisposedToIsRefused()
    {
        var id = await _w.SubmitAsync();
        await _w.DisposeAsync(id, kabid: "kabid");

        // The other Kabid sees the report (officials see all) but has no buttons, and a crafted post is refused.
        var session = await _w.As("kabid.ikp");
        var page = await session.GetPageAsync($"/laporan/{id}");
        Assert.DoesNotContain($"/laporan/{id}/langkah/Verify", page, StringComparison.Ordinal);
        using var stepPage = await session.GetAsync($"/laporan/{id}/langkah/Verify");
        var text = await _w.FollowAsync("kabid.ikp", stepPage);
        Assert.Contains("hanya dapat dilakukan oleh Kepala Bidang yang menerima disposisi", text, StringComparison.Ordinal);

        var token = WebPageHelpers.GetRequestVerificationToken(page);
        var version = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        using var post = await session.PostWithTokenAsync($"/laporan/{id}/langkah/Verify",
            [new("Version", version.ToString()), new("TargetUserId", await _w.UserIdAsync("kasi")), new("Instructions", "UntukDiketahui")], token);
        Assert.Contains("hanya dapat dilakukan oleh Kepala Bidang", await _w.FollowAsync("kabid.ikp", post), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.DisposedToKabid, await _w.StatusAsync(id));
        Assert.Equal(2, (await _w.EventsAsync(id)).Count);
    }

    [Fact]
    public async Task ATechnicianNotAssignedAndAReporterOfAnotherOpdCannotEvenSeeTheReport()
    {
        var id = await _w.SubmitAsync();
        await _w.DisposeAsync(id);
        await _w.VerifyAsync(id);
        var tech = await UserIdAsync("teknisi");
        await _w.StepOkAsync("kasi", id, WorkflowAction.Assign, ReportStatus.Assigned, ("TechnicianIds", tech), ("LeadUserId", tech),
            ("Instructions", "UntukDitindaklanjuti"));

        using var otherTech = await (await _w.As("teknisi2")).GetAsync($"/laporan/{id}");
        Assert.Equal(HttpStatusCode.NotFound, otherTech.StatusCode);
        using var otherOpd = await (await _w.As("pelapor.dinkes")).GetAsync($"/laporan/{id}");
        Assert.Equal(HttpStatusCode.NotFound, otherOpd.StatusCode);
        using var assigned = await (await _w.As("teknisi")).GetAsync($"/laporan/{id}");
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var list = await (await _w.As("pelapor.dinkes")).GetPageAsync("/laporan");
        Assert.DoesNotContain($"/laporan/{id}\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoParallelRequestsForTheSameStepRecordOneTransition()
    {
        var id = await _w.SubmitAsync();
        var kabid = await _w.UserIdAsync("kabid");
        var first = WebSession.Create(factory);
        var second = WebSession.Create(factory);
        await first.LoginAsAsync("kadis");
        await second.LoginAsAsync("kadis");
        var url = $"/laporan/{id}/langkah/Dispose";
        var pageA = await first.GetPageAsync(url);
        var pageB = await second.GetPageAsync(url);
        KeyValuePair<string, string>[] Fields(string page) =>
            [new("Version", WebPageHelpers.InputValue(page, "Version")!), new("TargetUserId", kabid), new("Instructions", "UntukDiketahui")];

        var responses = await Task.WhenAll(
            first.PostWithTokenAsync(url, Fields(pageA), WebPageHelpers.GetRequestVerificationToken(pageA, url)),
            second.PostWithTokenAsync(url, Fields(pageB), WebPageHelpers.GetRequestVerificationToken(pageB, url)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await _w.EventsAsync(id), e => e.Action == WorkflowAction.Dispose);
        var texts = new[] { await FollowWith(first, responses[0]), await FollowWith(second, responses[1]) };
        Assert.Single(texts, t => t.Contains("baru saja diproses oleh orang lain", StringComparison.Ordinal));
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task ReportsFiledAtTheSameMomentGetDistinctConsecutiveNumbers()
    {
        var sessions = new List<WebSession>();
        foreach (var user in new[] { "pelapor", "pelapor.dinkes", "pelapor", "pelapor.dinkes", "pelapor", "pelapor.dinkes", "pelapor", "pelapor.dinkes" })
        {
            sessions.Add(await WebSession.SignedInAsync(factory, user));
        }
        var pages = await Task.WhenAll(sessions.Select(s => s.GetPageAsync("/laporan/baru")));
        var before = await factory.QueryAsync(db => db.Reports.CountAsync());

        var responses = await Task.WhenAll(sessions.Select((s, i) => s.PostWithTokenAsync("/laporan/baru",
        [
            new("ReporterName", $"Pelapor {i}"),
            new("ReporterPhone", "081260000100"),
            new("Location", $"Ruang {i}"),
            new("Category", nameof(FaultCategory.SlowConnection)),
            new("Description", "Koneksi sangat lambat sejak pagi hari"),
            new("ConfirmDuplicate", "true"),
        ], WebPageHelpers.GetRequestVerificationToken(pages[i], "/laporan/baru"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var numbers = await factory.QueryAsync(db => db.Reports.OrderBy(r => r.Id).Skip(before).Select(r => r.Sequence).ToListAsync());
        Assert.Equal(8, numbers.Count);
        Assert.Equal(8, numbers.Distinct().Count());
        Assert.Equal(numbers.Min() + 7, numbers.Max()); // no gaps: a sequence value is taken only by a saved report
        foreach (var s in sessions) s.Dispose();
    }

    [Fact]
    public async Task ADoubleClickedSubmitRecordsOneEvent()
    {
        var id = await _w.SubmitAsync();
        var session = await _w.As("kadis");
        var url = $"/laporan/{id}/langkah/Dispose";
        var page = await session.GetPageAsync(url);
        var token = WebPageHelpers.GetRequestVerificationToken(page, url);
        KeyValuePair<string, string>[] fields =
            [new("Version", WebPageHelpers.InputValue(page, "Version")!), new("TargetUserId", await _w.UserIdAsync("kabid")), new("Note", "segera")];
        using var once = await session.PostWithTokenAsync(url, fields, token);
        using var twice = await session.PostWithTokenAsync(url, fields, token);
        Assert.Contains("baru saja diproses", await _w.FollowAsync("kadis", twice), StringComparison.Ordinal);
        Assert.Single(await _w.EventsAsync(id), e => e.Action == WorkflowAction.Dispose);
    }

    [Fact]
    public async Task TheInboxListsWhatAwaitsEachPersonWithItsCount()
    {
        var id = await _w.SubmitAsync();
        var link = $"href=\"/laporan/{id}\"";
        var kadisInbox = await (await _w.As("kadis")).GetPageAsync("/tugas");
        Assert.Contains(link, kadisInbox, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"badge-tugas\"", kadisInbox, StringComparison.Ordinal);
        Assert.DoesNotContain(link, await (await _w.As("kabid")).GetPageAsync("/tugas"), StringComparison.Ordinal);

        await _w.DisposeAsync(id);
        Assert.DoesNotContain(link, await (await _w.As("kadis")).GetPageAsync("/tugas"), StringComparison.Ordinal);
        Assert.Contains(link, await (await _w.As("kabid")).GetPageAsync("/tugas"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await (await _w.As("kabid.ikp")).GetPageAsync("/tugas"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportPageShowsTheTimelineAndOnlyTheStepsThisUserMayTake()
    {
        var id = await _w.SubmitAsync();
        await _w.DisposeAsync(id);
        var kabidPage = await (await _w.As("kabid")).GetPageAsync($"/laporan/{id}");
        Assert.Contains($"/laporan/{id}/langkah/Verify", kabidPage, StringComparison.Ordinal);
        Assert.Contains($"/laporan/{id}/langkah/Reject", kabidPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/laporan/{id}/langkah/Dispose", kabidPage, StringComparison.Ordinal);
        var text = WebPageHelpers.Text(kabidPage);
        Assert.Contains("Disposisi ke Kepala Bidang", text, StringComparison.Ordinal);
        Assert.Contains("Untuk ditindaklanjuti, Segera selesaikan", text, StringComparison.Ordinal);
        Assert.Contains("Mohon segera ditangani", text, StringComparison.Ordinal);
        var reporterPage = await (await _w.As("pelapor")).GetPageAsync($"/laporan/{id}");
        Assert.DoesNotContain("/langkah/", reporterPage, StringComparison.Ordinal);
    }

    private Task<string> UserIdAsync(string userName) => _w.UserIdAsync(userName);

    private static async Task<string> FollowWith(WebSession session, HttpResponseMessage response)
    {
        using var page = await session.GetAsync(response.Headers.Location!.OriginalString);
        return WebPageHelpers.Text(await page.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> ReporterNotificationsAsync(int reportId)
    {
        var reporter = await _w.UserIdAsync("pelapor");
        return await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == reporter && n.ReportId == reportId)
            .Select(n => n.Message).ToListAsync());
    }

    public void Dispose() => _w.Dispose();
}
