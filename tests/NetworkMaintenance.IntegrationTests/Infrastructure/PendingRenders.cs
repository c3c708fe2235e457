using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// The app renders issued documents in the background after the issuing request answered (PendingDocuments). A check
/// of stored files, or of the statements a later request sends, first finishes that work, as the renderer would a
/// moment later: it renders what is pending itself and waits for what the renderer holds.
/// </summary>
public static class PendingRenders
{
    public static async Task DrainAsync(IServiceProvider services)
    {
        var pending = services.GetRequiredService<PendingDocuments>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await AnyAsync(services))
        {
            // Stored nothing while rows remain: the background renderer holds them and stores them in a moment.
            if (await pending.RenderOldestAsync(50) == 0) await Task.Delay(10);
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Issued documents were still not rendered after 60 s.");
        }
    }

    private static async Task<bool> AnyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingDocumentRenders.AnyAsync();
    }
}
