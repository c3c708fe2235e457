using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Offline;

/// <summary>
/// The sync of steps queued on the technician's phone (docs/offline.md), over HTTP with the sign-in cookie and the
/// antiforgery token in the <c>RequestVerificationToken</c> header: applied with the time the work was done, a repeat
/// of the same idempotency key applied once, a conflict when the report moved on, the validator's reasons for bad input.
/// </summary>
public sealed class OfflineSyncOverHttp(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Sync = "/teknisi/sinkron";

    [Fact]
    public async Task StepsDoneOfflineAreAppliedWithTheirWorkTimeOnceAndTheTimelineSaysRecordedLater()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        await driver.ToDiagnosingAsync(id);
        await driver.DiagnoseAsync(id, inDataCenter: false);
        var diagnosed = (await driver.EventsAsync(id)).Max(e => e.AtUtc);
        var phone = await PhoneAsync(driver);
        var seen = phone.Report(id);

        // On site without a network: the inspection 20 minutes after the diagnosis, the work done 50 minutes after.
        factory.Clock.Advance(TimeSpan.FromHours(3));
        var inspectedAt = diagnosed.AddMinutes(20);
        var inspection = Step(id, WorkflowAction.InspectRepair, seen.Version, inspectedAt, new
        {
            visitedAt = Local(inspectedAt.AddMinutes(-5)), reporterPresent = true, findings = "Kabel patch longgar di switch lantai 2",
        }, photos: [Jpeg()]);
        using (var applied = await phone.PostAsync(inspection))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            var body = await Body(applied);
            Assert.Equal("applied", body.GetProperty("outcome").GetString());
            var after = body.GetProperty("version").GetGuid();
            var workDoneAt = diagnosed.AddMinutes(50);
            using var completed = await phone.PostAsync(Step(id, WorkflowAction.CompleteWork, after, workDoneAt, new
            {
                actionsTaken = "Memasang ulang kabel patch dan menguji koneksi", rootCause = "Kabel patch longgar",
                devices = new[] { new { name = "Kabel patch Cat6", condition = "RusakRingan" } },
            }));
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

            var report = await factory.QueryAsync(db => db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id));
            Assert.Equal(ReportStatus.AwaitingAcknowledgement, report.Status);
            var inspected = report.Events.Single(e => e.Action == WorkflowAction.InspectRepair);
            var done = report.Events.Single(e => e.Action == WorkflowAction.CompleteWork);
            Assert.Equal(inspectedAt, inspected.AtUtc, TimeSpan.FromMilliseconds(1));
            Assert.Equal(workDoneAt, done.AtUtc, TimeSpan.FromMilliseconds(1));
            // The sync time is kept beside the work time; the SLA clock stopped when the work was done.
            Assert.True(inspected.RecordedAtUtc > inspectedAt.AddHours(2));
            Assert.Equal(workDoneAt, report.WorkCompletedAtUtc!.Value, TimeSpan.FromMilliseconds(1));
            var expectedSeconds = (long)(workDoneAt - report.SlaClockStartUtc).TotalSeconds;
            Assert.InRange(report.SlaElapsedSeconds!.Value, expectedSeconds - 1, expectedSeconds + 1);
            Assert.Equal(1, await factory.QueryAsync(db => db.Attachments.CountAsync(a => a.ReportId == id)));

            var page = WebPageHelpers.Text(await phone.Session.GetPageAsync($"/laporan/{id}"));
            Assert.Contains("Dicatat kemudian", page, StringComparison.Ordinal);
            // The Berita Acara pekerjaan prints when the work was finished, not when it was synced.
            var ba = await factory.QueryAsync(db => db.IssuedDocuments.Where(d => d.ReportId == id && d.Type == DocumentType.WorkBa)
                .OrderByDescending(d => d.Id).FirstAsync());
            var text = await phone.Session.TextOfAsync(id, ba);
            Assert.Contains(Wib.FromUtc(workDoneAt).ToString("HH.mm", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Wib.FromUtc(factory.Clock.GetUtcNow().UtcDateTime).ToString("HH.mm", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheSameQueuedStepSentTwiceIsAppliedOnceAndTheRepeatIsToldSo()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        await driver.ToDiagnosingAsync(id);
        await driver.DiagnoseAsync(id, inDataCenter: false);
        var phone = await PhoneAsync(driver);
        var step = Step(id, WorkflowAction.InspectRepair, phone.Report(id).Version, factory.Clock.GetUtcNow().UtcDateTime,
            new { visitedAt = Local(factory.Clock.GetUtcNow().UtcDateTime), findings = "Port switch mati" });

        using var first = await phone.PostAsync(step);
        using var second = await phone.PostAsync(step);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var repeat = await Body(second);
        Assert.Equal("alreadyApplied", repeat.GetProperty("outcome").GetString());
        Assert.Equal((await Body(first)).GetProperty("version").GetGuid(), repeat.GetProperty("version").GetGuid());
        Assert.Single(await driver.EventsAsync(id), e => e.Action == WorkflowAction.InspectRepair);
        Assert.Equal(1, await factory.QueryAsync(db => db.OfflineStepReceipts.CountAsync(r => r.ReportId == id)));
    }

    [Fact]
    public async Task AStepOnAReportAnotherTechnicianMovedOnIsAConflictThatSaysWhatChanged()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        await driver.ToDiagnosingAsync(id);
        await driver.DiagnoseAsync(id, inDataCenter: false);
        var phone = await PhoneAsync(driver);
        var seen = phone.Report(id);

        // Meanwhile the other technician of the team records the inspection on the web.
        await driver.StepOkAsync("teknisi2", id, WorkflowAction.InspectReplace, ReportStatus.AwaitingReplacementRequest,
            ("VisitedAt", WorkflowDriver.NowWib(factory.Clock)), ("Findings", "Switch terbakar"));

        using var response = await phone.PostAsync(Step(id, WorkflowAction.InspectRepair, seen.Version,
            factory.Clock.GetUtcNow().UtcDateTime, new { visitedAt = Local(factory.Clock.GetUtcNow().UtcDateTime), findings = "Kabel longgar" },
            lastEventId: seen.LastEventId));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await Body(response);
        Assert.Equal("conflict", body.GetProperty("outcome").GetString());
        Assert.Equal(nameof(ReportStatus.AwaitingReplacementRequest), body.GetProperty("status").GetString());
        Assert.Contains("sudah berubah", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var change = Assert.Single(body.GetProperty("changes").EnumerateArray());
        Assert.Equal(Core.Domain.Workflow.Workflow.ActionLabel(WorkflowAction.InspectReplace), change.GetProperty("action").GetString());
        Assert.NotEqual(seen.Version, body.GetProperty("version").GetGuid());
        Assert.DoesNotContain(await driver.EventsAsync(id), e => e.Action == WorkflowAction.InspectRepair);
        Assert.Equal(0, await factory.QueryAsync(db => db.OfflineStepReceipts.CountAsync(r => r.ReportId == id)));
    }

    [Fact]
    public async Task InvalidInputAndImpossibleTimesAreRefusedWithTheValidatorsIndonesianReasons()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        await driver.ToDiagnosingAsync(id);
        await driver.DiagnoseAsync(id, inDataCenter: false);
        var diagnosed = (await driver.EventsAsync(id)).Max(e => e.AtUtc);
        var phone = await PhoneAsync(driver);
        var version = phone.Report(id).Version;
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        async Task<string> RefusedAsync(object step)
        {
            using var response = await phone.PostAsync(step);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await Body(response);
            Assert.Equal("invalid", body.GetProperty("outcome").GetString());
            return string.Join(" ", body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        }

        Assert.Contains(ReportMessages.InspectionFindingsRequired, await RefusedAsync(
            Step(id, WorkflowAction.InspectRepair, version, now, new { visitedAt = Local(now) })), StringComparison.Ordinal);
        Assert.Contains("di masa depan", await RefusedAsync(
            Step(id, WorkflowAction.InspectRepair, version, now.AddHours(1), new { visitedAt = Local(now), findings = "Kabel" })), StringComparison.Ordinal);
        Assert.Contains("lebih awal daripada langkah sebelumnya", await RefusedAsync(
            Step(id, WorkflowAction.InspectRepair, version, diagnosed.AddMinutes(-10), new { visitedAt = Local(now), findings = "Kabel" })), StringComparison.Ordinal);
        Assert.Contains("tidak dapat dicatat", await RefusedAsync(
            Step(id, WorkflowAction.Approve, version, now, new { })), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.OnSiteInspection, await driver.StatusAsync(id));
        Assert.Equal(0, await factory.QueryAsync(db => db.OfflineStepReceipts.CountAsync(r => r.ReportId == id)));
    }

    [Fact]
    public async Task WithoutTheAntiforgeryHeaderNothingIsApplied()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        await driver.ToDiagnosingAsync(id);
        await driver.DiagnoseAsync(id, inDataCenter: false);
        var phone = await PhoneAsync(driver);
        var step = Step(id, WorkflowAction.InspectRepair, phone.Report(id).Version, factory.Clock.GetUtcNow().UtcDateTime,
            new { visitedAt = Local(factory.Clock.GetUtcNow().UtcDateTime), findings = "Kabel" });

        using var response = await phone.Session.Client.PostAsJsonAsync(new Uri(Sync, UriKind.Relative), step);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ReportStatus.OnSiteInspection, await driver.StatusAsync(id));
    }

    [Fact]
    public async Task ATechnicianNotAssignedToTheReportIsAnsweredNotFoundAndNothingIsApplied()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        await driver.DisposeAsync(id);
        await driver.VerifyAsync(id);
        await driver.StepOkAsync("kasi", id, WorkflowAction.Assign, ReportStatus.Assigned,
            ("TechnicianIds", await driver.UserIdAsync("teknisi")), ("Instructions", "Koordinasikan"));
        var version = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        using var other = await WebSession.SignedInAsync(factory, "teknisi2");
        var phone = await Phone.LoadAsync(other);
        Assert.DoesNotContain(id, phone.Reports.Select(r => r.GetProperty("id").GetInt32()));

        using var response = await phone.PostAsync(Step(id, WorkflowAction.StartDiagnosis, version,
            factory.Clock.GetUtcNow().UtcDateTime, new { note = "Menuju lokasi" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ReportStatus.Assigned, await driver.StatusAsync(id));
    }

    [Fact]
    public async Task TheAssignmentListHoldsOnlyTheTechniciansOwnOpenReportsWithWhatThePhoneNeeds()
    {
        using var driver = new WorkflowDriver(factory);
        var mine = await driver.SubmitAsync();
        await driver.ToDiagnosingAsync(mine);
        var othersOnly = await driver.SubmitAsync(description: "Wifi ruang rapat tidak dapat tersambung sama sekali");
        await driver.DisposeAsync(othersOnly);
        await driver.VerifyAsync(othersOnly);
        await driver.StepOkAsync("kasi", othersOnly, WorkflowAction.Assign, ReportStatus.Assigned,
            ("TechnicianIds", await driver.UserIdAsync("teknisi2")), ("Instructions", "Koordinasikan"));
        var otherOpd = await driver.SubmitAsync("pelapor.dinkes", "Jaringan puskesmas terputus sejak kemarin sore");

        var phone = await PhoneAsync(driver);

        var ids = phone.Reports.Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(mine, ids);
        Assert.DoesNotContain(othersOnly, ids);
        Assert.DoesNotContain(otherOpd, ids);
        var report = phone.Report(mine).Json;
        Assert.Equal("tel:+6281260000100", report.GetProperty("telLink").GetString());
        Assert.StartsWith("https://wa.me/6281260000100", report.GetProperty("whatsAppLink").GetString(), StringComparison.Ordinal);
        Assert.Equal(nameof(ReportStatus.Diagnosing), report.GetProperty("status").GetString());
        Assert.Contains(report.GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("action").GetString() == Core.Domain.Workflow.Workflow.ActionLabel(WorkflowAction.Assign));
        Assert.Contains(phone.StepKinds, s => s == nameof(WorkflowAction.InspectRepair));

        // Another technician's list does not hold this technician's report once it is not theirs.
        using var teknisi2 = await WebSession.SignedInAsync(factory, "teknisi2");
        var list2 = await Phone.LoadAsync(teknisi2);
        Assert.Contains(othersOnly, list2.Reports.Select(r => r.GetProperty("id").GetInt32()));
        Assert.DoesNotContain(otherOpd, list2.Reports.Select(r => r.GetProperty("id").GetInt32()));
    }

    private static object Step(int reportId, WorkflowAction action, Guid version, DateTime doneAtUtc, object fields,
        IReadOnlyList<string>? photos = null, long? lastEventId = null) => new
    {
        reportId,
        step = action.ToString(),
        version,
        doneAt = new DateTimeOffset(doneAtUtc, TimeSpan.Zero).ToOffset(Wib.Offset),
        idempotencyKey = Guid.NewGuid().ToString("N"),
        lastEventId,
        fields,
        photos = photos ?? [],
    };

    /// <summary>A WIB time as the phone's datetime-local fields send it.</summary>
    private static string Local(DateTime utc) => Wib.FromUtc(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A JPEG as the phone's canvas makes it (the store checks the file's signature).</summary>
    private static string Jpeg()
    {
        byte[] bytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];
        return "data:image/jpeg;base64," + Convert.ToBase64String(bytes);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<Phone> PhoneAsync(WorkflowDriver driver) => await Phone.LoadAsync(await driver.As("teknisi"));

    /// <summary>The technician's phone: the assignment list it loaded and the token it sends with each step.</summary>
    private sealed record Phone(WebSession Session, string Token, IReadOnlyList<JsonElement> Reports, IReadOnlyList<string> StepKinds)
    {
        public static async Task<Phone> LoadAsync(WebSession session)
        {
            using var response = await session.GetAsync("/teknisi/penugasan");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var list = json.GetProperty("list");
            return new Phone(session, json.GetProperty("antiforgeryToken").GetString()!,
                list.GetProperty("reports").EnumerateArray().ToList(),
                list.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()!).ToList());
        }

        public (Guid Version, long LastEventId, JsonElement Json) Report(int id)
        {
            var report = Reports.Single(r => r.GetProperty("id").GetInt32() == id);
            return (report.GetProperty("version").GetGuid(), report.GetProperty("lastEventId").GetInt64(), report);
        }

        public async Task<HttpResponseMessage> PostAsync(object? step)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Sync, UriKind.Relative))
            {
                Content = JsonContent.Create(step),
            };
            request.Headers.Add("RequestVerificationToken", Token);
            return await Session.Client.SendAsync(request);
        }
    }
}
