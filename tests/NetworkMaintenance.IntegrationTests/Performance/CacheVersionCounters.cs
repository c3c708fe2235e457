using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The version counters behind the dashboard and option-list caches (DataChanges), on the app's real SQLite database:
/// bookkeeping rows leave the caches alone, report data and reference data bump what they must, and a transaction's
/// commit bumps again.
/// </summary>
public sealed class CacheVersionCounters(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnAuditEntryBumpsNothingAnOpdBumpsReferenceAndReportDataBumpsReportsAgainAtCommit()
    {
        var adminId = await factory.UserIdAsync("admin");
        var changes = factory.Services.GetRequiredService<DataChanges>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var (reports, reference) = (changes.Reports, changes.Reference);
        db.AuditEntries.Add(new AuditEntry(DateTime.UtcNow, AuditEvents.LoginSucceeded, "uji", adminId, "admin", "127.0.0.1"));
        await db.SaveChangesAsync();
        Assert.Equal((reports, reference), (changes.Reports, changes.Reference));

        var opd = await db.Opds.OrderBy(o => o.Id).FirstAsync();
        opd.Rename(opd.Name + " (uji)", opd.ShortName);
        await db.SaveChangesAsync();
        Assert.True(changes.Reference > reference, "an OPD change must reset the option lists");
        Assert.True(changes.Reports > reports, "an OPD change must reset the dashboard figures");

        (reports, reference) = (changes.Reports, changes.Reference);
        // A transaction by hand runs as one unit of the execution strategy, as in the app (a retrying one insists).
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var section = await db.ServiceStandardSections.OrderBy(s => s.Order).FirstAsync();
            db.ServiceStandardRevisions.Add(section.Edit(section.Body + " (uji)", adminId, "Administrator", DateTime.UtcNow, null, null));
            await db.SaveChangesAsync();
            Assert.Equal(reference, changes.Reference);
            var afterSave = changes.Reports;
            Assert.True(afterSave > reports);

            await tx.CommitAsync();
            Assert.True(changes.Reports > afterSave, "the commit must bump again");
        });
        Assert.Equal(reference, changes.Reference);
    }

    [Fact]
    public async Task APooledContextCarriesNothingFromARolledBackTransactionIntoTheNextRequest()
    {
        var adminId = await factory.UserIdAsync("admin");
        var changes = factory.Services.GetRequiredService<DataChanges>();
        AppDbContext first;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var context = first;
            await context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await context.Database.BeginTransactionAsync();
                var opd = await context.Opds.OrderBy(o => o.Id).FirstAsync();
                opd.Rename(opd.Name + " (batal)", opd.ShortName);
                await context.SaveChangesAsync();
                await tx.RollbackAsync();
            });
        }

        // Contexts are pooled (DatabaseSetup): take scopes until the same context comes back.
        for (var i = 0; i < 1000; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!ReferenceEquals(db, first)) continue;

            var (reports, reference) = (changes.Reports, changes.Reference);
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                db.AuditEntries.Add(new AuditEntry(DateTime.UtcNow, AuditEvents.LoginSucceeded, "uji", adminId, "admin", "127.0.0.1"));
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            });
            Assert.Equal((reports, reference), (changes.Reports, changes.Reference));
            Assert.DoesNotContain("(batal)", (await db.Opds.OrderBy(o => o.Id).FirstAsync()).Name, StringComparison.Ordinal);
            return;
        }
        Assert.Fail("the pooled context never came back: is AppDbContext still pooled?");
    }
}
