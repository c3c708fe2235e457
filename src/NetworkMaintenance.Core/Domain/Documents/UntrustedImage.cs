using System.Buffers.Binary;
using System.IO.Compression;

namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>What a look at an image's header and compressed data found, before any pixel is decoded.</summary>
public enum ImageCheck
{
    Ok,
    /// <summary>Not a PNG or JPEG, a broken header, or PNG pixel data that does not inflate to the declared size.</summary>
    Unreadable,
    /// <summary>Declares more pixels than <see cref="UntrustedImage.MaxSide"/> or <see cref="UntrustedImage.MaxPixels"/>.</summary>
    TooLarge,
}

/// <summary>
/// Checks an image that came from outside (a signature drawn on a phone, an uploaded logo) before PDFsharp decodes it.
/// A 258 KB PNG may declare 9000×9000 pixels; decoding it took 14 s and 1.3 GB (issue #15). Here only the header is
/// read for the size, and a PNG's compressed pixel data is inflated into a counter, never into memory, to prove it holds
/// the rows its header promises (so a PNG that PDFsharp could not decode is refused at the form, not at issuing).
/// </summary>
public static class UntrustedImage
{
    /// <summary>Widest or tallest accepted side: a phone's signature canvas is at most a few thousand pixels wide.</summary>
    public const int MaxSide = 4096;

    /// <summary>Most pixels accepted (about 16 MB once decoded as RGBA).</summary>
    public const long MaxPixels = 4_000_000;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageCheck Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature)) return CheckPng(bytes);
        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return CheckJpeg(bytes);
        return ImageCheck.Unreadable;
    }

    /// <summary>The declared width and height, or null when the header cannot be read.</summary>
    public static (int Width, int Height)? Dimensions(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return bytes.Length >= 33 && bytes.Slice(12, 4).SequenceEqual("IHDR"u8)
                ? ((int)BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]))
                : null;
        }
        return JpegDimensions(bytes);
    }

    private static ImageCheck SizeCheck((int Width, int Height)? size)
    {
        if (size is not { } s || s.Width <= 0 || s.Height <= 0) return ImageCheck.Unreadable;
        return s.Width > MaxSide || s.Height > MaxSide || (long)s.Width * s.Height > MaxPixels
            ? ImageCheck.TooLarge
            : ImageCheck.Ok;
    }

    private static ImageCheck CheckPng(ReadOnlySpan<byte> bytes)
    {
        var dimensions = Dimensions(bytes);
        var size = SizeCheck(dimensions);
        if (size != ImageCheck.Ok) return size;
        var (width, height) = dimensions!.Value;
        int bitDepth = bytes[24], colorType = bytes[25], interlace = bytes[28];
        int? channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => null };
        if (channels is null || bitDepth is not (1 or 2 or 4 or 8 or 16) || interlace > 1) return ImageCheck.Unreadable;

        // The concatenated IDAT chunks are one zlib stream.
        using var compressed = new MemoryStream();
        var offset = 8;
        var ended = false;
        while (offset + 12 <= bytes.Length && !ended)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]);
            if (length > (uint)(bytes.Length - offset - 12)) return ImageCheck.Unreadable;
            var type = bytes.Slice(offset + 4, 4);
            if (type.SequenceEqual("IDAT"u8)) compressed.Write(bytes.Slice(offset + 8, (int)length));
            ended = type.SequenceEqual("IEND"u8);
            offset += 12 + (int)length;
        }
        if (!ended || compressed.Length == 0) return ImageCheck.Unreadable;

        var expected = interlace == 0
            ? RowsBytes(width, height, channels.Value * bitDepth)
            : Adam7Bytes(width, height, channels.Value * bitDepth);
        compressed.Position = 0;
        try
        {
            using var inflate = new ZLibStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while (total < expected && (read = inflate.Read(buffer)) > 0) total += read;
            return total >= expected ? ImageCheck.Ok : ImageCheck.Unreadable;
        }
        catch (InvalidDataException)
        {
            return ImageCheck.Unreadable;
        }
    }

    /// <summary>Bytes of filtered scanlines: each row is one filter byte and its packed pixels.</summary>
    private static long RowsBytes(long width, long height, int bitsPerPixel) =>
        width == 0 || height == 0 ? 0 : height * (1 + ((width * bitsPerPixel) + 7) / 8);

    private static long Adam7Bytes(int width, int height, int bitsPerPixel)
    {
        ReadOnlySpan<(int X, int Y, int DX, int DY)> passes =
            [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        long total = 0;
        foreach (var p in passes)
        {
            long w = Math.Max(0, (width - p.X + p.DX - 1) / p.DX), h = Math.Max(0, (height - p.Y + p.DY - 1) / p.DY);
            total += RowsBytes(w, h, bitsPerPixel);
        }
        return total;
    }

    private static ImageCheck CheckJpeg(ReadOnlySpan<byte> bytes) => SizeCheck(JpegDimensions(bytes));

    /// <summary>Width and height from the first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC).</summary>
    private static (int Width, int Height)? JpegDimensions(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8) return null;
        var offset = 2;
        while (offset + 4 <= bytes.Length)
        {
            if (bytes[offset] != 0xFF) return null;
            var marker = bytes[offset + 1];
            if (marker == 0xFF) { offset++; continue; }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { offset += 2; continue; }
            if (marker is 0xD9 or 0xDA) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 2)..]);
            if (length < 2) return null;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (offset + 9 > bytes.Length) return null;
                int height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 5)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 7)..]);
                return (width, height);
            }
            offset += 2 + length;
        }
        return null;
    }
}
