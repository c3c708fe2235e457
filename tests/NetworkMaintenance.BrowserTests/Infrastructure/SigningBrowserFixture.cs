using System.Security.Cryptography.X509Certificates;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.BrowserTests.Infrastructure;

/// <summary>
/// An app configured for certified signatures: BSrE (the fake v2 server of the tests on a loopback port, signing with a
/// CA made in the test), the Dinas's e-seal from the same CA, the Berita Acara pekerjaan signed by the technician, and
/// the verification page asking BSrE's verify endpoint too.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "xunit disposes the fixture through IAsyncLifetime.DisposeAsync.")]
public sealed class SigningBrowserFixture : BrowserFixture
{
    private readonly TestCertificateAuthority _ca = new();
    private readonly X509Certificate2 _leaf;
    private readonly string _p12 = Path.Combine(Path.GetTempPath(), $"seal-{Guid.NewGuid():N}.p12");
    private readonly string _rootFile = Path.Combine(Path.GetTempPath(), $"root-{Guid.NewGuid():N}.cer");

    public SigningBrowserFixture()
    {
        using (var seal = _ca.IssueLeaf("Segel Diskominfo Kota Tebing Tinggi"))
            File.WriteAllBytes(_p12, _ca.ExportPkcs12(seal, "sandi-segel"));
        File.WriteAllBytes(_rootFile, _ca.Root.Export(X509ContentType.Cert));
        _leaf = _ca.IssueLeaf("Bayu Pratama");
        Bsre = new FakeBsre(_leaf, _ca.Root, "Passphrase-" + Guid.NewGuid().ToString("N")[..12]);
    }

    internal FakeBsre Bsre { get; }

    protected override IReadOnlyList<KeyValuePair<string, string>> Settings() =>
    [
        new("Signatures:Provider", "Bsre"),
        new("Signatures:BaseUrl", Bsre.BaseUrl),
        new("Signatures:ClientUserName", FakeBsre.ClientUser),
        new("Signatures:ClientPassword", FakeBsre.ClientPassword),
        new("Signatures:TimeoutSeconds", "10"),
        new("Signatures:VerifyWithBsre", "true"),
        new("Signatures:Seal:CertificatePath", _p12),
        new("Signatures:Seal:CertificatePassword", "sandi-segel"),
        new("Signatures:Required:WorkBa:0", "Technician"),
        new("Signatures:TrustedRootCertificates:0", _rootFile),
    ];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Bsre.Dispose();
        _leaf.Dispose();
        _ca.Dispose();
        File.Delete(_p12);
        File.Delete(_rootFile);
    }
}

/// <summary>The certified-signing pages, on an app of their own (<see cref="SigningBrowserFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SigningBrowserCollectionDefinition : ICollectionFixture<SigningBrowserFixture>
{
    public const string Name = "BrowserSigning";
}
