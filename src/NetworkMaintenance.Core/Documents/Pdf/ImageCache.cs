using System.Collections.Concurrent;
using System.Security.Cryptography;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using PdfSharp.Drawing;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>
/// Decoded images kept across renders, keyed by the SHA-256 of their bytes: decoding the PNG logo took about 40 % of
/// a one-page render (docs/performance.md). A replaced logo has other bytes and so another key. PDFsharp still writes
/// each document's own image object from the decoded pixels, so the output bytes are the same as with a freshly
/// decoded image. Only the administrator's logo is kept; a signature drawn on a phone is decoded for its document and
/// dropped (untrusted decoded images are never kept). Every image passes <see cref="UntrustedImage"/> before decoding.
/// </summary>
internal static class ImageCache
{
    private static int _capacity = 32;

    /// <summary>
    /// The logo plus the signatures of a few people; past that the cache starts over. The web app sets it from
    /// <c>Caches:DocumentImages</c> at start (<see cref="DocumentRendering.KeepDecodedImages"/>).
    /// </summary>
    internal static int Capacity
    {
        get => Volatile.Read(ref _capacity);
        set => Volatile.Write(ref _capacity, Math.Max(1, value));
    }

    private static readonly ConcurrentDictionary<string, XImage> Images = new(StringComparer.Ordinal);

    /// <summary>
    /// Draws the image of <paramref name="bytes"/>. Drawing turns the shared decoded image into this document's image
    /// object; PDFsharp does not promise that this is safe from several threads at once, so it is done under a lock.
    /// </summary>
    public static void Draw(XGraphics gfx, ReadOnlyMemory<byte> bytes, Func<XImage, XRect> place, bool keep)
    {
        if (!keep)
        {
            // Not disposed here: PDFsharp reads the pixels into the document's image object when it is drawn.
            var once = Decode(bytes);
            gfx.DrawImage(once, place(once));
            return;
        }
        var image = Get(bytes);
        lock (image)
        {
            gfx.DrawImage(image, place(image));
        }
    }

    private static XImage Decode(ReadOnlyMemory<byte> bytes)
    {
        if (UntrustedImage.Check(bytes.Span) != ImageCheck.Ok)
        {
            throw new DomainException("Gambar logo atau tanda tangan tidak dapat dipakai (rusak atau terlalu besar). "
                + "Ganti logo di Administrasi → Kop Surat & Penomoran, atau ulangi tanda tangan.");
        }
        return XImage.FromStream(new MemoryStream(bytes.ToArray(), writable: false));
    }

    internal static XImage Get(ReadOnlyMemory<byte> bytes)
    {
        var key = Convert.ToHexString(SHA256.HashData(bytes.Span));
        if (Images.TryGetValue(key, out var image)) return image;
        if (Images.Count >= Capacity) Images.Clear();
        // Two threads may decode the same new image at once; one copy wins, the other is dropped unused.
        return Images.GetOrAdd(key, _ => Decode(bytes));
    }

    /// <summary>For tests: forget every decoded image.</summary>
    internal static void Clear() => Images.Clear();
}
