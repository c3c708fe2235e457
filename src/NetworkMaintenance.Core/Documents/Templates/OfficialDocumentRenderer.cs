using NetworkMaintenance.Core.Documents.Models;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>Renders any official document model to PDF bytes with its template.</summary>
public static class OfficialDocumentRenderer
{
    public static byte[] Render(OfficialDocument document) => document switch
    {
        ReportReceiptDocument d => ReportReceiptTemplate.Render(d),
        DispositionSheetDocument d => DispositionSheetTemplate.Render(d),
        DeviceReplacementBeritaAcaraDocument d => DeviceReplacementBeritaAcaraTemplate.Render(d),
        WorkBeritaAcaraDocument d => WorkBeritaAcaraTemplate.Render(d),
        WorkReportDocument d => WorkReportTemplate.Render(d),
        null => throw new ArgumentNullException(nameof(document)),
        _ => throw new ArgumentException($"No template for {document.GetType().Name}.", nameof(document)),
    };

    /// <summary>A file name for downloads: "berita-acara-pekerjaan-000.8.3.3-15-Diskominfo-2026.pdf".</summary>
    public static string FileName(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var kind = document switch
        {
            ReportReceiptDocument => "tanda-terima",
            DispositionSheetDocument => "lembar-disposisi",
            DeviceReplacementBeritaAcaraDocument => "berita-acara-pengajuan-penggantian",
            WorkBeritaAcaraDocument => "berita-acara-pekerjaan",
            WorkReportDocument => "laporan-hasil-pelaksanaan",
            _ => "dokumen",
        };
        var number = new string(document.Number.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' ? ch : '-').ToArray());
        return $"{kind}-{number}.pdf";
    }
}
