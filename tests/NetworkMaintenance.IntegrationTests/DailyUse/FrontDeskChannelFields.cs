using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Intake;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>
/// Issue 16, point 6: the front desk's form shows only the chosen channel's fields (js/channel-fields.js; the browser
/// test is BrowserTests/Features/FrontDeskForm.cs). Without JavaScript every field is sent: the server requires and
/// keeps only the chosen channel's.
/// </summary>
public sealed class FrontDeskChannelFields(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AReportByPhoneIgnoresLeftoverLetterAndGuestBookFields()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Dinkes");
        // What a form without JavaScript sends after the channel was changed from walk-in to telephone: a half-filled
        // guest book (no identity, a time out before the time in) and a letter number far too long for the letter channel.
        var fields = IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Phone), "Jaringan ruang rapat putus, uji sisa isian")
            .Set("LetterNumber", new string('9', 150)).Set("GuestName", "Tamu Sisa")
            .Set("GuestTimeIn", "2026-11-29T10:00").Set("GuestTimeOut", "2026-11-29T09:00");

        using var response = await petugas.PostFormAsync("/laporan/baru", fields);

        var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(response, "/laporan/"));
        var report = await factory.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ReportChannel.Phone, report.Channel);
        Assert.Null(report.LetterNumber);
        Assert.False(await factory.QueryAsync(db => db.GuestBookEntries.AnyAsync(g => g.ReportId == id || g.VisitorName == "Tamu Sisa")));
    }

    [Fact]
    public async Task TheChannelBlocksAreMarkedForTheScriptAndTheScriptIsAFile()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var html = await petugas.GetPageAsync("/laporan/baru");
        Assert.Contains("data-channel-select", html, StringComparison.Ordinal);
        Assert.Contains("data-channel-fields=\"Letter\"", html, StringComparison.Ordinal);
        Assert.Contains("data-channel-fields=\"WalkIn\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/channel-fields.js", html, StringComparison.Ordinal);
        // Without JavaScript nothing is hidden: the blocks carry no hidden attribute in the page itself.
        Assert.DoesNotContain("hidden data-channel-fields", html, StringComparison.Ordinal);
    }
}
