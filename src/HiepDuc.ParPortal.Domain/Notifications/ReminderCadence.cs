namespace HiepDuc.ParPortal.Domain.Notifications;

/// <summary>
/// When a repeating reminder fires: on day <see cref="First"/> of a wait (overdue, silent, waiting for the office…),
/// then every <see cref="Every"/> days. Written once for the reminder run and for what it tells the office of the work
/// it did not remind of today (the next day it will).
/// </summary>
public readonly record struct ReminderCadence(int First, int Every)
{
    public bool IsDue(int days) => days >= First && (days - First) % Every == 0;

    /// <summary>The next day after <paramref name="today"/> on which a wait of <paramref name="days"/> today fires.</summary>
    public DateOnly NextAfter(int days, DateOnly today) =>
        today.AddDays(days < First ? First - days : Every - ((days - First) % Every));

    /// <summary>Due soon: 7, 3 and 1 days before the deadline in force; <paramref name="daysLeft"/> is counted to it.</summary>
    public static readonly int[] DueSoonDays = [7, 3, 1];

    /// <summary>The next day a due-soon reminder fires for work with <paramref name="daysLeft"/> days left, if any.</summary>
    public static DateOnly? NextDueSoon(int daysLeft, DateOnly today) =>
        DueSoonDays.Where(d => d < daysLeft).Select(d => (int?)d).Max() is { } next ? today.AddDays(daysLeft - next) : null;
}

/// <summary>What one rule of a reminder run found: the work it applies to, how much of it fell due today and was sent,
/// and the next day it fires for the rest.</summary>
public sealed record ReminderRuleRun(ReminderKind Kind, int Matching, int DueToday, int Sent, DateOnly? Next);

/// <summary>What a reminder run did, rule by rule.</summary>
public sealed record ReminderRun(DateOnly Day, IReadOnlyList<ReminderRuleRun> Rules, int Sent);
