using PdfSharp.Drawing;
using QRCoder;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>Draws a QR code as vector rectangles from QRCoder's module matrix: sharp at any zoom, no bitmap library.</summary>
internal static class QrCodeDrawing
{
    /// <summary>Draws the code (including its quiet zone) in a square of <paramref name="size"/> points.</summary>
    public static void Draw(XGraphics gfx, string payload, double x, double y, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var count = matrix.Count;
        var module = size / count;
        var rects = new List<XRect>();

        for (var row = 0; row < count; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < count)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }

                // Merge a horizontal run of dark modules into one rectangle.
                var start = col;
                while (col < count && bits[col]) col++;
                rects.Add(new XRect(x + (start * module), y + (row * module), (col - start) * module, module));
            }
        }

        if (rects.Count > 0) gfx.DrawRectangles(XBrushes.Black, rects.ToArray());
    }
}
