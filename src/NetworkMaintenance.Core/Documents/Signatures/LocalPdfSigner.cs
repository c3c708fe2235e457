using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace NetworkMaintenance.Core.Documents.Signatures;

/// <summary>
/// Signs a PDF with a certificate held by the application (a PKCS#12 file: the Dinas's institutional e-seal, or a
/// development certificate) through PDFsharp 6.2's <see cref="DigitalSignatureHandler"/>: an invisible signature field
/// whose <c>/Contents</c> is a detached CMS SignedData (SHA-256, with the signing certificate and its chain) made by
/// <see cref="CmsSigner"/>.
/// <para>
/// PDFsharp saves the whole document anew when it signs (no incremental update), which would break any signature
/// already in the file. So this signer refuses a file that is already signed (<see cref="AlreadySignedException"/>):
/// the e-seal is applied first, at issue, and personal signatures are added afterwards by BSrE, whose service appends
/// them as incremental updates (docs/signatures.md, "Order of signatures").
/// </para>
/// </summary>
public static class LocalPdfSigner
{
    /// <summary>The file already carries a signature that a PDFsharp save would invalidate.</summary>
    public sealed class AlreadySignedException() : InvalidOperationException(
        "The file is already signed; PDFsharp rewrites the file when signing and would invalidate that signature.");

    public static byte[] Sign(byte[] pdf, X509Certificate2 certificate, X509Certificate2Collection? chain, string reason,
        string location, DateTime signedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey) throw new ArgumentException("The certificate has no private key.", nameof(certificate));
        if (PdfSignatures.HasSignature(pdf)) throw new AlreadySignedException();

        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var options = new DigitalSignatureOptions
        {
            Reason = reason,
            Location = location,
            AppName = "NetworkMaintenance",
        };
        DigitalSignatureHandler.ForDocument(document, new CmsDigitalSigner(certificate, chain, signedAtUtc), options);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>PDFsharp's signer seam over <see cref="SignedCms"/>: detached, SHA-256, certificate chain included.</summary>
    private sealed class CmsDigitalSigner(X509Certificate2 certificate, X509Certificate2Collection? chain, DateTime signedAtUtc)
        : IDigitalSigner
    {
        public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false);

        public Task<int> GetSignatureSizeAsync()
        {
            // Room for the CMS: the certificates, the signed attributes and the signature value, with margin.
            var certificates = certificate.RawData.Length + (chain?.Sum(c => c.RawData.Length) ?? 0);
            return Task.FromResult(certificates + 4096);
        }

        public async Task<byte[]> GetSignatureAsync(Stream stream)
        {
            // PDFsharp's RangedStream does not answer CanSeek (so Stream.CopyToAsync fails) and is handed over positioned at
            // its end: rewind it and read it in blocks.
            stream.Position = 0;
            using var buffer = new MemoryStream();
            var block = new byte[81920];
            int read;
            while ((read = stream.Read(block, 0, block.Length)) > 0) buffer.Write(block, 0, read);
            await Task.CompletedTask;
            var cms = new SignedCms(new ContentInfo(buffer.ToArray()), detached: true);
            var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
            {
                DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
                IncludeOption = X509IncludeOption.EndCertOnly,
            };
            if (chain is not null) signer.Certificates.AddRange(chain);
            signer.SignedAttributes.Add(new Pkcs9SigningTime(signedAtUtc));
            cms.ComputeSignature(signer, silent: true);
            return cms.Encode();
        }
    }
}
