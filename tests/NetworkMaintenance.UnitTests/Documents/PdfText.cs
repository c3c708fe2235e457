using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace NetworkMaintenance.UnitTests.Documents;

/// <summary>Reads a PDF back with PdfPig: the words of each page joined by single spaces (page.Text loses spaces).</summary>
internal sealed class PdfText
{
    private PdfText(IReadOnlyList<string> pages, IReadOnlyList<int> imageCounts, IReadOnlyList<(double Left, double Right)> wordExtents)
    {
        Pages = pages;
        ImageCounts = imageCounts;
        WordExtents = wordExtents;
    }

    public IReadOnlyList<string> Pages { get; }

    public IReadOnlyList<int> ImageCounts { get; }

    /// <summary>Leftmost and rightmost x of any word per page, in points.</summary>
    public IReadOnlyList<(double Left, double Right)> WordExtents { get; }

    public string All => string.Join(" ", Pages);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var images = new List<int>();
        var extents = new List<(double, double)>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            pages.Add(string.Join(" ", VisualLines(words)));
            images.Add(page.GetImages().Count());
            extents.Add((words.Min(w => w.BoundingBox.Left), words.Max(w => w.BoundingBox.Right)));
        }

        return new PdfText(pages, images, extents);
    }

    /// <summary>
    /// Words in reading order: grouped into lines by baseline (within 2.5 pt), lines top to bottom, words left to
    /// right. PdfPig's own order follows the content stream, which for tables and side-by-side blocks is not the
    /// order a person reads.
    /// </summary>
    private static IEnumerable<string> VisualLines(IReadOnlyList<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            if (lines.Count > 0 && Math.Abs(lines[^1][0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= 2.5)
            {
                lines[^1].Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        return lines.Select(line => string.Join(" ", line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
    }
}
