using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>What a person sees when signing in fails: wrong password, lockout, a deactivated account.</summary>
public sealed class SignInFailures(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AWrongPasswordShowsTheIndonesianErrorAndKeepsTheUserNameButNotThePassword()
    {
        using var session = WebSession.Create(factory);

        using var response = await session.TryLoginAsync("kabid", "Salah#Sandi2026");

        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(html));
        Assert.Equal("kabid", WebPageHelpers.InputValue(html, "UserName"));
        Assert.Equal("", WebPageHelpers.InputValue(html, "Password"));
        Assert.DoesNotContain("Salah#Sandi2026", html);
        using var home = await session.GetAsync("/");
        await HttpAssert.RedirectsToAsync(home, "/masuk");
    }

    [Fact]
    public async Task AnUnknownUserGetsTheSameMessageAsAWrongPassword()
    {
        using var session = WebSession.Create(factory);

        using var response = await session.TryLoginAsync("tidak.ada", UserProvisioning.DemoPassword);

        Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
    }

    [Fact]
    public async Task AnEmptyFormShowsWhatIsMissing()
    {
        using var session = WebSession.Create(factory);

        using var response = await session.TryLoginAsync("", "");

        var text = WebPageHelpers.Text(await HttpAssert.OkPageAsync(response));
        Assert.Contains("Nama pengguna wajib diisi.", text);
        Assert.Contains("Kata sandi wajib diisi.", text);
    }

    [Fact]
    public async Task FiveFailedAttemptsLockTheAccountAndThenEvenTheCorrectPasswordIsRefused()
    {
        using var session = WebSession.Create(factory);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await session.TryLoginAsync("teknisi2", $"Keliru#{attempt}abcdef");
            Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(failed)));
        }
        using (var fifth = await session.TryLoginAsync("teknisi2", "Keliru#5abcdef"))
        {
            // The same message as a wrong password: the form does not tell who has an account (docs/security.md).
            Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(fifth)));
        }

        using var correct = await session.TryLoginAsync("teknisi2", UserProvisioning.DemoPassword);

        Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(correct)));
        using (var home = await session.GetAsync("/"))
        {
            await HttpAssert.RedirectsToAsync(home, "/masuk");
        }
        var user = await factory.FindUserAsync("teknisi2");
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task AnAdministratorCanUnlockALockedOutAccount()
    {
        using var locked = WebSession.Create(factory);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var _ = await locked.TryLoginAsync("kasi.aplikasi", $"Keliru#{attempt}abcdef");
        }
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var id = await factory.UserIdAsync("kasi.aplikasi");
        var editPage = $"/admin/pengguna/{id}/ubah";
        Assert.Contains("Terkunci", WebPageHelpers.Text(await admin.GetPageAsync(editPage)));

        using (var unlock = await admin.SubmitFormAsync(editPage, $"/admin/pengguna/{id}/buka-kunci", []))
        {
            await HttpAssert.RedirectsToAsync(unlock, editPage);
        }

        Assert.Contains("Penguncian akun dibuka.", WebPageHelpers.Text(await admin.GetPageAsync(editPage)));
        Assert.False(WebPageHelpers.HasForm(await admin.GetPageAsync(editPage), $"/admin/pengguna/{id}/buka-kunci"));
        await locked.LoginAsAsync("kasi.aplikasi");
    }

    [Fact]
    public async Task ADeactivatedUserCannotSignIn()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Domain.AppUser>>();
            var user = await users.FindByNameAsync("pelapor.dinkes");
            user!.IsActive = false;
            await users.UpdateAsync(user);
        });
        using var session = WebSession.Create(factory);

        using var response = await session.TryLoginAsync("pelapor.dinkes", UserProvisioning.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await response.Content.ReadAsStringAsync()));
        using var home = await session.GetAsync("/");
        await HttpAssert.RedirectsToAsync(home, "/masuk");
    }
}
