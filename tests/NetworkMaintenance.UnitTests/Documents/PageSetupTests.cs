using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain.Reports;
using UglyToad.PdfPig;

namespace NetworkMaintenance.UnitTests.Documents;

/// <summary>Paper, font, margins and page numbers set at /admin/dokumen reach every official document.</summary>
public class PageSetupTests
{
    public static TheoryData<string> Samples => new(DocumentSamples.All().Select(d => d.GetType().Name));

    private static OfficialDocument Sample(string type, PageSetup page)
    {
        var model = DocumentSamples.All().Single(d => d.GetType().Name == type);
        return model with { Letterhead = model.Letterhead with { Page = page } };
    }

    /// <summary>A Berita Acara long enough for two or more pages.</summary>
    private static OfficialDocument LongBeritaAcara(PageSetup page)
    {
        var devices = Enumerable.Range(1, 40)
            .Select(i => new DeviceItem($"Perangkat uji {i}", "MikroTik hEX RB750Gr3", $"SN{i:D6}", DeviceCondition.RusakRingan, "Port tidak stabil"))
            .ToArray();
        var model = DocumentSamples.DeviceReplacementBeritaAcara() with { Devices = devices };
        return model with { Letterhead = model.Letterhead with { Page = page } };
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void F4Paper_Gives215By330MillimetrePages(string type)
    {
        var pdf = OfficialDocumentRenderer.Render(Sample(type, PageSetup.Default with { Paper = PaperSize.F4 }));

        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            Assert.Equal(215, page.Width / 72 * 25.4, precision: 1);
            Assert.Equal(330, page.Height / 72 * 25.4, precision: 1);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void DefaultPaper_IsA4(string type)
    {
        using var document = PdfDocument.Open(OfficialDocumentRenderer.Render(Sample(type, PageSetup.Default)));

        var page = document.GetPage(1);
        Assert.Equal(210, page.Width / 72 * 25.4, precision: 1);
        Assert.Equal(297, page.Height / 72 * 25.4, precision: 1);
    }

    [Fact]
    public void F4Paper_HoldsMoreOnAPageThanA4()
    {
        var a4 = PdfText.Read(OfficialDocumentRenderer.Render(LongBeritaAcara(PageSetup.Default)));
        var f4 = PdfText.Read(OfficialDocumentRenderer.Render(LongBeritaAcara(PageSetup.Default with { Paper = PaperSize.F4 })));

        Assert.True(f4.Pages[0].Split("Perangkat uji").Length > a4.Pages[0].Split("Perangkat uji").Length,
            "The taller F4 page should carry more table rows on its first page.");
    }

    [Fact]
    public void DashedPageNumbers_StartOnPageTwoAndReplaceHalamanXDariN()
    {
        var text = PdfText.Read(OfficialDocumentRenderer.Render(
            LongBeritaAcara(PageSetup.Default with { PageNumbers = PageNumberStyle.DashedFromPageTwo })));

        Assert.True(text.Pages.Count >= 2);
        Assert.DoesNotContain("Halaman", text.All);
        Assert.DoesNotContain("- 1 -", text.Pages[0]);
        for (var i = 1; i < text.Pages.Count; i++)
        {
            // The number heads the page, before the continued content.
            Assert.StartsWith($"- {i + 1} -", text.Pages[i]);
        }
    }

    [Fact]
    public void DefaultPageNumbers_AreHalamanXDariN()
    {
        var text = PdfText.Read(OfficialDocumentRenderer.Render(LongBeritaAcara(PageSetup.Default)));

        for (var i = 0; i < text.Pages.Count; i++)
        {
            Assert.Contains($"Halaman {i + 1} dari {text.Pages.Count}", text.Pages[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void LiberationSans_IsEmbeddedWhenChosen(string type)
    {
        var pdf = OfficialDocumentRenderer.Render(Sample(type, PageSetup.Default with { Font = DocumentFont.LiberationSans }));

        var fonts = FontNames(pdf);
        // "ABCDEF+Liberation Sans": the six-letter tag marks a subset embedded in the file.
        Assert.Contains(fonts, f => System.Text.RegularExpressions.Regex.IsMatch(f, @"^[A-Z]{6}\+Liberation Sans$"));
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+Liberation Sans", f));
        Assert.DoesNotContain(fonts, f => f.Contains("DejaVu", StringComparison.Ordinal));
        Assert.Contains("Kode verifikasi:", PdfText.Read(pdf).All);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void F4WithLiberationSansAndDashedNumbers_RendersTheSameBytesTwice(string type)
    {
        var model = Sample(type, new PageSetup { Paper = PaperSize.F4, Font = DocumentFont.LiberationSans, PageNumbers = PageNumberStyle.DashedFromPageTwo });

        Assert.Equal(OfficialDocumentRenderer.Render(model), OfficialDocumentRenderer.Render(model));
    }

    [Fact]
    public void BodySize12_DrawsTheBodyTextAt12PointOnTheSamePaper()
    {
        var setup = PageSetup.Default with { BodySizePt = 12 };

        var pdf = OfficialDocumentRenderer.Render(Sample(nameof(WorkBeritaAcaraDocument), setup));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(210, page.Width / 72 * 25.4, precision: 1);
        var word = page.GetWords().First(w => w.Text == "Demikian" || w.Text == "Pada");
        Assert.Equal(12, word.Letters[0].PointSize, precision: 1);
        var text = PdfText.Read(pdf);
        Assert.All(text.WordExtents, e =>
        {
            Assert.True(e.Left >= PageMargins.Official.Left - 1, $"Text starts at {e.Left}.");
            Assert.True(e.Right <= PdfComposer.PageWidth - PageMargins.Official.Right + 1, $"Text ends at {e.Right}.");
        });
    }

    [Fact]
    public void DefaultFont_IsDejaVuSans()
    {
        var fonts = FontNames(OfficialDocumentRenderer.Render(DocumentSamples.WorkBeritaAcara()));

        Assert.All(fonts, f => Assert.Contains("DejaVu", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Margins_MoveTheTextBlock()
    {
        var setup = PageSetup.Default with { MarginLeftMm = 40, MarginRightMm = 30 };

        var text = PdfText.Read(OfficialDocumentRenderer.Render(Sample(nameof(WorkBeritaAcaraDocument), setup)));

        var left = PageSetup.MmToPoint(40);
        var right = PdfComposer.PageWidth - PageSetup.MmToPoint(30);
        Assert.All(text.WordExtents, e =>
        {
            Assert.True(e.Left >= left - 1, $"Text starts at {e.Left}, the margin is {left}.");
            Assert.True(e.Right <= right + 1, $"Text ends at {e.Right}, the margin is {right}.");
        });
        Assert.True(text.WordExtents[0].Left < left + 3, "The kop surat logo or text should start at the left margin.");
    }

    [Fact]
    public void DefaultSetup_RendersTheSameBytesAsBeforeItWasASetting()
    {
        var model = DocumentSamples.WorkBeritaAcara();

        Assert.Equal(
            OfficialDocumentRenderer.Render(model),
            OfficialDocumentRenderer.Render(model with { Letterhead = model.Letterhead with { Page = new PageSetup() } }));
        Assert.Equal(PageMargins.Official, PageMargins.From(PageSetup.Default));
    }

    private static List<string> FontNames(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .SelectMany(p => p.Letters)
            .Select(l => l.FontName ?? "")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
