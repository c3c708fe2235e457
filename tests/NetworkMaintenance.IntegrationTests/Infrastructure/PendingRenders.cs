using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// The app renders issued documents in the background after the issuing request answered (PendingDocuments). A check
/// of stored files, or of the statements a later request sends, first finishes that work, as the renderer would a
/// moment later.
/// </summary>
public static class PendingRenders
{
    public static Task DrainAsync(IServiceProvider services) =>
        services.GetRequiredService<PendingDocuments>().RenderAllAsync(TimeSpan.FromSeconds(60));
}
