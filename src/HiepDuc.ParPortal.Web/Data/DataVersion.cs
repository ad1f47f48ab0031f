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

/// <summary>Moves <see cref="DataVersion"/> when a save or an explicit transaction commits.</summary>
internal sealed class DataVersionInterceptor(DataVersion version) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Changed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Changed();
        return Task.CompletedTask;
    }
}
