using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// How often a save looks over every tracked entity for changes (issue #18, point 2): the filing's two saves run inside
/// the SQLite writer's turn, where each extra pass is serial time for every writer. Two remain: the change tracker of
/// the caches (<c>DataChanges</c>, an interceptor, which runs before EF's own pass and must see modified entities) and
/// EF's own. The append-only check of the audit log adds none (it added a third before).
/// </summary>
public sealed class SaveChangesPasses(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheAuditLogsCheckAddsNoChangeDetectionPassToASaveAndStillRefusesARemovedEntry()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var passes = 0;
            db.ChangeTracker.DetectingAllChanges += (_, _) => passes++;
            var entry = new AuditEntry(DateTime.UtcNow, "uji.simpan", "uji satu deteksi", null, null, null);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            Assert.Equal(2, passes);

            // The append-only check still holds without its own pass: a removed entry is refused before the database.
            db.AuditEntries.Remove(entry);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        });
    }
}
