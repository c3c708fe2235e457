using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>The administrator keeps the list of OPDs: create, edit, refuse duplicates, deactivate.</summary>
public sealed class OpdAdministration(AppFactory factory) : IClassFixture<AppFactory>
{
    private static Form Opd(string name, string? shortName = null) => new Form()
        .Set("Name", name)
        .Set("ShortName", shortName)
        .Set("Address", "Jl. Sutomo No. 14, Tebing Tinggi")
        .Set("Phone", "(0621) 325203")
        .Set("Email", "opd@tebingtinggikota.go.id");

    private async Task<(WebSession Admin, int Id)> CreateAsync(string name, string? shortName = null)
    {
        var admin = await WebSession.SignedInAsync(factory, "admin");
        using var response = await admin.PostFormAsync("/admin/opd/baru", Opd(name, shortName));
        await HttpAssert.RedirectsToAsync(response, "/admin/opd");
        return (admin, (await factory.FindOpdAsync(name))!.Id);
    }

    [Fact]
    public async Task CreatesAnOpdWithItsContactAndListsIt()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        using (var response = await admin.PostFormAsync("/admin/opd/baru", Opd("Dinas Pariwisata", "Dispar")))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/opd");
        }

        var opd = await factory.FindOpdAsync("Dinas Pariwisata");
        Assert.NotNull(opd);
        Assert.Equal("Dispar", opd.ShortName);
        Assert.Equal("Jl. Sutomo No. 14, Tebing Tinggi", opd.Address);
        Assert.Equal("+62621325203", opd.Phone);
        Assert.Equal("opd@tebingtinggikota.go.id", opd.Email);
        Assert.True(opd.IsActive);
        var list = WebPageHelpers.Text(await admin.GetPageAsync("/admin/opd"));
        Assert.Contains("OPD \"Dinas Pariwisata\" berhasil ditambahkan.", list);
        Assert.Contains("Dinas Pariwisata", list);
    }

    [Fact]
    public async Task EditsTheNameAndContact()
    {
        var (admin, id) = await CreateAsync("Dinas Pemuda dan Olahraga", "Dispora");
        using var _ = admin;
        var editPage = $"/admin/opd/{id}/ubah";
        Assert.Equal("Dinas Pemuda dan Olahraga", WebPageHelpers.InputValue(await admin.GetPageAsync(editPage), "Name"));

        using (var response = await admin.PostFormAsync(editPage, new Form()
                   .Set("Name", "Dinas Kepemudaan dan Olahraga").Set("ShortName", "Dispora")
                   .Set("Address", "").Set("Phone", "0812 6000 7777").Set("Email", "dispora@tebingtinggikota.go.id")))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/opd");
        }

        var opd = await factory.QueryAsync(db => db.Opds.FindAsync(id).AsTask());
        Assert.Equal("Dinas Kepemudaan dan Olahraga", opd!.Name);
        Assert.Null(opd.Address);
        Assert.Equal("+6281260007777", opd.Phone);
        Assert.Equal("dispora@tebingtinggikota.go.id", opd.Email);
    }

    [Theory]
    [InlineData("Dinas Kesehatan")]
    [InlineData("dinas kesehatan")]
    [InlineData("  Dinas   Kesehatan ")]
    public async Task RefusesANameAnotherOpdHasWithAnIndonesianMessageAndKeepsTheInput(string name)
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var before = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Opds));

        using var response = await admin.PostFormAsync("/admin/opd/baru", Opd(name, "DK2"));

        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains("OPD dengan nama \"Dinas Kesehatan\" sudah terdaftar.", WebPageHelpers.Text(html));
        Assert.Equal(name, WebPageHelpers.InputValue(html, "Name"));
        Assert.Equal("DK2", WebPageHelpers.InputValue(html, "ShortName"));
        Assert.Equal("Jl. Sutomo No. 14, Tebing Tinggi", WebPageHelpers.TextAreaValue(html, "Address"));
        Assert.Equal(before, await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Opds)));
    }

    [Fact]
    public async Task RefusesRenamingAnOpdToTheNameOfAnother()
    {
        var (admin, id) = await CreateAsync("Kantor Arsip", "Arsip");
        using var _ = admin;

        using var response = await admin.PostFormAsync($"/admin/opd/{id}/ubah", Opd("Inspektorat", "Arsip"));

        Assert.Contains("OPD dengan nama \"Inspektorat\" sudah terdaftar.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
        Assert.Equal("Kantor Arsip", (await factory.QueryAsync(db => db.Opds.FindAsync(id).AsTask()))!.Name);
    }

    [Fact]
    public async Task RefusesAShortNameAnotherOpdHas()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        using var response = await admin.PostFormAsync("/admin/opd/baru", Opd("Badan Kepegawaian Kedua", "bkd"));

        Assert.Contains("Singkatan \"BKD\" sudah dipakai oleh Badan Kepegawaian Daerah.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
        Assert.Null(await factory.FindOpdAsync("Badan Kepegawaian Kedua"));
    }

    [Fact]
    public async Task ShowsValidationMessagesInIndonesian()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        using var response = await admin.PostFormAsync("/admin/opd/baru",
            new Form().Set("Name", "").Set("Phone", "12").Set("Email", "bukan email"));

        var text = WebPageHelpers.Text(await HttpAssert.OkPageAsync(response));
        Assert.Contains("Nama OPD wajib diisi.", text);
        Assert.Contains("Nomor telepon tidak valid.", text);
        Assert.Contains("Alamat email tidak valid.", text);
    }

    [Fact]
    public async Task DeactivatesAndReactivatesAnOpdWhichThenLeavesAndReturnsToTheUserForm()
    {
        var (admin, id) = await CreateAsync("UPT Puskesmas Contoh", "Puskesmas");
        using var _ = admin;
        var editPage = $"/admin/opd/{id}/ubah";
        var option = $"<option value=\"{id}\"";
        Assert.Contains(option, await admin.GetPageAsync("/admin/pengguna/baru"));

        using (var response = await admin.SubmitFormAsync(editPage, $"/admin/opd/{id}/nonaktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/opd");
        }

        Assert.False((await factory.FindOpdAsync("UPT Puskesmas Contoh"))!.IsActive);
        Assert.DoesNotContain(option, await admin.GetPageAsync("/admin/pengguna/baru"));
        Assert.Contains("UPT Puskesmas Contoh", WebPageHelpers.Text(await admin.GetPageAsync("/admin/opd?status=nonaktif")));
        Assert.DoesNotContain("UPT Puskesmas Contoh", WebPageHelpers.Text(await admin.GetPageAsync("/admin/opd?status=aktif")));

        using (var response = await admin.SubmitFormAsync(editPage, $"/admin/opd/{id}/aktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/opd");
        }
        Assert.True((await factory.FindOpdAsync("UPT Puskesmas Contoh"))!.IsActive);
        Assert.Contains(option, await admin.GetPageAsync("/admin/pengguna/baru"));
    }
}
