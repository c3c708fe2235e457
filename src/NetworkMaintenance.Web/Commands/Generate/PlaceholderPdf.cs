using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NetworkMaintenance.Web.Commands.Generate;

/// <summary>
/// A valid one-page PDF of about 560 bytes (standard Helvetica, nothing embedded) that says it stands in for a generated
/// document and names its type and number: stored in the PDF column of generated issued-document rows, which would
/// otherwise hold ~70 KB each. Type and number are unique, so every document's bytes (and its SHA-256) are its own and
/// checking a file on /verifikasi matches only the document it belongs to. Built from a per-title template: everything up to the
/// content stream and the cross-reference table are the same for every document (the content stream is the last
/// object), only the stream, its length and the cross-reference position are written per document.
/// </summary>
internal static class PlaceholderPdf
{
    private sealed record Template(byte[] Head, string Title, string CrossReference);

    private static readonly ConcurrentDictionary<string, Template> Templates = new(StringComparer.Ordinal);

    public static byte[] For(string title, string number)
    {
        var template = Templates.GetOrAdd(title, Create);
        var content = string.Concat("BT/F1 11 Tf 56 780 Td(", template.Title, ")Tj 0 -16 Td(Nomor ", Escape(number), ")Tj ET");
        var length = content.Length.ToString(CultureInfo.InvariantCulture);
        var body = string.Concat(length, ">>stream\n", content, "\nendstream endobj\n");
        var xref = template.Head.Length + body.Length;
        var tail = string.Concat(template.CrossReference, xref.ToString(CultureInfo.InvariantCulture), "\n%%EOF\n");
        var pdf = new byte[xref + tail.Length];
        template.Head.CopyTo(pdf, 0);
        Encoding.ASCII.GetBytes(body, pdf.AsSpan(template.Head.Length));
        Encoding.ASCII.GetBytes(tail, pdf.AsSpan(xref));
        return pdf;
    }

    private static Template Create(string title)
    {
        // Written without optional whitespace and with the font inline: these bytes are a third of the database, and
        // under about 580 bytes five document rows fit in a 4 KB page instead of four.
        var objects = new[]
        {
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>/Contents 4 0 R>>",
        };
        var head = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(head.Length);
            head.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj{objects[i]}endobj\n");
        }
        offsets.Add(head.Length);
        head.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj<</Length ");
        var xref = new StringBuilder().Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) xref.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        xref.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {offsets.Count + 1}/Root 1 0 R>>\nstartxref\n");
        return new Template(Encoding.ASCII.GetBytes(head.ToString()), Escape(title + " - PDF pengganti data uji"), xref.ToString());
    }

    /// <summary>Printable ASCII in a PDF literal string: brackets and backslashes escaped, anything else a space.</summary>
    private static string Escape(string s)
    {
        var plain = true;
        foreach (var c in s)
        {
            if (c is < ' ' or > '~' or '(' or ')' or '\\') plain = false;
        }
        if (plain) return s;
        var result = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            if (c is '(' or ')' or '\\') result.Append('\\').Append(c);
            else result.Append(c is >= ' ' and <= '~' ? c : ' ');
        }
        return result.ToString();
    }
}

/// <summary>A small real PNG (a signature-like stroke) for generated on-site acknowledgements.</summary>
internal static class SignaturePng
{
    public static readonly byte[] Bytes = Create(64, 16);

    private static byte[] Create(int width, int height)
    {
        var raw = new byte[(width + 1) * height];
        for (var y = 0; y < height; y++)
        {
            raw[y * (width + 1)] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var curve = (int)(height / 2 + Math.Sin(x / 5.0) * (height / 3.0));
                raw[y * (width + 1) + 1 + x] = (byte)(Math.Abs(curve - y) <= 0 ? 0 : 255);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(raw);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        Chunk(png, "tEXt", Encoding.ASCII.GetBytes("Comment\0Tanda tangan contoh untuk data uji kinerja"));
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc32([.. typeBytes, .. data]);
        Span<byte> crcBytes = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        png.Write(crcBytes);
    }
}
