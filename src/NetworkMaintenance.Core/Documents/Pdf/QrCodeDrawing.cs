using PdfSharp.Drawing;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>Draws a QR code as vector rectangles (<see cref="QrCodeRuns"/>): sharp at any zoom, no bitmap library.</summary>
internal static class QrCodeDrawing
{
    /// <summary>Draws the code (including its quiet zone) in a square of <paramref name="size"/> points.</summary>
    public static void Draw(XGraphics gfx, string payload, double x, double y, double size)
    {
        var code = QrCodeRuns.Of(payload);
        var module = size / code.Size;
        var rects = code.Runs.Select(r => new XRect(x + (r.Start * module), y + (r.Row * module), r.Length * module, module)).ToArray();
        if (rects.Length > 0) gfx.DrawRectangles(XBrushes.Black, rects);
    }
}
