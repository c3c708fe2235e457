using System.Globalization;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// The technician's phone (issue #18, point 8): the pages a technician opens on a phone — the work queue, "Tugas
/// saya", the report page and each step form the report offers — weigh at most 150 KB transferred on a first load
/// with an empty cache (every response's encoded body and headers, stylesheets, scripts and fonts included), and the
/// static files they load are fingerprinted, cached for a year as immutable, and compressed when they are text.
/// The service worker is blocked here: a first visit has none yet (it installs after the first page).
/// </summary>
[Collection(LayoutBrowserCollectionDefinition.Name)]
public sealed class PhonePageWeight(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const long Budget = 150 * 1024;

    protected override BrowserNewContextOptions ContextOptions()
    {
        var options = base.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        options.IsMobile = true;
        options.HasTouch = true;
        options.DeviceScaleFactor = 3;
        options.ServiceWorkers = ServiceWorkerPolicy.Block;
        return options;
    }

    [Fact]
    public Task EachPageOfTheTechniciansPhoneWeighsAtMost150KbOnFirstLoadWithFingerprintedFarFutureStaticFiles() => RunAsync(async () =>
    {
        var id = await SeedReports.FileAsync(Fixture.App.Services, "pelapor", "Kantor Dinas Sosial, ruang arsip",
            "Access point ruang arsip mati, lampunya tidak menyala sejak pagi.");
        await SeedReports.ToRepairingAsync(Fixture.App.Services, id);
        await SignInAsync("teknisi");

        await Page.GotoAsync($"/laporan/{id}");
        var stepForms = await Page.Locator($"a[href^='/laporan/{id}/langkah/']").EvaluateAllAsync<string[]>(
            "links => [...new Set(links.map(a => a.getAttribute('href')))]");
        Assert.NotEmpty(stepForms);
        var pages = new List<string> { "/", "/tugas", $"/laporan/{id}" };
        pages.AddRange(stepForms);

        var cdp = await Page.Context.NewCDPSessionAsync(Page);
        await cdp.SendAsync("Network.enable");
        foreach (var path in pages)
        {
            await cdp.SendAsync("Network.clearBrowserCache");
            var loads = new List<Task<(string Url, long Bytes, Dictionary<string, string> Headers)>>();
            void Finished(object? sender, IRequest request) => loads.Add(Weigh(request));
            Page.RequestFinished += Finished;
            try
            {
                var response = await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.NotNull(response);
                Assert.Equal(200, response.Status);
                // The icon font loads only when the page's icons are laid out: it is part of the first load.
                await Page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }
            finally
            {
                Page.RequestFinished -= Finished;
            }

            var responses = await Task.WhenAll(loads);
            var total = responses.Sum(r => r.Bytes);
            Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {total / 1024.0:F1} KB transferred in {responses.Length} responses"));
            foreach (var r in responses.OrderByDescending(r => r.Bytes))
            {
                Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {r.Bytes / 1024.0,7:F1} KB  {new Uri(r.Url).PathAndQuery}"));
            }
            Assert.True(total <= Budget, $"{path} weighs {total / 1024.0:F1} KB on first load (budget 150 KB).");
            Assert.Contains(responses, r => new Uri(r.Url).AbsolutePath.EndsWith(".css", StringComparison.Ordinal));

            foreach (var (url, _, headers) in responses)
            {
                var uri = new Uri(url);
                if (!IsStatic(uri.AbsolutePath)) continue;
                Assert.True(uri.Query.Contains("v=", StringComparison.Ordinal), $"{uri.PathAndQuery} is not fingerprinted.");
                var cacheControl = headers.GetValueOrDefault("cache-control", "");
                Assert.True(cacheControl.Contains("immutable", StringComparison.Ordinal) && cacheControl.Contains("max-age=31536000", StringComparison.Ordinal),
                    $"{uri.PathAndQuery} is cached as '{cacheControl}', not for a year as immutable.");
                if (uri.AbsolutePath.EndsWith(".css", StringComparison.Ordinal) || uri.AbsolutePath.EndsWith(".js", StringComparison.Ordinal))
                {
                    Assert.True(headers.GetValueOrDefault("content-encoding", "") is "br" or "gzip",
                        $"{uri.PathAndQuery} is not compressed.");
                }
            }
        }
    });

    /// <summary>The app's static files (wwwroot); pages, images served by controllers and the like are not.</summary>
    private static bool IsStatic(string path) =>
        path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/css/", StringComparison.Ordinal)
        || path.StartsWith("/js/", StringComparison.Ordinal);

    private static async Task<(string Url, long Bytes, Dictionary<string, string> Headers)> Weigh(IRequest request)
    {
        var sizes = await request.SizesAsync();
        var response = await request.ResponseAsync();
        var headers = response is null ? new Dictionary<string, string>() : await response.AllHeadersAsync();
        return (request.Url, sizes.ResponseBodySize + sizes.ResponseHeadersSize, headers);
    }
}
