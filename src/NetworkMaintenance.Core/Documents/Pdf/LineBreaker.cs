using System.Text;
using PdfSharp.Drawing;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>A run of characters in one font inside a word.</summary>
internal readonly record struct Fragment(string Text, XFont Font, bool Underline, double Width);

/// <summary>Text between two break opportunities (spaces); may mix styles ("<b>PIHAK PERTAMA</b>,").</summary>
internal sealed class WordBox(IReadOnlyList<Fragment> fragments)
{
    public IReadOnlyList<Fragment> Fragments { get; } = fragments;

    public double Width { get; } = fragments.Sum(f => f.Width);

    public bool StartsUnderlined => Fragments.Count > 0 && Fragments[0].Underline;

    public bool EndsUnderlined => Fragments.Count > 0 && Fragments[^1].Underline;
}

/// <summary>One laid-out line. <see cref="EndsParagraph"/> lines are never stretched when justifying.</summary>
internal sealed record TextLine(IReadOnlyList<WordBox> Words, bool EndsParagraph, double SpaceWidth)
{
    public double NaturalWidth => Words.Sum(w => w.Width) + (SpaceWidth * Math.Max(0, Words.Count - 1));
}

/// <summary>
/// Greedy line breaking measured with the real font metrics (XGraphics.MeasureString). Breaks at spaces; honours
/// '\n' as a hard break; splits a word that is wider than the line (long URLs, serial numbers) by characters, with a
/// hyphen at the end of each piece unless the word is an address (URL, e-mail), where a hyphen would change it.
/// </summary>
internal sealed class LineBreaker(Func<string, XFont, double> measure)
{
    private abstract record Token;

    private sealed record WordToken(WordBox Word) : Token;

    private sealed record BreakToken : Token;

    public IReadOnlyList<TextLine> Break(
        IReadOnlyList<TextRun> runs, Func<TextRun, XFont> fontOf, double width, double firstLineIndent = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var baseFont = fontOf(new TextRun(""));
        var space = measure("a a", baseFont) - measure("aa", baseFont);

        var lines = new List<TextLine>();
        var current = new List<WordBox>();
        var currentWidth = 0.0;

        double Available() => width - (lines.Count == 0 ? firstLineIndent : 0);

        void Finish(bool endsParagraph)
        {
            lines.Add(new TextLine(current.ToArray(), endsParagraph, space));
            current.Clear();
            currentWidth = 0;
        }

        foreach (var token in Tokenize(runs, fontOf))
        {
            if (token is BreakToken)
            {
                Finish(endsParagraph: true);
                continue;
            }

            var word = ((WordToken)token).Word;
            if (current.Count > 0 && currentWidth + space + word.Width <= Available())
            {
                current.Add(word);
                currentWidth += space + word.Width;
                continue;
            }

            if (current.Count > 0) Finish(endsParagraph: false);

            if (word.Width <= Available())
            {
                current.Add(word);
                currentWidth = word.Width;
                continue;
            }

            // A word wider than the line: cut it into pieces that fit.
            var pieces = SplitWord(word, Available(), width);
            for (var i = 0; i < pieces.Count; i++)
            {
                current.Add(pieces[i]);
                currentWidth = pieces[i].Width;
                if (i < pieces.Count - 1) Finish(endsParagraph: false);
            }
        }

        if (current.Count > 0 || lines.Count == 0 || lines[^1].EndsParagraph is false)
        {
            Finish(endsParagraph: true);
        }

        return lines;
    }

    private IEnumerable<Token> Tokenize(IReadOnlyList<TextRun> runs, Func<TextRun, XFont> fontOf)
    {
        var fragments = new List<Fragment>();
        var text = new StringBuilder();
        XFont? font = null;
        var underline = false;

        void CloseFragment()
        {
            if (text.Length == 0 || font is null) return;
            var s = text.ToString();
            fragments.Add(new Fragment(s, font, underline, measure(s, font)));
            text.Clear();
        }

        foreach (var run in runs)
        {
            CloseFragment();
            font = fontOf(run);
            underline = run.Underline;
            foreach (var c in run.Text)
            {
                if (c == '\r') continue;
                if (c == '\n' || char.IsWhiteSpace(c))
                {
                    CloseFragment();
                    if (fragments.Count > 0)
                    {
                        yield return new WordToken(new WordBox(fragments.ToArray()));
                        fragments.Clear();
                    }

                    if (c == '\n') yield return new BreakToken();
                    continue;
                }

                text.Append(c);
            }
        }

        CloseFragment();
        if (fragments.Count > 0) yield return new WordToken(new WordBox(fragments.ToArray()));
    }

    private List<WordBox> SplitWord(WordBox word, double firstWidth, double width)
    {
        var text = string.Concat(word.Fragments.Select(f => f.Text));
        var hyphen = text.IndexOfAny(['/', ':', '@']) < 0 ? word.Fragments[^1] with { Text = "-" } : (Fragment?)null;
        var reserve = hyphen is { } h ? measure("-", h.Font) : 0;
        if (hyphen is { } hf) hyphen = hf with { Width = reserve };
        width = Math.Max(width - reserve, width / 2);
        firstWidth = Math.Max(firstWidth - reserve, firstWidth / 2);
        var pieces = SplitPieces(word, firstWidth, width);
        if (hyphen is not { } mark) return pieces;
        return pieces.Select((p, i) => i == pieces.Count - 1 ? p : new WordBox([.. p.Fragments, mark])).ToList();
    }

    private List<WordBox> SplitPieces(WordBox word, double firstWidth, double width)
    {
        var pieces = new List<WordBox>();
        var fragments = new List<Fragment>();
        var limit = firstWidth;
        var used = 0.0;

        foreach (var fragment in word.Fragments)
        {
            var start = 0;
            while (start < fragment.Text.Length)
            {
                // Longest prefix of the remaining text that still fits (at least one character).
                var length = 1;
                while (start + length < fragment.Text.Length
                       && used + measure(fragment.Text.Substring(start, length + 1), fragment.Font) <= limit)
                {
                    length++;
                }

                var piece = fragment.Text.Substring(start, length);
                var pieceWidth = measure(piece, fragment.Font);
                if (used > 0 && used + pieceWidth > limit)
                {
                    pieces.Add(new WordBox(fragments.ToArray()));
                    fragments.Clear();
                    used = 0;
                    limit = width;
                    continue;
                }

                fragments.Add(fragment with { Text = piece, Width = pieceWidth });
                used += pieceWidth;
                start += length;
                if (start < fragment.Text.Length)
                {
                    pieces.Add(new WordBox(fragments.ToArray()));
                    fragments.Clear();
                    used = 0;
                    limit = width;
                }
            }
        }

        if (fragments.Count > 0) pieces.Add(new WordBox(fragments.ToArray()));
        return pieces;
    }
}
