using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>Signing in and out through the real forms, for every demo account.</summary>
public sealed class SignIn(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    public static TheoryData<string> DemoUserNames() => new(UserProvisioning.DemoAccounts.Select(a => a.UserName));

    [Theory]
    [MemberData(nameof(DemoUserNames))]
    public Task ShowsNameRoleAndOnlyTheNavigationTheRoleAllows_ThenSignsOut(string userName) => RunAsync(async () =>
    {
        var account = UserProvisioning.DemoAccounts.Single(a => a.UserName == userName);
        var expected = await ExpectedNavigation.ForRoleAsync(Fixture.App.Services, account.Role);

        await SignInAsync(userName);

        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Selamat datang, {account.FullName}");
        await Expect(Page.GetByTestId("role-label")).ToHaveTextAsync($"Peran: {Roles.Label(account.Role)}");
        await Expect(Page.GetByTestId("user-menu")).ToHaveTextAsync(account.FullName);

        var nav = Page.GetByTestId("nav");
        await Expect(nav).ToBeVisibleAsync();
        // Each top-level link's label (its title); a count badge may follow it when other tests left work awaiting
        // this official in the shared app.
        var topLevel = await nav.Locator(":scope > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.title)");
        Assert.Equal(expected.TopLevel.ToArray(), topLevel);
        await Expect(nav.Locator(".dropdown-item")).ToHaveTextAsync(expected.InGroups.ToArray());

        var administration = nav.GetByRole(AriaRole.Button, new() { Name = "Administrasi", Exact = true });
        if (expected.TopLevel.Contains(Navigation.AdministrationGroup))
        {
            await administration.ClickAsync();
            var inAdministration = Navigation.Items.Where(i => i.Group == Navigation.AdministrationGroup).Select(i => i.Label)
                .Intersect(expected.InGroups);
            foreach (var label in inAdministration)
            {
                await Expect(nav.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
            }
            await Page.Keyboard.PressAsync("Escape");
        }
        else
        {
            await Expect(administration).ToHaveCountAsync(0);
            await Expect(nav).Not.ToContainTextAsync("Administrasi");
        }

        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Keluar", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/masuk").ToString());
        await Expect(Page.GetByTestId("nav")).ToHaveCountAsync(0);
        // Signed out for real: the home page sends the visitor back to the login form.
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/masuk\\?ReturnUrl=%2F$"));
        await Expect(Page.GetByLabel("Nama pengguna", new() { Exact = true })).ToBeVisibleAsync();
    }, userName);

    [Fact]
    public Task GreetsTheConfiguredFirstAdministratorByTheDefaultName() => RunAsync(async () =>
    {
        await SignInAsync(AppFactory.BootstrapAdministratorUserName, AppFactory.BootstrapAdministratorPassword);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Selamat datang, Administrator Sistem");
        await Expect(Page.GetByTestId("role-label")).ToHaveTextAsync($"Peran: {Roles.Label(Roles.Administrator)}");
    });

    [Fact]
    public Task ShowsTheIndonesianErrorForAWrongPassword() => RunAsync(async () =>
    {
        await SignInAsync("petugas", "SalahSekali2026");

        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/masuk").ToString());
        await Expect(Page.GetByTestId("errors")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("errors")).ToContainTextAsync("Nama pengguna atau kata sandi salah, atau akun sedang tidak dapat dipakai.");
        Assert.StartsWith("Nama pengguna atau kata sandi salah, atau akun sedang tidak dapat dipakai.", AccountController.WrongCredentialsMessage, StringComparison.Ordinal);
        // The user name stays, the password is cleared, and nobody is signed in.
        await Expect(Page.GetByLabel("Nama pengguna", new() { Exact = true })).ToHaveValueAsync("petugas");
        await Expect(Page.GetByLabel("Kata sandi", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(Page.GetByTestId("nav")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task AsksForBothFieldsWhenTheFormIsEmpty() => RunAsync(async () =>
    {
        await Page.GotoAsync("/masuk");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        var errors = Page.GetByTestId("errors");
        await Expect(errors).ToContainTextAsync("Nama pengguna wajib diisi.");
        await Expect(errors).ToContainTextAsync("Kata sandi wajib diisi.");
    });
}
