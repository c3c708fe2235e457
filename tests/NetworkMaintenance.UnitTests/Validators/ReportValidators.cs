using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Reports;
using static NetworkMaintenance.UnitTests.Validators.ValidationAssert;

namespace NetworkMaintenance.UnitTests.Validators;

public sealed class NewReportInputValidatorRules
{
    private readonly NewReportInputValidator _validator = new();

    private static NewReportInput Report() => new()
    {
        OpdId = 6,
        ReporterName = "Rina Marlina",
        ReporterNip = "19860926 201505 2 001",
        ReporterPhone = "0812 6000 1234",
        ReporterEmail = "rina@tebingtinggikota.go.id",
        Channel = ReportChannel.Web,
        Location = "Kantor BKD, lantai 2, ruang arsip",
        Category = FaultCategory.NoInternet,
        Description = "Internet mati sejak pagi di seluruh ruangan.",
    };

    [Fact]
    public void AcceptsACompleteReport() => Valid(_validator.Validate(Report()));

    [Fact]
    public void RequiresTheOpd()
    {
        var input = Report();
        input.OpdId = null;
        OnlyFails(_validator.Validate(input), "OpdId", "OPD pelapor wajib dipilih.");
    }

    [Theory]
    [InlineData("", "wajib diisi")]
    [InlineData("0812", "tidak valid")]
    public void RefusesAMissingOrBadPhone(string phone, string message)
    {
        var input = Report();
        input.ReporterPhone = phone;
        OnlyFails(_validator.Validate(input), "ReporterPhone", message);
    }

    [Fact]
    public void RefusesAnNipWithAnImpossibleBirthDate()
    {
        var input = Report();
        input.ReporterNip = "19861326 201505 2 001";
        OnlyFails(_validator.Validate(input), "ReporterNip", "NIP harus 18 digit");
    }

    [Fact]
    public void RefusesAShortDescription()
    {
        var input = Report();
        input.Description = "Mati";
        OnlyFails(_validator.Validate(input), "Description", "minimal 10 karakter");
    }

    [Fact]
    public void RefusesAnUnknownCategory()
    {
        var input = Report();
        input.Category = (FaultCategory)999;
        OnlyFails(_validator.Validate(input), "Category", "tidak dikenal");
    }

    [Fact]
    public void TheFrontDeskCannotRecordAWebReport()
    {
        var input = Report();
        input.OnBehalf = true;
        OnlyFails(_validator.Validate(input), "Channel", "Petugas layanan mencatat laporan");
        input.Channel = ReportChannel.Phone;
        Valid(_validator.Validate(input));
    }

    [Fact]
    public void ALetterNeedsItsNumberAndDate()
    {
        var input = Report();
        input.Channel = ReportChannel.Letter;
        var result = _validator.Validate(input);
        Assert.Equal(["LetterDate", "LetterNumber"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        input.LetterNumber = "005/123/BKD/2026";
        input.LetterDate = new DateOnly(2026, 11, 30);
        Valid(_validator.Validate(input));
    }

    [Fact]
    public void AWalkInNeedsTheGuestBookEntry()
    {
        var input = Report();
        input.Channel = ReportChannel.WalkIn;
        var result = _validator.Validate(input);
        Assert.Equal(["GuestIdentityNumber", "GuestIdentityType", "GuestName", "GuestPurpose", "GuestTimeIn"],
            result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));

        input.GuestName = "Budi";
        input.GuestIdentityType = IdentityType.Ktp;
        input.GuestIdentityNumber = "1276012345670001";
        input.GuestPurpose = "Melaporkan gangguan jaringan";
        input.GuestTimeIn = new DateTime(2026, 11, 30, 9, 0, 0);
        Valid(_validator.Validate(input));

        input.GuestTimeOut = new DateTime(2026, 11, 30, 8, 59, 0);
        OnlyFails(_validator.Validate(input), "GuestTimeOut", "Jam keluar tidak boleh sebelum jam masuk.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    public void AFormTokenIfGivenHas32Characters(string token)
    {
        var input = Report();
        input.FormToken = token;
        if (token.Length == 0) Valid(_validator.Validate(input));
        else OnlyFails(_validator.Validate(input), "FormToken", "Formulir kedaluwarsa");
    }
}

public sealed class StepInputFormValidatorRules
{
    private readonly StepInputFormValidator _validator = new();

    private static StepInputForm Form(StepInput inputs) => new() { Requirements = new StepRequirements(inputs, ReplacedDevices: false), Version = Guid.NewGuid() };

    [Fact]
    public void AStepWithoutInputsAcceptsAnEmptyForm() => Valid(_validator.Validate(Form(StepInput.None)));

    [Fact]
    public void AReasonIsRequiredOnlyWhenTheStepAsksForIt()
    {
        Assert.Contains("Reason", _validator.Validate(Form(StepInput.Reason)).Errors.Select(e => e.PropertyName));
        Valid(_validator.Validate(Form(StepInput.None)));
        var form = Form(StepInput.Reason);
        form.Reason = "Bukan gangguan jaringan.";
        Valid(_validator.Validate(form));
    }

    [Fact]
    public void TextsHaveAnUpperLimitWhateverTheStep()
    {
        var form = Form(StepInput.None);
        form.Note = new string('a', 2001);
        OnlyFails(_validator.Validate(form), "Note", "maksimal 2000");
    }

    [Fact]
    public void ADispositionNeedsItsTargetAndAnInstructionOrANote()
    {
        var form = Form(StepInput.Kabid | StepInput.Instructions);
        var result = _validator.Validate(form);
        Assert.Equal(["Instructions", "TargetUserId"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));

        form.TargetUserId = "kabid-id";
        form.Note = "Segera tangani.";
        Valid(_validator.Validate(form));
        form.Note = null;
        form.Instructions = [StandardInstruction.UntukDiketahui];
        Valid(_validator.Validate(form));
        form.Instructions = [(StandardInstruction)999];
        Assert.Contains(_validator.Validate(form).Errors, e => e.PropertyName.StartsWith("Instructions", StringComparison.Ordinal));
    }

    [Fact]
    public void ATeamNeedsALeadChosenAmongIt()
    {
        var form = Form(StepInput.Technicians);
        OnlyFails(_validator.Validate(form), "TechnicianIds", "Pilih sedikitnya satu staf");

        form.TechnicianIds = ["t1"];
        Valid(_validator.Validate(form));

        form.TechnicianIds = ["t1", "t2"];
        OnlyFails(_validator.Validate(form), "LeadUserId", "Pilih ketua tim");

        form.LeadUserId = "t3";
        OnlyFails(_validator.Validate(form), "LeadUserId", "harus salah satu staf");

        form.LeadUserId = "t2";
        Valid(_validator.Validate(form));
    }

    [Fact]
    public void ADiagnosisNeedsTypeLocationAndFindings()
    {
        var form = Form(StepInput.Diagnosis);
        Assert.Equal(["FaultLocation", "FaultType", "Findings"],
            _validator.Validate(form).Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        form.FaultType = "Kabel putus";
        form.FaultLocation = "Ruang server";
        form.Findings = "Kabel UTP digigit tikus.";
        Valid(_validator.Validate(form));
    }

    [Fact]
    public void AnInspectionNeedsTheVisitTime()
    {
        var form = Form(StepInput.Inspection);
        form.Findings = "Switch mati.";
        OnlyFails(_validator.Validate(form), "VisitedAt", "Waktu kunjungan");
    }

    [Fact]
    public void AReplacementRequestNeedsAtLeastOneValidDevice()
    {
        var form = Form(StepInput.ReplacementDevices);
        form.Devices = [new DeviceRow()]; // an empty row is ignored
        OnlyFails(_validator.Validate(form), "FilledDevices", "sedikitnya satu perangkat");

        form.Devices = [new DeviceRow { Name = "Switch", Condition = null }];
        Assert.Contains(_validator.Validate(form).Errors, e => e.ErrorMessage.Contains("Kondisi perangkat wajib dipilih", StringComparison.Ordinal));

        form.Devices = [new DeviceRow { Name = "Switch", Condition = 0 /* the first condition, whatever its name */ }];
        Valid(_validator.Validate(form));
    }

    [Fact]
    public void AWorkReportNeedsTheActionsAndANewSerialForEveryReplacedDevice()
    {
        var form = Form(StepInput.WorkReport);
        OnlyFails(_validator.Validate(form), "ActionsTaken", "Uraian tindakan");

        form.ActionsTaken = "Mengganti kabel.";
        form.ReplacedDevices = [new DeviceRow { Name = "Switch", Condition = 0 /* the first condition, whatever its name */, SerialNumber = "OLD1" }];
        Assert.Contains(_validator.Validate(form).Errors, e => e.ErrorMessage.Contains("Nomor seri perangkat pengganti wajib diisi", StringComparison.Ordinal));

        form.ReplacedDevices[0].NewSerialNumber = "NEW1";
        Valid(_validator.Validate(form));
    }

    [Fact]
    public void ReplacedDevicesAreDemandedOnlyWhenTheReportRequiresThem()
    {
        var form = Form(StepInput.WorkReport);
        form.ActionsTaken = "Mengganti switch.";
        Valid(_validator.Validate(form));

        form.Requirements = new StepRequirements(StepInput.WorkReport, ReplacedDevices: true);
        OnlyFails(_validator.Validate(form), "FilledReplacedDevices", ReportMessages.ReplacedDevicesRequired);
    }

    [Fact]
    public void ASignatureMustBeAPngDataUrl()
    {
        var form = Form(StepInput.Signature);
        Assert.Equal(["SignatureDataUrl", "SignerName"],
            _validator.Validate(form).Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));

        form.SignerName = "Rina";
        form.SignatureDataUrl = "data:image/svg+xml;base64,PHN2Zz4=";
        OnlyFails(_validator.Validate(form), "SignatureDataUrl", "Tanda tangan tidak terbaca");

        form.SignatureDataUrl = StepInputFormValidator.SignaturePrefix + "iVBORw0KGgo=";
        Valid(_validator.Validate(form));
    }
}

public sealed class DeviceRowValidatorRules
{
    [Fact]
    public void NameAndConditionAreRequired()
    {
        var result = new DeviceRowValidator(requireNewSerial: false).Validate(new DeviceRow { SerialNumber = "SN1" });
        Assert.Equal(["Condition", "Name"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheNewSerialIsRequiredOnlyForAReplacedDevice()
    {
        var row = new DeviceRow { Name = "Access point", Condition = 0 };
        Valid(new DeviceRowValidator(requireNewSerial: false).Validate(row));
        OnlyFails(new DeviceRowValidator(requireNewSerial: true).Validate(row), "NewSerialNumber", "Nomor seri perangkat pengganti");
    }

    [Fact]
    public void RefusesOverlongTextsAndAnUnknownCondition()
    {
        var row = new DeviceRow { Name = new string('n', 151), Condition = 0, Notes = new string('x', 501) };
        var result = new DeviceRowValidator(requireNewSerial: false).Validate(row);
        Assert.Equal(["Name", "Notes"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        row.Condition += 42;
        Assert.Contains(new DeviceRowValidator(requireNewSerial: false).Validate(row).Errors,
            e => e.PropertyName == "Condition" && e.ErrorMessage.Contains("tidak dikenal", StringComparison.Ordinal));
    }
}
