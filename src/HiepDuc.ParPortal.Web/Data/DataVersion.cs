using System.Data.Common;
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
/// Moves <see cref="DataVersion"/> after every save and every committed transaction (a save of a single statement
/// runs without one; a transaction may span several saves and only its commit makes them visible).
/// </summary>
internal sealed class DataVersionInterceptor(DataVersion version) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        version.Changed();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        version.Changed();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Changed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Changed();
        return Task.CompletedTask;
    }
}
