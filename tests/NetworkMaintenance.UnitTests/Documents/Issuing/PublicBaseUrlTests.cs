using Microsoft.Extensions.Configuration;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.UnitTests.Documents.Issuing;

public class PublicBaseUrlTests
{
    [Fact]
    public void TheConfiguredAddressIsPrintedWithoutATrailingSlash() =>
        Assert.Equal("https://gangguan.tebingtinggikota.go.id",
            DocumentOptions.ResolveBaseUrl("https://gangguan.tebingtinggikota.go.id/"));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("gangguan.tebingtinggikota.go.id")]
    [InlineData("javascript:alert(1)")]
    public void WithoutAUsableConfigurationTheLocalDevelopmentAddressIsUsed(string? configured)
    {
        Assert.Null(DocumentOptions.Configured(configured));
        Assert.Equal("http://localhost:5080/verifikasi/ABCDEFGHJKLMNPQR",
            DocumentOptions.VerificationUrl(DocumentOptions.ResolveBaseUrl(configured), "ABCDEFGHJKLMNPQR"));
    }

    [Fact]
    public void ProductionWithoutAPublicAddressRefusesToIssue()
    {
        var complete = DocumentSettings.CreateDemo([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).MissingForIssuing();
        Assert.Empty(complete);

        var problem = Assert.Single(DocumentIssuer.Problems(complete, new DocumentOptions(), isProduction: true));
        Assert.Contains("Documents:PublicBaseUrl", problem, StringComparison.Ordinal);
        Assert.Empty(DocumentIssuer.Problems(complete, new DocumentOptions(), isProduction: false));
        Assert.Empty(DocumentIssuer.Problems(complete, new DocumentOptions { PublicBaseUrl = "https://gangguan.tebingtinggikota.go.id" }, isProduction: true));
    }

    [Fact]
    public void TheDefaultKopSuratIsIncompleteAndSaysWhatIsMissing()
    {
        var missing = DocumentSettings.CreateDefault().MissingForIssuing();

        Assert.Equal(["logo (lambang daerah)", "alamat lengkap (jalan, nomor, kode pos)", "nomor telepon"], missing);
        var problem = Assert.Single(DocumentIssuer.Problems(missing, new DocumentOptions(), isProduction: false));
        Assert.StartsWith("kop surat belum lengkap: logo (lambang daerah), alamat lengkap", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*", "https://gangguan.tebingtinggikota.go.id", true, "gangguan.tebingtinggikota.go.id")]
    [InlineData("*", "https://gangguan.tebingtinggikota.go.id", false, "*")]
    [InlineData("layanan.tebingtinggikota.go.id", "https://gangguan.tebingtinggikota.go.id", true, "layanan.tebingtinggikota.go.id")]
    [InlineData("*", "", true, "*")]
    public void ProductionNarrowsAllowedHostsToThePublicAddress(string allowed, string baseUrl, bool production, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = allowed,
            ["Documents:PublicBaseUrl"] = baseUrl,
        }).Build();

        DocumentOptions.RestrictAllowedHosts(configuration, production);

        Assert.Equal(expected, configuration["AllowedHosts"]);
    }
}
