using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// How often a save looks over every tracked entity for changes (issue #18, point 2): the filing's two saves run inside
/// the SQLite writer's turn, where each extra pass is serial time for every writer. A save makes one pass, before
/// anything reads the tracker's states (the append-only check of the audit log, the caches' change tracker
/// <c>DataChanges</c>, EF itself); it made three, then two.
/// </summary>
public sealed class SaveChangesPasses(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ASaveMakesOneChangeDetectionPassAndTheAuditLogStillRefusesARemovedEntry()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var passes = 0;
            db.ChangeTracker.DetectingAllChanges += (_, _) => passes++;
            var entry = new AuditEntry(DateTime.UtcNow, "uji.simpan", "uji satu deteksi", null, null, null);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            Assert.Equal(1, passes);

            // The append-only check still holds without its own pass: a removed entry is refused before the database.
            db.AuditEntries.Remove(entry);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AFilingMakesOneChangeDetectionPassPerSaveAndTheCachesStillSeeItsChanges()
    {
        var reporterId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Id).SingleAsync());
        var actor = (await factory.WithScopeAsync(sp => sp.GetRequiredService<ActorFactory>().ForUserAsync(reporterId)))!;
        var reportsVersion = factory.Services.GetRequiredService<DataChanges>().Reports;
        var (passes, saves) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            int passes = 0, saves = 0;
            void Detecting(object? sender, DetectChangesEventArgs e) => passes++;
            void Saving(object? sender, SavingChangesEventArgs e) => saves++;
            db.ChangeTracker.DetectingAllChanges += Detecting;
            db.SavingChanges += Saving;
            try
            {
                await sp.GetRequiredService<ReportService>().ReceiveAsync(new NewReport(actor.OpdId!.Value, reporterId,
                    "Rina Marlina", null, null, "+6281260000100", null, ReportChannel.Web, DateTime.UtcNow, "Ruang rapat",
                    FaultCategory.NoInternet, "Internet mati sejak pagi"), actor);
            }
            finally
            {
                db.ChangeTracker.DetectingAllChanges -= Detecting;
                db.SavingChanges -= Saving;
            }
            return (passes, saves);
        });
        Assert.Equal(2, saves);
        Assert.Equal(saves, passes);
        // The caches' change tracker reads the states without a pass of its own, and still sees the new report.
        Assert.True(factory.Services.GetRequiredService<DataChanges>().Reports > reportsVersion);
    }
}
