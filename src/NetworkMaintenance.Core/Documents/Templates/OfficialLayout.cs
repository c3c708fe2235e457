using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>What the five official documents share: opening (kop surat, title, number), parties, signatures, footer.</summary>
internal static class OfficialLayout
{
    public const double LabelWidth = 118;

    /// <summary>Starts a document: PDF metadata from the model, letterhead, title and number.</summary>
    public static PdfComposer Begin(OfficialDocument model, string title, bool printNumber = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = new PdfDocumentInfo(
            Title: $"{ToTitleCase(title)} {model.Number}",
            Subject: title,
            Author: $"{model.Letterhead.AgencyName} {ToTitleCase(model.Letterhead.Government)}".Trim(),
            CreatedAtUtc: model.IssuedAtUtc,
            Identity: $"{model.GetType().Name}\n{model.Number}\n{model.VerificationCode}");
        var composer = new PdfComposer(info, page: model.Letterhead.Page);
        composer.Letterhead(model.Letterhead);
        composer.Title(title, printNumber ? model.Number : null);
        if (!string.IsNullOrWhiteSpace(model.Supersedes))
        {
            composer.Paragraph(
                [new TextRun($"Dokumen ini menggantikan dokumen Nomor {model.Supersedes}.")],
                ParagraphStyle.Body with { Align = TextAlign.Center, Italic = true, FontSize = 9, SpaceAfter = 10 });
        }

        return composer;
    }

    public static byte[] Finish(PdfComposer composer, OfficialDocument model) =>
        composer.Render(new PdfFooter(model.VerificationUrl, model.VerificationCode));

    /// <summary>The WIB date the document was issued.</summary>
    public static DateOnly IssueDate(OfficialDocument model) => DateOnly.FromDateTime(Wib.FromUtc(model.IssuedAtUtc));

    /// <summary>"Tebing Tinggi, 30 November 2026".</summary>
    public static string PlaceDate(OfficialDocument model) =>
        IndonesianDate.PlaceAndDate(model.Letterhead.City, IssueDate(model));

    /// <summary>"30 November 2026 pukul 14.05 WIB" for a UTC instant.</summary>
    public static string DateTime(DateTime utc) => IndonesianDate.DateAndTime(Wib.FromUtc(utc));

    /// <summary>
    /// A stated span, in the same words on the Berita Acara, the results report and its kronologi: "mulai 30 November 2026
    /// pukul 10.10 WIB sampai dengan pukul 16.40 WIB (6 jam 30 menit)"; "pada …" when only the start is known.
    /// </summary>
    public static string Span(DateTime startUtc, DateTime? endUtc) => IndonesianDate.SpanUtc(startUtc, endUtc);

    /// <summary>", bertempat di Kantor …" for the Berita Acara opening (tata naskah: "Pada hari ini … bertempat di …").</summary>
    public static string Place(string? location) =>
        string.IsNullOrWhiteSpace(location) ? "" : ", bertempat di " + location.Trim().TrimEnd('.', ',');

    public static string NipOrDash(string? nip) => string.IsNullOrEmpty(nip) ? "-" : Nip.Format(nip);

    public static SignatureBlock Block(OfficialDocument model, Signer signer, params string[] captions) =>
        new(captions, signer, model.WetSignature);

    /// <summary>"1. Nama / NIP / Jabatan / Instansi", then "selanjutnya disebut PIHAK …".</summary>
    public static void Party(PdfComposer c, string marker, BeritaAcaraParty party, string partyName)
    {
        c.KeyValues(
            [
                new KeyValue("Nama", party.Person.Name, BoldValue: true),
                new KeyValue("NIP", NipOrDash(party.Person.Nip)),
                new KeyValue("Jabatan", party.Person.PositionLine),
                new KeyValue("Instansi", party.Agency),
            ],
            labelWidth: 70,
            indent: 18,
            spaceAfter: 0,
            marker: marker);
        c.Paragraph(
            [new TextRun("selanjutnya disebut "), TextRun.Strong(partyName), new TextRun(".")],
            ParagraphStyle.Body with { LeftIndent = 18, SpaceAfter = 1 });
    }

    public const string Closing =
        "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.";

    /// <summary>
    /// The closing sentence, the place-date line, the parties' signatures and the "Mengetahui," block, kept on one
    /// page: signatures never stand on a page of their own without the text that ends the document.
    /// </summary>
    public static void ClosingAndSignatures(PdfComposer c, OfficialDocument model, IReadOnlyList<SignatureBlock> parties, Signer? knownBy)
    {
        var closing = new[] { new TextRun(Closing) };
        var style = ParagraphStyle.Body with { SpaceAfter = 4 };
        var placeDate = PlaceDate(model);
        SignatureBlock[] acknowledgement = knownBy is null ? [] : [Block(model, knownBy, "Mengetahui,")];
        c.EnsureSpace(c.ParagraphHeight(closing, style) + c.SignaturesHeight(parties, placeDate) + c.SignaturesHeight(acknowledgement));
        c.Paragraph(closing, style);
        c.Signatures(parties, placeDate);
        c.Signatures(acknowledgement);
    }

    /// <summary>"PEMERINTAH KOTA TEBING TINGGI" → "Pemerintah Kota Tebing Tinggi" for PDF metadata.</summary>
    private static string ToTitleCase(string text) =>
        System.Globalization.CultureInfo.GetCultureInfo("id-ID").TextInfo.ToTitleCase(text.ToLowerInvariant());
}
