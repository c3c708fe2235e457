using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetworkMaintenance.Core.Formatting;
using PdfSharp.Pdf;

namespace NetworkMaintenance.Core.Documents.Pdf;

/// <summary>
/// Removes everything PDFsharp 6.2 would make random or time-dependent, so an issued document re-renders to the same
/// bytes (and the same stored hash). PDFsharp picks the trailer /ID from a new GUID, tags font subsets with six
/// letters taken from <see cref="Guid.NewGuid"/>, and writes XMP metadata with random DocumentID/InstanceID UUIDs;
/// all three are replaced here (the XMP IDs after saving, see <see cref="FixMetadataIds"/>) by values derived from <see cref="PdfDocumentInfo.Identity"/>. Dates are written
/// in WIB by hand, independent of the server's time zone.
/// </summary>
internal static class DeterministicPdf
{
    public static void Apply(PdfDocument document, PdfDocumentInfo info)
    {
        var wib = Wib.FromUtc(info.CreatedAtUtc);
        document.Info.Title = info.Title;
        document.Info.Subject = info.Subject;
        document.Info.Author = info.Author;
        document.Info.Creator = "NetworkMaintenance";
        var pdfDate = string.Create(CultureInfo.InvariantCulture, $"D:{wib:yyyyMMddHHmmss}+07'00'");
        document.Info.Elements.SetString("/CreationDate", pdfDate);
        document.Info.Elements.SetString("/ModDate", pdfDate);

        var id = Hash(info.Identity, "trailer-id");
        var idString = new string(id.AsSpan(0, 16).ToArray().Select(b => (char)b).ToArray());
        document.Internals.FirstDocumentID = idString;
        document.Internals.SecondDocumentID = idString;

        RenameFontSubsets(document, info.Identity);
    }

    private static byte[] Hash(string identity, string purpose) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + identity));

    /// <summary>Replaces the random "ABCDEF+" subset tag of every embedded font with one derived from the identity.</summary>
    private static void RenameFontSubsets(PdfDocument document, string identity)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var obj in document.Internals.GetAllObjects())
        {
            if (obj is not PdfDictionary dict) continue;
            foreach (var key in (string[])["/BaseFont", "/FontName"])
            {
                var name = dict.Elements.GetName(key);
                if (!IsSubsetName(name)) continue;
                if (!renamed.TryGetValue(name, out var replacement))
                {
                    var baseName = name[8..];
                    var hash = Hash(identity, "font-subset:" + baseName);
                    var tag = new string(hash.AsSpan(0, 6).ToArray().Select(b => (char)('A' + (b % 26))).ToArray());
                    replacement = "/" + tag + "+" + baseName;
                    renamed[name] = replacement;
                }

                dict.Elements.SetName(key, replacement);
            }
        }
    }

    // "/ABCDEF+Name": a slash, six capital letters and a plus sign.
    private static bool IsSubsetName(string name) =>
        name.Length > 8 && name[0] == '/' && name[7] == '+' && name.AsSpan(1, 6).ContainsAnyExceptInRange('A', 'Z') is false;

    /// <summary>
    /// PDFsharp 6.2 creates its XMP packet inside Save (replacing any packet set before) with random
    /// DocumentID/InstanceID UUIDs. The packet is stored uncompressed, so the UUIDs are overwritten in the saved bytes
    /// with UUIDs derived from the identity: same length, so no cross-reference offset moves.
    /// </summary>
    public static void FixMetadataIds(byte[] pdf, string identity)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        Overwrite(pdf, "<xmpMM:DocumentID>uuid:"u8, new Guid(Hash(identity, "xmp-document-id").AsSpan(0, 16)));
        Overwrite(pdf, "<xmpMM:InstanceID>uuid:"u8, new Guid(Hash(identity, "xmp-instance-id").AsSpan(0, 16)));
    }

    private static void Overwrite(byte[] pdf, ReadOnlySpan<byte> marker, Guid value)
    {
        var at = pdf.AsSpan().IndexOf(marker);
        if (at < 0) return;
        var start = at + marker.Length;
        var replacement = Encoding.ASCII.GetBytes(value.ToString("D"));
        if (start + replacement.Length > pdf.Length) return;
        var current = pdf.AsSpan(start, replacement.Length);
        // Only ever replace a UUID: 36 characters of hex digits and dashes.
        foreach (var b in current)
        {
            if (!(char.IsAsciiHexDigit((char)b) || b == (byte)'-')) return;
        }

        replacement.CopyTo(current);
    }
}
