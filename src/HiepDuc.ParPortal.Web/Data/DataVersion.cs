namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// A number that changes whenever this server commits a change to the portal's records: read models computed from the
/// whole database (the dashboard) are cached under it, so a change is seen on the next request while repeated reads
/// cost nothing. Moved by the save pipeline (<see cref="ParPortalDbContext"/>), never by bookkeeping rows.
/// </summary>
public sealed class DataVersion
{
    private long _value;
    private long _notifications;

    public long Current => Interlocked.Read(ref _value);

    /// <summary>
    /// Moves when this server commits a change of anyone's notifications (a reminder written, a notification read):
    /// the bell on every page shows them, so the page cache keys on it; the dashboard does not.
    /// </summary>
    public long Notifications => Interlocked.Read(ref _notifications);

    public void Changed() => Interlocked.Increment(ref _value);

    public void NotificationsChanged() => Interlocked.Increment(ref _notifications);
}
