using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>A signed-in user changes their own password.</summary>
public sealed class ChangePassword(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string NewPassword = "Petugas#Baru2026";

    private static Form Change(string current, string next, string? confirm = null) => new Form()
        .Set("CurrentPassword", current).Set("NewPassword", next).Set("ConfirmPassword", confirm ?? next);

    [Fact]
    public async Task TheNewPasswordWorksAndTheOldOneNoLonger()
    {
        using var session = await WebSession.SignedInAsync(factory, "petugas");

        using (var response = await session.PostFormAsync("/akun/kata-sandi", Change(UserProvisioning.DemoPassword, NewPassword)))
        {
            await HttpAssert.RedirectsToAsync(response, "/");
        }
        Assert.Contains("Kata sandi berhasil diubah.", WebPageHelpers.Text(await session.GetPageAsync("/")));
        await session.LogoutAsync();

        using (var old = await session.TryLoginAsync("petugas", UserProvisioning.DemoPassword))
        {
            Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(old)));
        }
        await session.LoginAsAsync("petugas", NewPassword);
        Assert.DoesNotContain(NewPassword, await factory.ReadLogsAsync());
    }

    [Fact]
    public async Task AWrongCurrentPasswordIsRefusedInIndonesianAndNoPasswordIsSentBack()
    {
        using var session = await WebSession.SignedInAsync(factory, "kabid");

        using var response = await session.PostFormAsync("/akun/kata-sandi", Change("Bukan#Sandi2026", "Kabid#Baru2026"));

        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains("Kata sandi salah.", WebPageHelpers.Text(html));
        Assert.DoesNotContain("Kabid#Baru2026", html);
        Assert.DoesNotContain("Bukan#Sandi2026", html);
        await session.LogoutAsync();
        await session.LoginAsAsync("kabid");
    }

    [Fact]
    public async Task ANewPasswordThatBreaksThePolicyIsRefused()
    {
        using var session = await WebSession.SignedInAsync(factory, "kasi");

        using var response = await session.PostFormAsync("/akun/kata-sandi", Change(UserProvisioning.DemoPassword, "tanpahurufbesar1"));

        Assert.Contains("Kata sandi harus memuat sedikitnya satu huruf besar.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
    }

    [Fact]
    public async Task AConfirmationThatDiffersIsRefused()
    {
        using var session = await WebSession.SignedInAsync(factory, "teknisi");

        using var response = await session.PostFormAsync("/akun/kata-sandi", Change(UserProvisioning.DemoPassword, "Teknisi#Baru2026", "Teknisi#Lain2026"));

        Assert.Contains("Konfirmasi kata sandi tidak sama dengan kata sandi baru.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
    }
}
