using FluentValidation;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain.Documents;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>The administrator's form: kop surat, logo, and the number pattern of each letter-numbered document.</summary>
public sealed class DocumentSettingsInput
{
    public string? Government { get; set; }
    public string? AgencyName { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? City { get; set; }

    /// <summary>A new logo (PNG or JPEG, at most 1 MB); none keeps the current one.</summary>
    public IFormFile? Logo { get; set; }

    public bool RemoveLogo { get; set; }

    public string? DispositionSheetPattern { get; set; }
    public string? ReplacementRequestBaPattern { get; set; }
    public string? WorkBaPattern { get; set; }
    public string? WorkReportPattern { get; set; }

    // The three choices are bound as text: an unknown value gets the validator's Indonesian message, not the binder's.
    public string? Paper { get; set; } = PageSetup.Default.Paper.ToString();
    public string? Font { get; set; } = PageSetup.Default.Font.ToString();
    public int? MarginLeftMm { get; set; } = PageSetup.Default.MarginLeftMm;
    public int? MarginTopMm { get; set; } = PageSetup.Default.MarginTopMm;
    public int? MarginRightMm { get; set; } = PageSetup.Default.MarginRightMm;
    public int? MarginBottomMm { get; set; } = PageSetup.Default.MarginBottomMm;
    public string? PageNumbers { get; set; } = PageSetup.Default.PageNumbers.ToString();
    public int? BodySizePt { get; set; } = PageSetup.Default.BodySizePt;

    /// <summary>The page settings of the form (call after validation).</summary>
    public PageSetup ToPageSetup() => new()
    {
        Paper = Choice(Paper, PageSetup.Default.Paper),
        Font = Choice(Font, PageSetup.Default.Font),
        MarginLeftMm = MarginLeftMm ?? PageSetup.Default.MarginLeftMm,
        MarginTopMm = MarginTopMm ?? PageSetup.Default.MarginTopMm,
        MarginRightMm = MarginRightMm ?? PageSetup.Default.MarginRightMm,
        MarginBottomMm = MarginBottomMm ?? PageSetup.Default.MarginBottomMm,
        PageNumbers = Choice(PageNumbers, PageSetup.Default.PageNumbers),
        BodySizePt = BodySizePt ?? PageSetup.Default.BodySizePt,
    };

    /// <summary>True when <paramref name="value"/> names a member of <typeparamref name="T"/> (by name, not by number).</summary>
    public static bool IsChoice<T>(string? value) where T : struct, Enum =>
        value is { Length: > 0 } && char.IsAsciiLetter(value[0]) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed);

    private static T Choice<T>(string? value, T fallback) where T : struct, Enum =>
        IsChoice<T>(value) ? Enum.Parse<T>(value!) : fallback;

    public static DocumentSettingsInput From(DocumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DocumentSettingsInput
        {
            Government = settings.Government,
            AgencyName = settings.AgencyName,
            Address = settings.Address,
            Phone = settings.Phone,
            Email = settings.Email,
            Website = settings.Website,
            City = settings.City,
            DispositionSheetPattern = settings.DispositionSheetPattern,
            ReplacementRequestBaPattern = settings.ReplacementRequestBaPattern,
            WorkBaPattern = settings.WorkBaPattern,
            WorkReportPattern = settings.WorkReportPattern,
            Paper = settings.Paper.ToString(),
            Font = settings.Font.ToString(),
            MarginLeftMm = settings.MarginLeftMm,
            MarginTopMm = settings.MarginTopMm,
            MarginRightMm = settings.MarginRightMm,
            MarginBottomMm = settings.MarginBottomMm,
            PageNumbers = settings.PageNumbers.ToString(),
            BodySizePt = settings.BodySizePt,
        };
    }

    public string? Pattern(DocumentType type) => type switch
    {
        DocumentType.DispositionSheet => DispositionSheetPattern,
        DocumentType.ReplacementRequestBa => ReplacementRequestBaPattern,
        DocumentType.WorkBa => WorkBaPattern,
        DocumentType.WorkReport => WorkReportPattern,
        _ => null,
    };

    /// <summary>The form field of a type's pattern.</summary>
    public static string PatternField(DocumentType type) => type + "Pattern";
}

public sealed class DocumentSettingsInputValidator : AbstractValidator<DocumentSettingsInput>
{
    public DocumentSettingsInputValidator()
    {
        RuleFor(x => x.Government).NotEmpty().WithMessage(DocumentSettingsMessages.GovernmentNameRequired)
            .MaximumLength(150).WithMessage("Nama pemerintah daerah paling panjang 150 karakter.");
        RuleFor(x => x.AgencyName).NotEmpty().WithMessage(DocumentSettingsMessages.AgencyNameRequired)
            .MaximumLength(150).WithMessage("Nama dinas paling panjang 150 karakter.");
        RuleFor(x => x.Address).NotEmpty().WithMessage(DocumentSettingsMessages.AddressRequired)
            .MaximumLength(300).WithMessage("Alamat paling panjang 300 karakter.");
        RuleFor(x => x.Phone).MaximumLength(40).WithMessage("Nomor telepon paling panjang 40 karakter.");
        RuleFor(x => x.Email).MaximumLength(200).WithMessage("Alamat e-mail paling panjang 200 karakter.")
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("Alamat e-mail tidak valid.");
        RuleFor(x => x.Website).MaximumLength(200).WithMessage("Alamat laman paling panjang 200 karakter.");
        RuleFor(x => x.City).NotEmpty().WithMessage(DocumentSettingsMessages.CityRequired)
            .MaximumLength(60).WithMessage("Nama kota paling panjang 60 karakter.");

        RuleFor(x => x.Logo).Must(f => f!.Length <= LogoImage.MaxBytes).When(x => x.Logo is not null)
            .WithMessage(DocumentSettingsMessages.LogoTooLarge);
        RuleFor(x => x.Logo).Must(f => LogoImage.ContentType(Header(f!)) is not null)
            .When(x => x.Logo is { Length: > 0 and <= LogoImage.MaxBytes })
            .WithMessage(DocumentSettingsMessages.LogoFormat);
        RuleFor(x => x.Logo).Must(f => f!.Length > 0).When(x => x.Logo is not null).WithMessage(DocumentSettingsMessages.LogoEmpty);
        // The size in pixels and the compressed data, checked before anything decodes the image (a decompression bomb).
        RuleFor(x => x.Logo).Must(f => UntrustedImage.Check(Bytes(f!)) != ImageCheck.TooLarge)
            .When(x => x.Logo is { Length: > 0 and <= LogoImage.MaxBytes })
            .WithMessage($"Logo terlalu besar: paling besar {UntrustedImage.MaxSide} × {UntrustedImage.MaxSide} piksel.");
        RuleFor(x => x.Logo).Must(f => UntrustedImage.Check(Bytes(f!)) != ImageCheck.Unreadable)
            .When(x => x.Logo is { Length: > 0 and <= LogoImage.MaxBytes } && LogoImage.ContentType(Header(x.Logo)) is not null)
            .WithMessage("Gambar logo tidak dapat dibaca. Simpan ulang gambar sebagai PNG atau JPEG lalu unggah lagi.");

        RuleFor(x => x.Paper).Must(DocumentSettingsInput.IsChoice<PaperSize>).WithMessage("Pilih ukuran kertas A4 atau F4.");
        RuleFor(x => x.Font).Must(DocumentSettingsInput.IsChoice<DocumentFont>).WithMessage("Pilih jenis huruf dari daftar.");
        RuleFor(x => x.PageNumbers).Must(DocumentSettingsInput.IsChoice<PageNumberStyle>).WithMessage("Pilih gaya nomor halaman dari daftar.");
        RuleFor(x => x.BodySizePt).NotNull().WithMessage("Ukuran huruf wajib diisi.")
            .InclusiveBetween(PageSetup.MinBodySizePt, PageSetup.MaxBodySizePt)
            .WithMessage($"Ukuran huruf harus antara {PageSetup.MinBodySizePt} dan {PageSetup.MaxBodySizePt} pt.");
        Margin(x => x.MarginLeftMm, "kiri");
        Margin(x => x.MarginTopMm, "atas");
        Margin(x => x.MarginRightMm, "kanan");
        Margin(x => x.MarginBottomMm, "bawah");

        RuleFor(x => x).Custom((input, context) =>
        {
            foreach (var type in DocumentTypes.LetterNumbered)
            {
                foreach (var error in DocumentNumberPattern.Validate(input.Pattern(type)))
                {
                    context.AddFailure(DocumentSettingsInput.PatternField(type), $"Nomor {type.Label()}: {error}");
                }
            }
        });
    }

    private static byte[] Bytes(IFormFile file)
    {
        using var stream = file.OpenReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private void Margin(System.Linq.Expressions.Expression<Func<DocumentSettingsInput, int?>> margin, string side)
    {
        RuleFor(margin).NotNull().WithMessage($"Margin {side} wajib diisi (dalam milimeter).")
            .InclusiveBetween(PageSetup.MinMarginMm, PageSetup.MaxMarginMm)
            .WithMessage($"Margin {side} harus antara {PageSetup.MinMarginMm} dan {PageSetup.MaxMarginMm} mm.");
    }

    /// <summary>The first bytes of the upload: the file is recognised by its content, never by its name.</summary>
    private static byte[] Header(IFormFile file)
    {
        using var stream = file.OpenReadStream();
        var buffer = new byte[8];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }
}
