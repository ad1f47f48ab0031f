using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Assignments;

/// <summary>An assignment's standing on a day (docs/domain.md, "Timing and signals"); <see cref="AssignmentRules.State"/> decides it.</summary>
public enum TimingState
{
    /// <summary>Open, no last day, reported on recently: followed, but neither on nor behind schedule.</summary>
    NoDeadline,
    InTerm,
    DueSoon,
    Overdue,
    /// <summary>Open, no last day, no report for <see cref="SignalSettings.StaleDays"/> (urgent: <see cref="SignalSettings.UrgentAmberDays"/>) days: amber.</summary>
    Stale,
    /// <summary>"Khẩn trương" and no report for <see cref="SignalSettings.UrgentRedDays"/> days: red.</summary>
    UrgentUnanswered,
    /// <summary>Submitted, waiting for the office: shown with the timing it would have if confirmed now.</summary>
    AwaitingConfirmation,
    /// <summary>Completed on time, or late with an objective cause confirmed (<see cref="Timing.Excused"/>).</summary>
    CompletedOnTime,
    CompletedLate,
    Cancelled,
    /// <summary>Completed, and it never had a deadline: neither on time nor late, left out of the on-time rate.</summary>
    CompletedNoDeadline,
}

public enum OverdueBucket
{
    None,
    UpTo30,
    From31To60,
    From61To120,
    Over120,
}

/// <summary>The overdue buckets, defined once: the days overdue each spans (the last has no end). The SQL rule
/// (<see cref="AssignmentRules.Bucket"/>, through <see cref="SignalDay"/>), the in-memory timing and the dashboard's
/// links all read this table.</summary>
public static class OverdueBuckets
{
    public static readonly IReadOnlyList<(OverdueBucket Bucket, int FromDay, int? ToDay)> Spans =
    [
        (OverdueBucket.UpTo30, 1, 30),
        (OverdueBucket.From31To60, 31, 60),
        (OverdueBucket.From61To120, 61, 120),
        (OverdueBucket.Over120, 121, null),
    ];

    /// <summary>The last day overdue that a bucket with an end spans.</summary>
    public static int LastDayOf(OverdueBucket bucket) => Spans.Single(s => s.Bucket == bucket).ToDay!.Value;

    public static OverdueBucket Of(int daysOverdue) =>
        daysOverdue <= 0 ? OverdueBucket.None : Spans.First(s => s.ToDay is not { } last || daysOverdue <= last).Bucket;
}

/// <summary>The colour a signal shows (always with a word and a symbol).</summary>
public enum SignalColour
{
    Neutral,
    Green,
    Amber,
    Red,
}

/// <summary>
/// An assignment's timing on a day: the state the rule gives (<see cref="AssignmentRules.State"/>) and its number of
/// days — days left (in term, due soon), days overdue, days without a report (stale, urgent unanswered), days late
/// (completed late, or submitted late and awaiting confirmation) — with the lateness recorded before
/// (<see cref="LateDays"/>: an extension granted after the deadline) and whether a confirmed objective cause excuses it.
/// </summary>
public readonly record struct Timing(TimingState State, int Days = 0, int LateDays = 0, bool Excused = false)
{
    /// <summary>A recurring duty: the report cycles whose day passed without their report (<see cref="Assignment.MissedCyclesOn"/>).</summary>
    public int MissedCycles { get; init; }

    /// <summary>Days the work was already overdue when a reorganisation carried it over: the former unit's (<see cref="Assignment.InheritedLateDays"/>).</summary>
    public int Inherited { get; init; }

    /// <summary>Counts in the on-time rate: completed on time (or excused) or late — not work that never had a deadline.</summary>
    public static bool CountsOnTimeRate(TimingState state) => state is TimingState.CompletedOnTime or TimingState.CompletedLate;

    public const int DueSoonDays = 7;

    /// <summary>Sort key: the most pressing first.</summary>
    public int UrgencyRank => Rank(State);

    public OverdueBucket Bucket => State != TimingState.Overdue ? OverdueBucket.None : OverdueBuckets.Of(Days);

    public SignalColour Colour => ColourOf(State);

    /// <summary>Submitted work that would be late if confirmed now.</summary>
    public bool AwaitingLate => State == TimingState.AwaitingConfirmation && Days > 0;

    public static int Rank(TimingState state) => AssignmentRules.UrgencyRank.Invoke(state);

    /// <summary>The states that show in any of <paramref name="colours"/>, for filtering in SQL by colour.</summary>
    public static TimingState[] StatesOf(params SignalColour[] colours) =>
        Enum.GetValues<TimingState>().Where(s => colours.Contains(ColourOf(s))).ToArray();

    public static SignalColour ColourOf(TimingState state) => state switch
    {
        TimingState.Overdue or TimingState.UrgentUnanswered => SignalColour.Red,
        TimingState.DueSoon or TimingState.Stale => SignalColour.Amber,
        TimingState.InTerm or TimingState.CompletedOnTime => SignalColour.Green,
        _ => SignalColour.Neutral,
    };

    /// <summary>
    /// The days that go with a state. The state itself always comes from <see cref="AssignmentRules.State"/>; this only
    /// counts the distance to the boundary the state was judged against.
    /// </summary>
    public static Timing Of(TimingState state, DateOnly? lastDayInForce, DateOnly heardOn, DateOnly? submittedOn, DateOnly? acceptedOn, DateOnly today,
        int lateDays = 0, bool excused = false)
    {
        int Between(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
        int LateBy(DateOnly? sent) => lateDays + (lastDayInForce is { } last && sent is { } s ? Math.Max(0, Between(last, s)) : 0);
        var days = state switch
        {
            TimingState.InTerm or TimingState.DueSoon when lastDayInForce is { } last => Between(today, last),
            TimingState.Overdue when lastDayInForce is { } last => Between(last, today),
            TimingState.Stale or TimingState.UrgentUnanswered => Between(heardOn, today),
            TimingState.CompletedLate => LateBy(acceptedOn),
            TimingState.CompletedOnTime when excused => LateBy(acceptedOn),
            TimingState.AwaitingConfirmation => LateBy(submittedOn),
            _ => 0,
        };
        return new Timing(state, days, lateDays, excused && lateDays + days > 0);
    }
}

/// <summary>
/// The facts an assignment's timing is judged from (<see cref="AssignmentRules.StateOf"/>, <see cref="AssignmentRules.BucketOf"/>),
/// with settable members so that SQL can build them too. Assignments with equal facts have the same state and bucket on
/// every day: the unit counters of the read model group them so, and derive each day's timing from the stored deadline
/// days instead of recounting the assignments.
/// </summary>
public sealed class TimingFacts
{
    public AssignmentStatus Status { get; init; }

    public DateOnly? LastDayInForce { get; init; }

    public DateOnly HeardOn { get; init; }

    public DateOnly? AcceptedSubmissionOn { get; init; }

    public bool IsUrgent { get; init; }

    /// <summary>Lateness recorded before (<see cref="Assignment.LateDays"/>).</summary>
    public int LateDays { get; init; }

    /// <summary>A confirmed objective cause excuses the lateness.</summary>
    public bool Excused { get; init; }
}
