using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// Reads a downloaded PDF back with PdfPig: its words in reading order (lines top to bottom, words left to right)
/// joined by single spaces, as a person reads the page. Table cells that wrap interleave with their neighbours, so
/// assert on short phrases or single words there.
/// </summary>
public static class PdfReader
{
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(page => Lines(page.GetWords().ToList())));
    }

    /// <summary>Each page's text lines (words on the same baseline, left to right), page by page.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> PageLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(page => (IReadOnlyList<string>)Lines(page.GetWords().ToList()).ToList()).ToList();
    }

    private static IEnumerable<string> Lines(IReadOnlyList<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            if (lines.Count > 0 && Math.Abs(lines[^1][0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= 2.5) lines[^1].Add(word);
            else lines.Add([word]);
        }
        return lines.Select(line => string.Join(" ", line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
    }
}

public static class PdfDownloads
{
    /// <summary>Downloads an issued document as <paramref name="session"/> and returns its text; the bytes must be the stored ones.</summary>
    public static async Task<string> TextOfAsync(this WebSession session, int reportId, Core.Domain.Documents.IssuedDocument document)
    {
        using var response = await session.GetAsync($"/laporan/{reportId}/dokumen/{document.Id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(document.Pdf, bytes);
        return PdfReader.Text(bytes);
    }
}
