using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NetworkMaintenance.Core.Documents.Signatures;

/// <summary>
/// One signature found in a PDF and what checking it showed. <see cref="IntegrityValid"/>: the CMS signature verifies
/// over exactly the bytes its <c>/ByteRange</c> names (nothing it covers was changed). <see cref="CoversWholeFile"/>:
/// nothing was appended after it (true for the last signature of a file that was not changed since).
/// <see cref="CertificateTrusted"/>: the signing certificate chains to one of the configured roots (null when no root
/// is configured, so trust was not checked).
/// </summary>
public sealed record PdfSignatureInfo(
    string? SignerName,
    string? CertificateSubject,
    string? CertificateIssuer,
    DateTime? SignedAtUtc,
    bool IntegrityValid,
    bool CoversWholeFile,
    bool? CertificateTrusted,
    string? Problem)
{
    /// <summary>Valid for the verification page: intact, and trusted when trust is checked.</summary>
    public bool Valid => IntegrityValid && CertificateTrusted != false;
}

/// <summary>
/// Reads and checks the signatures of a PDF without any external service: each signature dictionary's
/// <c>/ByteRange</c> and <c>/Contents</c> (a detached CMS SignedData, subfilter adbe.pkcs7.detached or
/// ETSI.CAdES.detached) are found in the bytes, the CMS is decoded and its signature checked over the named ranges
/// (<see cref="SignedCms.CheckSignature(bool)"/>, which also checks the message digest).
/// </summary>
public static class PdfSignatures
{
    private static readonly byte[] ByteRangeKey = Encoding.ASCII.GetBytes("/ByteRange");

    /// <summary>Whether the file carries at least one signature dictionary.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> pdf) => pdf.IndexOf(ByteRangeKey) >= 0;

    /// <summary>Every signature of <paramref name="pdf"/>, in file order; <paramref name="trustedRoots"/> when given decides trust.</summary>
    public static IReadOnlyList<PdfSignatureInfo> Read(byte[] pdf, X509Certificate2Collection? trustedRoots = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var found = new List<PdfSignatureInfo>();
        var at = 0;
        while (at < pdf.Length)
        {
            var index = pdf.AsSpan(at).IndexOf(ByteRangeKey);
            if (index < 0) break;
            var start = at + index + ByteRangeKey.Length;
            at = start;
            if (!TryParseRange(pdf, start, out var range)) continue;
            // A PDFsharp placeholder or a reference to the key in other text: a real range starts at 0.
            if (range[0] != 0) continue;
            found.Add(Check(pdf, range, trustedRoots));
        }
        return found;
    }

    private static bool TryParseRange(byte[] pdf, int start, out long[] range)
    {
        range = new long[4];
        var i = start;
        while (i < pdf.Length && pdf[i] is (byte)' ' or (byte)'\r' or (byte)'\n') i++;
        if (i >= pdf.Length || pdf[i] != '[') return false;
        i++;
        for (var n = 0; n < 4; n++)
        {
            while (i < pdf.Length && pdf[i] is (byte)' ' or (byte)'\r' or (byte)'\n') i++;
            var from = i;
            while (i < pdf.Length && pdf[i] is >= (byte)'0' and <= (byte)'9') i++;
            if (i == from || !long.TryParse(Encoding.ASCII.GetString(pdf, from, i - from), NumberStyles.None, CultureInfo.InvariantCulture, out range[n]))
                return false;
        }
        return true;
    }

    private static PdfSignatureInfo Check(byte[] pdf, long[] r, X509Certificate2Collection? trustedRoots)
    {
        long a = r[0], b = r[1], c = r[2], d = r[3];
        if (b <= 0 || c < b || c + d > pdf.Length || a + b > pdf.Length)
            return new PdfSignatureInfo(null, null, null, null, false, false, null, "Rentang tanda tangan tidak sesuai dengan berkas.");
        var coversAll = c + d == pdf.Length;

        // The gap between the ranges is "<hex>" (the /Contents value).
        var hex = Encoding.ASCII.GetString(pdf, (int)b, (int)(c - b)).Trim().TrimStart('<').TrimEnd('>');
        byte[] der;
        try
        {
            der = Convert.FromHexString(hex);
            der = der[..DerLength(der)];
        }
        catch (Exception ex) when (ex is FormatException or AsnContentException or ArgumentException)
        {
            return new PdfSignatureInfo(null, null, null, null, false, coversAll, null, "Isi tanda tangan tidak dapat dibaca.");
        }

        var signed = new byte[b + d];
        Array.Copy(pdf, a, signed, 0, b);
        Array.Copy(pdf, c, signed, b, d);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(der);
        }
        catch (CryptographicException)
        {
            return new PdfSignatureInfo(null, null, null, null, false, coversAll, null, "Isi tanda tangan tidak dapat dibaca.");
        }

        var signer = cms.SignerInfos.Count > 0 ? cms.SignerInfos[0] : null;
        var certificate = signer?.Certificate;
        DateTime? time = null;
        if (signer is not null)
        {
            foreach (var attribute in signer.SignedAttributes)
            {
                if (attribute.Oid.Value == "1.2.840.113549.1.9.5" && attribute.Values.Count > 0)
                    time = new Pkcs9SigningTime(attribute.Values[0].RawData).SigningTime.ToUniversalTime();
            }
        }

        bool intact;
        string? problem = null;
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
            intact = true;
        }
        catch (CryptographicException)
        {
            intact = false;
            problem = "Isi dokumen telah berubah setelah ditandatangani.";
        }

        bool? trusted = null;
        if (certificate is not null && trustedRoots is { Count: > 0 })
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
            chain.ChainPolicy.ExtraStore.AddRange(cms.Certificates);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (time is { } at) chain.ChainPolicy.VerificationTime = at;
            trusted = chain.Build(certificate);
            if (trusted == false) problem ??= "Sertifikat penanda tangan tidak diterbitkan oleh penerbit yang dipercaya.";
        }

        return new PdfSignatureInfo(certificate?.GetNameInfo(X509NameType.SimpleName, false), certificate?.Subject,
            certificate?.Issuer, time, intact, coversAll, trusted, problem);
    }

    /// <summary>The length of the DER value at the start of <paramref name="der"/> (the /Contents is padded with zeros).</summary>
    private static int DerLength(byte[] der)
    {
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var consumed);
        return consumed;
    }
}
