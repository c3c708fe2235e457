using System.Buffers.Binary;
using System.IO.Compression;

namespace NetworkMaintenance.Core.Documents;

/// <summary>
/// Small PNG images drawn in code for the document samples: a handwritten-looking signature and a placeholder
/// emblem (the real Lambang Kota Tebing Tinggi is uploaded by the administrator). Deterministic bytes.
/// </summary>
public static class SampleImages
{
    /// <summary>A dark-blue signature stroke on a transparent background, 360 × 120 px.</summary>
    public static byte[] Signature(int seed)
    {
        const int w = 360, h = 120;
        var alpha = new float[w * h];
        var phase = seed * 0.7;
        var previous = (X: 0.0, Y: 0.0);
        for (var i = 0; i <= 2400; i++)
        {
            var t = i / 2400.0;
            // A forward-moving pen with loops: a trochoid with slowly varying height.
            var x = 30 + (t * 290) + (16 * Math.Cos((t * 26) + phase));
            var y = 64 - (26 * Math.Sin((t * 26) + phase) * (0.6 + (0.4 * Math.Sin((t * 5) + seed)))) + (10 * Math.Sin(t * 3));
            if (i > 0) Stroke(alpha, w, h, previous, (x, y), 2.1);
            previous = (x, y);
        }

        // An underline flourish.
        for (var i = 0; i <= 600; i++)
        {
            var t = i / 600.0;
            var x = 40 + (t * 280);
            var y = 100 + (6 * Math.Sin(t * Math.PI)) - (8 * t);
            if (i > 0) Stroke(alpha, w, h, previous, (x, y), 1.6);
            previous = (x, y);
        }

        var rgba = new byte[w * h * 4];
        for (var p = 0; p < w * h; p++)
        {
            rgba[(p * 4) + 0] = 20;
            rgba[(p * 4) + 1] = 40;
            rgba[(p * 4) + 2] = 120;
            rgba[(p * 4) + 3] = (byte)Math.Round(Math.Clamp(alpha[p], 0, 1) * 255);
        }

        return Png(w, h, rgba);
    }

    /// <summary>A green shield with a gold border and a white star, 200 × 240 px.</summary>
    public static byte[] Emblem()
    {
        const int w = 200, h = 240;
        var rgba = new byte[w * h * 4];
        const int samples = 4;
        for (var py = 0; py < h; py++)
        {
            for (var px = 0; px < w; px++)
            {
                double r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var x = px + ((sx + 0.5) / samples);
                        var y = py + ((sy + 0.5) / samples);
                        var (cr, cg, cb, ca) = EmblemColor(x, y);
                        r += cr * ca;
                        g += cg * ca;
                        b += cb * ca;
                        a += ca;
                    }
                }

                var i = ((py * w) + px) * 4;
                var n = samples * samples;
                rgba[i + 3] = (byte)Math.Round(a / n * 255);
                if (a > 0)
                {
                    rgba[i + 0] = (byte)Math.Round(r / a);
                    rgba[i + 1] = (byte)Math.Round(g / a);
                    rgba[i + 2] = (byte)Math.Round(b / a);
                }
            }
        }

        return Png(w, h, rgba);
    }

    private static (double R, double G, double B, double A) EmblemColor(double x, double y)
    {
        static bool InShield(double x, double y, double inset)
        {
            // Straight sides from the top to 55 %, then two arcs meeting at the bottom point.
            double left = 10 + inset, right = 190 - inset, top = 10 + inset;
            if (y < top || x < left || x > right) return false;
            if (y <= 130) return true;
            var cx = x < 100 ? right : left;
            var radius = right - left;
            var dx = x - cx;
            var dy = y - 130;
            return (dx * dx) + (dy * dy) <= radius * radius && y <= 230 - inset;
        }

        if (!InShield(x, y, 0)) return (0, 0, 0, 0);
        if (!InShield(x, y, 9)) return (222, 170, 30, 1);
        if (InStar(x - 100, y - 105, 52, 21)) return (255, 255, 255, 1);
        return (0, 104, 55, 1);
    }

    private static bool InStar(double x, double y, double outer, double inner)
    {
        var points = new (double X, double Y)[10];
        for (var k = 0; k < 10; k++)
        {
            var angle = (-Math.PI / 2) + (k * Math.PI / 5);
            var radius = k % 2 == 0 ? outer : inner;
            points[k] = (radius * Math.Cos(angle), radius * Math.Sin(angle));
        }

        var inside = false;
        for (int i = 0, j = points.Length - 1; i < points.Length; j = i++)
        {
            if ((points[i].Y > y) != (points[j].Y > y)
                && x < ((points[j].X - points[i].X) * (y - points[i].Y) / (points[j].Y - points[i].Y)) + points[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static void Stroke(float[] alpha, int w, int h, (double X, double Y) from, (double X, double Y) to, double radius)
    {
        var minX = (int)Math.Floor(Math.Min(from.X, to.X) - radius - 1);
        var maxX = (int)Math.Ceiling(Math.Max(from.X, to.X) + radius + 1);
        var minY = (int)Math.Floor(Math.Min(from.Y, to.Y) - radius - 1);
        var maxY = (int)Math.Ceiling(Math.Max(from.Y, to.Y) + radius + 1);
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length2 = Math.Max((dx * dx) + (dy * dy), 1e-9);
        for (var py = Math.Max(0, minY); py <= Math.Min(h - 1, maxY); py++)
        {
            for (var px = Math.Max(0, minX); px <= Math.Min(w - 1, maxX); px++)
            {
                var t = Math.Clamp((((px + 0.5 - from.X) * dx) + ((py + 0.5 - from.Y) * dy)) / length2, 0, 1);
                var ex = px + 0.5 - (from.X + (t * dx));
                var ey = py + 0.5 - (from.Y + (t * dy));
                var coverage = (float)Math.Clamp(radius - Math.Sqrt((ex * ex) + (ey * ey)) + 0.5, 0, 1);
                var index = (py * w) + px;
                if (coverage > alpha[index]) alpha[index] = coverage;
            }
        }
    }

    /// <summary>Encodes 8-bit RGBA pixels as a PNG (filter 0 on every row).</summary>
    private static byte[] Png(int width, int height, byte[] rgba)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0);
                z.Write(rgba, y * width * 4, width * 4);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32(typeBytes, data);
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        output.Write(crcBytes);
    }

    private static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
