using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Integration;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Version counters of this instance's writes, for caches of derived figures (dashboard aggregates, option lists, the
/// signed-in user's actor, the navigation badges): a cache key that includes the counter is never served after a change
/// this instance made. A SaveChanges that touches users, roles, OPDs, units, Plh. appointments or webhook receivers bumps
/// <see cref="Reference"/> (and <see cref="Reports"/>); notifications bump <see cref="Notifications"/> only (the unread
/// badge); any other data bumps <see cref="Reports"/> only; bookkeeping rows that no cached figure reads (audit entries,
/// the mail outbox, Data Protection keys) bump nothing, so sign-ins and downloads do not empty the caches. The bump
/// happens before and after saving and again when the surrounding transaction commits (a figure computed in between
/// from the old committed state must not keep the new version). Bulk updates that bypass SaveChanges call the
/// matching method themselves. Writes by another instance on the same database are not seen: caches using these
/// counters also expire after a short time.
/// </summary>
public sealed class DataChanges
{
    private long _reports;
    private long _reference;
    private long _notifications;

    public long Reports => Interlocked.Read(ref _reports);
    public long Reference => Interlocked.Read(ref _reference);
    public long Notifications => Interlocked.Read(ref _notifications);

    public void ReportsChanged() => Interlocked.Increment(ref _reports);

    public void NotificationsChanged() => Interlocked.Increment(ref _notifications);

    public void ReferenceChanged()
    {
        Interlocked.Increment(ref _reference);
        Interlocked.Increment(ref _reports);
    }

    public IInterceptor[] Interceptors()
    {
        // What each context has saved since its last commit: the commit bumps the same counters again.
        var pending = new ConditionalWeakTable<DbContext, Pending>();
        return [new SaveTracker(this, pending), new CommitTracker(this, pending)];
    }

    /// <summary>What a context has saved and not yet seen committed, and in which transaction (null: none).</summary>
    private sealed class Pending
    {
        public Kind Value;
        public Guid? Transaction;
    }

    [Flags]
    private enum Kind { None = 0, Reports = 1, Reference = 2, Notifications = 4 }

    private static Kind KindOf(object entity) => entity switch
    {
        AppUser or Opd or OrgUnit or IdentityRole or IdentityUserRole<string> or ActingAppointment or WebhookReceiver => Kind.Reference,
        Notification => Kind.Notifications,
        AuditEntry or OutboxEmail or DataProtectionKey or Lease or StoredFile => Kind.None,
        _ => Kind.Reports,
    };

    private void Bump(Kind kind)
    {
        if (kind.HasFlag(Kind.Reference)) ReferenceChanged();
        else if (kind.HasFlag(Kind.Reports)) ReportsChanged();
        if (kind.HasFlag(Kind.Notifications)) NotificationsChanged();
    }

    private sealed class SaveTracker(DataChanges changes, ConditionalWeakTable<DbContext, Pending> pending) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Saving(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Saving(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Saved(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        private void Saving(DbContext? context)
        {
            if (context is null) return;
            var kind = context.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Aggregate(Kind.None, (all, e) => all | KindOf(e.Entity));
            var box = pending.GetOrCreateValue(context);
            // Contexts are pooled (DatabaseSetup): what a context saved in a transaction that was rolled back or
            // disposed without a commit must not be carried into the next transaction or request using the context.
            var transaction = context.Database.CurrentTransaction?.TransactionId;
            if (box.Transaction != transaction) (box.Value, box.Transaction) = (Kind.None, transaction);
            box.Value |= kind;
            changes.Bump(kind);
        }

        private void Saved(DbContext? context)
        {
            if (context is null || !pending.TryGetValue(context, out var box)) return;
            changes.Bump(box.Value);
            // Outside a transaction the save is its own commit.
            if (context.Database.CurrentTransaction is null) box.Value = Kind.None;
        }
    }

    private sealed class CommitTracker(DataChanges changes, ConditionalWeakTable<DbContext, Pending> pending) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            Committed(eventData);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Committed(eventData);
            return Task.CompletedTask;
        }

        private void Committed(TransactionEndEventData eventData)
        {
            if (eventData.Context is null || !pending.TryGetValue(eventData.Context, out var box)) return;
            // Saved in this transaction, or saved outside one (SaveChanges' own transaction is committed here).
            if (box.Transaction is null || box.Transaction == eventData.TransactionId) changes.Bump(box.Value);
            (box.Value, box.Transaction) = (Kind.None, null);
        }
    }
}
