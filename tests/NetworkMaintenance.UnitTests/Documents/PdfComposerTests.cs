using System.Globalization;
using NetworkMaintenance.Core.Documents.Fonts;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;

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
        // Words of several lengths, so that no line fills the width by itself; then a line break and a short line.
        var words = Enumerable.Range(1, 60).Select(i => i % 3 == 0 ? "perangkat" : i % 2 == 0 ? "kata" : "jaringan");
        using var c = new PdfComposer(Info);
        c.Paragraph(string.Join(' ', words) + "\nbaris baru");

        var lines = PdfLines(c.Render(Footer)).Where(l => !l[0].Text.StartsWith("Halaman", StringComparison.Ordinal)
            && !l.Any(w => w.Text.Contains("://", StringComparison.Ordinal)) && !l.Any(w => w.Text.StartsWith("UJI", StringComparison.Ordinal))).ToList();
        var rightMargin = PdfComposer.PageWidth - PageMargins.Official.Right;
        var last = lines.FindIndex(l => l[0].Text == "baris");
        Assert.True(last >= 3, $"expected several lines before the break, got {last}");

        // Every line before the break is stretched to the right margin...
        for (var i = 0; i < last - 1; i++)
        {
            Assert.InRange(lines[i][^1].BoundingBox.Right, rightMargin - 1.5, rightMargin + 1);
            Assert.InRange(lines[i][0].BoundingBox.Left, PageMargins.Official.Left - 1, PageMargins.Official.Left + 1.5);
        }
        // ...the line ending at the break keeps its natural spaces (narrower than those of a stretched line)...
        Assert.True(Gap(lines[last - 1]) < Gap(lines[0]) - 0.5,
            $"the last line of the paragraph was stretched: gap {Gap(lines[last - 1])} against {Gap(lines[0])}");
        // ...and so does the last line, which ends far from the margin.
        Assert.Equal(["baris", "baru"], lines[last].Select(w => w.Text));
        Assert.True(lines[last][^1].BoundingBox.Right < rightMargin - 100);
    }

    [Fact]
    public void FontResolver_CanBeRegisteredAgainFromManyThreads()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<PdfSharp.Fonts.IFontResolver?>();
        Parallel.For(0, 16, _ =>
        {
            DocumentFontResolver.Register();
            seen.Add(PdfSharp.Fonts.GlobalFontSettings.FontResolver);
        });

        // Every thread saw the one resolver installed, and it serves the document fonts.
        Assert.Equal(16, seen.Count);
        var resolver = Assert.Single(seen.Distinct());
        Assert.IsType<DocumentFontResolver>(resolver);
        var bold = resolver!.ResolveTypeface(DocumentFontResolver.FamilyName, true, false);
        Assert.NotNull(bold);
        Assert.NotEmpty(resolver.GetFont(bold.FaceName)!);
    }

    /// <summary>The words of the first page read back with PdfPig, grouped into lines by their baseline, top to bottom.</summary>
    private static List<List<UglyToad.PdfPig.Content.Word>> PdfLines(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var lines = new List<List<UglyToad.PdfPig.Content.Word>>();
        static double Baseline(UglyToad.PdfPig.Content.Word w) => w.Letters[0].StartBaseLine.Y;
        foreach (var word in document.GetPage(1).GetWords().OrderByDescending(Baseline).ThenBy(w => w.BoundingBox.Left))
        {
            if (lines.Count > 0 && Math.Abs(Baseline(lines[^1][0]) - Baseline(word)) <= 0.5) lines[^1].Add(word);
            else lines.Add([word]);
        }
        return lines;
    }

    /// <summary>The widest space between two neighbouring words of a line.</summary>
    private static double Gap(List<UglyToad.PdfPig.Content.Word> line) =>
        line.Zip(line.Skip(1), (a, b) => b.BoundingBox.Left - a.BoundingBox.Right).Max();
}
