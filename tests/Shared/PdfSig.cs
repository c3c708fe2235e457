using System.Diagnostics;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>One signature as poppler's pdfsig reports it.</summary>
internal sealed record PdfSigSignature(string? SignerName, string? Validation, string? CertificateValidation);

/// <summary>
/// Runs poppler's <c>pdfsig</c> (installed by .ci/run with poppler-utils) on a file and reads its report. The test CA is
/// not in any NSS database pdfsig reads, so the certificate line says the issuer is not trusted: tests assert the
/// "Signature Validation" line (the digest and the signature over the signed ranges), which does not depend on trust.
/// </summary>
internal static class PdfSig
{
    public const string Path = "/usr/bin/pdfsig";

    public static IReadOnlyList<PdfSigSignature> Check(byte[] pdf)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pdfsig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            var signatures = new List<PdfSigSignature>();
            string? name = null, validation = null, certificate = null;
            var any = false;
            foreach (var raw in output.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith("Signature #", StringComparison.Ordinal))
                {
                    if (any) signatures.Add(new PdfSigSignature(name, validation, certificate));
                    any = true;
                    name = validation = certificate = null;
                }
                else if (line.StartsWith("- Signer Certificate Common Name:", StringComparison.Ordinal)) name = After(line);
                else if (line.StartsWith("- Signature Validation:", StringComparison.Ordinal)) validation = After(line);
                else if (line.StartsWith("- Certificate Validation:", StringComparison.Ordinal)) certificate = After(line);
            }
            if (any) signatures.Add(new PdfSigSignature(name, validation, certificate));
            return signatures;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string After(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
