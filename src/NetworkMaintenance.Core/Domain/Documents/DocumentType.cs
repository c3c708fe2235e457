namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>The official documents issued for a report, in the order of the workflow.</summary>
public enum DocumentType
{
    /// <summary>Tanda terima laporan: numbered with the report number.</summary>
    Receipt,

    /// <summary>Lembar disposisi: the Kadis → Kabid → Kasi chain, issued when the Kasi assigns.</summary>
    DispositionSheet,

    /// <summary>Berita Acara pengajuan penggantian perangkat, issued when the replacement request is filed.</summary>
    ReplacementRequestBa,

    /// <summary>Berita Acara pekerjaan, issued when the work is completed and again when the reporter acknowledges it.</summary>
    WorkBa,

    /// <summary>Laporan hasil pelaksanaan, issued when the work is completed and again when the report is closed.</summary>
    WorkReport,
}

public static class DocumentTypes
{
    public static readonly IReadOnlyList<DocumentType> All = Enum.GetValues<DocumentType>();

    /// <summary>
    /// Types numbered from a yearly letter counter with the administrator's pattern. The receipt and the lembar disposisi
    /// are not outgoing letters: they carry the report number (the nomor agenda).
    /// </summary>
    public static readonly IReadOnlyList<DocumentType> LetterNumbered =
        [DocumentType.ReplacementRequestBa, DocumentType.WorkBa, DocumentType.WorkReport];

    public static string Label(this DocumentType type) => type switch
    {
        DocumentType.Receipt => "Tanda Terima Laporan",
        DocumentType.DispositionSheet => "Lembar Disposisi",
        DocumentType.ReplacementRequestBa => "Berita Acara Pengajuan Penggantian Perangkat",
        DocumentType.WorkBa => "Berita Acara Pekerjaan",
        DocumentType.WorkReport => "Laporan Hasil Pelaksanaan",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The first part of a download's file name.</summary>
    public static string FileSlug(this DocumentType type) => type switch
    {
        DocumentType.Receipt => "tanda-terima",
        DocumentType.DispositionSheet => "lembar-disposisi",
        DocumentType.ReplacementRequestBa => "berita-acara-pengajuan-penggantian",
        DocumentType.WorkBa => "berita-acara-pekerjaan",
        DocumentType.WorkReport => "laporan-hasil-pelaksanaan",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The counter a letter-numbered type draws from in a year: one counter per type and year.</summary>
    public static string SequenceName(this DocumentType type, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"DOC-{type}-{year}");
}
