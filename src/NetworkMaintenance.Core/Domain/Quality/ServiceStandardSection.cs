namespace NetworkMaintenance.Core.Domain.Quality;

/// <summary>The two parts of a service standard under PermenPANRB 15/2014.</summary>
public enum StandardPart
{
    /// <summary>A. Komponen standar pelayanan yang terkait dengan proses penyampaian pelayanan (service delivery).</summary>
    ServiceDelivery = 0,

    /// <summary>B. Komponen standar pelayanan yang terkait dengan proses pengelolaan pelayanan di internal organisasi.</summary>
    Management = 1,
}

/// <summary>
/// One of the fourteen components of the published service standard (PermenPANRB 15/2014), edited by the
/// administrator. Every change is kept as a <see cref="ServiceStandardRevision"/> naming who, when and the SK that set it.
/// </summary>
public class ServiceStandardSection
{
    public const int MaxBodyLength = 8000;

    private ServiceStandardSection() { }

    public ServiceStandardSection(string key, int order, string title, string body, StandardPart part = StandardPart.ServiceDelivery,
        bool needsReview = false)
    {
        Key = key;
        Order = order;
        Title = title;
        Body = body;
        Part = part;
        NeedsReview = needsReview;
    }

    public string Key { get; private set; } = "";
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public StandardPart Part { get; private set; }

    /// <summary>The text is a seeded proposal the administrator has not yet confirmed (shown to the administrator only).</summary>
    public bool NeedsReview { get; private set; }

    public DateTime? UpdatedAtUtc { get; private set; }
    public string? UpdatedByUserId { get; private set; }

    /// <summary>Sets a new text (trimmed) and returns the revision to store; confirms a seeded proposal.</summary>
    public ServiceStandardRevision Edit(string body, string userId, string userName, DateTime nowUtc, string? skNumber, DateOnly? skDate)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new DomainException($"Isi \"{Title}\" wajib diisi.");
        if (body.Trim().Length > MaxBodyLength) throw new DomainException($"Isi \"{Title}\" maksimal {MaxBodyLength} karakter.");
        Body = body.Trim();
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = userId;
        NeedsReview = false;
        return new ServiceStandardRevision(Key, Body, userId, userName, nowUtc, skNumber, skDate);
    }

    /// <summary>The administrator confirms the seeded text as it is (a revision without a text change).</summary>
    public ServiceStandardRevision Confirm(string userId, string userName, DateTime nowUtc, string? skNumber, DateOnly? skDate) =>
        Edit(Body, userId, userName, nowUtc, skNumber, skDate);
}

/// <summary>One change of a standard component: the text it got, who changed it, when, and the SK (number and date) that set it.</summary>
public class ServiceStandardRevision
{
    private ServiceStandardRevision() { }

    public ServiceStandardRevision(string sectionKey, string body, string userId, string userName, DateTime changedAtUtc,
        string? skNumber, DateOnly? skDate)
    {
        SectionKey = sectionKey;
        Body = body;
        ChangedByUserId = userId;
        ChangedByName = userName;
        ChangedAtUtc = changedAtUtc;
        SkNumber = string.IsNullOrWhiteSpace(skNumber) ? null : skNumber.Trim();
        SkDate = skDate;
    }

    public long Id { get; private set; }
    public string SectionKey { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string ChangedByUserId { get; private set; } = "";

    /// <summary>The editor's name as it was at the time of the change.</summary>
    public string ChangedByName { get; private set; } = "";

    public DateTime ChangedAtUtc { get; private set; }
    public string? SkNumber { get; private set; }
    public DateOnly? SkDate { get; private set; }
}

/// <summary>
/// The Dinas's published commitments, one row: the SK (Surat Keputusan Kepala Dinas) that sets the service standard,
/// and the maklumat pelayanan (service declaration) with its date and signer, the Kepala Dinas.
/// </summary>
public class ServiceCharter
{
    public const int SingletonId = 1;
    public const int MaxDeclarationLength = 4000;

    public const string DefaultDeclaration =
        "DENGAN INI, KAMI MENYATAKAN SANGGUP MENYELENGGARAKAN PELAYANAN MAINTENANCE GANGGUAN JARINGAN SESUAI STANDAR "
        + "PELAYANAN YANG TELAH DITETAPKAN DAN APABILA TIDAK MENEPATI JANJI INI, KAMI SIAP MENERIMA SANKSI SESUAI "
        + "PERATURAN PERUNDANG-UNDANGAN YANG BERLAKU.";

    private ServiceCharter() { }

    public static ServiceCharter Initial() => new()
    {
        Id = SingletonId,
        DeclarationText = DefaultDeclaration,
        SignerPosition = "Kepala Dinas Komunikasi dan Informatika",
    };

    public int Id { get; private set; }

    /// <summary>Nomor SK penetapan standar pelayanan; empty in the seed document ("No. SK :").</summary>
    public string? StandardSkNumber { get; private set; }

    public DateOnly? StandardSkDate { get; private set; }

    public string DeclarationText { get; private set; } = "";
    public DateOnly? DeclarationDate { get; private set; }
    public string? SignerName { get; private set; }

    /// <summary>18 digits, or null.</summary>
    public string? SignerNip { get; private set; }

    public string SignerPosition { get; private set; } = "";
    public DateTime? DeclarationUpdatedAtUtc { get; private set; }
    public string? DeclarationUpdatedByUserId { get; private set; }

    /// <summary>The maklumat is complete enough to publish: text, date and a named signer.</summary>
    public bool HasDeclaration => !string.IsNullOrWhiteSpace(DeclarationText) && DeclarationDate is not null && !string.IsNullOrWhiteSpace(SignerName);

    public void SetStandardDecree(string? skNumber, DateOnly? skDate)
    {
        StandardSkNumber = string.IsNullOrWhiteSpace(skNumber) ? null : skNumber.Trim();
        StandardSkDate = skDate;
    }

    public void SetDeclaration(string text, DateOnly date, string signerName, string? signerNip, string signerPosition, string userId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Isi maklumat pelayanan wajib diisi.");
        if (text.Trim().Length > MaxDeclarationLength) throw new DomainException($"Isi maklumat maksimal {MaxDeclarationLength} karakter.");
        if (string.IsNullOrWhiteSpace(signerName)) throw new DomainException("Nama penanda tangan wajib diisi.");
        if (string.IsNullOrWhiteSpace(signerPosition)) throw new DomainException("Jabatan penanda tangan wajib diisi.");
        DeclarationText = text.Trim();
        DeclarationDate = date;
        SignerName = signerName.Trim();
        SignerNip = string.IsNullOrWhiteSpace(signerNip) ? null : signerNip;
        SignerPosition = signerPosition.Trim();
        DeclarationUpdatedAtUtc = nowUtc;
        DeclarationUpdatedByUserId = userId;
    }
}
