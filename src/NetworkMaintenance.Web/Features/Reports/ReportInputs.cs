using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>The report form, for OPD staff (their own OPD, channel Web) and the front desk (any OPD, other channels).</summary>
public sealed class NewReportInput
{
    public int? OpdId { get; set; }

    /// <summary>The registered device affected (null: "tidak tahu"); prefilled from a scanned QR label.</summary>
    public int? DeviceId { get; set; }
    public string ReporterName { get; set; } = "";
    public string? ReporterNip { get; set; }
    public string? ReporterPosition { get; set; }
    public string? ReporterPhone { get; set; }
    public string? ReporterEmail { get; set; }
    public ReportChannel Channel { get; set; } = ReportChannel.Web;
    public DateTime? ReceivedAt { get; set; }
    public string Location { get; set; } = "";
    public FaultCategory? Category { get; set; }
    public string Description { get; set; } = "";
    public string? LetterNumber { get; set; }
    public DateOnly? LetterDate { get; set; }
    public string? LetterAgendaNumber { get; set; }

    /// <summary>The SP4N-LAPOR! tracking number, when the same complaint was also filed there (optional).</summary>
    public string? LaporNumber { get; set; }

    // Guest book (buku tamu), required for a walk-in.
    public string? GuestName { get; set; }
    public IdentityType? GuestIdentityType { get; set; }
    public string? GuestIdentityNumber { get; set; }
    public string? GuestInstitution { get; set; }
    public string? GuestPurpose { get; set; }
    public DateTime? GuestTimeIn { get; set; }
    public DateTime? GuestTimeOut { get; set; }

    /// <summary>A scanned letter, a photo of the fault or a PDF (optional).</summary>
    public IFormFile? Attachment { get; set; }

    /// <summary>Ticked after the possible-duplicate warning: "Tetap kirim".</summary>
    public bool ConfirmDuplicate { get; set; }

    /// <summary>
    /// The form's one-time token (hidden field, new for every empty form, kept when the form is shown again): a second
    /// post of the same form (double click, "Tetap kirim" twice, back and resend) files no second report. Optional:
    /// a post without it is filed as it is.
    /// </summary>
    public string FormToken { get; set; } = "";

    /// <summary>Set by the controller: true for the front desk, who records on behalf of an OPD.</summary>
    [BindNever] public bool OnBehalf { get; set; }

    /// <summary>The validated form as the domain's <see cref="NewReport"/>; times entered in WIB, now for a web report.</summary>
    public NewReport ToNewReport(string? reporterUserId, DateTime nowUtc)
    {
        GuestVisit? guest = Channel == ReportChannel.WalkIn
            ? new GuestVisit(GuestName!, GuestIdentityType!.Value, GuestIdentityNumber!, GuestInstitution,
                GuestPurpose!, Wib.ToUtc(GuestTimeIn!.Value), GuestTimeOut is { } tOut ? Wib.ToUtc(tOut) : null)
            : null;
        return new NewReport(
            OpdId!.Value,
            OnBehalf ? null : reporterUserId,
            ReporterName,
            Nip.Normalize(ReporterNip),
            ReporterPosition,
            PhoneNumber.NormalizeOrNull(ReporterPhone),
            ReporterEmail,
            Channel,
            ReceivedAt is { } wib ? Wib.ToUtc(wib) : nowUtc,
            Location,
            Category!.Value,
            Description,
            Channel == ReportChannel.Letter ? LetterNumber : null,
            Channel == ReportChannel.Letter ? LetterDate : null,
            guest,
            Channel == ReportChannel.Letter ? LetterAgendaNumber : null,
            LaporNumber,
            DeviceId);
    }
}

public sealed class NewReportInputValidator : AbstractValidator<NewReportInput>
{
    public NewReportInputValidator()
    {
        RuleFor(x => x.OpdId).NotNull().WithMessage("OPD pelapor wajib dipilih.");
        RuleFor(x => x.FormToken).Length(32).When(x => !string.IsNullOrEmpty(x.FormToken))
            .WithMessage("Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.");
        RuleFor(x => x.ReporterName).NotEmpty().WithMessage(ReportMessages.ReporterNameRequired)
            .MaximumLength(150).WithMessage("Nama pelapor maksimal 150 karakter.");
        RuleFor(x => x.ReporterNip).Must(n => Nip.IsValid(Nip.Normalize(n)))
            .When(x => !string.IsNullOrWhiteSpace(x.ReporterNip))
            .WithMessage("NIP harus 18 digit angka dengan tanggal lahir yang benar, misalnya 19860926 201505 1 001.");
        RuleFor(x => x.ReporterPosition).MaximumLength(150).WithMessage("Jabatan maksimal 150 karakter.");
        RuleFor(x => x.ReporterPhone).NotEmpty().WithMessage("Nomor telepon/WhatsApp pelapor wajib diisi.")
            .Must(p => PhoneNumber.TryNormalize(p, out _))
            .WithMessage("Nomor telepon tidak valid. Gunakan format 08…, 628… atau +628… (10–12 digit setelah kode negara).");
        RuleFor(x => x.ReporterEmail).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ReporterEmail))
            .WithMessage("Alamat email tidak valid.").MaximumLength(200).WithMessage("Email maksimal 200 karakter.");
        RuleFor(x => x.Location).NotEmpty().WithMessage("Lokasi gangguan wajib diisi (gedung, ruangan, lantai).")
            .MaximumLength(300).WithMessage("Lokasi maksimal 300 karakter.");
        RuleFor(x => x.Category).NotNull().WithMessage("Kategori gangguan wajib dipilih.")
            .IsInEnum().WithMessage("Kategori gangguan tidak dikenal.");
        RuleFor(x => x.Description).NotEmpty().WithMessage(ReportMessages.DescriptionRequired)
            .MinimumLength(10).WithMessage("Uraian gangguan minimal 10 karakter agar petugas memahami masalahnya.")
            .MaximumLength(4000).WithMessage("Uraian gangguan maksimal 4000 karakter.");
        RuleFor(x => x.Channel).IsInEnum().WithMessage("Saluran laporan tidak dikenal.")
            .Must(Labels.IsChosenByPeople).WithMessage("Saluran \"Pemantauan jaringan\" hanya dipakai oleh peringatan pemantauan.");
        RuleFor(x => x.LaporNumber).Must(LaporNumber.IsValidOrEmpty).WithMessage(LaporNumber.FormatMessage);
        RuleFor(x => x.Channel).NotEqual(ReportChannel.Web).When(x => x.OnBehalf)
            .WithMessage("Petugas layanan mencatat laporan dari surat, email, SMS, WhatsApp, telepon atau kunjungan langsung.");
        // Only the chosen channel's own fields are checked (and used): a form without JavaScript sends the others too.
        When(x => x.Channel == ReportChannel.Letter, () =>
        {
            RuleFor(x => x.LetterNumber).NotEmpty().WithMessage("Nomor surat permohonan wajib diisi untuk laporan melalui surat.")
                .MaximumLength(100).WithMessage("Nomor surat maksimal 100 karakter.");
            RuleFor(x => x.LetterDate).NotNull().WithMessage("Tanggal surat permohonan wajib diisi untuk laporan melalui surat.");
            RuleFor(x => x.LetterAgendaNumber).MaximumLength(Report.LetterAgendaNumberMaxLength)
                .WithMessage($"Nomor agenda surat maksimal {Report.LetterAgendaNumberMaxLength} karakter.");
        });
        When(x => x.Channel == ReportChannel.WalkIn, () =>
        {
            RuleFor(x => x.GuestName).NotEmpty()
                .WithMessage("Laporan dari kunjungan langsung wajib dicatat di buku tamu: nama tamu wajib diisi.")
                .MaximumLength(150).WithMessage("Nama tamu maksimal 150 karakter.");
            RuleFor(x => x.GuestIdentityType).NotNull().WithMessage("Jenis identitas tamu wajib dipilih (KTP, KTA ASN, SIM atau lainnya).")
                .IsInEnum().WithMessage("Jenis identitas tidak dikenal.");
            RuleFor(x => x.GuestIdentityNumber).NotEmpty().WithMessage(GuestBookMessages.IdentityNumberRequired)
                .MaximumLength(50).WithMessage("Nomor identitas maksimal 50 karakter.");
            RuleFor(x => x.GuestInstitution).MaximumLength(200).WithMessage("Instansi maksimal 200 karakter.");
            RuleFor(x => x.GuestPurpose).NotEmpty().WithMessage(GuestBookMessages.PurposeRequired)
                .MaximumLength(500).WithMessage("Keperluan maksimal 500 karakter.");
            RuleFor(x => x.GuestTimeIn).NotNull().WithMessage("Jam masuk tamu wajib diisi.");
            RuleFor(x => x.GuestTimeOut).GreaterThanOrEqualTo(x => x.GuestTimeIn)
                .When(x => x.GuestTimeOut is not null && x.GuestTimeIn is not null)
                .WithMessage(GuestBookMessages.TimeOutBeforeTimeIn);
        });
    }
}

public sealed class DeviceRow
{
    public string? Name { get; set; }
    public string? BrandType { get; set; }
    public string? SerialNumber { get; set; }
    public DeviceCondition? Condition { get; set; }
    public string? Notes { get; set; }
    public string? NewBrandType { get; set; }
    public string? NewSerialNumber { get; set; }

    /// <summary>The registered device of the row (null: free text, registered on completion).</summary>
    public int? DeviceId { get; set; }

    /// <summary>The reserved spare that replaces the device (replacement rows only).</summary>
    public int? NewDeviceId { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(BrandType)
        && string.IsNullOrWhiteSpace(SerialNumber) && string.IsNullOrWhiteSpace(Notes)
        && string.IsNullOrWhiteSpace(NewSerialNumber) && string.IsNullOrWhiteSpace(NewBrandType)
        && DeviceId is null && NewDeviceId is null;

    public DeviceLine ToLine() => new(Name ?? "", BrandType, SerialNumber, Condition ?? DeviceCondition.Baik, Notes,
        NewBrandType, NewSerialNumber, DeviceId, NewDeviceId);
}

/// <summary>Every field a workflow step page may show; <see cref="Requirements"/> (from the report) says which apply.</summary>
public sealed class StepInputForm
{
    public Guid Version { get; set; }
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public string? TargetUserId { get; set; }
    public List<StandardInstruction> Instructions { get; set; } = [];
    public DateTime? DueAt { get; set; }
    public List<string> TechnicianIds { get; set; } = [];
    public string? LeadUserId { get; set; }
    public string? FaultType { get; set; }
    public string? FaultLocation { get; set; }
    public string? Findings { get; set; }
    /// <summary>Actual start and end of the site visit (WIB), prefilled with the step times.</summary>
    public DateTime? VisitedAt { get; set; }
    public DateTime? VisitEndedAt { get; set; }
    /// <summary>Actual start and end of the work (WIB), prefilled with the step times.</summary>
    public DateTime? WorkStartedAt { get; set; }
    public DateTime? WorkFinishedAt { get; set; }
    public bool ReporterPresent { get; set; }
    public List<DeviceRow> Devices { get; set; } = [];
    public List<DeviceRow> ReplacedDevices { get; set; } = [];
    public string? ActionsTaken { get; set; }
    public string? RootCause { get; set; }
    public string? SignerName { get; set; }
    public string? SignatureDataUrl { get; set; }

    /// <summary>Set from the report (<see cref="Core.Domain.Reports.Report.RequirementsFor"/>): what the step asks for now.</summary>
    [BindNever] public StepRequirements Requirements { get; set; } = StepRequirements.None;

    public IEnumerable<DeviceRow> FilledDevices => Devices.Where(d => !d.IsEmpty);
    public IEnumerable<DeviceRow> FilledReplacedDevices => ReplacedDevices.Where(d => !d.IsEmpty);
}

public sealed class StepInputFormValidator : AbstractValidator<StepInputForm>
{
    public const string SignaturePrefix = "data:image/png;base64,";

    public StepInputFormValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().When(x => x.Requirements.Needs(StepInput.Reason))
            .WithMessage(ReportMessages.ReasonRequired);
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("Alasan maksimal 2000 karakter.");
        RuleFor(x => x.Note).MaximumLength(2000).WithMessage("Catatan maksimal 2000 karakter.");
        RuleFor(x => x.TargetUserId).NotEmpty().When(x => x.Requirements.Needs(StepInput.Kabid))
            .WithMessage("Pilih Kepala Bidang tujuan disposisi.");
        RuleFor(x => x.TargetUserId).NotEmpty().When(x => x.Requirements.Needs(StepInput.Kasi))
            .WithMessage("Pilih Kepala Seksi tujuan disposisi.");
        RuleFor(x => x.Instructions).NotEmpty()
            .When(x => x.Requirements.Needs(StepInput.Instructions) && string.IsNullOrWhiteSpace(x.Note))
            .WithMessage("Pilih sedikitnya satu isi disposisi atau tulis petunjuk.");
        RuleForEach(x => x.Instructions).IsInEnum().WithMessage("Isi disposisi tidak dikenal.");
        RuleFor(x => x.TechnicianIds).NotEmpty().When(x => x.Requirements.Needs(StepInput.Technicians))
            .WithMessage(ReportMessages.TechniciansRequired);
        // One technician is the lead without ticking it (StepService takes them); a team needs its lead chosen. Two rules:
        // a When chained after a second validator would also guard the first (FluentValidation applies it to all before).
        RuleFor(x => x.LeadUserId).NotEmpty().When(x => x.Requirements.Needs(StepInput.Technicians) && x.TechnicianIds.Distinct().Count() > 1)
            .WithMessage("Pilih ketua tim di antara staf yang ditugaskan.");
        RuleFor(x => x.LeadUserId).Must((x, lead) => x.TechnicianIds.Contains(lead!))
            .When(x => x.Requirements.Needs(StepInput.Technicians) && !string.IsNullOrEmpty(x.LeadUserId))
            .WithMessage("Ketua tim harus salah satu staf yang dipilih.");

        When(x => x.Requirements.Needs(StepInput.Diagnosis), () =>
        {
            RuleFor(x => x.FaultType).NotEmpty().WithMessage(ReportMessages.FaultTypeRequired)
                .MaximumLength(200).WithMessage("Jenis gangguan maksimal 200 karakter.");
            RuleFor(x => x.FaultLocation).NotEmpty().WithMessage(ReportMessages.FaultLocationRequired)
                .MaximumLength(300).WithMessage("Lokasi gangguan maksimal 300 karakter.");
            RuleFor(x => x.Findings).NotEmpty().WithMessage(ReportMessages.FindingsRequired)
                .MaximumLength(4000).WithMessage("Temuan maksimal 4000 karakter.");
        });
        When(x => x.Requirements.Needs(StepInput.Inspection), () =>
        {
            RuleFor(x => x.VisitedAt).NotNull().WithMessage("Waktu kunjungan ke lokasi wajib diisi.");
            RuleFor(x => x.VisitEndedAt).GreaterThanOrEqualTo(x => x.VisitedAt).When(x => x.VisitedAt is not null && x.VisitEndedAt is not null)
                .WithMessage("Waktu selesai kunjungan harus sesudah waktu mulainya.");
                        RuleFor(x => x.Findings).NotEmpty().WithMessage(ReportMessages.InspectionFindingsRequired)
                .MaximumLength(4000).WithMessage("Temuan maksimal 4000 karakter.");
        });
        When(x => x.Requirements.Needs(StepInput.Diagnosis) || x.Requirements.Needs(StepInput.Inspection), () =>
            RuleForEach(x => x.FilledDevices).SetValidator(new DeviceRowValidator(requireNewSerial: false)));
        When(x => x.Requirements.Needs(StepInput.ReplacementDevices), () =>
        {
            RuleFor(x => x.FilledDevices).NotEmpty().WithMessage(ReportMessages.ReplacementRequestDevicesRequired);
            RuleForEach(x => x.FilledDevices).SetValidator(new DeviceRowValidator(requireNewSerial: false));
        });
        When(x => x.Requirements.Needs(StepInput.WorkReport), () =>
        {
            RuleFor(x => x.ActionsTaken).NotEmpty().WithMessage(ReportMessages.ActionsTakenRequired)
                .MaximumLength(4000).WithMessage("Uraian tindakan maksimal 4000 karakter.");
            RuleFor(x => x.RootCause).MaximumLength(1000).WithMessage("Penyebab maksimal 1000 karakter.");
            RuleForEach(x => x.FilledDevices).SetValidator(new DeviceRowValidator(requireNewSerial: false));
            RuleForEach(x => x.FilledReplacedDevices).SetValidator(new DeviceRowValidator(requireNewSerial: true));
            RuleFor(x => x.FilledReplacedDevices).NotEmpty().When(x => x.Requirements.ReplacedDevices)
                .WithMessage(ReportMessages.ReplacedDevicesRequired);
        });
        When(x => x.Requirements.Needs(StepInput.Signature), () =>
        {
            RuleFor(x => x.SignerName).NotEmpty().WithMessage(ReportMessages.SignerNameRequired)
                .MaximumLength(150).WithMessage("Nama maksimal 150 karakter.");
            RuleFor(x => x.SignatureDataUrl).NotEmpty().WithMessage("Tanda tangan pelapor wajib dibubuhkan.")
                .Must(s => s!.StartsWith(SignaturePrefix, StringComparison.Ordinal) && s.Length < 800_000)
                // CurrentValidator: the condition guards the format check only (it used to silence NotEmpty too).
                .When(x => !string.IsNullOrEmpty(x.SignatureDataUrl), ApplyConditionTo.CurrentValidator)
                .WithMessage("Tanda tangan tidak terbaca. Minta pelapor menandatangani lagi.");
        });
    }
}

public sealed class DeviceRowValidator : AbstractValidator<DeviceRow>
{
    public DeviceRowValidator(bool requireNewSerial)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Nama perangkat wajib diisi pada setiap baris perangkat.")
            .MaximumLength(150).WithMessage("Nama perangkat maksimal 150 karakter.");
        RuleFor(x => x.Condition).NotNull().WithMessage("Kondisi perangkat wajib dipilih (Baik, Rusak Ringan, Rusak Berat).")
            .IsInEnum().WithMessage("Kondisi perangkat tidak dikenal.");
        RuleFor(x => x.BrandType).MaximumLength(150).WithMessage("Merek/tipe maksimal 150 karakter.");
        RuleFor(x => x.SerialNumber).MaximumLength(100).WithMessage("Nomor seri maksimal 100 karakter.");
        RuleFor(x => x.Notes).MaximumLength(500).WithMessage("Keterangan maksimal 500 karakter.");
        if (requireNewSerial)
        {
            RuleFor(x => x.NewSerialNumber).NotEmpty().WithMessage("Nomor seri perangkat pengganti wajib diisi.")
                .MaximumLength(100).WithMessage("Nomor seri maksimal 100 karakter.");
        }
    }
}
