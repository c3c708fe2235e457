using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>
/// Signs a PDF the way BSrE's service is documented to: by an <b>incremental update</b> appended after the original
/// bytes, which leaves every earlier signature (the Dinas's e-seal) valid. Used by the fake BSrE server, so that a sealed
/// document signed "through BSrE" carries two signatures, as in production.
/// <para>
/// The update holds: a new signature dictionary (<c>/Type /Sig</c>, <c>adbe.pkcs7.detached</c>, a detached CMS
/// SignedData with SHA-256 made by <see cref="SignedCms"/> over the <c>/ByteRange</c>), a new invisible widget
/// annotation that is also the signature field, the first page again with the widget added to its <c>/Annots</c>, the
/// AcroForm (or the catalog, when the form is inline or missing) again with the field added to <c>/Fields</c> and
/// <c>/SigFlags 3</c>, and a classic cross-reference section whose trailer points to the previous one with <c>/Prev</c>.
/// </para>
/// <para>
/// Limits (a test fake, not a general PDF writer): the file must end with a classic cross-reference table and trailer
/// (PDFsharp writes those; no cross-reference streams), and the catalog, the page tree and the AcroForm must be plain
/// objects (not inside object streams). It throws <see cref="NotSupportedException"/> otherwise.
/// </para>
/// </summary>
internal static partial class IncrementalPdfSigner
{
    /// <summary>Bytes reserved for the CMS (hex doubles it); the certificates of the test CA fit with a wide margin.</summary>
    private const int ContentsBytes = 16 * 1024;

    private const string RangePlaceholder = "/ByteRange [0 0000000000 0000000000 0000000000]";

    public static byte[] Sign(byte[] pdf, X509Certificate2 certificate, X509Certificate2Collection? chain, string reason,
        string location, DateTime signedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(certificate);
        var text = Encoding.Latin1.GetString(pdf);

        // The newest trailer and cross-reference section.
        var startXref = StartXrefRegex().Matches(text) is { Count: > 0 } found
            ? long.Parse(found[^1].Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new NotSupportedException("No startxref.");
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (trailerAt < 0 || !text.AsSpan((int)startXref).StartsWith("xref"))
            throw new NotSupportedException("Only files with a classic cross-reference table are supported.");
        var trailer = Dictionary(text, text.IndexOf("<<", trailerAt, StringComparison.Ordinal));
        var size = int.Parse(Value(trailer, "Size") ?? throw new NotSupportedException("No /Size."), CultureInfo.InvariantCulture);
        var root = Reference(trailer, "Root") ?? throw new NotSupportedException("No /Root.");
        var info = Reference(trailer, "Info");
        var id = IdRegex().Match(trailer) is { Success: true } idMatch ? idMatch.Value : null;

        var catalog = ObjectBody(text, root);
        var page = FirstPage(text, Reference(catalog, "Pages") ?? throw new NotSupportedException("No /Pages."));
        var pageBody = ObjectBody(text, page);

        var signatureNumber = size;
        var widgetNumber = size + 1;
        var widgetRef = $"{widgetNumber} 0 R";
        var fieldName = "Tanda tangan " + (SignatureCount(text) + 1).ToString(CultureInfo.InvariantCulture);

        var objects = new List<(int Number, string Body)>();
        var signatureDictionary =
            $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached {RangePlaceholder} " +
            $"/Contents <{new string('0', ContentsBytes * 2)}> /M ({PdfDate(signedAtUtc)}) " +
            $"/Name ({PdfString(certificate.GetNameInfo(X509NameType.SimpleName, false))}) /Reason ({PdfString(reason)}) " +
            $"/Location ({PdfString(location)}) >>";
        objects.Add((signatureNumber, signatureDictionary));
        objects.Add((widgetNumber,
            $"<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T ({PdfString(fieldName)}) " +
            $"/V {signatureNumber} 0 R /P {page} 0 R >>"));
        objects.Add((page, AddToArray(pageBody, "Annots", widgetRef, text, objects)));

        // The AcroForm: an object of its own is written again; an inline one (or none) means writing the catalog again.
        var acroForm = Reference(catalog, "AcroForm");
        if (acroForm is { } formNumber)
        {
            var form = AddToArray(ObjectBody(text, formNumber), "Fields", widgetRef, text, objects);
            objects.Add((formNumber, WithSigFlags(form)));
        }
        else
        {
            var inline = KeyRegex("AcroForm").Match(catalog);
            string newCatalog;
            if (inline.Success)
            {
                var start = catalog.IndexOf("<<", inline.Index + inline.Length, StringComparison.Ordinal);
                var old = Dictionary(catalog, start);
                var form = WithSigFlags(AddToArray(old, "Fields", widgetRef, text, objects));
                newCatalog = catalog[..start] + form + catalog[(start + old.Length)..];
            }
            else
            {
                newCatalog = Insert(catalog, $"/AcroForm << /Fields [{widgetRef}] /SigFlags 3 >>");
            }
            objects.Add((root, newCatalog));
        }

        // The update: objects, cross-reference section, trailer.
        var update = new StringBuilder();
        if (pdf.Length > 0 && pdf[^1] is not ((byte)'\n' or (byte)'\r')) update.Append('\n');
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }
        var xrefAt = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
        update.Append("xref\n0 1\n0000000000 65535 f\r\n");
        foreach (var (number, offset) in offsets)
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n\r\n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size + 2} /Root {root} 0 R");
        if (info is { } infoNumber) update.Append(CultureInfo.InvariantCulture, $" /Info {infoNumber} 0 R");
        if (id is not null) update.Append(' ').Append(id);
        update.Append(CultureInfo.InvariantCulture, $" /Prev {startXref} >>\nstartxref\n{xrefAt}\n%%EOF\n");

        var signed = new byte[pdf.Length + Encoding.Latin1.GetByteCount(update.ToString())];
        pdf.CopyTo(signed, 0);
        Encoding.Latin1.GetBytes(update.ToString(), 0, update.Length, signed, pdf.Length);

        // The byte range: everything but the /Contents hex string, written over the placeholder.
        var all = Encoding.Latin1.GetString(signed);
        var rangeAt = all.IndexOf(RangePlaceholder, (int)offsets[signatureNumber], StringComparison.Ordinal);
        var contentsStart = all.IndexOf("/Contents <", rangeAt, StringComparison.Ordinal) + "/Contents ".Length;
        var contentsEnd = all.IndexOf('>', contentsStart) + 1;
        var range = $"/ByteRange [0 {contentsStart} {contentsEnd} {signed.Length - contentsEnd}]";
        range = range.PadRight(RangePlaceholder.Length);
        if (range.Length != RangePlaceholder.Length) throw new InvalidOperationException("The byte range does not fit its placeholder.");
        Encoding.Latin1.GetBytes(range, 0, range.Length, signed, rangeAt);

        var content = new byte[contentsStart + (signed.Length - contentsEnd)];
        Array.Copy(signed, 0, content, 0, contentsStart);
        Array.Copy(signed, contentsEnd, content, contentsStart, signed.Length - contentsEnd);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        if (chain is not null) signer.Certificates.AddRange(chain);
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signedAtUtc));
        cms.ComputeSignature(signer, silent: true);
        var hex = Convert.ToHexString(cms.Encode());
        if (hex.Length > ContentsBytes * 2) throw new InvalidOperationException("The CMS does not fit the reserved /Contents.");
        Encoding.Latin1.GetBytes(hex, 0, hex.Length, signed, contentsStart + 1);
        return signed;
    }

    /// <summary>The first leaf of the page tree.</summary>
    private static int FirstPage(string text, int pages)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            var body = ObjectBody(text, pages);
            if (!KidsRegex().IsMatch(body)) return pages;
            pages = int.Parse(KidsRegex().Match(body).Groups[1].Value, CultureInfo.InvariantCulture);
        }
        throw new NotSupportedException("The page tree is too deep.");
    }

    /// <summary>
    /// <paramref name="dictionary"/> with <paramref name="reference"/> added to its array <paramref name="key"/>: inline
    /// (<c>[…]</c>), created when missing, or — when the array is an object of its own — that object written again.
    /// </summary>
    private static string AddToArray(string dictionary, string key, string reference, string text, List<(int, string)> objects)
    {
        var match = KeyRegex(key).Match(dictionary);
        if (!match.Success) return Insert(dictionary, $"/{key} [{reference}]");
        var after = match.Index + match.Length;
        var rest = dictionary.AsSpan(after).TrimStart();
        var at = dictionary.Length - rest.Length;
        if (rest.StartsWith("["))
        {
            var close = dictionary.IndexOf(']', at);
            return dictionary[..close] + " " + reference + dictionary[close..];
        }
        var indirect = ReferenceRegex().Match(dictionary, at);
        if (!indirect.Success || indirect.Index != at) throw new NotSupportedException($"/{key} is neither an array nor a reference.");
        var number = int.Parse(indirect.Groups[1].Value, CultureInfo.InvariantCulture);
        var array = ObjectBody(text, number).Trim();
        objects.Add((number, array[..array.LastIndexOf(']')] + " " + reference + "]"));
        return dictionary;
    }

    private static string WithSigFlags(string form)
    {
        var flags = SigFlagsRegex().Match(form);
        return flags.Success ? form[..flags.Index] + "/SigFlags 3" + form[(flags.Index + flags.Length)..] : Insert(form, "/SigFlags 3");
    }

    /// <summary>Adds an entry right after the dictionary's opening <c>&lt;&lt;</c>.</summary>
    private static string Insert(string dictionary, string entry)
    {
        var open = dictionary.IndexOf("<<", StringComparison.Ordinal);
        return dictionary[..(open + 2)] + " " + entry + " " + dictionary[(open + 2)..];
    }

    /// <summary>The newest body (between <c>obj</c> and <c>endobj</c>) of object <paramref name="number"/> generation 0.</summary>
    private static string ObjectBody(string text, int number)
    {
        var header = new Regex($@"(?<![0-9]){number} 0 obj\b", RegexOptions.CultureInvariant);
        var matches = header.Matches(text);
        if (matches.Count == 0) throw new NotSupportedException($"Object {number} is not a plain object of the file.");
        var start = matches[^1].Index + matches[^1].Length;
        var end = text.IndexOf("endobj", start, StringComparison.Ordinal);
        var body = text[start..end].Trim();
        if (body.Contains("stream", StringComparison.Ordinal) && body.StartsWith("<<", StringComparison.Ordinal))
            body = Dictionary(body, 0);
        return body;
    }

    /// <summary>The balanced <c>&lt;&lt; … &gt;&gt;</c> starting at <paramref name="start"/> (strings are not expected in these dictionaries' keys).</summary>
    private static string Dictionary(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length - 1; i++)
        {
            if (text[i] == '<' && text[i + 1] == '<') { depth++; i++; }
            else if (text[i] == '>' && text[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0) return text[start..(i + 1)];
            }
        }
        throw new NotSupportedException("Unbalanced dictionary.");
    }

    private static string? Value(string dictionary, string key) =>
        new Regex($@"/{key}\s+([0-9]+)", RegexOptions.CultureInvariant).Match(dictionary) is { Success: true } m ? m.Groups[1].Value : null;

    private static int? Reference(string dictionary, string key) =>
        new Regex($@"/{key}\s+([0-9]+)\s+0\s+R", RegexOptions.CultureInvariant).Match(dictionary) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    private static Regex KeyRegex(string key) => new($@"/{key}(?![A-Za-z0-9])", RegexOptions.CultureInvariant);

    private static int SignatureCount(string text) => SigTypeRegex().Count(text);

    private static string PdfDate(DateTime utc) => "D:" + utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";

    /// <summary>A literal string's content: ASCII, with the delimiters escaped.</summary>
    private static string PdfString(string value) => string.Concat(value.Select(c => c switch
    {
        '(' or ')' or '\\' => "\\" + c,
        < ' ' or > '~' => "?",
        _ => c.ToString(),
    }));

    [GeneratedRegex(@"startxref\s+([0-9]+)")]
    private static partial Regex StartXrefRegex();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"/Kids\s*\[\s*([0-9]+)\s+0\s+R")]
    private static partial Regex KidsRegex();

    [GeneratedRegex(@"([0-9]+)\s+0\s+R")]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(@"/SigFlags\s+[0-9]+")]
    private static partial Regex SigFlagsRegex();

    [GeneratedRegex(@"/Type\s*/Sig\b")]
    private static partial Regex SigTypeRegex();
}
