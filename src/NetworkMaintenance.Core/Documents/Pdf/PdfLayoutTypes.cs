using NetworkMaintenance.Core.Documents.Models;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>Page margins in points (1 cm ≈ 28.35 pt).</summary>
public sealed record PageMargins(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Left 2.5 cm, top 1.5 cm, right 2 cm, bottom 1 cm (the footer sits above the bottom margin).</summary>
    public static readonly PageMargins Official = new(70.87, 42.52, 56.69, 28.35);

    /// <summary>The margins of a page setup (millimetres to points).</summary>
    public static PageMargins From(PageSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup == PageSetup.Default
            ? Official
            : new(PageSetup.MmToPoint(setup.MarginLeftMm), PageSetup.MmToPoint(setup.MarginTopMm),
                PageSetup.MmToPoint(setup.MarginRightMm), PageSetup.MmToPoint(setup.MarginBottomMm));
    }
}

/// <summary>
/// Metadata written into the PDF. <see cref="CreatedAtUtc"/> becomes both creation and modification date and
/// <see cref="Identity"/> seeds the trailer /ID, so the same input always gives the same bytes.
/// </summary>
public sealed record PdfDocumentInfo(string Title, string Subject, string Author, DateTime CreatedAtUtc, string Identity);

/// <summary>Footer printed on every page: verification QR code and text, and "Halaman x dari n".</summary>
public sealed record PdfFooter(string VerificationUrl, string VerificationCode)
{
    public string Note { get; init; } =
        "Periksa keaslian dokumen ini dengan memindai kode QR atau membuka:";

    /// <summary>False for a <see cref="Plain"/> footer: no QR code, no verification address.</summary>
    public bool IsVerifiable => VerificationUrl.Length > 0;

    /// <summary>A footer for reports that are not issued documents (no number, nothing to verify): a note and the page number.</summary>
    public static PdfFooter Plain(string note) => new("", "") { Note = note };
}

public enum CellAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A table column: header text, relative width (weights are scaled to the content width), alignment.</summary>
public sealed record TableColumn(string Header, double Width, CellAlign Align = CellAlign.Left);

public sealed record TableStyle
{
    public static readonly TableStyle Default = new();

    public double FontSize { get; init; } = 8.5;

    public double Padding { get; init; } = 3.5;

    public bool RepeatHeader { get; init; } = true;

    public double SpaceAfter { get; init; } = 5;

    /// <summary>
    /// Column widths from the content (as a browser lays out an automatic table): every column at least as wide as its
    /// longest word, the rest of the line shared in proportion to how much each column's longest cell still lacks;
    /// when everything fits on one line, the spare width is shared by the weights. Without it the weights decide, and
    /// a column is only widened to its longest word.
    /// </summary>
    public bool FitContent { get; init; }
}

/// <summary>A label : value line of a key–value block.</summary>
public sealed record KeyValue(string Label, string Value, bool BoldValue = false);

/// <summary>
/// One signature column: caption lines ("PIHAK PERTAMA,", "Mengetahui,"), then the signer's position (with "Plh."),
/// the signing space, the name (bold, underlined) and "NIP. …". With <paramref name="WetSignature"/> the signing
/// space is always blank, for signing by hand.
/// </summary>
public sealed record SignatureBlock(IReadOnlyList<string> Captions, Signer Signer, bool WetSignature);
