using NetworkMaintenance.Core.Documents.Fonts;
using NetworkMaintenance.Core.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>One QR label: the code's target (the device's scan address) and up to three lines of text.</summary>
public sealed record DeviceLabel(string ScanUrl, string Title, string? Serial, string? Place);

/// <summary>
/// A sheet of QR labels for devices (issue #19 point 5): A4, 3 × 8 labels of 70 × 37 mm, each with a QR code of the
/// device's scan address (vector, <see cref="QrCodeDrawing"/>) and its kind, serial number and place.
/// </summary>
public static class DeviceLabelSheet
{
    private const int Columns = 3;
    private const int Rows = 8;
    private static readonly double Mm = XUnit.FromMillimeter(1).Point;

    public static byte[] Render(IReadOnlyList<DeviceLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        DocumentFontResolver.Register();
        var family = DocumentFontResolver.Family(Models.DocumentFont.DejaVuSans);
        using var document = new PdfDocument();
        document.Info.Title = "Label perangkat";
        var bold = new XFont(family, 8, XFontStyleEx.Bold);
        var regular = new XFont(family, 7, XFontStyleEx.Regular);
        var labelWidth = 70 * Mm;
        var labelHeight = 37 * Mm;
        var top = (297 * Mm - (Rows * labelHeight)) / 2;
        for (var start = 0; start < Math.Max(1, labels.Count); start += Columns * Rows)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var gfx = XGraphics.FromPdfPage(page);
            foreach (var (label, i) in labels.Skip(start).Take(Columns * Rows).Select((l, i) => (l, i)))
            {
                var x = (i % Columns) * labelWidth;
                var y = top + ((i / Columns) * labelHeight);
                var qr = 27 * Mm;
                QrCodeDrawing.Draw(gfx, label.ScanUrl, x + (5 * Mm), y + (5 * Mm), qr);
                var textX = x + (35 * Mm);
                var width = labelWidth - (37 * Mm);
                gfx.DrawString(Fit(gfx, label.Title, bold, width), bold, XBrushes.Black, new XPoint(textX, y + (10 * Mm)));
                if (label.Serial is not null)
                    gfx.DrawString(Fit(gfx, "SN " + label.Serial, regular, width), regular, XBrushes.Black, new XPoint(textX, y + (15 * Mm)));
                if (label.Place is not null)
                    gfx.DrawString(Fit(gfx, label.Place, regular, width), regular, XBrushes.Black, new XPoint(textX, y + (20 * Mm)));
                gfx.DrawString("Diskominfo — pindai untuk lapor", regular, XBrushes.Gray, new XPoint(textX, y + (30 * Mm)));
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut + "…";
    }
}
