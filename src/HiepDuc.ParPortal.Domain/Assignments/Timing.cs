namespace HiepDuc.ParPortal.Domain.Assignments;

public enum TimingState
{
    /// <summary>Open, ongoing or no date set.</summary>
    NoDeadline,
    InTerm,
    DueSoon,
    Overdue,
    CompletedOnTime,
    CompletedLate,
    Cancelled,
}

public enum OverdueBucket
{
    None,
    UpTo30,
    From31To60,
    From61To120,
    Over120,
}

/// <summary>
/// Timing is derived, never stored: from today, the deadline in force and the state.
/// <see cref="Days"/> is days left (due soon), days overdue, or days late (completed late).
/// <see cref="AwaitingConfirmation"/> marks submitted work shown with the timing it would have if confirmed now.
/// </summary>
public readonly record struct Timing(TimingState State, int Days = 0, bool AwaitingConfirmation = false)
{
    public const int DueSoonDays = 7;

    /// <summary>The statuses in which the deadline still runs (<see cref="Compute"/> measures them against today), for SQL filters.</summary>
    public static readonly AssignmentStatus[] Running = [AssignmentStatus.NotStarted, AssignmentStatus.InProgress, AssignmentStatus.Returned];

    public OverdueBucket Bucket => State != TimingState.Overdue ? OverdueBucket.None : Days switch
    {
        <= 30 => OverdueBucket.UpTo30,
        <= 60 => OverdueBucket.From31To60,
        <= 120 => OverdueBucket.From61To120,
        _ => OverdueBucket.Over120,
    };

    /// <summary>Sort key: overdue first (most overdue first), then due soon, in term, no deadline, done.</summary>
    public int UrgencyRank => State switch
    {
        TimingState.Overdue => 0,
        TimingState.DueSoon => 1,
        TimingState.InTerm => 2,
        TimingState.NoDeadline => 3,
        _ => 4,
    };

    public static Timing Compute(AssignmentStatus status, DateOnly? lastDay, DateOnly? submittedOn, DateOnly? acceptedOn, DateOnly today)
    {
        switch (status)
        {
            case AssignmentStatus.Cancelled:
                return new Timing(TimingState.Cancelled);
            case AssignmentStatus.Completed:
                return Finished(lastDay, acceptedOn ?? today, awaiting: false);
            case AssignmentStatus.Submitted:
                return Finished(lastDay, submittedOn ?? today, awaiting: true);
        }

        if (lastDay is not { } last)
        {
            return new Timing(TimingState.NoDeadline);
        }

        var left = last.DayNumber - today.DayNumber;
        return left switch
        {
            < 0 => new Timing(TimingState.Overdue, -left),
            < DueSoonDays => new Timing(TimingState.DueSoon, left),
            _ => new Timing(TimingState.InTerm, left),
        };
    }

    private static Timing Finished(DateOnly? lastDay, DateOnly doneOn, bool awaiting)
    {
        if (lastDay is { } last && doneOn > last)
        {
            return new Timing(TimingState.CompletedLate, doneOn.DayNumber - last.DayNumber, awaiting);
        }

        return new Timing(TimingState.CompletedOnTime, 0, awaiting);
    }
}
