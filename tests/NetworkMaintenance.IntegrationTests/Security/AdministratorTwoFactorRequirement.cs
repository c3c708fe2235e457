using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// Security:RequireTwoFactorForAdministrators (on by default): an administrator without an authenticator app is
/// sent to the enrollment page and reaches nothing but it, sign-out and the public pages until enrolled.
/// Each test creates its own administrator the way <c>-- admin create</c> and the bootstrap settings do.
/// </summary>
public sealed class AdministratorTwoFactorRequirement(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Password = "Pertama2026Kuat";

    [Fact]
    public async Task AnAdministratorWithoutTwoFactorIsSentToEnrollment_ThenAdminPagesWork()
    {
        await CreateAdministratorAsync("admin.baru");
        using var session = WebSession.Create(factory);

        using (var login = await session.TryLoginAsync("admin.baru", Password))
        {
            Assert.Equal("/akun/2fa/aktifkan?returnUrl=%2F", await HttpAssert.RedirectsToAsync(login, "/akun/2fa/aktifkan"));
        }
        foreach (var page in new[] { "/admin/pengguna", "/admin/opd", "/", "/notifikasi", "/akun/kata-sandi" })
        {
            using var blocked = await session.GetAsync(page);
            Assert.Equal("/akun/2fa/aktifkan?returnUrl=" + Uri.EscapeDataString(page),
                await HttpAssert.RedirectsToAsync(blocked, "/akun/2fa/aktifkan"));
        }
        // A form post is turned away as well, and changes nothing.
        var token = WebPageHelpers.GetRequestVerificationToken(await session.GetPageAsync("/akun/2fa/aktifkan"), "/akun/2fa/aktifkan");
        using (var post = await session.PostWithTokenAsync("/admin/opd/baru", new Form().Set("Name", "OPD Tanpa 2FA"), token))
        {
            await HttpAssert.RedirectsToAsync(post, "/akun/2fa/aktifkan");
        }
        Assert.Null(await factory.FindOpdAsync("OPD Tanpa 2FA"));

        var enrollmentPage = await session.GetPageAsync("/akun/2fa/aktifkan?returnUrl=%2Fadmin%2Fpengguna");
        Assert.Contains("Administrator wajib memakai autentikasi dua faktor", WebPageHelpers.Text(enrollmentPage));
        Assert.DoesNotContain("href=\"/admin/pengguna\"", enrollmentPage, StringComparison.Ordinal);

        var enrollment = await session.EnrollAuthenticatorAsync("/akun/2fa/aktifkan?returnUrl=%2Fadmin%2Fpengguna");

        Assert.Equal("/admin/pengguna", enrollment.ContinueUrl);
        Assert.Contains("Pengguna", WebPageHelpers.Text(await session.GetPageAsync("/admin/pengguna")));
        Assert.Contains("href=\"/admin/opd\"", await session.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstSignInShowsTheRequirementOnce_AsGuidanceNotAsAnError()
    {
        await CreateAdministratorAsync("admin.pertama");
        using var session = WebSession.Create(factory);
        using (var login = await session.TryLoginAsync("admin.pertama", Password))
        {
            await HttpAssert.RedirectsToAsync(login, "/akun/2fa/aktifkan");
        }

        // The page the redirect leads to, with whatever message the sign-in left for it.
        var page = await session.GetPageAsync("/akun/2fa/aktifkan?returnUrl=%2F");

        var text = WebPageHelpers.Text(page);
        var mentions = text.Split("wajib memakai autentikasi dua faktor", StringSplitOptions.None).Length - 1;
        Assert.Equal(1, mentions);
        Assert.Contains("data-testid=\"twofactor-required\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("alert-danger", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorWhoHasNotEnrolledCanStillSignOut()
    {
        await CreateAdministratorAsync("admin.keluar");
        using var session = WebSession.Create(factory);
        using (var login = await session.TryLoginAsync("admin.keluar", Password))
        {
            await HttpAssert.RedirectsToAsync(login, "/akun/2fa/aktifkan");
        }

        using (var logout = await session.SubmitFormAsync("/akun/2fa/aktifkan", "/keluar", []))
        {
            Assert.Equal("/masuk", await HttpAssert.RedirectsToAsync(logout, "/masuk"));
        }
        using var enrollment = await session.GetAsync("/akun/2fa/aktifkan");
        await HttpAssert.RedirectsToAsync(enrollment, "/masuk");
    }

    [Fact]
    public async Task AnEnrolledAdministratorSignsInWithTheCodeAndCannotTurnItOff()
    {
        await CreateAdministratorAsync("admin.lama");
        using (var first = WebSession.Create(factory))
        {
            await first.LoginAsAsync("admin.lama", Password);
        }

        using var session = WebSession.Create(factory);
        using (var login = await session.TryLoginAsync("admin.lama", Password))
        {
            await HttpAssert.RedirectsToAsync(login, "/masuk/2fa");
        }
        using (var home = await session.GetAsync("/admin/pengguna"))
        {
            await HttpAssert.RedirectsToAsync(home, "/masuk");
        }
        var landing = await session.LoginAsAsync("admin.lama", Password);
        Assert.Equal("/", landing);

        var status = await session.GetPageAsync("/akun/2fa");
        Assert.Contains("Administrator wajib memakai autentikasi dua faktor; fitur ini tidak dapat dinonaktifkan.", WebPageHelpers.Text(status));
        Assert.False(WebPageHelpers.HasForm(status, "/akun/2fa/nonaktifkan"));
        // Posting the form anyway does not help.
        using (var disable = await session.PostWithTokenAsync("/akun/2fa/nonaktifkan", new Form().Set("Password", Password),
                   WebPageHelpers.GetRequestVerificationToken(status, "/akun/2fa/kode-pemulihan")))
        {
            await HttpAssert.RedirectsToAsync(disable, "/akun/2fa");
        }
        Assert.Contains(TwoFactorController.RequiredMessage, WebPageHelpers.Text(await session.GetPageAsync("/akun/2fa")));
        Assert.True((await factory.FindUserAsync("admin.lama"))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task TheRequirementCanBeSwitchedOffByConfiguration()
    {
        await CreateAdministratorAsync("admin.tanpa");
        await using var relaxed = factory.WithWebHostBuilder(b => b.UseSetting("Security:RequireTwoFactorForAdministrators", "false"));
        using var session = WebSession.Create(relaxed);

        using (var login = await session.TryLoginAsync("admin.tanpa", Password))
        {
            Assert.Equal("/", await HttpAssert.RedirectsToAsync(login, "/"));
        }
        Assert.Contains("Pengguna", WebPageHelpers.Text(await session.GetPageAsync("/admin/pengguna")));
        Assert.DoesNotContain("wajib", WebPageHelpers.Text(await session.GetPageAsync("/akun/2fa/aktifkan")));
    }

    [Fact]
    public async Task AfterTheResetCommandTheAdministratorEnrollsANewKey()
    {
        await CreateAdministratorAsync("admin.hilang");
        string oldKey;
        using (var first = WebSession.Create(factory))
        {
            await first.LoginAsAsync("admin.hilang", Password);
            oldKey = (await first.AuthenticatorKeyAsync("admin.hilang"))!;
        }

        // What `-- admin reset-2fa --username admin.hilang` does.
        Assert.True(await factory.WithScopeAsync(sp => sp.GetRequiredService<UserProvisioning>().ResetTwoFactorAsync("admin.hilang")));
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<UserProvisioning>().ResetTwoFactorAsync("tidak.ada")));

        using var session = WebSession.Create(factory);
        using var login = await session.TryLoginAsync("admin.hilang", Password);
        await HttpAssert.RedirectsToAsync(login, "/akun/2fa/aktifkan");
        var enrollment = await session.EnrollAuthenticatorAsync("/akun/2fa/aktifkan");
        Assert.NotEqual(oldKey, enrollment.SharedKey);
    }

    private Task CreateAdministratorAsync(string userName) => factory.WithScopeAsync(async sp =>
    {
        var created = await sp.GetRequiredService<UserProvisioning>()
            .CreateAdministratorAsync(userName, "Administrator Uji", email: null, Password);
        Assert.True(created);
    });
}
