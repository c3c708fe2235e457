using Microsoft.AspNetCore.Http;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.UnitTests.Documents.Issuing;

public class PublicBaseUrlTests
{
    [Fact]
    public void TheConfiguredAddressWins()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("10.0.0.5:8080");
        Assert.Equal("https://gangguan.tebingtinggikota.go.id",
            DocumentOptions.ResolveBaseUrl("https://gangguan.tebingtinggikota.go.id/", request));
    }

    [Fact]
    public void WithoutConfigurationTheRequestsAddressIsUsed()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new HostString("layanan.example.go.id");
        request.PathBase = "/gangguan";
        Assert.Equal("https://layanan.example.go.id/gangguan", DocumentOptions.ResolveBaseUrl(null, request));
    }

    [Fact]
    public void WithoutEitherTheLocalDevelopmentAddressIsUsed()
    {
        Assert.Equal("http://localhost:5080", DocumentOptions.ResolveBaseUrl(" ", null));
        Assert.Equal("http://localhost:5080/verifikasi/ABCDEFGHJKLMNPQR",
            DocumentOptions.VerificationUrl(DocumentOptions.ResolveBaseUrl(null, null), "ABCDEFGHJKLMNPQR"));
    }
}
