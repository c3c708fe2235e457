using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Version counters of this instance's writes, for caches of derived figures (dashboard aggregates, option lists): a
/// cache key that includes the counter is never served after a change this instance made. Every SaveChanges bumps
/// <see cref="Reports"/> (before and after saving) and, when it touches users, roles, OPDs or units, also
/// <see cref="Reference"/>; every committed transaction bumps both (it may have run ExecuteUpdate). Writes by another
/// instance on the same database are not seen: caches using these counters also expire after a short time.
/// </summary>
public sealed class DataChanges
{
    private long _reports;
    private long _reference;

    public long Reports => Interlocked.Read(ref _reports);
    public long Reference => Interlocked.Read(ref _reference);

    public void ReportsChanged() => Interlocked.Increment(ref _reports);

    public void ReferenceChanged()
    {
        Interlocked.Increment(ref _reference);
        Interlocked.Increment(ref _reports);
    }

    public IInterceptor[] Interceptors() => [new SaveTracker(this), new CommitTracker(this)];

    private static bool IsReference(object entity) =>
        entity is AppUser or Opd or OrgUnit or IdentityRole or IdentityUserRole<string> or ActingAppointment;

    private sealed class SaveTracker(DataChanges changes) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Bump(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Bump(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            changes.ReferenceChanged();
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            changes.ReferenceChanged();
            return ValueTask.FromResult(result);
        }

        private void Bump(DbContext? context)
        {
            if (context is null) return;
            var entries = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
            if (entries.Any(e => IsReference(e.Entity))) changes.ReferenceChanged();
            else changes.ReportsChanged();
        }
    }

    private sealed class CommitTracker(DataChanges changes) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => changes.ReferenceChanged();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            changes.ReferenceChanged();
            return Task.CompletedTask;
        }
    }
}
