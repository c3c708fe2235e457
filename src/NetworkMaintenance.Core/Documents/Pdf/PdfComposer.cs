using System.Globalization;
using NetworkMaintenance.Core.Documents.Fonts;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Formatting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>
/// A small flow-layout layer over PDFsharp for official documents on A4: a cursor moves down the page and every
/// block (letterhead, title, paragraph, key–value rows, table, signatures) breaks to a new page when it does not fit.
/// Footers ("Halaman x dari n" and the verification QR code) are drawn by <see cref="Render"/> once the page count is
/// known. The output is deterministic: the same calls with the same <see cref="PdfDocumentInfo"/> give the same bytes.
/// </summary>
/// <remarks>Not thread-safe; use one composer per document. Units are points (1/72 inch), y grows downwards.</remarks>
public sealed class PdfComposer : IDisposable
{
    public const double BodyFontSize = 10;

    /// <summary>Single spacing ("spasi 1" of the tata naskah dinas): the line height of body text, key–value rows and headings.</summary>
    public const double BodyLineSpacing = 1.2;
    /// <summary>A4 width; a composer's own paper is <see cref="PaperWidth"/>.</summary>
    public const double PageWidth = 595.276;

    /// <summary>A4 height; a composer's own paper is <see cref="PaperHeight"/>.</summary>
    public const double PageHeight = 841.89;

    /// <summary>Height reserved above the bottom margin for the footer.</summary>
    public const double FooterHeight = 58;

    /// <summary>The QR code's symbol (without quiet zone): 21 mm, over the 20 mm a photocopied code needs (GOV-FORMATS.md).</summary>
    public const double QrSymbolSize = 21 / 25.4 * 72;

    private const double SignatureSpace = 36;

    /// <summary>Width of every signing box (the electronic approval's frame; a drawn signature gets 20 pt less), whatever the column.</summary>
    private const double SigningBoxWidth = 170;
    private static readonly XColor HeaderFill = XColor.FromArgb(232, 232, 232);
    private static readonly XPen GridPen = new(XColors.Black, 0.6);

    private readonly PdfDocument document = new();
    private readonly List<XGraphics> pages = [];
    private readonly PdfDocumentInfo info;
    private readonly LineBreaker breaker;
    private readonly Dictionary<(bool Bold, bool Italic, double Size), XFont> fonts = [];
    private readonly Dictionary<(string Text, XFont Font), double> widths = [];
    private XGraphics gfx;
    private bool rendered;
    private readonly string familyName;
    private readonly double scale;

    public PdfComposer(PdfDocumentInfo info, PageMargins? margins = null, PageSetup? page = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        DocumentFontResolver.Register();
        this.info = info;
        Setup = page ?? PageSetup.Default;
        // A larger body size draws the 10 pt design scaled up: layout happens on a page smaller by the scale.
        scale = Setup.Scale;
        PaperWidth = Setup.PageWidth / scale;
        PaperHeight = Setup.PageHeight / scale;
        familyName = DocumentFontResolver.Family(Setup.Font);
        var real = margins ?? PageMargins.From(Setup);
        Margins = scale == 1 ? real : new PageMargins(real.Left / scale, real.Top / scale, real.Right / scale, real.Bottom / scale);
        breaker = new LineBreaker(Measure);
        gfx = AddPage();
    }

    public PageMargins Margins { get; }

    /// <summary>Paper, typeface, margins and page-number style this composer lays out with.</summary>
    public PageSetup Setup { get; }

    /// <summary>Width of this composer's paper in layout points (paper width / <see cref="PageSetup.Scale"/>).</summary>
    public double PaperWidth { get; }

    /// <summary>Height of this composer's paper in layout points (paper height / <see cref="PageSetup.Scale"/>).</summary>
    public double PaperHeight { get; }

    public double Left => Margins.Left;

    public double Right => PaperWidth - Margins.Right;

    public double ContentWidth => Right - Left;

    public double Top => Margins.Top;

    /// <summary>Lowest y that content may reach on a page (the footer lies below).</summary>
    public double Bottom => PaperHeight - Margins.Bottom - FooterHeight;

    /// <summary>The cursor: where the next block starts.</summary>
    public double Y { get; private set; }

    public int PageCount => pages.Count;

    /// <summary>Kop surat: government and agency name, address and contacts, logo at the left, thick + thin rule.</summary>
    public void Letterhead(LetterheadSettings letterhead)
    {
        ArgumentNullException.ThrowIfNull(letterhead);
        var top = Y;
        var textLeft = Left;
        var logoBottom = top;

        if (letterhead.Logo is { Length: > 0 } logo)
        {
            const double maxSize = 50;
            var w = 0d;
            var h = 0d;
            ImageCache.Draw(gfx, logo, image =>
            {
                var scale = Math.Min(maxSize / image.PointWidth, maxSize / image.PointHeight);
                w = image.PointWidth * scale;
                h = image.PointHeight * scale;
                return new XRect(Left, top, w, h);
            }, keep: true);
            textLeft = Left + w + 8;
            logoBottom = top + h;
        }

        var width = Right - textLeft;
        var y = top;
        // The agency is the most prominent line: largest and bold (shrunk to one line if it must be); the government
        // line above it is always smaller.
        var agency = Fit(letterhead.AgencyName.ToUpperInvariant(), Font(true, false, AgencyFontSize), width);
        var government = Fit(letterhead.Government.ToUpperInvariant(), Font(true, false, Math.Min(GovernmentFontSize, agency.Size - 2)), width);
        y = CenteredLines(letterhead.Government.ToUpperInvariant(), government, textLeft, width, y, 1.15, shrink: false);
        y = CenteredLines(letterhead.AgencyName.ToUpperInvariant(), agency, textLeft, width, y, 1.1, shrink: false);
        // Address and telephone on one line where they fit, then e-mail and website: the usual kop surat order.
        var small = Font(false, false, 8.5);
        var addressLine = string.IsNullOrWhiteSpace(letterhead.Phone)
            ? letterhead.Address
            : $"{letterhead.Address}, Telepon {letterhead.Phone}";
        y = CenteredLines(addressLine, small, textLeft, width, y + 1, 1.2, shrink: false);
        var contacts = new List<string>();
        if (!string.IsNullOrWhiteSpace(letterhead.Email)) contacts.Add("Pos-el " + letterhead.Email);
        if (!string.IsNullOrWhiteSpace(letterhead.Website)) contacts.Add("Laman " + letterhead.Website);
        if (contacts.Count > 0)
        {
            y = CenteredLines(string.Join(", ", contacts), small, textLeft, width, y, 1.2, shrink: false);
        }

        var ruleY = Math.Max(y, logoBottom) + 5;
        gfx.DrawLine(new XPen(XColors.Black, 2.4), Left, ruleY, Right, ruleY);
        gfx.DrawLine(new XPen(XColors.Black, 0.7), Left, ruleY + 3.4, Right, ruleY + 3.4);
        Y = ruleY + 8;
    }

    /// <summary>Centred bold underlined title, with "Nomor: …" under it when a number is given.</summary>
    public void Title(string title, string? number)
    {
        ArgumentNullException.ThrowIfNull(title);
        var font = Font(true, false, 12);
        var lh = 12 * 1.25;
        var lines = breaker.Break([new TextRun(title, Bold: true, Underline: true)], _ => font, ContentWidth);
        EnsureSpace((lines.Count * lh) + 30);
        foreach (var line in lines)
        {
            DrawLine(line, Left, Y, ContentWidth, TextAlign.Center, lh, font.Size);
            Y += lh;
        }

        if (!string.IsNullOrEmpty(number))
        {
            Paragraph([new TextRun("Nomor: " + number)], ParagraphStyle.Body with { Align = TextAlign.Center, SpaceAfter = 0 });
        }

        Y += 5;
    }

    /// <summary>A bold heading kept with at least two lines of what follows.</summary>
    public void Heading(string text, double fontSize = BodyFontSize)
    {
        var lh = fontSize * BodyLineSpacing;
        EnsureSpace((lh * 3) + 4);
        Paragraph([new TextRun(text, Bold: true)], ParagraphStyle.Body with { FontSize = fontSize, Align = TextAlign.Left, SpaceAfter = 3 });
    }

    /// <summary>Plain text (no markup is interpreted); '\n' starts a new line.</summary>
    public void Paragraph(string text, ParagraphStyle? style = null) =>
        Paragraph([new TextRun(text ?? "")], style);

    /// <summary>A paragraph of styled runs, word-wrapped; justified paragraphs stretch every line but the last.</summary>
    public void Paragraph(IReadOnlyList<TextRun> runs, ParagraphStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        style ??= ParagraphStyle.Body;
        var width = ContentWidth - style.LeftIndent - style.RightIndent;
        var lines = breaker.Break(runs, FontFor(style), width, style.FirstLineIndent);
        var lh = style.FontSize * style.LineSpacing;
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(lh);
            var indent = i == 0 ? style.FirstLineIndent : 0;
            DrawLine(lines[i], Left + style.LeftIndent + indent, Y, width - indent, style.Align, lh, style.FontSize);
            Y += lh;
        }

        Y += style.SpaceAfter;
    }

    /// <summary>A list item: <paramref name="marker"/> ("1.", "a.", "•") hanging in front of a wrapped paragraph.</summary>
    public void ListItem(string marker, IReadOnlyList<TextRun> runs, ParagraphStyle? style = null, double markerWidth = 18)
    {
        ArgumentNullException.ThrowIfNull(runs);
        style ??= ParagraphStyle.Body with { SpaceAfter = 2 };
        var lh = style.FontSize * style.LineSpacing;
        EnsureSpace(lh);
        var font = FontFor(style)(new TextRun(marker));
        DrawText(marker, font, Left + style.LeftIndent, Y, lh);
        Paragraph(runs, style with { LeftIndent = style.LeftIndent + markerWidth, FirstLineIndent = 0 });
    }

    /// <summary>Rows of "label : value"; values wrap under themselves and may continue on the next page.</summary>
    /// <param name="marker">Printed in front of the first row, in the indent (e.g. "1." for a numbered party).</param>
    public void KeyValues(
        IEnumerable<KeyValue> rows, double labelWidth = 120, double indent = 0, double fontSize = BodyFontSize, double spaceAfter = 8, string? marker = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lh = fontSize * BodyLineSpacing;
        var colonX = Left + indent + labelWidth;
        var valueX = colonX + 10;
        var valueWidth = Right - valueX;
        var regular = Font(false, false, fontSize);

        foreach (var row in rows)
        {
            var labelLines = breaker.Break([new TextRun(row.Label)], _ => regular, labelWidth - 4);
            var valueText = string.IsNullOrWhiteSpace(row.Value) ? "-" : row.Value;
            var valueLines = breaker.Break([new TextRun(valueText, Bold: row.BoldValue)], r => Font(r.Bold, false, fontSize), valueWidth);
            var count = Math.Max(labelLines.Count, valueLines.Count);
            EnsureSpace(Math.Min(count, 2) * lh);
            for (var i = 0; i < count; i++)
            {
                if (i > 0) EnsureSpace(lh);
                if (i < labelLines.Count) DrawLine(labelLines[i], Left + indent, Y, labelWidth - 4, TextAlign.Left, lh, fontSize);
                if (i == 0) DrawText(":", regular, colonX, Y, lh);
                if (i == 0 && marker is not null)
                {
                    DrawText(marker, regular, Left + indent - 18, Y, lh);
                    marker = null;
                }

                if (i < valueLines.Count) DrawLine(valueLines[i], valueX, Y, valueWidth, TextAlign.Left, lh, fontSize);
                Y += lh;
            }
        }

        Y += spaceAfter;
    }

    /// <summary>
    /// A ruled table. Cells wrap ('\n' forces a line break); a row that does not fit moves to the next page, and the
    /// header row is repeated at the top of every page the table continues on. A row taller than a page is split.
    /// </summary>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, TableStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        style ??= TableStyle.Default;
        var lh = style.FontSize * 1.25;
        var pad = style.Padding;
        var bold = Font(true, false, style.FontSize);
        var regular = Font(false, false, style.FontSize);
        var rowList = rows.ToList();
        var widthsOf = ColumnWidths(columns, rowList, bold, regular, pad, style.FitContent);

        var headerLines = columns
            .Select((c, i) => breaker.Break([new TextRun(c.Header, Bold: true)], _ => bold, widthsOf[i] - (2 * pad)))
            .ToArray();
        var headerHeight = (headerLines.Max(l => l.Count) * lh) + (2 * pad);

        void DrawHeader()
        {
            var x = Left;
            for (var i = 0; i < columns.Count; i++)
            {
                var rect = new XRect(x, Y, widthsOf[i], headerHeight);
                gfx.DrawRectangle(GridPen, new XSolidBrush(HeaderFill), rect);
                var textTop = Y + pad + ((headerHeight - (2 * pad) - (headerLines[i].Count * lh)) / 2);
                foreach (var line in headerLines[i])
                {
                    DrawLine(line, x + pad, textTop, widthsOf[i] - (2 * pad), TextAlign.Center, lh, style.FontSize);
                    textTop += lh;
                }

                x += widthsOf[i];
            }

            Y += headerHeight;
        }

        var first = true;
        foreach (var row in rowList)
        {
            var cells = columns
                .Select((c, i) => breaker.Break([new TextRun(i < row.Count ? row[i] ?? "" : "")], _ => regular, widthsOf[i] - (2 * pad)))
                .ToArray();
            if (first)
            {
                // Keep the header with the first row (or at least its first lines).
                var firstHeight = (Math.Min(cells.Max(c => c.Count), 3) * lh) + (2 * pad);
                EnsureSpace(headerHeight + firstHeight);
                DrawHeader();
                first = false;
            }

            var offset = 0;
            var total = cells.Max(c => c.Count);
            while (offset < total)
            {
                var remaining = total - offset;
                var need = (remaining * lh) + (2 * pad);
                var available = Bottom - Y;
                if (need <= available)
                {
                    DrawRow(cells, offset, remaining, need);
                    break;
                }

                var capacity = Bottom - Top - (style.RepeatHeader ? headerHeight : 0);
                var fitting = (int)Math.Floor((available - (2 * pad)) / lh);
                if (need > capacity && fitting >= 1)
                {
                    DrawRow(cells, offset, fitting, (fitting * lh) + (2 * pad));
                    offset += fitting;
                }

                NewPage();
                if (style.RepeatHeader) DrawHeader();
            }
        }

        if (first)
        {
            EnsureSpace(headerHeight);
            DrawHeader();
        }

        Y += style.SpaceAfter;

        void DrawRow(IReadOnlyList<TextLine>[] cells, int offset, int count, double height)
        {
            var x = Left;
            for (var i = 0; i < cells.Length; i++)
            {
                gfx.DrawRectangle(GridPen, new XRect(x, Y, widthsOf[i], height));
                var top = Y + pad;
                var align = columns[i].Align switch
                {
                    CellAlign.Center => TextAlign.Center,
                    CellAlign.Right => TextAlign.Right,
                    _ => TextAlign.Left,
                };
                for (var j = offset; j < Math.Min(offset + count, cells[i].Count); j++)
                {
                    DrawLine(cells[i][j], x + pad, top, widthsOf[i] - (2 * pad), align, lh, style.FontSize);
                    top += lh;
                }

                x += widthsOf[i];
            }

            Y += height;
        }
    }

    /// <summary>
    /// Column widths from the relative weights, widened where a column is narrower than its longest word (header or
    /// cell) so that words wrap at spaces and are never cut: the extra width is taken from the columns with room to
    /// spare, in proportion to that room. Only when the longest words of all columns together exceed the line are they
    /// cut (<see cref="LineBreaker"/> hyphenates such a token).
    /// </summary>
    private double[] ColumnWidths(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, XFont bold, XFont regular, double pad,
        bool fitContent)
    {
        var totalWeight = columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width / totalWeight * ContentWidth).ToArray();
        static IEnumerable<string> Words(string? text) =>
            (text ?? "").Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        // A header may wrap, but onto two lines at most (a three-line header row costs a line of every page's table).
        double HeaderWidth(string header)
        {
            var words = Words(header).ToArray();
            if (words.Length <= 2) return words.Select(w => Measure(w, bold)).DefaultIfEmpty(0).Max();
            return Enumerable.Range(1, words.Length - 1)
                .Min(k => Math.Max(Measure(string.Join(' ', words[..k]), bold), Measure(string.Join(' ', words[k..]), bold)));
        }

        var min = columns.Select((c, i) => Math.Max(
                HeaderWidth(c.Header),
                rows.SelectMany(r => i < r.Count ? Words(r[i]) : []).Select(w => Measure(w, regular)).DefaultIfEmpty(0).Max())
            + (2 * pad) + 1).ToArray();
        var needed = min.Sum();
        if (needed > ContentWidth) min = min.Select(m => m * ContentWidth / needed).ToArray();
        if (fitContent && needed <= ContentWidth)
        {
            // The widest line of each column's cells, unbroken (forced breaks '\n' kept).
            var preferred = columns.Select((c, i) => Math.Max(min[i], rows
                .SelectMany(r => i < r.Count ? (r[i] ?? "").Split('\n') : [])
                .Select(line => Measure(line.Trim(), regular)).DefaultIfEmpty(0).Max() + (2 * pad) + 1)).ToArray();
            var total = preferred.Sum();
            if (total <= ContentWidth)
            {
                var spare = ContentWidth - total;
                return preferred.Select((p, i) => p + (spare * columns[i].Width / totalWeight)).ToArray();
            }

            var lack = preferred.Select((p, i) => p - min[i]).ToArray();
            var free = ContentWidth - needed;
            return min.Select((m, i) => m + (free * lack[i] / lack.Sum())).ToArray();
        }
        var deficit = widths.Select((w, i) => Math.Max(0, min[i] - w)).Sum();
        if (deficit <= 0) return widths;
        var room = widths.Select((w, i) => Math.Max(0, w - min[i])).ToArray();
        var totalRoom = room.Sum();
        if (totalRoom <= 0) return min;
        return widths.Select((w, i) => w < min[i] ? min[i] : w - (deficit * room[i] / totalRoom)).ToArray();
    }

    /// <summary>A key–value row whose value is a line of tick boxes: "Sifat : ☐ Biasa ☑ Segera ☐ Sangat Segera".</summary>
    public void OptionsRow(string label, IReadOnlyList<(string Label, bool Checked)> options, double labelWidth = 120, double indent = 0, double fontSize = BodyFontSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lh = fontSize * 1.5;
        EnsureSpace(lh);
        var regular = Font(false, false, fontSize);
        DrawText(label, regular, Left + indent, Y, lh);
        var x = Left + indent + labelWidth;
        DrawText(":", regular, x, Y, lh);
        x += 10;
        foreach (var (text, isChecked) in options)
        {
            DrawBox(x, Y, lh, fontSize, isChecked);
            x += (fontSize * 0.95) + 5;
            DrawText(text, regular, x, Y, lh);
            x += Measure(text, regular) + 16;
        }

        Y += lh;
    }

    /// <summary>Tick boxes laid out in columns; ticked ones show "✓".</summary>
    public void CheckList(IReadOnlyList<(string Label, bool Checked)> items, int columns = 2, double indent = 0, double fontSize = BodyFontSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        var lh = fontSize * 1.6;
        var colWidth = (ContentWidth - indent) / columns;
        var box = fontSize * 0.95;
        var regular = Font(false, false, fontSize);
        var rowsCount = (items.Count + columns - 1) / columns;
        for (var r = 0; r < rowsCount; r++)
        {
            EnsureSpace(lh);
            for (var c = 0; c < columns; c++)
            {
                // Fill down the columns first, as a printed form reads.
                var index = (c * rowsCount) + r;
                if (index >= items.Count) continue;
                var (label, isChecked) = items[index];
                var x = Left + indent + (c * colWidth);
                DrawBox(x, Y, lh, fontSize, isChecked);
                DrawText(label, regular, x + box + 6, Y, lh);
            }

            Y += lh;
        }

        Y += 4;
    }

    /// <summary>
    /// Signature columns side by side, never split across pages. The place-date line, when given, is printed above
    /// the last column. A single block is centred ("Mengetahui,") or, with a place-date line, set in the right half.
    /// </summary>
    public void Signatures(IReadOnlyList<SignatureBlock> blocks, string? placeDate = null, double fontSize = BodyFontSize)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0) return;
        var (lh, colWidth, textWidth, heads, names, headHeight, nameHeight, total) = LayoutSignatures(blocks, placeDate, fontSize);
        var single = blocks.Count == 1;
        double ColumnX(int i) => single
            ? (placeDate is null ? Left + ((ContentWidth - colWidth) / 2) : Right - colWidth)
            : Left + (i * colWidth);
        var regular = Font(false, false, fontSize);
        EnsureSpace(total);

        if (placeDate is not null)
        {
            var last = blocks.Count - 1;
            DrawLine(breaker.Break([new TextRun(placeDate)], _ => regular, textWidth)[0], ColumnX(last) + 6, Y, textWidth, TextAlign.Center, lh, fontSize);
            Y += lh;
        }

        var top = Y;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var x = ColumnX(i) + 6;
            var y = top;
            foreach (var line in heads[i])
            {
                DrawLine(line, x, y, textWidth, TextAlign.Center, lh, fontSize);
                y += lh;
            }

            y = top + headHeight;
            DrawSigningSpace(block, x, y, textWidth);
            y += SignatureSpace;
            foreach (var line in names[i])
            {
                DrawLine(line, x, y, textWidth, TextAlign.Center, lh, fontSize);
                y += lh;
            }

            y = top + headHeight + SignatureSpace + nameHeight;
            if (!string.IsNullOrEmpty(block.Signer.Nip))
            {
                var nip = breaker.Break([new TextRun("NIP. " + Nip.Format(block.Signer.Nip))], _ => regular, textWidth);
                DrawLine(nip[0], x, y, textWidth, TextAlign.Center, lh, fontSize);
            }
        }

        Y = top + headHeight + SignatureSpace + nameHeight + lh + 4;
    }

    /// <summary>Height <see cref="Paragraph(IReadOnlyList{TextRun}, ParagraphStyle?)"/> would take, for keep-together decisions.</summary>
    public double ParagraphHeight(IReadOnlyList<TextRun> runs, ParagraphStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        style ??= ParagraphStyle.Body;
        var width = ContentWidth - style.LeftIndent - style.RightIndent;
        var lines = breaker.Break(runs, FontFor(style), width, style.FirstLineIndent);
        return (lines.Count * style.FontSize * style.LineSpacing) + style.SpaceAfter;
    }

    /// <summary>Height <see cref="Signatures"/> would take with the same arguments.</summary>
    public double SignaturesHeight(IReadOnlyList<SignatureBlock> blocks, string? placeDate = null, double fontSize = BodyFontSize)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0) return 0;
        var layout = LayoutSignatures(blocks, placeDate, fontSize);
        return layout.Total + 4;
    }

    private (double Lh, double ColWidth, double TextWidth, IReadOnlyList<TextLine>[] Heads, IReadOnlyList<TextLine>[] Names,
        double HeadHeight, double NameHeight, double Total) LayoutSignatures(IReadOnlyList<SignatureBlock> blocks, string? placeDate, double fontSize)
    {
        var lh = fontSize * BodyLineSpacing;
        // Parties side by side share the line equally; a single block ("Mengetahui,") is wider so its jabatan stays on one
        // line. The signing space itself (its height, the frame or image width) is the same for every block.
        var colWidth = blocks.Count == 1 ? ContentWidth * 0.7 : ContentWidth / blocks.Count;
        var textWidth = colWidth - 12;
        var regular = Font(false, false, fontSize);
        var heads = blocks
            .Select(b => breaker.Break([new TextRun(string.Join('\n', b.Captions.Append(b.Signer.PositionLine)))], _ => regular, textWidth))
            .ToArray();
        var names = blocks
            .Select(b => breaker.Break([new TextRun(b.Signer.Name, Bold: true, Underline: true)], _ => Font(true, false, fontSize), textWidth))
            .ToArray();
        var headHeight = heads.Max(h => h.Count) * lh;
        var nameHeight = names.Max(n => n.Count) * lh;
        var total = (placeDate is null ? 0 : lh) + headHeight + SignatureSpace + nameHeight + lh;
        return (lh, colWidth, textWidth, heads, names, headHeight, nameHeight, total);
    }

    /// <summary>Moves the cursor down.</summary>
    public void Space(double points) => Y = Math.Min(Y + points, Bottom);

    /// <summary>Starts a new page when less than <paramref name="height"/> points are left on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom && Y > Top + 0.5) NewPage();
    }

    public void NewPage() => gfx = AddPage();

    /// <summary>
    /// Reserves <paramref name="height"/> points across the content width (on a new page when they do not fit) and lets
    /// <paramref name="draw"/> draw vector graphics into that rectangle, e.g. a chart (<see cref="PdfCharts"/>).
    /// </summary>
    public void Drawing(double height, Action<XGraphics, XRect> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        EnsureSpace(height);
        draw(gfx, new XRect(Left, Y, ContentWidth, height));
        Y += height;
    }

    /// <summary>The document's font (family of the page setup) for drawings.</summary>
    public XFont DrawingFont(bool bold, double size) => Font(bold, false, size);

    /// <summary>Draws the footers (page x of n, QR code unless the footer is <see cref="PdfFooter.Plain"/>) and returns the PDF bytes. Call once.</summary>
    public byte[] Render(PdfFooter footer)
    {
        ArgumentNullException.ThrowIfNull(footer);
        ObjectDisposedException.ThrowIf(rendered, this);
        for (var i = 0; i < pages.Count; i++)
        {
            DrawFooter(pages[i], footer, i + 1, pages.Count);
        }

        foreach (var page in pages) page.Dispose();
        rendered = true;

        DeterministicPdf.Apply(document, info);
        document.Options.CompressContentStreams = true;
        using var stream = new MemoryStream();
        // PDFsharp formats the XMP metadata dates with the current culture ("14.05.00" under id-ID): save under the
        // invariant culture so the bytes do not depend on the server's culture.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            document.Save(stream, closeStream: false);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
        var bytes = stream.ToArray();
        DeterministicPdf.FixMetadataIds(bytes, info.Identity);
        return bytes;
    }

    public void Dispose()
    {
        if (!rendered)
        {
            foreach (var page in pages) page.Dispose();
        }

        document.Dispose();
    }

    internal XFont Font(bool bold, bool italic, double size)
    {
        if (!fonts.TryGetValue((bold, italic, size), out var font))
        {
            var style = (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(familyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
            fonts[(bold, italic, size)] = font;
        }

        return font;
    }

    internal double Measure(string text, XFont font)
    {
        if (!widths.TryGetValue((text, font), out var width))
        {
            width = gfx.MeasureString(text, font).Width;
            widths[(text, font)] = width;
        }

        return width;
    }

    private Func<TextRun, XFont> FontFor(ParagraphStyle style) =>
        run => Font(style.Bold || run.Bold, style.Italic || run.Italic, style.FontSize);

    private XGraphics AddPage()
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(Setup.PageWidth);
        page.Height = XUnit.FromPoint(Setup.PageHeight);
        var graphics = XGraphics.FromPdfPage(page);
        if (scale != 1) graphics.ScaleTransform(scale);
        pages.Add(graphics);
        Y = Top;
        return graphics;
    }

    /// <summary>Baseline of a line box starting at <paramref name="top"/>, the glyphs centred vertically in it.</summary>
    private static double Baseline(double top, double lineHeight, double fontSize) =>
        top + ((lineHeight - fontSize) / 2) + (fontSize * 0.8);

    private void DrawText(string text, XFont font, double x, double top, double lineHeight) =>
        gfx.DrawString(text, font, XBrushes.Black, x, Baseline(top, lineHeight, font.Size), XStringFormats.BaseLineLeft);

    private void DrawLine(TextLine line, double x, double top, double width, TextAlign align, double lineHeight, double fontSize)
    {
        if (line.Words.Count == 0) return;
        var natural = line.NaturalWidth;
        var gap = line.SpaceWidth;
        var start = x;
        switch (align)
        {
            case TextAlign.Center:
                start = x + ((width - natural) / 2);
                break;
            case TextAlign.Right:
                start = x + width - natural;
                break;
            case TextAlign.Justify when !line.EndsParagraph && line.Words.Count > 1:
                gap += (width - natural) / (line.Words.Count - 1);
                break;
        }

        var baseline = Baseline(top, lineHeight, fontSize);
        var cursor = start;
        WordBox? previous = null;
        foreach (var word in line.Words)
        {
            if (previous is not null)
            {
                if (previous.EndsUnderlined && word.StartsUnderlined) Underline(cursor, cursor + gap, baseline, fontSize);
                cursor += gap;
            }

            foreach (var fragment in word.Fragments)
            {
                gfx.DrawString(fragment.Text, fragment.Font, XBrushes.Black, cursor, baseline, XStringFormats.BaseLineLeft);
                if (fragment.Underline) Underline(cursor, cursor + fragment.Width, baseline, fontSize);
                cursor += fragment.Width;
            }

            previous = word;
        }
    }

    private void DrawBox(double x, double top, double lineHeight, double fontSize, bool isChecked)
    {
        var box = fontSize * 0.95;
        var boxTop = top + ((lineHeight - box) / 2);
        gfx.DrawRectangle(new XPen(XColors.Black, 0.7), x, boxTop, box, box);
        if (!isChecked) return;
        var tick = Font(true, false, fontSize);
        var w = Measure("✓", tick);
        gfx.DrawString("✓", tick, XBrushes.Black, x + ((box - w) / 2), boxTop + (box * 0.85), XStringFormats.BaseLineLeft);
    }

    private void Underline(double x1, double x2, double baseline, double fontSize)
    {
        var y = baseline + (fontSize * 0.14);
        gfx.DrawLine(new XPen(XColors.Black, Math.Max(0.5, fontSize * 0.06)), x1, y, x2, y);
    }

    /// <summary>Kop surat: the agency name's size (the largest line) and the government line's (always smaller).</summary>
    public const double AgencyFontSize = 15;

    public const double GovernmentFontSize = 12.5;

    /// <summary><paramref name="font"/>, or a smaller size of it at which <paramref name="text"/> fits on one line.</summary>
    private XFont Fit(string text, XFont font, double width)
    {
        if (Measure(text, font) <= width) return font;
        var size = Math.Max(7, Math.Floor(font.Size * width / Measure(text, font) * 0.98 * 10) / 10);
        return Font(font.Bold, font.Italic, size);
    }

    /// <summary>Centred lines of one font; with <paramref name="shrink"/> a single line is scaled down to fit.</summary>
    private double CenteredLines(string text, XFont font, double x, double width, double top, double spacing, bool shrink)
    {
        if (shrink && Measure(text, font) > width)
        {
            var size = Math.Max(7, font.Size * width / Measure(text, font) * 0.98);
            font = Font(font.Bold, font.Italic, Math.Round(size, 1));
        }

        var lh = font.Size * spacing;
        foreach (var line in breaker.Break([new TextRun(text)], _ => font, width))
        {
            DrawLine(line, x, top, width, TextAlign.Center, lh, font.Size);
            top += lh;
        }

        return top;
    }

    private void DrawSigningSpace(SignatureBlock block, double x, double y, double width)
    {
        if (block.WetSignature) return;
        if (block.Signer.SignaturePng is { Length: > 0 } png)
        {
            var maxW = Math.Min(width - 10, SigningBoxWidth) - 20;
            var maxH = SignatureSpace - 6;
            ImageCache.Draw(gfx, png, image =>
            {
                var scale = Math.Min(maxW / image.PointWidth, maxH / image.PointHeight);
                var w = image.PointWidth * scale;
                var h = image.PointHeight * scale;
                return new XRect(x + ((width - w) / 2), y + ((SignatureSpace - h) / 2), w, h);
            }, keep: false);
            return;
        }

        if (block.Signer.ApprovedAtUtc is { } approved)
        {
            var font = Font(false, true, 7.5);
            var text = "Disetujui secara elektronik pada " + IndonesianDate.DateAndTime(Wib.FromUtc(approved));
            var boxWidth = Math.Min(width - 10, SigningBoxWidth);
            var lines = breaker.Break([new TextRun(text)], _ => font, boxWidth - 10);
            const double lh = 7.5 * 1.3;
            var boxHeight = (lines.Count * lh) + 8;
            var boxX = x + ((width - boxWidth) / 2);
            var boxY = y + ((SignatureSpace - boxHeight) / 2);
            gfx.DrawRoundedRectangle(new XPen(XColor.FromArgb(30, 90, 160), 0.8), boxX, boxY, boxWidth, boxHeight, 6, 6);
            var lineTop = boxY + 4;
            foreach (var line in lines)
            {
                DrawLine(line, boxX + 5, lineTop, boxWidth - 10, TextAlign.Center, lh, 7.5);
                lineTop += lh;
            }
        }
    }

    private void DrawFooter(XGraphics page, PdfFooter footer, int number, int count)
    {
        var current = gfx;
        gfx = page;
        try
        {
            var top = PaperHeight - Margins.Bottom - FooterHeight + 8;
            gfx.DrawLine(new XPen(XColors.Gray, 0.5), Left, top, Right, top);
            var verifiable = footer.IsVerifiable;
            var qrSize = verifiable ? QrSymbolSize + 6 : 0;
            if (verifiable) QrCodeDrawing.Draw(gfx, footer.VerificationUrl, Left, top + 3, QrSymbolSize);

            var small = Font(false, false, 7);
            var smallBold = Font(true, false, 7);
            var pageFont = Font(false, false, 8);
            var dashed = Setup.PageNumbers == PageNumberStyle.DashedFromPageTwo;
            var pageText = dashed
                ? number == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"- {number} -")
                : string.Create(CultureInfo.InvariantCulture, $"Halaman {number} dari {count}");
            // "- 2 -" stands alone, centred at the head of the page as tata naskah dinas numbers continuation pages.
            var pageWidth = dashed ? 0 : Measure(pageText, pageFont);
            var textX = verifiable ? Left + qrSize + 2 : Left;
            var textWidth = Right - textX - pageWidth - 16;
            var lh = 7 * 1.35;
            var y = top + 10;
            TextRun[] runs = verifiable
                ? [new TextRun(footer.Note + "\n" + footer.VerificationUrl + "\n"), new TextRun("Kode verifikasi: "), new TextRun(footer.VerificationCode, Bold: true)]
                : [new TextRun(footer.Note)];
            foreach (var line in breaker.Break(
                         runs,
                         r => r.Bold ? smallBold : small,
                         textWidth))
            {
                DrawLine(line, textX, y, textWidth, TextAlign.Left, lh, 7);
                y += lh;
            }

            if (dashed)
            {
                if (pageText.Length > 0)
                {
                    var width = Measure(pageText, Font(false, false, BodyFontSize));
                    gfx.DrawString(pageText, Font(false, false, BodyFontSize), XBrushes.Black,
                        Left + ((ContentWidth - width) / 2), (Margins.Top / 2) + (BodyFontSize * 0.4), XStringFormats.BaseLineLeft);
                }
            }
            else
            {
                gfx.DrawString(pageText, pageFont, XBrushes.Black, Right - pageWidth, top + 10 + (8 * 0.95), XStringFormats.BaseLineLeft);
            }
        }
        finally
        {
            gfx = current;
        }
    }
}
