using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>One signature as poppler's pdfsig reports it.</summary>
internal sealed record PdfSigSignature(string? SignerName, string? Validation, string? CertificateValidation);

/// <summary>
/// Runs poppler's <c>pdfsig</c> (installed by .ci/run with poppler-utils) on a file and reads its report. pdfsig decides
/// trust from an NSS database: <see cref="Check"/> always gives it one of its own in a temporary folder
/// (<c>pdfsig -nssdir</c>), made with NSS's <c>certutil</c> (libnss3-tools, installed by .ci/run), empty or holding
/// the test's root CA as a trusted issuer (<c>certutil -A -t "CT,C,C"</c>). So "Certificate is Trusted." means the chain
/// to that root was checked, and nothing from the machine's own databases takes part.
/// </summary>
internal static class PdfSig
{
    public const string Path = "/usr/bin/pdfsig";
    public const string CertUtilPath = "/usr/bin/certutil";

    /// <summary>What pdfsig says of a certificate that chains to a root in its database.</summary>
    public const string Trusted = "Certificate is Trusted.";

    /// <summary>What pdfsig says of a certificate whose issuer is not in its database.</summary>
    public const string IssuerNotTrusted = "Certificate issuer isn't Trusted.";

    /// <summary>Checks <paramref name="pdf"/>; <paramref name="trustedRoot"/>, when given, is the one root pdfsig trusts.</summary>
    public static IReadOnlyList<PdfSigSignature> Check(byte[] pdf, X509Certificate2? trustedRoot = null)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pdfsig-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = System.IO.Path.Combine(folder, "document.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var nss = System.IO.Path.Combine(folder, "nssdb");
            Directory.CreateDirectory(nss);
            Run(CertUtilPath, "-N", "-d", "sql:" + nss, "--empty-password");
            if (trustedRoot is not null)
            {
                var root = System.IO.Path.Combine(folder, "root.cer");
                File.WriteAllBytes(root, trustedRoot.Export(X509ContentType.Cert));
                Run(CertUtilPath, "-A", "-d", "sql:" + nss, "-n", "test-root", "-t", "CT,C,C", "-i", root);
            }
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-nssdir");
            start.ArgumentList.Add("sql:" + nss);
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
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{program} did not start (Debian's libnss3-tools; .ci/run installs it).");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {output}");
    }

    private static string After(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
