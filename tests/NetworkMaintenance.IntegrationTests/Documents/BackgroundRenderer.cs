using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>
/// The background renderer (PendingDocuments) on the app's real SQLite file: a document whose snapshot cannot be rendered
/// is logged and stays pending, and the documents issued after it are rendered all the same.
/// </summary>
public sealed class BackgroundRenderer(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ADocumentThatFailsToRenderStaysPendingAndTheOnesAfterItAreRendered()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero));
        var broken = await app.ReceiveAsync(app.Now);
        var fine = await app.ReceiveAsync(app.Now);
        var ids = await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // Both receipts back to "issued, not rendered yet", the first with a snapshot that cannot be read.
            foreach (var (reportId, snapshot) in new[] { (broken, "{ kein json"), (fine, (string?)null) })
            {
                await db.IssuedDocuments.Where(d => d.ReportId == reportId).ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Sha256, "")
                    .SetProperty(d => d.Pdf, Array.Empty<byte>())
                    .SetProperty(d => d.SnapshotJson, d => snapshot ?? d.SnapshotJson));
                var document = await db.IssuedDocuments.SingleAsync(d => d.ReportId == reportId);
                db.PendingDocumentRenders.Add(new PendingDocumentRender(document, app.Now));
            }
            await db.SaveChangesAsync();
            return (Broken: await db.IssuedDocuments.Where(d => d.ReportId == broken).Select(d => d.Id).SingleAsync(),
                Fine: await db.IssuedDocuments.Where(d => d.ReportId == fine).Select(d => d.Id).SingleAsync());
        });

        // The broken one is first in line (oldest); the pass must not stop at it.
        await app.Factory.Services.GetRequiredService<PendingDocuments>().RenderOldestAsync(50);

        var (pending, rendered) = await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.PendingDocumentRenders.AsNoTracking().Select(p => p.IssuedDocumentId).ToListAsync(),
                await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == ids.Fine));
        });
        Assert.Equal([ids.Broken], pending);
        Assert.False(rendered.IsPendingRendering);
        Assert.Equal(IssuedDocument.HashOf(rendered.Pdf), rendered.Sha256);
        Assert.Contains($"Rendering document {ids.Broken} failed", await factory.ReadLogsAsync(), StringComparison.Ordinal);
    }
}
