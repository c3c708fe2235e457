using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>On a phone (390 × 844 CSS pixels) the navbar folds into its toggler and the login form still works.</summary>
public sealed class PhoneViewport(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int Width = 390;

    protected override BrowserNewContextOptions ContextOptions()
    {
        var options = base.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = Width, Height = 844 };
        options.IsMobile = true;
        options.HasTouch = true;
        options.DeviceScaleFactor = 3;
        return options;
    }

    [Fact]
    public Task LoginFormFitsAndWorks_ThenTheNavbarCollapsesIntoTheToggler() => RunAsync(async () =>
    {
        await Page.GotoAsync("/masuk");
        var userName = Page.GetByLabel("Nama pengguna", new() { Exact = true });
        var password = Page.GetByLabel("Kata sandi", new() { Exact = true });
        var submit = Page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true });
        foreach (var control in new[] { userName, password, submit })
        {
            await Expect(control).ToBeVisibleAsync();
            await Expect(control).ToBeInViewportAsync();
            var box = await control.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.X, 0, Width);
            Assert.InRange(box.X + box.Width, 0, Width);
        }
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The login page scrolls sideways on a phone.");

        await userName.TapAsync();
        await userName.PressSequentiallyAsync("kasi");
        await password.TapAsync();
        await password.PressSequentiallyAsync(UserProvisioning.DemoPassword);
        await submit.TapAsync();

        await Expect(Page.GetByTestId("role-label")).ToBeVisibleAsync();
        var toggler = Page.GetByRole(AriaRole.Button, new() { Name = "Buka menu" });
        var nav = Page.GetByTestId("nav");
        await Expect(toggler).ToBeVisibleAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(nav).ToBeHiddenAsync();
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The home page scrolls sideways on a phone.");

        await toggler.TapAsync();

        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(nav).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Beranda", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-menu")).ToBeVisibleAsync();
    });
}
