using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// A number that changes whenever this server saves data: read models computed from the whole database (the
/// dashboard) are cached under it, so a change is seen on the next request while repeated reads cost nothing.
/// </summary>
public sealed class DataVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Changed() => Interlocked.Increment(ref _value);
}

/// <summary>
/// Moves <see cref="DataVersion"/> when the portal's records change: after a save of notices, directives, assignments,
/// reports, units or figures, and after the commit of a transaction that held such a save (a transaction may span
/// several saves and only its commit makes them visible). Saves of the portal's own bookkeeping — sign-ins, audit
/// rows, notifications, the mail outbox, leases, keys — leave cached read models alone.
/// </summary>
internal sealed class DataVersionInterceptor(DataVersion version) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly System.Reflection.Assembly Records = typeof(Domain.Units.Unit).Assembly;

    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity.GetType().Assembly == Records && !Bookkeeping.Is(e.Entity)))
        {
            Pending.AddOrUpdate(context, context);
        }
    }

    /// <summary>A save outside a transaction is visible at once; inside one, at its commit.</summary>
    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            version.Changed();
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }
}
