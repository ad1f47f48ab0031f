namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// A number that changes whenever this server commits a change to the portal's records: read models computed from the
/// whole database (the dashboard) are cached under it, so a change is seen on the next request while repeated reads
/// cost nothing. Moved by the save pipeline (<see cref="ParPortalDbContext"/>), never by bookkeeping rows.
/// </summary>
public sealed class DataVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Changed() => Interlocked.Increment(ref _value);
}
