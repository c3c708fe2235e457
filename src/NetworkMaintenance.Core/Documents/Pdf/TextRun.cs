namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>A piece of text with one style. Runs are joined without an implicit space.</summary>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false, bool Underline = false)
{
    public static TextRun Plain(string text) => new(text);

    public static TextRun Strong(string text) => new(text, Bold: true);
}

public enum TextAlign
{
    Left,
    Center,
    Right,

    /// <summary>Both edges flush; the last line of a paragraph (and any line ended by a line break) is left-aligned.</summary>
    Justify,
}

/// <summary>How a paragraph is set. Sizes in points.</summary>
public sealed record ParagraphStyle
{
    public static readonly ParagraphStyle Body = new();

    public double FontSize { get; init; } = PdfComposer.BodyFontSize;

    public TextAlign Align { get; init; } = TextAlign.Justify;

    public bool Bold { get; init; }

    public bool Italic { get; init; }

    /// <summary>Line height as a multiple of the font size.</summary>
    public double LineSpacing { get; init; } = PdfComposer.BodyLineSpacing;

    public double LeftIndent { get; init; }

    public double RightIndent { get; init; }

    public double FirstLineIndent { get; init; }

    public double SpaceAfter { get; init; } = 4;
}
