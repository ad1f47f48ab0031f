namespace HiepDuc.ParPortal.Domain.Common;

/// <summary>
/// The portal's calendar: days are calendar days in Asia/Ho_Chi_Minh (UTC+7, no daylight saving),
/// whatever the server's own time zone is.
/// </summary>
public static class PortalCalendar
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The instant a day of the portal's calendar begins (the inverse of <see cref="DateOf"/>).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeZone.BaseUtcOffset);
}
