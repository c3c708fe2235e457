using System.Globalization;
using PdfSharp.Drawing;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>A data series of a bar chart: name for the legend, fill colour, one value per category.</summary>
public sealed record ChartSeries(string Name, XColor Color, IReadOnlyList<int> Values);

/// <summary>
/// Bar charts drawn as vector graphics with PDFsharp (no bitmap, no browser): every label and value is text in the
/// PDF, so it prints sharp and can be read back. Grey tones that survive a black-and-white photocopy.
/// </summary>
public static class PdfCharts
{
    public static readonly XColor Dark = XColor.FromArgb(64, 64, 64);
    public static readonly XColor Light = XColor.FromArgb(170, 170, 170);
    private static readonly XPen AxisPen = new(XColors.Black, 0.6);
    private static readonly XPen GridPen = new(XColor.FromArgb(210, 210, 210), 0.4);

    /// <summary>
    /// Vertical bars grouped per category (e.g. twelve months, received vs closed), with a legend, a value axis with
    /// grid lines, the value above each bar and the category labels (and an optional second label line, e.g. the year)
    /// under the axis.
    /// </summary>
    public static void GroupedBars(this PdfComposer c, IReadOnlyList<string> categories, IReadOnlyList<string?> subLabels,
        IReadOnlyList<ChartSeries> series, double height = 170)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        c.Drawing(height, (g, area) =>
        {
            var small = c.DrawingFont(false, 7);
            var label = c.DrawingFont(false, 7.5);
            const double legendHeight = 14, axisLabels = 24, axisWidth = 22;
            // Legend: a swatch and the series name, left to right.
            var x = area.Left + axisWidth;
            foreach (var s in series)
            {
                g.DrawRectangle(new XSolidBrush(s.Color), x, area.Top + 3, 9, 7);
                g.DrawString(s.Name, label, XBrushes.Black, new XPoint(x + 12, area.Top + 9.5));
                x += 12 + g.MeasureString(s.Name, label).Width + 14;
            }

            var plot = new XRect(area.Left + axisWidth, area.Top + legendHeight + 8, area.Width - axisWidth, area.Height - legendHeight - 8 - axisLabels);
            var max = NiceMax(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
            var step = max / 4d;
            for (var i = 0; i <= 4; i++)
            {
                var y = plot.Bottom - (plot.Height * i / 4);
                g.DrawLine(i == 0 ? AxisPen : GridPen, plot.Left, y, plot.Right, y);
                var tick = Text((int)Math.Round(step * i));
                g.DrawString(tick, small, XBrushes.Black, new XPoint(plot.Left - 3 - g.MeasureString(tick, small).Width, y + 2.5));
            }
            g.DrawLine(AxisPen, plot.Left, plot.Top, plot.Left, plot.Bottom);

            var slot = plot.Width / Math.Max(1, categories.Count);
            var barWidth = Math.Min(14, slot * 0.8 / Math.Max(1, series.Count));
            for (var ci = 0; ci < categories.Count; ci++)
            {
                var groupLeft = plot.Left + (slot * ci) + ((slot - (barWidth * series.Count)) / 2);
                for (var si = 0; si < series.Count; si++)
                {
                    var value = series[si].Values[ci];
                    var h = max == 0 ? 0 : plot.Height * value / max;
                    var bx = groupLeft + (barWidth * si);
                    if (h > 0) g.DrawRectangle(new XSolidBrush(series[si].Color), bx, plot.Bottom - h, barWidth - 0.8, h);
                    var v = Text(value);
                    g.DrawString(v, small, XBrushes.Black, new XPoint(bx + ((barWidth - 0.8 - g.MeasureString(v, small).Width) / 2), plot.Bottom - h - 2));
                }
                var center = plot.Left + (slot * ci) + (slot / 2);
                Centered(g, categories[ci], label, center, plot.Bottom + 10);
                if (ci < subLabels.Count && subLabels[ci] is { } sub) Centered(g, sub, small, center, plot.Bottom + 19);
            }
        });
    }

    /// <summary>
    /// Horizontal bars, one per row: the label at the left (shortened with "…" when it does not fit its column), the
    /// bar, and the value at its end, all on one line.
    /// </summary>
    public static void HorizontalBars(this PdfComposer c, IReadOnlyList<(string Label, int Value)> rows, XColor color, double rowHeight = 13)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return;
        c.Drawing((rows.Count * rowHeight) + 6, (g, area) =>
        {
            var font = c.DrawingFont(false, 7.5);
            var labelWidth = area.Width * 0.42;
            var barLeft = area.Left + labelWidth + 6;
            var barMax = area.Right - barLeft - 24;
            var max = Math.Max(1, rows.Max(r => r.Value));
            for (var i = 0; i < rows.Count; i++)
            {
                var (text, value) = rows[i];
                var top = area.Top + 3 + (i * rowHeight);
                var baseline = top + (rowHeight / 2) + 2.6;
                g.DrawString(Fit(g, text, font, labelWidth), font, XBrushes.Black, new XPoint(area.Left, baseline));
                var w = barMax * value / max;
                if (w > 0) g.DrawRectangle(new XSolidBrush(color), barLeft, top + 2, w, rowHeight - 4);
                g.DrawString(Text(value), font, XBrushes.Black, new XPoint(barLeft + w + 3, baseline));
            }
            g.DrawLine(AxisPen, barLeft, area.Top + 2, barLeft, area.Top + 3 + (rows.Count * rowHeight));
        });
    }

    /// <summary>The top of the value axis: four equal whole-number steps (1 to 5, then even, multiples of 5 above 10, of 10 above 50) covering <paramref name="value"/>.</summary>
    public static int NiceMax(int value)
    {
        var step = Math.Max(1, (value + 3) / 4);
        if (step > 50) step = (step + 9) / 10 * 10;
        else if (step > 10) step = (step + 4) / 5 * 5;
        else if (step > 5) step = (step + 1) / 2 * 2;
        return step * 4;
    }

    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        var cut = text.Length;
        while (cut > 1 && g.MeasureString(text[..cut].TrimEnd() + "…", font).Width > width) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    private static void Centered(XGraphics g, string text, XFont font, double center, double baseline) =>
        g.DrawString(text, font, XBrushes.Black, new XPoint(center - (g.MeasureString(text, font).Width / 2), baseline));

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
