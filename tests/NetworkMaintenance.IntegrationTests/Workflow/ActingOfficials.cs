using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Workflow;

/// <summary>Plh.: an acting official acts in the official's place, only inside the appointed date range.</summary>
public sealed class ActingOfficials(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    // The app's clock is kept six hours or more from midnight WIB: what is "today" for the appointments below cannot
    // change during the class, even when the run crosses midnight WIB (17:00 UTC) or a month's end.
    private readonly TestClock _clock = factory.Clock.KeepAwayFromMidnightWib();

    private string WibDate(int days) => _clock.TodayWib.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task AppointAsync(string official, string acting, int fromDays, int toDays)
    {
        var session = await _w.As(official);
        using var response = await session.PostFormAsync("/plh",
        [
            new("ActingUserId", await _w.UserIdAsync(acting)),
            new("StartDate", WibDate(fromDays)),
            new("EndDate", WibDate(toDays)),
            new("Reason", "Cuti tahunan"),
        ]);
        await HttpAssert.RedirectsToAsync(response, "/plh");
    }

    [Fact]
    public async Task APlhActsForTheKabidTodayAndTheTimelineShowsPlh()
    {
        var id = await _w.SubmitAsync();
        await _w.DisposeAsync(id, kabid: "kabid");
        await AppointAsync("kabid", "kasi.aplikasi", 0, 2);

        await _w.StepOkAsync("kasi.aplikasi", id, WorkflowAction.Verify, ReportStatus.DisposedToKasi,
            ("TargetUserId", await _w.UserIdAsync("kasi")), ("Instructions", "UntukDitindaklanjuti"));

        var ev = (await _w.EventsAsync(id)).Last();
        Assert.True(ev.IsPlh);
        Assert.Equal(await _w.UserIdAsync("kabid"), ev.OnBehalfOfUserId);
        Assert.Equal("Hendra Gunawan, S.Kom., M.M", ev.OnBehalfOfName);
        var page = WebPageHelpers.Text(await (await _w.As("kadis")).GetPageAsync($"/laporan/{id}"));
        Assert.Contains("Plh. Kepala Bidang Aplikasi Informatika", page, StringComparison.Ordinal);
        // The acting official is told of the appointment.
        var actingId = await _w.UserIdAsync("kasi.aplikasi");
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == actingId && n.Message.Contains("Plh."))));
    }

    [Fact]
    public async Task APlhAppointedForLaterDatesCannotActToday()
    {
        var id = await _w.SubmitAsync();
        await _w.DisposeAsync(id, kabid: "kabid");
        await AppointAsync("kabid", "kabid.ikp", 1, 3);

        using var stepPage = await (await _w.As("kabid.ikp")).GetAsync($"/laporan/{id}/langkah/Verify");
        Assert.Contains("hanya dapat dilakukan oleh Kepala Bidang yang menerima disposisi", await _w.FollowAsync("kabid.ikp", stepPage),
            StringComparison.Ordinal);
        Assert.Equal(ReportStatus.DisposedToKabid, await _w.StatusAsync(id));
    }

    [Fact]
    public async Task ARevokedPlhCannotAct()
    {
        var id = await _w.SubmitAsync();
        await AppointAsync("kadis", "kasi", 0, 0);
        var appointmentId = await factory.QueryAsync(async db => (await db.ActingAppointments.OrderBy(a => a.Id).LastAsync()).Id);
        var kadis = await _w.As("kadis");
        using (var revoke = await kadis.SubmitFormAsync("/plh", $"/plh/{appointmentId}/cabut", []))
        {
            await HttpAssert.RedirectsToAsync(revoke, "/plh");
        }

        using var stepPage = await (await _w.As("kasi")).GetAsync($"/laporan/{id}/langkah/Dispose");
        Assert.Contains("hanya dapat dilakukan oleh Kepala Dinas", await _w.FollowAsync("kasi", stepPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndDateBeforeTheStartDateIsRefusedInIndonesian()
    {
        var session = await _w.As("kasi");
        using var response = await session.PostFormAsync("/plh",
        [
            new("ActingUserId", await _w.UserIdAsync("teknisi")),
            new("StartDate", WibDate(3)),
            new("EndDate", WibDate(1)),
        ]);
        var text = WebPageHelpers.Text(await HttpAssert.OkPageAsync(response));
        Assert.Contains("Tanggal selesai tidak boleh sebelum tanggal mulai.", text, StringComparison.Ordinal);
    }

    public void Dispose() => _w.Dispose();
}
