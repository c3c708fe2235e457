using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Tests.Shared;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// A new administrator's first sign-in in Chromium: sent to the enrollment page, reads the key beside the QR code,
/// types the code the authenticator app computes, keeps the recovery codes; the next sign-in asks for the code.
/// </summary>
public sealed class TwoFactorEnrollment(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = "Pertama2026Kuat";

    [Fact]
    public Task AnAdministratorEnrollsOnFirstSignIn_ThenSignsInWithTheCode() => RunAsync(async () =>
    {
        const string userName = "admin.peramban";
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserProvisioning>()
                .CreateAdministratorAsync(userName, "Administrator Peramban", email: null, Password);
        }

        await SubmitPasswordAsync(userName, Password);

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/akun/2fa/aktifkan\\?returnUrl=%2F$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Autentikasi dua faktor");
        await Expect(Page.GetByTestId("twofactor-required")).ToBeVisibleAsync();
        // Said once, as guidance: no red error on top of it (issue 16).
        await Expect(Page.Locator(".alert-danger")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("wajib memakai autentikasi dua faktor")).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Kode QR untuk aplikasi autentikator" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("shared-key")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^([a-z2-7]{4} ){7}[a-z2-7]{4}$"));
        // No other page until enrolled: the navigation is empty and an admin page leads back here.
        await Expect(Page.GetByTestId("nav").Locator("a")).ToHaveCountAsync(0);
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
        await Page.GotoAsync("/admin/pengguna");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/akun/2fa/aktifkan\\?returnUrl=%2Fadmin%2Fpengguna$"));

        // A code from the wrong time is refused in Indonesian.
        var key = (await Page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Page.GetByLabel("Kode verifikasi", new() { Exact = true }).PressSequentiallyAsync(Totp.At(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("errors")).ToContainTextAsync(TwoFactorController.WrongCodeMessage);

        var (enrolledKey, codes) = await EnrollAuthenticatorAsync();

        Assert.Equal(key, enrolledKey);
        Assert.Equal(10, codes.Distinct().Count());
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/admin/pengguna").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Pengguna");

        // Signed out, the next sign-in asks for the code.
        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Keluar", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/masuk").ToString());
        await SubmitPasswordAsync(userName, Password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verifikasi dua langkah");
        await Expect(Page.GetByLabel("Ingat perangkat ini (tidak perlu kode lagi di peramban ini)")).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);

        await EnterAuthenticatorCodeAsync(userName);

        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/").ToString());
        await Expect(Page.GetByTestId("user-menu")).ToHaveTextAsync("Administrator Peramban");
    });
}
