using System.Net;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>The /admin pages are for administrators only.</summary>
public sealed class AdminAuthorization(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] Pages = ["/admin/pengguna", "/admin/pengguna/baru", "/admin/opd", "/admin/opd/baru",
        "/admin/opd/1/ubah", "/admin/unit", "/admin/unit/baru", "/admin/unit/1/ubah"];

    public static TheoryData<string> AdminPages() => [.. Pages];

    public static TheoryData<string> OtherRoles() => ["pelapor", "petugas", "kadis", "kabid", "kasi", "teknisi"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AnonymousVisitorsAreRedirectedToTheLoginPage(string url)
    {
        using var session = WebSession.Create(factory);

        using var response = await session.GetAsync(url);

        await HttpAssert.RedirectsToAsync(response, "/masuk?ReturnUrl=" + Uri.EscapeDataString(url));
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task EveryOtherRoleGets403OnEveryAdministrationPage(string userName)
    {
        using var session = await WebSession.SignedInAsync(factory, userName);

        foreach (var url in Pages)
        {
            using var response = await session.GetFollowingRedirectsAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Akses ditolak", WebPageHelpers.Text(await response.Content.ReadAsStringAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task EveryOtherRoleIsRefusedWhenPostingToAnAdministrationAction(string userName)
    {
        using var session = await WebSession.SignedInAsync(factory, userName);
        // A valid token of this user, taken from the sign-out form every page carries.
        var token = WebPageHelpers.GetRequestVerificationToken(await session.GetPageAsync("/"), "/keluar");
        var kasiId = await factory.UserIdAsync("kasi");

        using (var create = await session.PostWithTokenAsync("/admin/opd/baru", new Form().Set("Name", $"OPD dari {userName}"), token))
        {
            await HttpAssert.RedirectsToAsync(create, "/akses-ditolak");
        }
        using (var deactivate = await session.PostWithTokenAsync($"/admin/pengguna/{kasiId}/nonaktifkan", [], token))
        {
            await HttpAssert.RedirectsToAsync(deactivate, "/akses-ditolak");
        }

        Assert.Null(await factory.FindOpdAsync($"OPD dari {userName}"));
        Assert.True((await factory.FindUserAsync("kasi"))!.IsActive);
    }

    [Fact]
    public async Task TheAdministratorOpensEveryAdministrationPage()
    {
        using var session = await WebSession.SignedInAsync(factory, "admin");

        foreach (var url in Pages)
        {
            using var response = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnUnknownRecordAnswers404()
    {
        using var session = await WebSession.SignedInAsync(factory, "admin");

        foreach (var url in new[] { "/admin/pengguna/tidak-ada/ubah", "/admin/opd/99999/ubah", "/admin/unit/99999/ubah" })
        {
            using var response = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
