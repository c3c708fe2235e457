using System.Globalization;
using NetworkMaintenance.Core.Documents.Fonts;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NetworkMaintenance.UnitTests.Documents;

public class PdfComposerTests
{
    private static readonly PdfDocumentInfo Info =
        new("Uji", "Uji tata letak", "Diskominfo", new DateTime(2026, 11, 30, 7, 5, 0, DateTimeKind.Utc), "uji");

    private static readonly PdfFooter Footer = new("https://gangguan.tebingtinggikota.go.id/v/UJI", "UJI-0001");

    private static void AssertInsideMargins(PdfText text)
    {
        foreach (var (left, right) in text.WordExtents)
        {
            Assert.True(left >= PageMargins.Official.Left - 1, $"Text starts at {left}.");
            Assert.True(right <= PdfComposer.PageWidth - PageMargins.Official.Right + 1, $"Text ends at {right}.");
        }
    }

    [Fact]
    public void LongParagraph_FlowsOntoNewPagesInsideTheMargins()
    {
        var words = Enumerable.Range(1, 1500).Select(i => "kata" + i.ToString(CultureInfo.InvariantCulture));
        using var c = new PdfComposer(Info);
        c.Paragraph(string.Join(' ', words));

        var text = PdfText.Read(c.Render(Footer));

        Assert.True(text.Pages.Count >= 2);
        Assert.Contains("kata1 kata2 kata3", text.Pages[0]);
        Assert.Contains("kata1500", text.Pages[^1]);
        AssertInsideMargins(text);
    }

    [Fact]
    public void WordWiderThanTheLine_IsCutIntoPiecesThatFit()
    {
        var url = "https://gangguan.tebingtinggikota.go.id/" + new string('a', 300);
        using var c = new PdfComposer(Info);
        c.Paragraph("Alamat: " + url);

        var text = PdfText.Read(c.Render(Footer));

        Assert.Contains(url, text.Pages[0].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        AssertInsideMargins(text);
    }

    [Fact]
    public void TableRowTallerThanAPage_IsSplitAndTheHeaderRepeats()
    {
        var tall = string.Join('\n', Enumerable.Range(1, 150).Select(i => "baris " + i.ToString(CultureInfo.InvariantCulture)));
        using var c = new PdfComposer(Info);
        c.Table([new TableColumn("Kolom A", 1), new TableColumn("Kolom B", 1)], [["pendek", tall]]);

        var text = PdfText.Read(c.Render(Footer));

        Assert.True(text.Pages.Count >= 2);
        Assert.All(text.Pages, p => Assert.Contains("Kolom A Kolom B", p));
        Assert.Contains("baris 150", text.Pages[^1]);
    }

    [Fact]
    public void SignatureBlocks_MoveWholeToTheNextPage()
    {
        using var c = new PdfComposer(Info);
        while (c.Y < c.Bottom - 60) c.Paragraph("Isi dokumen.");
        c.Signatures(
            [
                new SignatureBlock(["PIHAK PERTAMA,"], new Signer("Nama Pertama", "198609262015051001", "Jabatan Pertama"), false),
                new SignatureBlock(["PIHAK KEDUA,"], new Signer("Nama Kedua", null, "Jabatan Kedua"), false),
            ],
            "Tebing Tinggi, 30 November 2026");

        var text = PdfText.Read(c.Render(Footer));

        Assert.Equal(2, text.Pages.Count);
        Assert.DoesNotContain("PIHAK", text.Pages[0]);
        Assert.Contains("Tebing Tinggi, 30 November 2026", text.Pages[1]);
        Assert.Contains("PIHAK PERTAMA, PIHAK KEDUA,", text.Pages[1]);
        Assert.Contains("NIP. 19860926 201505 1 001", text.Pages[1]);
        Assert.Contains("Halaman 2 dari 2", text.Pages[1]);
    }

    [Fact]
    public void Justify_StretchesEveryLineButTheLast()
    {
        using var document = new PdfDocument();
        DocumentFontResolver.Register();
        using var gfx = XGraphics.FromPdfPage(document.AddPage());
        var font = new XFont(DocumentFontResolver.FamilyName, 10, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var breaker = new LineBreaker((s, f) => gfx.MeasureString(s, f).Width);

        var lines = breaker.Break([new TextRun(string.Join(' ', Enumerable.Repeat("kata", 60)) + "\nbaris baru")], _ => font, 200);

        Assert.All(lines.Take(lines.Count - 1).Where(l => !l.EndsParagraph), l => Assert.True(l.NaturalWidth <= 200));
        Assert.Equal(2, lines.Count(l => l.EndsParagraph));
        Assert.Equal("baris", lines[^1].Words[0].Fragments[0].Text);
    }

    [Fact]
    public void FontResolver_CanBeRegisteredAgainFromManyThreads() =>
        Parallel.For(0, 16, _ => DocumentFontResolver.Register());
}
