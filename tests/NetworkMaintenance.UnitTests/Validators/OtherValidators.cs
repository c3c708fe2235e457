using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Features.Plh;
using NetworkMaintenance.Web.Features.PublicPages;
using static NetworkMaintenance.UnitTests.Validators.ValidationAssert;

namespace NetworkMaintenance.UnitTests.Validators;

public sealed class TwoFactorValidatorRules
{
    [Theory]
    [InlineData("123456", true)]
    [InlineData("123 456", true)]
    [InlineData("123-456", true)]
    [InlineData("12345", false)]
    [InlineData("12345a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void EnablingTakesASixDigitCode(string? code, bool valid)
    {
        var result = new EnableAuthenticatorInputValidator().Validate(new EnableAuthenticatorInput { Code = code });
        if (valid) Valid(result);
        else OnlyFails(result, "Code", "6 angka");
    }

    [Theory]
    [InlineData("", "Kode verifikasi wajib diisi.")]
    [InlineData("12 34", "6 angka")]
    public void SigningInTakesASixDigitCode(string code, string message)
    {
        var validator = new LoginWithTwoFactorInputValidator();
        var result = validator.Validate(new LoginWithTwoFactorInput { Code = code });
        OnlyFails(result, "Code", message);
        // An empty code gets one message, not both.
        Assert.Single(result.Errors);
        Valid(validator.Validate(new LoginWithTwoFactorInput { Code = "654 321" }));
    }

    [Fact]
    public void ARecoveryCodeIsRequiredAndShort()
    {
        var validator = new LoginWithRecoveryCodeInputValidator();
        OnlyFails(validator.Validate(new LoginWithRecoveryCodeInput()), "RecoveryCode", "wajib diisi");
        OnlyFails(validator.Validate(new LoginWithRecoveryCodeInput { RecoveryCode = new string('a', 51) }), "RecoveryCode", "terlalu panjang");
        Valid(validator.Validate(new LoginWithRecoveryCodeInput { RecoveryCode = "ab12c-3de4f" }));
    }

    [Fact]
    public void DisablingAsksForThePassword()
    {
        var validator = new DisableTwoFactorInputValidator();
        OnlyFails(validator.Validate(new DisableTwoFactorInput()), "Password", "wajib diisi");
        OnlyFails(validator.Validate(new DisableTwoFactorInput { Password = new string('p', 201) }), "Password", "terlalu panjang");
        Valid(validator.Validate(new DisableTwoFactorInput { Password = "Rahasia#2026" }));
    }
}

public sealed class AppointPlhInputValidatorRules
{
    private readonly AppointPlhInputValidator _validator = new();

    private static AppointPlhInput Appointment(int days) => new()
    {
        ActingUserId = "kasi-id",
        StartDate = new DateOnly(2026, 12, 1),
        EndDate = new DateOnly(2026, 12, 1).AddDays(days),
        Reason = "Cuti tahunan",
    };

    [Fact]
    public void AcceptsUpTo90Days()
    {
        Valid(_validator.Validate(Appointment(0)));
        Valid(_validator.Validate(Appointment(90)));
        Assert.Contains(_validator.Validate(Appointment(91)).Errors, e => e.ErrorMessage == "Masa Plh. paling lama 90 hari.");
    }

    [Fact]
    public void TheEndIsNotBeforeTheStart() =>
        OnlyFails(_validator.Validate(Appointment(-1)), "EndDate", "tidak boleh sebelum tanggal mulai");

    [Fact]
    public void RequiresThePersonAndBothDates()
    {
        var result = _validator.Validate(new AppointPlhInput());
        Assert.Equal(["ActingUserId", "EndDate", "StartDate"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }
}

public sealed class AuditQueryValidatorRules
{
    private readonly AuditQueryValidator _validator = new();

    [Fact]
    public void AnEmptyQueryIsValid() => Valid(_validator.Validate(new AuditQuery()));

    [Fact]
    public void TheRangeEndsAfterItStarts()
    {
        OnlyFails(_validator.Validate(new AuditQuery { From = new DateOnly(2026, 12, 2), To = new DateOnly(2026, 12, 1) }),
            "To", "Tanggal akhir tidak boleh sebelum tanggal awal.");
        Valid(_validator.Validate(new AuditQuery { From = new DateOnly(2026, 12, 1), To = new DateOnly(2026, 12, 1) }));
    }

    [Fact]
    public void TheEventTypeIsAKnownCodeOrTheWorkflowPrefix()
    {
        Valid(_validator.Validate(new AuditQuery { EventType = AuditEvents.All[0].Code }));
        Valid(_validator.Validate(new AuditQuery { EventType = AuditEvents.WorkflowPrefix }));
        OnlyFails(_validator.Validate(new AuditQuery { EventType = "no.such.event" }), "EventType", "Jenis kejadian tidak dikenal.");
    }

    [Fact]
    public void SearchTextsHaveLimits()
    {
        OnlyFails(_validator.Validate(new AuditQuery { Q = new string('q', 201) }), "Q", "maksimal 200");
        OnlyFails(_validator.Validate(new AuditQuery { Actor = new string('p', 257) }), "Actor", "maksimal 256");
    }
}

public sealed class ComplaintInputValidatorRules
{
    private readonly ComplaintInputValidator _validator = new();

    private static ComplaintInput Complaint() => new()
    {
        Name = "Budi",
        Phone = "0812 6000 1234",
        Text = "Petugas belum datang sejak kemarin.",
        FormToken = new string('a', 32),
    };

    [Fact]
    public void AcceptsAComplaintWithAPhone() => Valid(_validator.Validate(Complaint()));

    [Fact]
    public void NeedsAPhoneOrAnEmail()
    {
        var input = Complaint();
        input.Phone = null;
        OnlyFails(_validator.Validate(input), "Phone", "Cantumkan nomor telepon atau email");
        input.Email = "budi@example.org";
        Valid(_validator.Validate(input));
        input.Email = "bukan-email";
        OnlyFails(_validator.Validate(input), "Email", "Alamat email tidak valid.");
    }

    [Fact]
    public void RefusesABadPhone()
    {
        var input = Complaint();
        input.Phone = "12";
        OnlyFails(_validator.Validate(input), "Phone", "Nomor telepon tidak valid");
    }

    [Fact]
    public void RefusesAShortTextAndAMissingFormToken()
    {
        var input = Complaint();
        input.Text = "Lambat";
        input.FormToken = "";
        Assert.Equal(["FormToken", "Text"], _validator.Validate(input).Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
    }
}

public sealed class DocumentSettingsInputValidatorRules
{
    private readonly DocumentSettingsInputValidator _validator = new();

    private static DocumentSettingsInput Settings() => new()
    {
        Government = "Pemerintah Kota Tebing Tinggi",
        AgencyName = "Dinas Komunikasi dan Informatika",
        Address = "Jl. Sutomo No. 14",
        City = "Tebing Tinggi",
        Email = "diskominfo@tebingtinggikota.go.id",
        DispositionSheetPattern = DocumentNumberPattern.Default(DocumentType.DispositionSheet),
        ReplacementRequestBaPattern = DocumentNumberPattern.Default(DocumentType.ReplacementRequestBa),
        WorkBaPattern = DocumentNumberPattern.Default(DocumentType.WorkBa),
        WorkReportPattern = DocumentNumberPattern.Default(DocumentType.WorkReport),
    };

    [Fact]
    public void AcceptsTheDefaults() => Valid(_validator.Validate(Settings()));

    [Fact]
    public void RequiresTheLetterheadTexts()
    {
        var input = Settings();
        input.Government = "";
        input.AgencyName = null;
        input.Address = " ";
        input.City = "";
        Assert.Equal(["Address", "AgencyName", "City", "Government"],
            _validator.Validate(input).Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Letter", null, null)]
    [InlineData(null, "Comic", null)]
    [InlineData(null, null, "1")]
    public void RefusesAChoiceNotInTheList(string? paper, string? font, string? pageNumbers)
    {
        var input = Settings();
        if (paper is not null) input.Paper = paper;
        if (font is not null) input.Font = font;
        if (pageNumbers is not null) input.PageNumbers = pageNumbers;
        var failing = Assert.Single(_validator.Validate(input).Errors);
        Assert.Equal(paper is not null ? "Paper" : font is not null ? "Font" : "PageNumbers", failing.PropertyName);
    }

    [Fact]
    public void MarginsAndTheBodySizeStayInRange()
    {
        var input = Settings();
        input.MarginLeftMm = 9;
        input.BodySizePt = 13;
        Assert.Equal(["BodySizePt", "MarginLeftMm"], _validator.Validate(input).Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ANumberPatternWithoutTheRunningNumberIsRefusedUnderItsField()
    {
        var input = Settings();
        input.WorkBaPattern = "000.8.3.3/BA-PK/Diskominfo/{year}";
        var failure = Assert.Single(_validator.Validate(input).Errors);
        Assert.Equal(DocumentSettingsInput.PatternField(DocumentType.WorkBa), failure.PropertyName);
    }
}
