using PdfSharp.Drawing;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>Draws a QR code as vector rectangles (<see cref="QrCodeRuns"/>): sharp at any zoom, no bitmap library.</summary>
internal static class QrCodeDrawing
{
    /// <summary>Modules of quiet zone on each side in <see cref="QrCodeRuns"/> (QRCoder's module matrix).</summary>
    public const int QuietModules = 4;

    /// <summary>
    /// Draws the code so that the symbol itself (without its quiet zone, which lies outside) is a square of
    /// <paramref name="symbolSize"/> points with its top left corner at (<paramref name="x"/>, <paramref name="y"/>).
    /// </summary>
    public static void Draw(XGraphics gfx, string payload, double x, double y, double symbolSize)
    {
        var code = QrCodeRuns.Of(payload);
        var module = symbolSize / (code.Size - (2 * QuietModules));
        var ox = x - (QuietModules * module);
        var oy = y - (QuietModules * module);
        var rects = code.Runs.Select(r => new XRect(ox + (r.Start * module), oy + (r.Row * module), r.Length * module, module)).ToArray();
        if (rects.Length > 0) gfx.DrawRectangles(XBrushes.Black, rects);
    }
}
