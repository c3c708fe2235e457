using System.Globalization;
using System.Security.Cryptography;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;

namespace NetworkMaintenance.Core.Documents;

/// <summary>One PNG preview in docs/images: which page of which sample PDF it shows.</summary>
public sealed record DocumentPreview(string ImageName, int Page, Func<byte[]> Render);

/// <summary>
/// The previews of docs/documents.md, rendered from <see cref="DocumentSamples"/> (the application's mappers and
/// formatters). <c>documents previews --out docs/images</c> writes them (pdftoppm) together with
/// <see cref="ManifestName"/>, which records the SHA-256 of the PDF each PNG was made from; a unit test renders the
/// samples again and fails when the manifest no longer matches, so the images cannot drift from what the code issues.
/// The PDFs are byte-identical on every machine (DeterministicPdf), so the check needs no pixel comparison.
/// </summary>
public static class DocumentPreviews
{
    public const string ManifestName = "document-previews.sha256";

    /// <summary>pdftoppm resolution of the previews.</summary>
    public const int Dpi = 50;

    public static IReadOnlyList<DocumentPreview> All() =>
    [
        new("document-tanda-terima.png", 1, () => OfficialDocumentRenderer.Render(DocumentSamples.ReportReceipt())),
        new("document-lembar-disposisi.png", 1, () => OfficialDocumentRenderer.Render(DocumentSamples.DispositionSheet())),
        new("document-ba-pengajuan-penggantian.png", 1, () => OfficialDocumentRenderer.Render(DocumentSamples.DeviceReplacementBeritaAcara())),
        new("document-ba-pekerjaan.png", 1, () => OfficialDocumentRenderer.Render(DocumentSamples.WorkBeritaAcara())),
        new("document-ba-pekerjaan-2.png", 2, () => OfficialDocumentRenderer.Render(DocumentSamples.WorkBeritaAcara())),
        new("document-laporan-hasil-pelaksanaan.png", 1, () => OfficialDocumentRenderer.Render(DocumentSamples.WorkReport())),
        new("document-rekap-bulanan.png", 1, () => MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap())),
        new("document-rekap-bulanan-2.png", 2, () => MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap())),
        new("document-nota-dinas-rekap.png", 1, () => RecapCoverLetterTemplate.Render(DocumentSamples.RecapCoverLetter())),
        new("document-f4-liberation-dashed.png", 2, () => WorkBeritaAcaraTemplate.Render(F4WithManyDevices())),
    ];

    /// <summary>The manifest: one line per preview, "sha256-of-the-pdf  image-name page N".</summary>
    public static string Manifest() => string.Concat(All().Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexStringLower(SHA256.HashData(p.Render()))}  {p.ImageName} page {p.Page}\n")));

    /// <summary>The sample Berita Acara Pekerjaan with 40 devices on F4 paper in Liberation Sans with "- 2 -" page numbers.</summary>
    public static WorkBeritaAcaraDocument F4WithManyDevices()
    {
        var sample = DocumentSamples.WorkBeritaAcara();
        return sample with
        {
            Letterhead = sample.Letterhead with
            {
                Page = new PageSetup { Paper = PaperSize.F4, Font = DocumentFont.LiberationSans, PageNumbers = PageNumberStyle.DashedFromPageTwo },
            },
            Devices = Enumerable.Range(1, 40).Select(i => new WorkDeviceItem(
                string.Create(CultureInfo.InvariantCulture, $"Switch {i}"), "TP-Link TL-SG1024D", DeviceWorkAction.Replaced,
                string.Create(CultureInfo.InvariantCulture, $"SN-LAMA-{i:000}"), string.Create(CultureInfo.InvariantCulture, $"SN-BARU-{i:000}"),
                "Perangkat lama diserahkan ke Data Center")).ToList(),
        };
    }
}
