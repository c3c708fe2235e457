using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// Chromium enforces the app's Content-Security-Policy, and the key pages run without a single violation
/// (every browser test also fails on a violation, through <see cref="BrowserTest"/>).
/// </summary>
public sealed class ContentSecurityPolicy(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TheBrowserEnforcesThePolicyAndAViolationWouldBeSeen()
    {
        var response = await Page.GotoAsync("/masuk");
        Assert.NotNull(response);
        var headers = await response.AllHeadersAsync();
        Assert.Contains("script-src 'self'", headers["content-security-policy"]);
        Assert.False(headers.ContainsKey("server"), "Kestrel still names itself in a Server header.");

        // An inline script is refused: it never runs, and the violation is reported.
        await Page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); }
            """);
        await Expect(Page.Locator("body")).ToBeVisibleAsync();
        Assert.False(await Page.EvaluateAsync<bool>("() => window.inlineRan === true"));
        await Page.WaitForConditionAsync(() => PolicyViolations.Count > 0);
        Assert.Contains(PolicyViolations, v => v.Contains("script-src", StringComparison.Ordinal));
    }

    [Fact]
    public Task TheReporterListFilterAndTheNewReportFormRunWithoutViolations() => RunAsync(async () =>
    {
        await SignInAsync("pelapor");
        await Expect(Page.GetByTestId("user-menu")).ToBeVisibleAsync();
        await Page.GotoAsync("/laporan");
        // The status filter submits itself on change (site.js; it was an inline onchange handler).
        await Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Closed");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/laporan\?status=Closed$"));

        await Page.GotoAsync("/laporan/baru");
        await Expect(Page.GetByLabel("Nama pelapor")).ToHaveValueAsync("Rina Marlina");
    });
}

internal static class PageWaits
{
    /// <summary>Polls <paramref name="condition"/> (state the page's events fill in) for up to five seconds.</summary>
    public static async Task WaitForConditionAsync(this IPage page, Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++) await page.WaitForTimeoutAsync(100);
    }
}
