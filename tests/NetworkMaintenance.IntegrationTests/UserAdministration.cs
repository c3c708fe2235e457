using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data.Seeding;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Features.Admin.Users;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>The administrator creates, edits, deactivates and reactivates users and assigns their roles.</summary>
public sealed class UserAdministration(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string InitialPassword = "Awal#2026Teknisi";

    private async Task<Form> TechnicianAsync(string userName) => new Form()
        .Set("UserName", userName)
        .Set("FullName", "Andi Saputra, A.Md")
        .Set("Nip", "19950101 202012 1 003".Replace("003", Serial(userName), StringComparison.Ordinal))
        .Set("Position", "Teknisi Jaringan")
        .Set("PhoneNumber", "0812-6000-1234")
        .Set("Email", $"{userName}@tebingtinggikota.go.id")
        .Set("OrgUnitId", TestData.Id(await factory.UnitIdAsync(ReferenceData.SeksiInfrastruktur)))
        .AddValue("Roles", Roles.Teknisi)
        .Set("Password", InitialPassword)
        .Set("ConfirmPassword", InitialPassword);

    // Each test's user gets its own NIP (NIPs are unique): a serial handed out once per user name. (A hash of the name
    // modulo 900 collided now and then: string hashes are randomised per process.)
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Serials = new(StringComparer.Ordinal);
    private static int _lastSerial = 99;

    private static string Serial(string userName) =>
        Serials.GetOrAdd(userName, _ => Interlocked.Increment(ref _lastSerial).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<(WebSession Admin, string Id)> CreateTechnicianAsync(string userName)
    {
        var admin = await WebSession.SignedInAsync(factory, "admin");
        using var response = await admin.PostFormAsync("/admin/pengguna/baru", await TechnicianAsync(userName));
        await HttpAssert.RedirectsToAsync(response, "/admin/pengguna");
        return (admin, await factory.UserIdAsync(userName));
    }

    [Fact]
    public async Task CreatesAUserWithNormalisedNipAndPhoneWhoCanThenSignIn()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var form = await TechnicianAsync("andi.saputra");

        using (var response = await admin.PostFormAsync("/admin/pengguna/baru", form))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/pengguna");
        }

        var user = await factory.FindUserAsync("andi.saputra");
        Assert.NotNull(user);
        Assert.Equal("Andi Saputra, A.Md", user.FullName);
        Assert.Equal(Core.Formatting.Nip.Normalize(form.Single(f => f.Key == "Nip").Value), user.Nip);
        Assert.Equal(18, user.Nip!.Length);
        Assert.Equal("+6281260001234", user.PhoneNumber);
        Assert.Equal(await factory.UnitIdAsync(ReferenceData.SeksiInfrastruktur), user.OrgUnitId);
        Assert.True(user.IsActive);
        Assert.Equal([Roles.Teknisi], await factory.RolesOfAsync("andi.saputra"));

        var list = WebPageHelpers.Text(await admin.GetPageAsync("/admin/pengguna?q=andi.saputra"));
        Assert.Contains("Pengguna \"andi.saputra\" berhasil dibuat.", list);
        Assert.Contains("NIP. " + Core.Formatting.Nip.Format(user.Nip), list);

        using var newcomer = WebSession.Create(factory);
        await newcomer.LoginAsAsync("andi.saputra", InitialPassword);
        Assert.Contains("Selamat datang, Andi Saputra, A.Md", WebPageHelpers.Text(await newcomer.GetPageAsync("/")));
        Assert.DoesNotContain(InitialPassword, await factory.ReadLogsAsync());
    }

    [Fact]
    public async Task ShowsTheFormAgainWithEveryMistakeAndTheInputKeptButNotThePassword()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var form = new Form()
            .Set("UserName", "staf.baru")
            .Set("FullName", "Staf Baru")
            .Set("Nip", "1995 0101")
            .Set("Position", "Pengadministrasi Umum")
            .Set("PhoneNumber", "0812")
            .AddValue("Roles", Roles.Pelapor)
            .Set("Password", "lemah")
            .Set("ConfirmPassword", "lemah");

        using var response = await admin.PostFormAsync("/admin/pengguna/baru", form);

        var html = await HttpAssert.OkPageAsync(response);
        var text = WebPageHelpers.Text(html);
        Assert.Contains("NIP harus 18 digit", text);
        Assert.Contains("Nomor telepon tidak valid", text);
        Assert.Contains("OPD wajib dipilih untuk peran Staf OPD Pelapor.", text);
        Assert.Contains("Kata sandi awal minimal 12 karakter.", text);
        Assert.Equal("staf.baru", WebPageHelpers.InputValue(html, "UserName"));
        Assert.Equal("Staf Baru", WebPageHelpers.InputValue(html, "FullName"));
        Assert.Equal("1995 0101", WebPageHelpers.InputValue(html, "Nip"));
        Assert.Equal("Pengadministrasi Umum", WebPageHelpers.InputValue(html, "Position"));
        Assert.Equal("0812", WebPageHelpers.InputValue(html, "PhoneNumber"));
        Assert.Equal([Roles.Pelapor], WebPageHelpers.SelectedValues(html, "Roles"));
        Assert.Equal("", WebPageHelpers.InputValue(html, "Password"));
        Assert.Equal("", WebPageHelpers.InputValue(html, "ConfirmPassword"));
        Assert.Contains("is-invalid", WebPageHelpers.GetForm(html, "/admin/pengguna/baru"));
        Assert.Null(await factory.FindUserAsync("staf.baru"));
    }

    [Fact]
    public async Task RefusesAUserNameThatIsTakenAndKeepsTheInput()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var form = (await TechnicianAsync("kasi")).Set("Nip", null);

        using var response = await admin.PostFormAsync("/admin/pengguna/baru", form);

        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains("Nama pengguna 'kasi' sudah dipakai.", WebPageHelpers.Text(html));
        Assert.Equal("Andi Saputra, A.Md", WebPageHelpers.InputValue(html, "FullName"));
        Assert.Equal("Rudi Hartono, S.T", (await factory.FindUserAsync("kasi"))!.FullName);
    }

    [Fact]
    public async Task RefusesANipAnotherUserAlreadyHas()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var form = (await TechnicianAsync("nip.kembar")).Set("Nip", "19820914 200801 1 004"); // the Kasi's NIP

        using var response = await admin.PostFormAsync("/admin/pengguna/baru", form);

        Assert.Contains("NIP 19820914 200801 1 004 sudah dipakai oleh Rudi Hartono, S.T.",
            WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
        Assert.Null(await factory.FindUserAsync("nip.kembar"));
    }

    [Fact]
    public async Task RefusesAReporterForAnInactiveOpd()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        // A reporter for an inactive OPD: the validator passes, the service refuses.
        var opdId = await factory.OpdIdAsync("Dishub");
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.AppDbContext>();
            (await db.Opds.FindAsync(opdId))!.Deactivate();
            await db.SaveChangesAsync();
        });
        var form = (await TechnicianAsync("staf.dishub")).Set("OrgUnitId", null).Set("Roles", Roles.Pelapor)
            .Set("OpdId", TestData.Id(opdId));

        using var response = await admin.PostFormAsync("/admin/pengguna/baru", form);

        Assert.Contains("OPD yang dipilih tidak aktif.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
        Assert.Null(await factory.FindUserAsync("staf.dishub"));
    }

    [Fact]
    public async Task EditsTheFieldsAndTheRoles()
    {
        var (admin, id) = await CreateTechnicianAsync("budi.edit");
        using var _ = admin;
        var editPage = $"/admin/pengguna/{id}/ubah";
        var html = await admin.GetPageAsync(editPage);
        Assert.Equal([Roles.Teknisi], WebPageHelpers.SelectedValues(html, "Roles"));
        Assert.Equal("Andi Saputra, A.Md", WebPageHelpers.InputValue(html, "FullName"));
        var form = new Form()
            .Set("UserName", "budi.edit")
            .Set("FullName", "Budi Santoso, S.Kom")
            .Set("Nip", "")
            .Set("Position", "Petugas Pelayanan")
            .Set("PhoneNumber", "+62 813 7000 5555")
            .Set("Email", "")
            .Set("OrgUnitId", TestData.Id(await factory.UnitIdAsync(ReferenceData.AgencyName)))
            .AddValue("Roles", Roles.Teknisi)
            .AddValue("Roles", Roles.PetugasLayanan);

        using (var response = await admin.PostFormAsync(editPage, form))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/pengguna");
        }

        var user = (await factory.FindUserAsync("budi.edit"))!;
        Assert.Equal("Budi Santoso, S.Kom", user.FullName);
        Assert.Null(user.Nip);
        Assert.Null(user.Email);
        Assert.Equal("Petugas Pelayanan", user.Position);
        Assert.Equal("+6281370005555", user.PhoneNumber);
        Assert.Equal([Roles.PetugasLayanan, Roles.Teknisi], (await factory.RolesOfAsync("budi.edit")).Order());

        using (var response = await admin.PostFormAsync(editPage, form.Set("Roles", Roles.PetugasLayanan)))
        {
            await HttpAssert.RedirectsToAsync(response, "/admin/pengguna");
        }
        Assert.Equal([Roles.PetugasLayanan], await factory.RolesOfAsync("budi.edit"));
        Assert.Equal([Roles.PetugasLayanan], WebPageHelpers.SelectedValues(await admin.GetPageAsync(editPage), "Roles"));
    }

    [Fact]
    public async Task AnEditWithAMistakeIsShownAgainWithTheInputKept()
    {
        var (admin, id) = await CreateTechnicianAsync("citra.edit");
        using var _ = admin;
        var editPage = $"/admin/pengguna/{id}/ubah";
        var form = (await TechnicianAsync("citra.edit")).Set("FullName", "Citra Baru").Set("Email", "bukan-email")
            .Set("Password", null).Set("ConfirmPassword", null);

        using var response = await admin.PostFormAsync(editPage, form);

        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains("Alamat email tidak valid.", WebPageHelpers.Text(html));
        Assert.Equal("Citra Baru", WebPageHelpers.InputValue(html, "FullName"));
        Assert.Equal("bukan-email", WebPageHelpers.InputValue(html, "Email"));
        Assert.Equal("Andi Saputra, A.Md", (await factory.FindUserAsync("citra.edit"))!.FullName);
    }

    [Fact]
    public async Task DeactivationStopsSignInAndEndsSessionsAndReactivationRestoresIt()
    {
        var (admin, id) = await CreateTechnicianAsync("dedi.nonaktif");
        using var _ = admin;
        var editPage = $"/admin/pengguna/{id}/ubah";
        var stampBefore = (await factory.FindUserAsync("dedi.nonaktif"))!.SecurityStamp;

        using (var response = await admin.SubmitFormAsync(editPage, $"/admin/pengguna/{id}/nonaktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(response, editPage);
        }

        var user = (await factory.FindUserAsync("dedi.nonaktif"))!;
        Assert.False(user.IsActive);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.Contains("Pengguna dinonaktifkan.", WebPageHelpers.Text(await admin.GetPageAsync(editPage)));
        Assert.Contains("dedi.nonaktif", WebPageHelpers.Text(await admin.GetPageAsync("/admin/pengguna?status=nonaktif")));
        Assert.DoesNotContain("dedi.nonaktif", WebPageHelpers.Text(await admin.GetPageAsync("/admin/pengguna?status=aktif")));
        using (var session = WebSession.Create(factory))
        using (var login = await session.TryLoginAsync("dedi.nonaktif", InitialPassword))
        {
            Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(login)));
        }

        using (var response = await admin.SubmitFormAsync(editPage, $"/admin/pengguna/{id}/aktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(response, editPage);
        }

        Assert.True((await factory.FindUserAsync("dedi.nonaktif"))!.IsActive);
        using var again = WebSession.Create(factory);
        await again.LoginAsAsync("dedi.nonaktif", InitialPassword);
    }

    [Fact]
    public async Task TheAdministratorCannotDeactivateThemself()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var id = await factory.UserIdAsync("admin");
        var editPage = $"/admin/pengguna/{id}/ubah";
        var html = await admin.GetPageAsync(editPage);
        Assert.False(WebPageHelpers.HasForm(html, $"/admin/pengguna/{id}/nonaktifkan"));

        // Posting anyway (with a valid token) is refused by the service, not only hidden in the page.
        using (var response = await admin.PostWithTokenAsync($"/admin/pengguna/{id}/nonaktifkan", [],
                   WebPageHelpers.GetRequestVerificationToken(html, $"/admin/pengguna/{id}/ubah")))
        {
            await HttpAssert.RedirectsToAsync(response, editPage);
        }

        Assert.Contains(UserAdminService.CannotDeactivateSelfMessage, WebPageHelpers.Text(await admin.GetPageAsync(editPage)));
        Assert.True((await factory.FindUserAsync("admin"))!.IsActive);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/pengguna")).StatusCode);
    }

    [Fact]
    public async Task TheAdministratorCannotRemoveTheirOwnAdministratorRole()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var id = await factory.UserIdAsync("admin");
        var editPage = $"/admin/pengguna/{id}/ubah";
        var form = new Form()
            .Set("UserName", "admin")
            .Set("FullName", "Administrator Sistem")
            .Set("OrgUnitId", TestData.Id(await factory.UnitIdAsync(ReferenceData.AgencyName)))
            .AddValue("Roles", Roles.Teknisi);

        using var response = await admin.PostFormAsync(editPage, form);

        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains(UserAdminService.CannotDropOwnAdministratorMessage, WebPageHelpers.Text(html));
        Assert.Equal([Roles.Teknisi], WebPageHelpers.SelectedValues(html, "Roles"));
        Assert.Equal([Roles.Administrator], await factory.RolesOfAsync("admin"));
    }

    [Fact]
    public async Task TheAdministratorMayAddARoleToTheirOwnAccountAndSeesItAtOnce()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var id = await factory.UserIdAsync("admin");
        var editPage = $"/admin/pengguna/{id}/ubah";
        var form = new Form()
            .Set("UserName", "admin")
            .Set("FullName", "Administrator Sistem")
            .Set("Position", "Administrator Sistem")
            .Set("OrgUnitId", TestData.Id(await factory.UnitIdAsync(ReferenceData.AgencyName)))
            .AddValue("Roles", Roles.Administrator)
            .AddValue("Roles", Roles.PetugasLayanan);
        try
        {
            using (var response = await admin.PostFormAsync(editPage, form))
            {
                await HttpAssert.RedirectsToAsync(response, "/admin/pengguna");
            }

            Assert.Contains("Peran: Petugas Layanan, Administrator", WebPageHelpers.Text(await admin.GetPageAsync("/")));
        }
        finally
        {
            using var restore = await admin.PostFormAsync(editPage, form.Set("Roles", Roles.Administrator));
        }
    }

    [Fact]
    public async Task AUnitHeadCannotBeDeactivatedBeforeTheUnitHasAnotherHead()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var id = await factory.UserIdAsync("kabid.ikp");
        var editPage = $"/admin/pengguna/{id}/ubah";

        using (var response = await admin.SubmitFormAsync(editPage, $"/admin/pengguna/{id}/nonaktifkan", []))
        {
            await HttpAssert.RedirectsToAsync(response, editPage);
        }

        Assert.Contains($"masih menjadi kepala {ReferenceData.BidangKomunikasi}", WebPageHelpers.Text(await admin.GetPageAsync(editPage)));
        Assert.True((await factory.FindUserAsync("kabid.ikp"))!.IsActive);
    }

    [Fact]
    public async Task ResetsAPasswordSoOnlyTheNewOneWorks()
    {
        var (admin, id) = await CreateTechnicianAsync("eka.reset");
        using var _ = admin;
        const string newPassword = "BaruDariAdmin#2026";
        var resetPage = $"/admin/pengguna/{id}/kata-sandi";

        using (var weak = await admin.PostFormAsync(resetPage, new Form().Set("NewPassword", "pendek").Set("ConfirmPassword", "pendek")))
        {
            var html = await HttpAssert.OkPageAsync(weak);
            Assert.Contains("Kata sandi baru minimal 12 karakter.", WebPageHelpers.Text(html));
            Assert.Equal("", WebPageHelpers.InputValue(html, "NewPassword"));
        }
        using (var response = await admin.PostFormAsync(resetPage, new Form().Set("NewPassword", newPassword).Set("ConfirmPassword", newPassword)))
        {
            await HttpAssert.RedirectsToAsync(response, $"/admin/pengguna/{id}/ubah");
        }

        using var session = WebSession.Create(factory);
        using (var old = await session.TryLoginAsync("eka.reset", InitialPassword))
        {
            Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(old)));
        }
        await session.LoginAsAsync("eka.reset", newPassword);
        Assert.DoesNotContain(newPassword, await factory.ReadLogsAsync());
    }

    [Fact]
    public async Task SearchesByNameOrNipAndFiltersByRole()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        var byName = WebPageHelpers.Text(await admin.GetPageAsync("/admin/pengguna?q=rudi"));
        Assert.Contains("Rudi Hartono, S.T", byName);
        Assert.DoesNotContain("Rina Marlina", byName);

        var byNip = WebPageHelpers.Text(await admin.GetPageAsync("/admin/pengguna?q=" + Uri.EscapeDataString("19900315 2015")));
        Assert.Contains("Rina Marlina", byNip);
        Assert.DoesNotContain("Rudi Hartono", byNip);

        var reporters = await admin.GetPageAsync("/admin/pengguna?role=Pelapor");
        Assert.Contains("data-user=\"pelapor\"", reporters);
        Assert.Contains("data-user=\"pelapor.dinkes\"", reporters);
        Assert.DoesNotContain("data-user=\"kasi\"", reporters);
        Assert.Equal([Roles.Pelapor], WebPageHelpers.SelectedValues(reporters, "role"));

        var nobody = WebPageHelpers.Text(await admin.GetPageAsync("/admin/pengguna?q=" + Uri.EscapeDataString("100%")));
        Assert.Contains("Tidak ada pengguna yang cocok.", nobody);
    }

    [Fact]
    public async Task PagesTheListTwentyUsersAtATime()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            for (var i = 1; i <= 25; i++)
            {
                var name = $"massal{i:00}";
                if (await users.FindByNameAsync(name) is null)
                    await users.CreateAsync(new AppUser { UserName = name, FullName = $"Zulkifli Massal {i:00}" });
            }
        });
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var total = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users));

        var first = await admin.GetPageAsync("/admin/pengguna");
        var last = await admin.GetPageAsync("/admin/pengguna?page=" + ((total + 19) / 20));

        Assert.Equal(20, CountRows(first));
        Assert.Equal(total - (((total + 19) / 20) - 1) * 20, CountRows(last));
        Assert.Contains("href=\"/admin/pengguna?page=2\"", first);
        Assert.Contains("Zulkifli Massal 25", WebPageHelpers.Text(last));
        Assert.Contains($"dari {total} pengguna", WebPageHelpers.Text(first));
    }

    private static int CountRows(string html) => html.Split("<tr data-user=", StringSplitOptions.None).Length - 1;
}
