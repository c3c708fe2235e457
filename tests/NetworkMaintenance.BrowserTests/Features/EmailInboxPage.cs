using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using MimeKit.Utils;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Web.Features.EmailIntake;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// Issue 20, point 6: the front desk's "Email masuk" page (docs/email-intake.md) at 1366 × 768 and 390 × 844: an
/// e-mail report waiting for confirmation is listed and confirmed with a click; a set-aside message is listed.
/// </summary>
[Collection(LookBrowserCollectionDefinition.Name)]
public sealed class EmailInboxPage(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public Task TheFrontDeskConfirmsAnEmailReport(int width, int height) => RunAsync(async () =>
    {
        var subject = $"Internet ruang rapat mati ({width})";
        var number = await ImportAsync("pelapor@demo.tebingtinggikota.go.id", subject);
        await ImportAsync($"promo{width}@asing.example", $"Penawaran {width}");

        await Page.SetViewportSizeAsync(width, height);
        await SignInAsync("petugas");
        await Page.GotoAsync("/email-masuk");
        var row = Page.GetByTestId("awaiting").GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync(subject);
        await Expect(Page.GetByTestId("set-aside")).ToContainTextAsync($"promo{width}@asing.example");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"The Email masuk page is wider than {width}px.");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);

        await row.GetByLabel($"Catatan konfirmasi {number}").FillAsync("Sudah dicek lewat telepon");
        await row.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Laporan {number} dikonfirmasi");
        await Expect(Page.GetByTestId("awaiting").GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(0);
    }, $"{width}");

    private async Task<string> ImportAsync(string from, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("layanan@diskominfo.tebingtinggikota.example"));
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow.AddMinutes(-1);
        message.MessageId = MimeUtils.GenerateMessageId("opd.tebingtinggikota.example");
        message.Body = new TextPart("plain") { Text = "Mohon segera dicek." };
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<EmailImport>().ImportAsync(message);
        if (result.Outcome != Core.Domain.Intake.InboundEmailOutcome.Report) return "";
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
        return await db.Reports.Where(r => r.Id == result.ReportId).Select(r => r.Number).SingleAsync();
    }
}
