using Microsoft.Extensions.Options;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Signatures;

/// <summary>Registers the certified signatures: settings, the signer chosen by <see cref="SignatureOptions.Provider"/>, the seal.</summary>
public static class SignatureServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<SignatureOptions, SignatureOptionsValidator>(configuration, SignatureOptions.Section);
        // No retry or resilience handler: a signing is sent once (see BsreSigner).
        services.AddHttpClient<BsreSigner>((sp, http) => BsreSigner.Configure(http, sp.GetRequiredService<IOptions<SignatureOptions>>().Value));
        services.AddSingleton<LocalCertificateSigner>();
        services.AddSingleton<DocumentSealer>();
        services.AddScoped<IDocumentSigner>(sp => sp.GetRequiredService<IOptions<SignatureOptions>>().Value.Provider switch
        {
            SignerProvider.Bsre or SignerProvider.Gateway => sp.GetRequiredService<BsreSigner>(),
            SignerProvider.LocalCertificate => sp.GetRequiredService<LocalCertificateSigner>(),
            _ => new NoSigner(),
        });
        services.AddScoped<CertifiedSigning>();
        SigningRateLimit.Add(services);
    }

    /// <summary>Signatures:Provider is None: nothing can be signed (the pages say so before anyone types anything).</summary>
    private sealed class NoSigner : IDocumentSigner
    {
        public string Provider => "None";
        public bool NeedsSecret => false;

        public Task<SigningResult> SignAsync(SigningRequest request, CancellationToken ct = default) =>
            Task.FromResult<SigningResult>(new SigningResult.Failed("Tanda tangan elektronik tersertifikasi belum diaktifkan.", SigningFailure.NotSignable));
    }
}
