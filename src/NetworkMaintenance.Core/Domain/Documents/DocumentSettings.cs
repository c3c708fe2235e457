using NetworkMaintenance.Core.Documents.Models;

namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>
/// What the administrator sets for the official documents: the kop surat (letterhead) and the number pattern of each
/// letter-numbered document type. One row; until the administrator saves, <see cref="CreateDefault"/> applies.
/// Changing a setting never changes a document already issued: issued documents are stored as they were printed.
/// </summary>
public class DocumentSettings
{
    public const int SingletonId = 1;

    private DocumentSettings() { }

    public static DocumentSettings CreateDefault() => new()
    {
        Id = SingletonId,
        Government = "PEMERINTAH KOTA TEBING TINGGI",
        AgencyName = "Dinas Komunikasi dan Informatika",
        Address = "Kota Tebing Tinggi, Sumatera Utara",
        Email = "diskominfo@tebingtinggikota.go.id",
        Website = "tebingtinggikota.go.id",
        City = "Tebing Tinggi",
        DispositionSheetPattern = DocumentNumberPattern.Default(DocumentType.DispositionSheet),
        ReplacementRequestBaPattern = DocumentNumberPattern.Default(DocumentType.ReplacementRequestBa),
        WorkBaPattern = DocumentNumberPattern.Default(DocumentType.WorkBa),
        WorkReportPattern = DocumentNumberPattern.Default(DocumentType.WorkReport),
    };

    /// <summary>
    /// The kop surat of the demo and the tests (Development only): complete, with the placeholder emblem, so that the
    /// workflow can issue documents; the administrator replaces it with the real one.
    /// </summary>
    public static DocumentSettings CreateDemo(byte[] emblem)
    {
        ArgumentNullException.ThrowIfNull(emblem);
        var settings = CreateDefault();
        settings.Address = "Jl. Dr. Sutomo No. 14, Kota Tebing Tinggi, Sumatera Utara 20615";
        settings.Phone = "(0621) 325203";
        settings.Logo = emblem;
        settings.LogoContentType = LogoImage.ContentType(emblem);
        return settings;
    }

    /// <summary>
    /// What the kop surat still lacks before documents may be issued (Indonesian, for the administrator): a document
    /// issued with an incomplete kop would be frozen that way forever. Empty when complete.
    /// </summary>
    public IReadOnlyList<string> MissingForIssuing() => MissingForIssuing(Logo is { Length: > 0 }, Address, Phone, Email, Website);

    /// <summary><see cref="MissingForIssuing()"/> from the columns alone (without loading the logo's bytes).</summary>
    public static IReadOnlyList<string> MissingForIssuing(bool hasLogo, string? address, string? phone, string? email, string? website)
    {
        var missing = new List<string>();
        if (!hasLogo) missing.Add("logo (lambang daerah)");
        // A full address names the street with its number or the postal code; "Kota Tebing Tinggi" alone is not one.
        if (string.IsNullOrWhiteSpace(address) || !address.Any(char.IsAsciiDigit)) missing.Add("alamat lengkap (jalan, nomor, kode pos)");
        if (string.IsNullOrWhiteSpace(phone)) missing.Add("nomor telepon");
        if (string.IsNullOrWhiteSpace(email)) missing.Add("alamat e-mail");
        if (string.IsNullOrWhiteSpace(website)) missing.Add("laman (website)");
        return missing;
    }

    public int Id { get; private set; }

    /// <summary>"PEMERINTAH KOTA TEBING TINGGI".</summary>
    public string Government { get; private set; } = "";

    public string AgencyName { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Website { get; private set; }

    /// <summary>The place of the place-date line above signatures ("Tebing Tinggi, 30 November 2026").</summary>
    public string City { get; private set; } = "";

    /// <summary>PNG or JPEG bytes of the regional emblem (at most 1 MB).</summary>
    public byte[]? Logo { get; private set; }

    public string? LogoContentType { get; private set; }

    public string DispositionSheetPattern { get; private set; } = "";
    public string ReplacementRequestBaPattern { get; private set; } = "";
    public string WorkBaPattern { get; private set; } = "";
    public string WorkReportPattern { get; private set; } = "";

    /// <summary>Paper of the official documents (A4 by default; F4/folio where the Perwal prescribes it).</summary>
    public PaperSize Paper { get; private set; } = PageSetup.Default.Paper;

    public DocumentFont Font { get; private set; } = PageSetup.Default.Font;

    public int MarginLeftMm { get; private set; } = PageSetup.Default.MarginLeftMm;
    public int MarginTopMm { get; private set; } = PageSetup.Default.MarginTopMm;
    public int MarginRightMm { get; private set; } = PageSetup.Default.MarginRightMm;
    public int MarginBottomMm { get; private set; } = PageSetup.Default.MarginBottomMm;

    public PageNumberStyle PageNumbers { get; private set; } = PageSetup.Default.PageNumbers;

    /// <summary>Body text size in points (10–12).</summary>
    public int BodySizePt { get; private set; } = PageSetup.Default.BodySizePt;

    public DateTime? UpdatedAtUtc { get; private set; }
    public string? UpdatedByUserId { get; private set; }

    public void UpdateLetterhead(string government, string agencyName, string address, string? phone, string? email,
        string? website, string city, string updatedByUserId, DateTime nowUtc)
    {
        Government = Required(government, DocumentSettingsMessages.GovernmentNameRequired);
        AgencyName = Required(agencyName, DocumentSettingsMessages.AgencyNameRequired);
        Address = Required(address, DocumentSettingsMessages.AddressRequired);
        Phone = Clean(phone);
        Email = Clean(email);
        Website = Clean(website);
        City = Required(city, DocumentSettingsMessages.CityRequired);
        Touch(updatedByUserId, nowUtc);
    }

    /// <summary>Paper, typeface, margins (mm, each within <see cref="PageSetup.MinMarginMm"/>–<see cref="PageSetup.MaxMarginMm"/>) and page numbers.</summary>
    public void UpdatePage(PageSetup page, string updatedByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!Enum.IsDefined(page.Paper)) throw new DomainException("Ukuran kertas tidak dikenal.");
        if (!Enum.IsDefined(page.Font)) throw new DomainException("Jenis huruf tidak dikenal.");
        if (!Enum.IsDefined(page.PageNumbers)) throw new DomainException("Gaya nomor halaman tidak dikenal.");
        foreach (var margin in new[] { page.MarginLeftMm, page.MarginTopMm, page.MarginRightMm, page.MarginBottomMm })
        {
            if (margin is < PageSetup.MinMarginMm or > PageSetup.MaxMarginMm)
            {
                throw new DomainException($"Margin harus antara {PageSetup.MinMarginMm} dan {PageSetup.MaxMarginMm} mm.");
            }
        }

        if (page.BodySizePt is < PageSetup.MinBodySizePt or > PageSetup.MaxBodySizePt)
        {
            throw new DomainException($"Ukuran huruf harus antara {PageSetup.MinBodySizePt} dan {PageSetup.MaxBodySizePt} pt.");
        }

        Paper = page.Paper;
        Font = page.Font;
        BodySizePt = page.BodySizePt;
        MarginLeftMm = page.MarginLeftMm;
        MarginTopMm = page.MarginTopMm;
        MarginRightMm = page.MarginRightMm;
        MarginBottomMm = page.MarginBottomMm;
        PageNumbers = page.PageNumbers;
        Touch(updatedByUserId, nowUtc);
    }

    /// <summary>The page settings as the document models take them.</summary>
    public PageSetup ToPageSetup() => new()
    {
        Paper = Paper,
        Font = Font,
        MarginLeftMm = MarginLeftMm,
        MarginTopMm = MarginTopMm,
        MarginRightMm = MarginRightMm,
        MarginBottomMm = MarginBottomMm,
        PageNumbers = PageNumbers,
        BodySizePt = BodySizePt,
    };

    public void ReplaceLogo(byte[] bytes, string updatedByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) throw new DomainException(DocumentSettingsMessages.LogoEmpty);
        if (bytes.Length > LogoImage.MaxBytes) throw new DomainException(DocumentSettingsMessages.LogoTooLarge);
        LogoContentType = LogoImage.ContentType(bytes) ?? throw new DomainException(DocumentSettingsMessages.LogoFormat);
        Logo = bytes;
        Touch(updatedByUserId, nowUtc);
    }

    public void RemoveLogo(string updatedByUserId, DateTime nowUtc)
    {
        Logo = null;
        LogoContentType = null;
        Touch(updatedByUserId, nowUtc);
    }

    public string NumberPattern(DocumentType type) => type switch
    {
        DocumentType.DispositionSheet => DispositionSheetPattern,
        DocumentType.ReplacementRequestBa => ReplacementRequestBaPattern,
        DocumentType.WorkBa => WorkBaPattern,
        DocumentType.WorkReport => WorkReportPattern,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "The receipt carries the report number."),
    };

    public void SetNumberPattern(DocumentType type, string pattern, string updatedByUserId, DateTime nowUtc)
    {
        var errors = DocumentNumberPattern.Validate(pattern);
        if (errors.Count > 0) throw new DomainException($"{type.Label()}: {errors[0]}");
        pattern = pattern.Trim();
        switch (type)
        {
            case DocumentType.DispositionSheet: DispositionSheetPattern = pattern; break;
            case DocumentType.ReplacementRequestBa: ReplacementRequestBaPattern = pattern; break;
            case DocumentType.WorkBa: WorkBaPattern = pattern; break;
            case DocumentType.WorkReport: WorkReportPattern = pattern; break;
            default: throw new DomainException("Nomor tanda terima adalah nomor laporan dan tidak memakai pola.");
        }
        Touch(updatedByUserId, nowUtc);
    }

    /// <summary>The kop surat as the document models take it.</summary>
    public LetterheadSettings ToLetterhead() => new()
    {
        Government = Government,
        AgencyName = AgencyName,
        Address = Address,
        Phone = Phone,
        Email = Email,
        Website = Website,
        Logo = Logo is { Length: > 0 } logo ? logo : (ReadOnlyMemory<byte>?)null,
        City = City,
        Page = ToPageSetup(),
    };

    private void Touch(string userId, DateTime nowUtc)
    {
        UpdatedByUserId = userId;
        UpdatedAtUtc = nowUtc;
    }

    private static string Required(string? value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException(message) : value.Trim();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The refusals of the document settings's rules that its form also shows: written once, for the domain and the validator.</summary>
public static class DocumentSettingsMessages
{
    public const string AddressRequired = "Alamat wajib diisi.";
    public const string LogoEmpty = "Berkas logo kosong.";
    public const string LogoFormat = "Logo harus berupa gambar PNG atau JPEG.";
    public const string AgencyNameRequired = "Nama dinas wajib diisi.";
    public const string CityRequired = "Nama kota untuk baris tempat dan tanggal wajib diisi.";
    public const string GovernmentNameRequired = "Nama pemerintah daerah wajib diisi.";
    public const string LogoTooLarge = "Ukuran berkas logo paling besar 1 MB.";
}
