using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data.Seeding;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Admin.Units;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>The administrator keeps Diskominfo's units (Dinas &gt; Bidang &gt; Seksi) and who heads them.</summary>
public sealed class OrgUnitAdministration(AppFactory factory) : IClassFixture<AppFactory>
{
    private static Form Unit(string name, OrgUnitKind kind, int? parentId, string? headUserId = null) => new Form()
        .Set("Name", name)
        .Set("Kind", kind.ToString())
        .Set("ParentId", parentId is null ? "" : TestData.Id(parentId.Value))
        .Set("HeadUserId", headUserId ?? "");

    private async Task<(WebSession Admin, int Id)> CreateAsync(string name, OrgUnitKind kind, int? parentId, string? headUserId = null)
    {
        var admin = await WebSession.SignedInAsync(factory, "admin");
        using var response = await admin.PostFormAsync("/admin/unit/baru", Unit(name, kind, parentId, headUserId));
        await HttpAssert.RedirectsToAsync(response, "/admin/unit");
        return (admin, (await factory.FindUnitAsync(name))!.Id);
    }

    [Fact]
    public async Task CreatesASeksiUnderABidangWithAHeadAndShowsItInTheTree()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var bidang = await factory.UnitIdAsync(ReferenceData.BidangAplikasi);
        var head = await factory.UserIdAsync("teknisi");

        using (var response = await admin.PostFormAsync("/admin/unit/baru", Unit("Seksi Persandian dan Keamanan Informasi", OrgUnitKind.Seksi, bidang, head)))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/unit");
        }

        var unit = await factory.FindUnitAsync("Seksi Persandian dan Keamanan Informasi");
        Assert.NotNull(unit);
        Assert.Equal(OrgUnitKind.Seksi, unit.Kind);
        Assert.Equal(bidang, unit.ParentId);
        Assert.Equal(head, unit.HeadUserId);
        var tree = await admin.GetPageAsync("/admin/unit");
        Assert.Contains($"data-unit-id=\"{unit.Id}\" data-depth=\"2\"", tree);
        var rows = tree.Split("<tr data-unit-id=")[1..]; // [0] is everything before the first row
        var bidangRow = Array.FindIndex(rows, r => r.Contains(ReferenceData.BidangAplikasi, StringComparison.Ordinal));
        var seksiRow = Array.FindIndex(rows, r => r.Contains("Seksi Persandian dan Keamanan Informasi", StringComparison.Ordinal));
        var nextBidangRow = Array.FindIndex(rows, r => r.Contains(ReferenceData.BidangKomunikasi, StringComparison.Ordinal));
        Assert.True(bidangRow >= 0 && bidangRow < seksiRow && seksiRow < nextBidangRow, "the new Seksi is listed under its Bidang");
        Assert.Contains("Bayu Pratama, A.Md", rows[seksiRow]);
    }

    [Fact]
    public async Task TheTreeOffersToAddASeksiUnderABidangWithTheFormPrefilled()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var bidang = await factory.UnitIdAsync(ReferenceData.BidangAplikasi);
        var link = $"/admin/unit/baru?parentId={bidang}&kind=Seksi";
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), await admin.GetPageAsync("/admin/unit"));

        var form = await admin.GetPageAsync(link);

        Assert.Equal([TestData.Id(bidang)], WebPageHelpers.SelectedValues(form, "ParentId"));
        Assert.Equal([nameof(OrgUnitKind.Seksi)], WebPageHelpers.SelectedValues(form, "Kind"));
    }

    [Fact]
    public async Task EditsTheNameAndTheHead()
    {
        var bidang = await factory.UnitIdAsync(ReferenceData.BidangKomunikasi);
        var (admin, id) = await CreateAsync("Seksi Statistik", OrgUnitKind.Seksi, bidang);
        using var _ = admin;
        var editPage = $"/admin/unit/{id}/ubah";
        var html = await admin.GetPageAsync(editPage);
        Assert.Equal("Seksi Statistik", WebPageHelpers.InputValue(html, "Name"));
        Assert.Equal([OrgUnitKind.Seksi.ToString()], WebPageHelpers.SelectedValues(html, "Kind"));
        var head = await factory.UserIdAsync("kasi.aplikasi");

        using (var response = await admin.PostFormAsync(editPage, Unit("Seksi Statistik Sektoral", OrgUnitKind.Seksi, bidang, head)))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/unit");
        }

        var unit = await factory.QueryAsync(db => db.OrgUnits.FindAsync(id).AsTask());
        Assert.Equal("Seksi Statistik Sektoral", unit!.Name);
        Assert.Equal(head, unit.HeadUserId);
        Assert.Equal([head], WebPageHelpers.SelectedValues(await admin.GetPageAsync(editPage), "HeadUserId"));
    }

    [Fact]
    public async Task RefusesASeksiDirectlyUnderTheDinas()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var dinas = await factory.UnitIdAsync(ReferenceData.AgencyName);

        using var response = await admin.PostFormAsync("/admin/unit/baru", Unit("Seksi Tanpa Bidang", OrgUnitKind.Seksi, dinas));

        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains(OrgUnitAdminService.ParentKindMessageSeksi, WebPageHelpers.Text(html));
        Assert.Equal("Seksi Tanpa Bidang", WebPageHelpers.InputValue(html, "Name"));
        Assert.Equal([TestData.Id(dinas)], WebPageHelpers.SelectedValues(html, "ParentId"));
        Assert.Null(await factory.FindUnitAsync("Seksi Tanpa Bidang"));
    }

    [Fact]
    public async Task RefusesABidangUnderAnotherBidang()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var bidang = await factory.UnitIdAsync(ReferenceData.BidangAplikasi);

        using var response = await admin.PostFormAsync("/admin/unit/baru", Unit("Bidang Bertingkat", OrgUnitKind.Bidang, bidang));

        Assert.Contains(OrgUnitAdminService.ParentKindMessageBidang, WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
        Assert.Null(await factory.FindUnitAsync("Bidang Bertingkat"));
    }

    [Fact]
    public async Task RefusesASecondDinasAndASeksiWithoutParent()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        using (var second = await admin.PostFormAsync("/admin/unit/baru", Unit("Dinas Kedua", OrgUnitKind.Dinas, null)))
        {
            Assert.Contains("Unit berjenis Dinas sudah ada.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(second)));
        }
        using (var orphan = await admin.PostFormAsync("/admin/unit/baru", Unit("Seksi Yatim", OrgUnitKind.Seksi, null)))
        {
            Assert.Contains("Seksi harus berada di bawah sebuah Bidang", WebPageHelpers.Text(await HttpAssert.OkPageAsync(orphan)));
        }
        Assert.Null(await factory.FindUnitAsync("Dinas Kedua"));
        Assert.Null(await factory.FindUnitAsync("Seksi Yatim"));
    }

    [Fact]
    public async Task RefusesAnInactiveUserAsHead()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.CreateAsync(new AppUser { UserName = "mantan.pegawai", FullName = "Mantan Pegawai", IsActive = false });
        });
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var bidang = await factory.UnitIdAsync(ReferenceData.BidangAplikasi);
        var inactive = await factory.UserIdAsync("mantan.pegawai");
        Assert.DoesNotContain($"value=\"{inactive}\"", await admin.GetPageAsync("/admin/unit/baru"));

        using var response = await admin.PostFormAsync("/admin/unit/baru", Unit("Seksi Kepala Nonaktif", OrgUnitKind.Seksi, bidang, inactive));

        Assert.Contains(OrgUnitAdminService.HeadMustBeActiveMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
        Assert.Null(await factory.FindUnitAsync("Seksi Kepala Nonaktif"));
    }

    [Fact]
    public async Task RefusesTheSameNameTwiceUnderOneParent()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var bidang = await factory.UnitIdAsync(ReferenceData.BidangAplikasi);

        using var response = await admin.PostFormAsync("/admin/unit/baru",
            Unit(ReferenceData.SeksiAplikasi.ToUpperInvariant(), OrgUnitKind.Seksi, bidang));

        Assert.Contains("di bawah induk yang sama", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
    }

    [Fact]
    public async Task ABidangWithActiveSeksiCannotBeDeactivatedButAnEmptyUnitCan()
    {
        var dinas = await factory.UnitIdAsync(ReferenceData.AgencyName);
        var (admin, bidang) = await CreateAsync("Bidang Statistik", OrgUnitKind.Bidang, dinas);
        using var _ = admin;
        using (var created = await admin.PostFormAsync("/admin/unit/baru", Unit("Seksi Data", OrgUnitKind.Seksi, bidang)))
        {
            await HttpAssert.RedirectsToAsync(created, "/admin/unit");
        }
        var seksi = (await factory.FindUnitAsync("Seksi Data"))!.Id;

        using (var refused = await admin.SubmitFormAsync($"/admin/unit/{bidang}/ubah", $"/admin/unit/{bidang}/nonaktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(refused, $"/admin/unit/{bidang}/ubah");
        }
        Assert.Contains("masih memiliki sub-unit yang aktif", WebPageHelpers.Text(await admin.GetPageAsync($"/admin/unit/{bidang}/ubah")));
        Assert.True((await factory.FindUnitAsync("Bidang Statistik"))!.IsActive);

        using (var seksiOff = await admin.SubmitFormAsync($"/admin/unit/{seksi}/ubah", $"/admin/unit/{seksi}/nonaktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(seksiOff, "/admin/unit");
        }
        using (var bidangOff = await admin.SubmitFormAsync($"/admin/unit/{bidang}/ubah", $"/admin/unit/{bidang}/nonaktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(bidangOff, "/admin/unit");
        }
        Assert.False((await factory.FindUnitAsync("Bidang Statistik"))!.IsActive);
        Assert.False((await factory.FindUnitAsync("Seksi Data"))!.IsActive);

        // A Seksi comes back only after its Bidang.
        using (var tooEarly = await admin.SubmitFormAsync($"/admin/unit/{seksi}/ubah", $"/admin/unit/{seksi}/aktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(tooEarly, $"/admin/unit/{seksi}/ubah");
        }
        Assert.False((await factory.FindUnitAsync("Seksi Data"))!.IsActive);
    }

    [Fact]
    public async Task ChangingTheKindOfABidangThatHasSeksiIsRefused()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var bidang = await factory.UnitIdAsync(ReferenceData.BidangKomunikasi);
        var otherBidang = await factory.UnitIdAsync(ReferenceData.BidangAplikasi);

        using var response = await admin.PostFormAsync($"/admin/unit/{bidang}/ubah",
            Unit(ReferenceData.BidangKomunikasi, OrgUnitKind.Seksi, otherBidang));

        Assert.Contains("Jenis unit tidak dapat diubah", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
        Assert.Equal(OrgUnitKind.Bidang, (await factory.FindUnitAsync(ReferenceData.BidangKomunikasi))!.Kind);
    }
}
