using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>axe-core finds nothing serious or critical on the login page and on every role's home page.</summary>
public sealed class Accessibility(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>One demo account per role: the home page differs by role, not by person.</summary>
    public static TheoryData<string> OneUserPerRole() => new(Roles.All.Select(role =>
        UserProvisioning.DemoAccounts.First(a => a.Role == role).UserName));

    [Fact]
    public Task LoginPageHasNoSeriousViolations() => RunAsync(async () =>
    {
        await Page.GotoAsync("/masuk");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    });

    [Fact]
    public Task LoginPageWithAnErrorHasNoSeriousViolations() => RunAsync(async () =>
    {
        await SignInAsync("pelapor", "BukanSandinya2026");
        await Expect(Page.GetByTestId("errors")).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    });

    [Theory]
    [MemberData(nameof(OneUserPerRole))]
    public Task HomePageHasNoSeriousViolations(string userName) => RunAsync(async () =>
    {
        await SignInAsync(userName);
        await Expect(Page.GetByTestId("role-label")).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    }, userName);

    [Fact]
    public Task AuditLogPageHasNoSeriousViolations() => RunAsync(async () =>
    {
        await SignInAsync("admin");
        await Page.GotoAsync("/admin/audit");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Log audit" })).ToBeVisibleAsync();
        // The admin's own sign-in is the newest entry.
        await Expect(Page.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync("admin");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    });
}
