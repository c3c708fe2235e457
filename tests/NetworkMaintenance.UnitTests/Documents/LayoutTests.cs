using System.Globalization;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;
using UglyToad.PdfPig;

namespace NetworkMaintenance.UnitTests.Documents;

/// <summary>Issue #13 point 5: layout a printer and a secretary accept, read back page by page.</summary>
public class LayoutTests
{
    public static TheoryData<string> Samples => new(DocumentSamples.All().Select(d => d.GetType().Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public void TheQrCodeIsAtLeast20MillimetresWide(string type)
    {
        var pdf = OfficialDocumentRenderer.Render(DocumentSamples.All().Single(d => d.GetType().Name == type));

        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            // The filled squares in the footer's left corner are the QR modules.
            var modules = page.Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
                .Where(r => r.Bottom < 110 && r.Left < 160).ToList();
            Assert.NotEmpty(modules);
            var width = modules.Max(r => r.Right) - modules.Min(r => r.Left);
            var height = modules.Max(r => r.Top) - modules.Min(r => r.Bottom);
            Assert.True(width >= 20 / 25.4 * 72, $"{type} page {page.Number}: QR code {width * 25.4 / 72:0.0} mm wide");
            Assert.True(height >= 20 / 25.4 * 72, $"{type} page {page.Number}: QR code {height * 25.4 / 72:0.0} mm high");
        }
    }

    [Fact]
    public void A25DeviceBeritaAcaraAndA2000CharacterDescriptionHaveNoOrphanedHeaderOrLoneSignaturePage()
    {
        var sample = DocumentSamples.WorkBeritaAcara();
        var longText = string.Concat(Enumerable.Repeat("Jaringan di seluruh ruangan lantai dua telah diuji ulang dan berfungsi normal. ", 26)).Trim();
        Assert.True(longText.Length >= 2000);
        var model = sample with
        {
            Result = longText,
            Devices = Enumerable.Range(1, 25).Select(i => new WorkDeviceItem(
                $"Switch {i.ToString(CultureInfo.InvariantCulture)}", "TP-Link TL-SG1024D", DeviceWorkAction.Replaced,
                $"SN-LAMA-{i:000}", $"SN-BARU-{i:000}", "Perangkat lama diserahkan ke Data Center")).ToList(),
        };

        var text = PdfText.Read(WorkBeritaAcaraTemplate.Render(model));

        Assert.True(text.Pages.Count >= 2);
        for (var p = 0; p < text.Pages.Count; p++)
        {
            var page = text.Pages[p];
            // A page that shows the table header also shows a row under it.
            if (page.Contains("Nomor Seri Lama", StringComparison.Ordinal))
            {
                var afterHeader = page[(page.LastIndexOf("Nomor Seri Lama", StringComparison.Ordinal))..];
                Assert.Matches(@"SN-LAMA-\d{3}", afterHeader);
            }
            // A page with signatures also carries the closing paragraph: never a signature page on its own.
            if (page.Contains("Yang menyerahkan,", StringComparison.Ordinal) || page.Contains("Mengetahui,", StringComparison.Ordinal))
            {
                Assert.Contains("Demikian Berita Acara ini dibuat dengan sebenarnya", page, StringComparison.Ordinal);
            }
        }
        // Every row is printed once.
        Assert.Equal(25, Enumerable.Range(1, 25).Count(i => text.All.Contains($"SN-LAMA-{i:000}", StringComparison.Ordinal)));
        Assert.Contains("Mengetahui,", text.Pages[^1], StringComparison.Ordinal);
    }
}
