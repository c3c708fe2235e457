namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>Process-wide settings of the PDF renderer.</summary>
public static class DocumentRendering
{
    /// <summary>How many decoded images (logos, signatures) are kept across renders (default 32).</summary>
    public static void KeepDecodedImages(int capacity) => ImageCache.Capacity = capacity;
}
