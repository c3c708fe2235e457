namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>Paper of the official documents.</summary>
public enum PaperSize
{
    /// <summary>A4, 210 × 297 mm.</summary>
    A4 = 0,

    /// <summary>F4 (folio), 215 × 330 mm, which many pemda tata naskah rules prescribe.</summary>
    F4 = 1,
}

/// <summary>The typeface of the official documents (both embedded in the PDF).</summary>
public enum DocumentFont
{
    /// <summary>DejaVu Sans: wide Unicode coverage; the default since the first release.</summary>
    DejaVuSans = 0,

    /// <summary>Liberation Sans: metric-compatible with Arial, the face most Perwal on tata naskah name.</summary>
    LiberationSans = 1,
}

/// <summary>How pages are numbered in the footer.</summary>
public enum PageNumberStyle
{
    /// <summary>"Halaman 1 dari 3" on every page.</summary>
    PageOfTotal = 0,

    /// <summary>"- 2 -" centred, from page two (the first page carries no number), as in tata naskah dinas.</summary>
    DashedFromPageTwo = 1,
}

/// <summary>
/// Paper, typeface, margins (millimetres) and page-number style of the official documents, set at /admin/dokumen.
/// <see cref="Default"/> is what the documents used before these became settings.
/// </summary>
public sealed record PageSetup
{
    public const int MinMarginMm = 10;
    public const int MaxMarginMm = 50;
    public const int MinBodySizePt = 10;
    public const int MaxBodySizePt = 12;

    /// <summary>A4, DejaVu Sans, left 25 mm, top 15 mm, right 20 mm, bottom 10 mm, "Halaman x dari n".</summary>
    public static readonly PageSetup Default = new();

    public PaperSize Paper { get; init; } = PaperSize.A4;
    public DocumentFont Font { get; init; } = DocumentFont.DejaVuSans;
    public int MarginLeftMm { get; init; } = 25;
    public int MarginTopMm { get; init; } = 15;
    public int MarginRightMm { get; init; } = 20;
    public int MarginBottomMm { get; init; } = 10;
    public PageNumberStyle PageNumbers { get; init; } = PageNumberStyle.PageOfTotal;

    /// <summary>
    /// Body text size in points (10–12). The whole page content is scaled by <c>BodySizePt / 10</c>, so headings,
    /// tables, line spacing and the QR code keep their proportions; margins and paper stay as set.
    /// </summary>
    public int BodySizePt { get; init; } = 10;

    /// <summary>How much larger than the 10 pt design everything on the page is drawn.</summary>
    public double Scale => BodySizePt / 10.0;

    /// <summary>
    /// A paper size outside the tata naskah choices (width, height in millimetres), for documents that are not naskah
    /// dinas: the maklumat pelayanan poster in A3 (<see cref="A3Poster"/>). Null: <see cref="Paper"/> decides.
    /// </summary>
    public (double WidthMm, double HeightMm)? CustomPaperMm { get; init; }

    /// <summary>A3 (297 × 420 mm), everything drawn √2 larger than on A4 (body 14 pt), so an A4 design fills it.</summary>
    public static PageSetup A3Poster(PageSetup basis) =>
        (basis ?? Default) with { Paper = PaperSize.A4, CustomPaperMm = (297, 420), BodySizePt = 14 };

    /// <summary>Page width in points.</summary>
    public double PageWidth => CustomPaperMm is { } custom ? MmToPoint(custom.WidthMm) : Paper == PaperSize.F4 ? MmToPoint(215) : 595.276;

    /// <summary>Page height in points.</summary>
    public double PageHeight => CustomPaperMm is { } custom ? MmToPoint(custom.HeightMm) : Paper == PaperSize.F4 ? MmToPoint(330) : 841.89;

    public static double MmToPoint(double mm) => mm / 25.4 * 72;

    public static string Label(PaperSize paper) => paper switch
    {
        PaperSize.F4 => "F4 / folio (215 × 330 mm)",
        _ => "A4 (210 × 297 mm)",
    };

    public static string Label(DocumentFont font) => font switch
    {
        DocumentFont.LiberationSans => "Liberation Sans (setara ukuran Arial)",
        _ => "DejaVu Sans",
    };

    public static string Label(PageNumberStyle style) => style switch
    {
        PageNumberStyle.DashedFromPageTwo => "\"- 2 -\" mulai halaman kedua",
        _ => "\"Halaman x dari n\" di setiap halaman",
    };
}
