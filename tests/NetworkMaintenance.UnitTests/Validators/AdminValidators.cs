using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Features.Admin.Opds;
using NetworkMaintenance.Web.Features.Admin.Units;
using NetworkMaintenance.Web.Features.Admin.Users;
using static NetworkMaintenance.UnitTests.Validators.ValidationAssert;

namespace NetworkMaintenance.UnitTests.Validators;

public sealed class UserInputValidatorRules
{
    private readonly UserInputValidator _validator = new();

    internal static T Technician<T>() where T : UserInput, new() => new()
    {
        UserName = "teknisi.baru",
        FullName = "Andi Saputra, A.Md",
        Nip = "19950101 202012 1 003",
        Position = "Teknisi Jaringan",
        PhoneNumber = "0812 6000 1234",
        Email = "andi@tebingtinggikota.go.id",
        OrgUnitId = 4,
        Roles = [Roles.Teknisi],
    };

    [Fact]
    public void AcceptsACompleteTechnician() => Valid(_validator.Validate(Technician<UserInput>()));

    [Fact]
    public void AcceptsAReporterWithOnlyTheRequiredFields() => Valid(_validator.Validate(new UserInput
    {
        UserName = "staf.bkd", FullName = "Staf BKD", OpdId = 6, Roles = [Roles.Pelapor],
    }));

    [Theory]
    [InlineData("", "Nama pengguna wajib diisi.")]
    [InlineData("ab", "minimal 3 karakter")]
    [InlineData("nama pengguna", "tanpa spasi")]
    [InlineData("rudi#hartono", "hanya boleh berisi")]
    public void RefusesABadUserName(string userName, string message)
    {
        var input = Technician<UserInput>();
        input.UserName = userName;
        OnlyFails(_validator.Validate(input), "UserName", message);
    }

    [Fact]
    public void RefusesAUserNameLongerThan64Characters()
    {
        var input = Technician<UserInput>();
        input.UserName = new string('a', 65);
        OnlyFails(_validator.Validate(input), "UserName", "maksimal 64 karakter");
    }

    [Fact]
    public void RequiresTheFullName()
    {
        var input = Technician<UserInput>();
        input.FullName = " ";
        OnlyFails(_validator.Validate(input), "FullName", "Nama lengkap wajib diisi.");
    }

    [Theory]
    [InlineData("19950101 202012 1 003")]
    [InlineData("199501012020121003")]
    [InlineData("19950101.202012.1.003")]
    [InlineData("")]
    [InlineData(null)]
    public void AcceptsANipTypedWithSpacesOrDotsOrNoNipAtAll(string? nip)
    {
        var input = Technician<UserInput>();
        input.Nip = nip;
        Valid(_validator.Validate(input));
    }

    [Theory]
    [InlineData("1995010120201210")] // 16 digits
    [InlineData("19951301 202012 1 003")] // month 13
    [InlineData("NIP 19950101202012")]
    public void RefusesAnInvalidNip(string nip)
    {
        var input = Technician<UserInput>();
        input.Nip = nip;
        OnlyFails(_validator.Validate(input), "Nip", "NIP harus 18 digit");
    }

    [Theory]
    [InlineData("0812345")]
    [InlineData("telepon kantor")]
    public void RefusesAnInvalidPhoneNumber(string phone)
    {
        var input = Technician<UserInput>();
        input.PhoneNumber = phone;
        OnlyFails(_validator.Validate(input), "PhoneNumber", "Nomor telepon tidak valid");
    }

    [Fact]
    public void RefusesAnInvalidEmail()
    {
        var input = Technician<UserInput>();
        input.Email = "andi.tebingtinggikota.go.id";
        OnlyFails(_validator.Validate(input), "Email", "Alamat email tidak valid.");
    }

    [Fact]
    public void RequiresAtLeastOneRole()
    {
        var input = Technician<UserInput>();
        input.Roles = [];
        OnlyFails(_validator.Validate(input), "Roles", "Pilih sedikitnya satu peran.");
    }

    [Fact]
    public void RefusesAnUnknownRole()
    {
        var input = Technician<UserInput>();
        input.Roles = [Roles.Teknisi, "SuperAdmin"];
        OnlyFails(_validator.Validate(input), "Roles", "tidak dikenal");
    }

    [Fact]
    public void RequiresAnOpdForAReporter()
    {
        var input = Technician<UserInput>();
        input.Roles = [Roles.Pelapor];
        input.OpdId = null;
        OnlyFails(_validator.Validate(input), "OpdId", "OPD wajib dipilih untuk peran Staf OPD Pelapor.");
    }

    [Theory]
    [InlineData(Roles.PetugasLayanan)]
    [InlineData(Roles.KepalaDinas)]
    [InlineData(Roles.KepalaBidang)]
    [InlineData(Roles.KepalaSeksi)]
    [InlineData(Roles.Teknisi)]
    public void RequiresAUnitForFrontDeskOfficialsAndTechnicians(string role)
    {
        var input = Technician<UserInput>();
        input.Roles = [role];
        input.OrgUnitId = null;
        OnlyFails(_validator.Validate(input), "OrgUnitId", "Unit organisasi wajib dipilih");
    }

    [Fact]
    public void NeedsNeitherOpdNorUnitForAnAdministrator() => Valid(_validator.Validate(new UserInput
    {
        UserName = "admin2", FullName = "Admin Kedua", Roles = [Roles.Administrator],
    }));
}

public sealed class CreateUserInputValidatorRules
{
    private readonly CreateUserInputValidator _validator = new();

    private static CreateUserInput Input(string password = "Awal#2026abc", string? confirm = null)
    {
        var input = UserInputValidatorRules.Technician<CreateUserInput>();
        input.Password = password;
        input.ConfirmPassword = confirm ?? password;
        return input;
    }

    [Fact]
    public void AcceptsAPasswordThatMeetsThePolicy() => Valid(_validator.Validate(Input()));

    [Fact]
    public void AppliesTheUserFieldRulesToo()
    {
        var input = Input();
        input.Nip = "123";
        OnlyFails(_validator.Validate(input), "Nip", "NIP harus 18 digit");
    }

    [Theory]
    [InlineData("", "Kata sandi awal wajib diisi.")]
    [InlineData("Pendek1A", "minimal 12 karakter")]
    [InlineData("semuakecil2026", "huruf besar")]
    [InlineData("SEMUABESAR2026", "huruf kecil")]
    [InlineData("TanpaAngkaSama", "angka")]
    public void RefusesAPasswordThatBreaksThePolicy(string password, string message) =>
        OnlyFails(_validator.Validate(Input(password)), "Password", message);

    [Fact]
    public void RefusesAConfirmationThatDiffers() =>
        OnlyFails(_validator.Validate(Input(confirm: "Lain#2026abc")), "ConfirmPassword", "Konfirmasi kata sandi tidak sama");
}

public sealed class ResetPasswordInputValidatorRules
{
    private readonly ResetPasswordInputValidator _validator = new();

    [Fact]
    public void AcceptsAPasswordThatMeetsThePolicy() =>
        Valid(_validator.Validate(new ResetPasswordInput { NewPassword = "Reset#2026abc", ConfirmPassword = "Reset#2026abc" }));

    [Fact]
    public void RefusesAWeakPassword() =>
        OnlyFails(_validator.Validate(new ResetPasswordInput { NewPassword = "lemah", ConfirmPassword = "lemah" }),
            "NewPassword", "Kata sandi baru minimal 12 karakter.");

    [Fact]
    public void RefusesAConfirmationThatDiffers() =>
        OnlyFails(_validator.Validate(new ResetPasswordInput { NewPassword = "Reset#2026abc", ConfirmPassword = "Reset#2026abd" }),
            "ConfirmPassword", "Konfirmasi kata sandi tidak sama");
}

public sealed class OpdInputValidatorRules
{
    private readonly OpdInputValidator _validator = new();

    private static OpdInput Input() => new()
    {
        Name = "Dinas Pariwisata",
        ShortName = "Dispar",
        Address = "Jl. Sudirman No. 1, Tebing Tinggi",
        Phone = "(0621) 325203",
        Email = "dispar@tebingtinggikota.go.id",
    };

    [Fact]
    public void AcceptsACompleteOpd() => Valid(_validator.Validate(Input()));

    [Fact]
    public void AcceptsAnOpdWithOnlyItsName() => Valid(_validator.Validate(new OpdInput { Name = "Inspektorat" }));

    [Fact]
    public void RequiresTheName()
    {
        var input = Input();
        input.Name = "";
        OnlyFails(_validator.Validate(input), "Name", "Nama OPD wajib diisi.");
    }

    [Fact]
    public void RefusesANameLongerThan200Characters()
    {
        var input = Input();
        input.Name = new string('x', 201);
        OnlyFails(_validator.Validate(input), "Name", "maksimal 200 karakter");
    }

    [Fact]
    public void RefusesAShortNameLongerThan60Characters()
    {
        var input = Input();
        input.ShortName = new string('x', 61);
        OnlyFails(_validator.Validate(input), "ShortName", "maksimal 60 karakter");
    }

    [Fact]
    public void RefusesAnInvalidPhoneNumber()
    {
        var input = Input();
        input.Phone = "325203";
        OnlyFails(_validator.Validate(input), "Phone", "Nomor telepon tidak valid");
    }

    [Fact]
    public void RefusesAnInvalidEmail()
    {
        var input = Input();
        input.Email = "dispar@";
        OnlyFails(_validator.Validate(input), "Email", "Alamat email tidak valid.");
    }
}

public sealed class OrgUnitInputValidatorRules
{
    private readonly OrgUnitInputValidator _validator = new();

    [Fact]
    public void AcceptsADinasWithoutParent() =>
        Valid(_validator.Validate(new OrgUnitInput { Name = "Dinas Komunikasi dan Informatika", Kind = OrgUnitKind.Dinas }));

    [Theory]
    [InlineData(OrgUnitKind.Bidang)]
    [InlineData(OrgUnitKind.Seksi)]
    public void AcceptsABidangOrSeksiWithAParent(OrgUnitKind kind) =>
        Valid(_validator.Validate(new OrgUnitInput { Name = "Unit", Kind = kind, ParentId = 1, HeadUserId = "u1" }));

    [Fact]
    public void RequiresTheName() =>
        OnlyFails(_validator.Validate(new OrgUnitInput { Name = "", Kind = OrgUnitKind.Dinas }), "Name", "Nama unit wajib diisi.");

    [Fact]
    public void RequiresTheKind() =>
        OnlyFails(_validator.Validate(new OrgUnitInput { Name = "Unit", ParentId = 1 }), "Kind", "Jenis unit wajib dipilih.");

    [Fact]
    public void RefusesAnUnknownKind() =>
        OnlyFails(_validator.Validate(new OrgUnitInput { Name = "Unit", Kind = (OrgUnitKind)9, ParentId = 1 }), "Kind", "tidak dikenal");

    [Fact]
    public void RefusesADinasWithAParent() =>
        OnlyFails(_validator.Validate(new OrgUnitInput { Name = "Dinas", Kind = OrgUnitKind.Dinas, ParentId = 1 }),
            "ParentId", "Unit berjenis Dinas tidak memiliki unit induk.");

    [Fact]
    public void RefusesABidangWithoutParent() =>
        OnlyFails(_validator.Validate(new OrgUnitInput { Name = "Bidang", Kind = OrgUnitKind.Bidang }),
            "ParentId", "Bidang harus berada di bawah Dinas");

    [Fact]
    public void RefusesASeksiWithoutParent() =>
        OnlyFails(_validator.Validate(new OrgUnitInput { Name = "Seksi", Kind = OrgUnitKind.Seksi }),
            "ParentId", "Seksi harus berada di bawah sebuah Bidang");
}
