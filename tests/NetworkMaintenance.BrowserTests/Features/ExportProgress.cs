using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Web.Features.Reports;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>The report list's exports download through site.js with a progress bar, and the file arrives whole.</summary>
public sealed partial class ExportProgress(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task TheCsvExportShowsItsProgressAndSavesTheFile() => RunAsync(async () =>
    {
        await SeedReportsAsync(3);
        await SignInAsync("kasi");
        await Page.GotoAsync("/laporan");
        var panel = Page.GetByTestId("export-progress");
        await Expect(panel).ToBeHiddenAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("export-csv").ClickAsync());

        // The page stayed and the panel reports the finished download with the number of reports the server announced.
        Assert.EndsWith("/laporan", Page.Url, StringComparison.Ordinal);
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel).ToHaveAttributeAsync("data-state", "done");
        await Expect(panel).ToContainTextAsync("Selesai:");
        await Expect(panel.Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "100");
        Assert.Matches(CsvName(), download.SuggestedFilename);

        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Nomor\";", lines[0], StringComparison.Ordinal);
        var announced = int.Parse(Announced().Match(await panel.InnerTextAsync()).Groups[1].Value.Replace(".", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(announced >= 3, $"announced {announced} reports");
        Assert.Equal(announced, lines.Length - 1);
        await Expect(panel).ToContainTextAsync(download.SuggestedFilename);
    });

    private async Task SeedReportsAsync(int count)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Id).SingleAsync();
        var actor = (await scope.ServiceProvider.GetRequiredService<ActorFactory>().ForUserAsync(userId))!;
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        for (var i = 0; i < count; i++)
        {
            await reports.ReceiveAsync(new NewReport(actor.OpdId!.Value, userId, actor.FullName, null, null, "+6281260000100", null,
                ReportChannel.Web, DateTime.UtcNow.AddMinutes(-5), "Gedung utama", FaultCategory.SlowConnection,
                $"Koneksi lambat, uji ekspor {i + 1}", null, null), actor);
        }
    }

    [GeneratedRegex(@"^laporan-\d{8}-\d{4}\.csv$")]
    private static partial Regex CsvName();

    [GeneratedRegex(@"Selesai: ([\d.]+) laporan")]
    private static partial Regex Announced();
}
