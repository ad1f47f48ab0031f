using System.Linq.Expressions;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Notices;

public enum DirectiveState
{
    NotAssigned,
    InProgress,
    Overdue,
    Completed,
    Cancelled,
}

/// <summary>A directive's light on the dashboard, always shown with a word and a symbol.</summary>
public enum TrafficLight
{
    /// <summary>Completed, or on schedule against a known last day.</summary>
    Green,
    /// <summary>Due soon, stale, or progress behind the time used.</summary>
    Amber,
    /// <summary>Overdue, or urgent work left unanswered.</summary>
    Red,
    /// <summary>No last day and reported on recently: followed, schedule unknown.</summary>
    Unknown,
}

/// <summary>
/// The one signal a directive shows on every page, export, report, the public page and the API (docs/domain.md,
/// "Directive roll-up"): its state, refined while it is in progress by its light — so that no surface says "in progress"
/// where another says "red".
/// </summary>
public enum DirectiveSignal
{
    NotAssigned,
    Cancelled,
    Completed,
    /// <summary>A deciding assignment is past its deadline in force (red).</summary>
    Overdue,
    /// <summary>A deciding "khẩn trương" assignment has gone unanswered (red).</summary>
    UrgentUnanswered,
    /// <summary>Something is due soon or stale, or progress trails the time used (amber).</summary>
    Attention,
    /// <summary>On schedule against a known last day (green).</summary>
    OnSchedule,
    /// <summary>No last day and reported on recently: followed, schedule unknown (grey).</summary>
    Unmeasured,
}

/// <summary>A directive's roll-up read on a day, with the expected progress its light is judged against.</summary>
public readonly record struct DirectiveStanding(DirectiveRollup Rollup, int? Expected)
{
    public TrafficLight Light => Rollup.Light(Expected);

    public DirectiveSignal Signal => Rollup.Signal(Expected);

    /// <summary>The standing of a directive from its roll-up, its meeting day and its own last day, on a day.</summary>
    public static DirectiveStanding Of(DirectiveRollup rollup, DateOnly meeting, DateOnly? lastDay, DateOnly today) =>
        new(rollup, DirectiveRollup.ExpectedProgress(meeting, lastDay, today));
}

/// <summary>What a directive's roll-up needs to know of one assignment (settable members, so that SQL can build it too).</summary>
public sealed class AssignmentSnapshot
{
    public AssignmentSnapshot()
    {
    }

    public AssignmentSnapshot(AssignmentRole role, AssignmentStatus status, int progress, TimingState state)
    {
        Role = role;
        Status = status;
        Progress = progress;
        State = state;
    }

    public AssignmentRole Role { get; init; }

    public AssignmentStatus Status { get; init; }

    public int Progress { get; init; }

    public TimingState State { get; init; }
}

/// <summary>
/// A directive's state and progress, read from its assignments (docs/domain.md, "Directive roll-up"):
/// completed when every non-cancelled assignment is completed; overdue when a lead assignment is overdue
/// (with no lead, when any implementing assignment is); otherwise in progress. Progress is the weighted mean,
/// the lead counting twice.
/// </summary>
public readonly record struct DirectiveRollup(DirectiveState State, int Progress, int Active, int Completed, int Overdue, bool Unanswered = false, bool Pressing = false)
{
    public const int LeadWeight = 2;

    /// <summary>A directive is "behind" when its progress trails the share of its time already used by more than this.</summary>
    public const int BehindTolerance = 25;

    public static DirectiveRollup Compute(bool directiveCancelled, IEnumerable<AssignmentSnapshot> assignments) =>
        FromCounts(RollupCounts.Of(assignments), directiveCancelled);

    /// <summary>
    /// The same rule from counts, so that lists and the dashboard can count in SQL (group by directive) and still
    /// agree with the directive page.
    /// </summary>
    public static DirectiveRollup FromCounts(RollupCounts c, bool directiveCancelled)
    {
        if (directiveCancelled)
        {
            return new DirectiveRollup(DirectiveState.Cancelled, 0, c.Active, 0, 0);
        }

        if (c.Active == 0)
        {
            return new DirectiveRollup(DirectiveState.NotAssigned, 0, 0, 0, 0);
        }

        var progress = c.Weights == 0 ? 0 : (int)Math.Round((double)c.WeightedProgress / c.Weights, MidpointRounding.AwayFromZero);
        var decidedByLeads = c.Leads > 0;
        var overdue = decidedByLeads ? c.OverdueLeads > 0 : c.OverdueImplementing > 0;
        var unanswered = decidedByLeads ? c.UnansweredLeads > 0 : c.UnansweredImplementing > 0;
        var state = StateOf.Invoke(new DirectiveFacts { Active = c.Active, Completed = c.Completed, Overdue = overdue });
        return new DirectiveRollup(state, progress, c.Active, c.Completed, c.Overdue, unanswered, c.DueSoon + c.Stale > 0);
    }

    /// <summary>
    /// The light: red when overdue or urgent work is left unanswered; green when completed; amber when something is
    /// due soon or stale, or progress trails the time used by more than <see cref="BehindTolerance"/> points; green when
    /// on schedule against a known last day; otherwise unknown (no last day to measure against).
    /// </summary>
    public TrafficLight Light(int? expected) =>
        State is DirectiveState.NotAssigned or DirectiveState.Cancelled ? TrafficLight.Unknown
        : State == DirectiveState.Overdue || Unanswered ? TrafficLight.Red
        : State == DirectiveState.Completed ? TrafficLight.Green
        : Pressing || (expected is { } e && Progress < e - BehindTolerance) ? TrafficLight.Amber
        : expected is null ? TrafficLight.Unknown
        : TrafficLight.Green;

    /// <summary>The one signal of every surface: the state, and while in progress the light (<see cref="DirectiveSignal"/>).</summary>
    public DirectiveSignal Signal(int? expected) => State switch
    {
        DirectiveState.NotAssigned => DirectiveSignal.NotAssigned,
        DirectiveState.Cancelled => DirectiveSignal.Cancelled,
        DirectiveState.Completed => DirectiveSignal.Completed,
        DirectiveState.Overdue => DirectiveSignal.Overdue,
        _ => Light(expected) switch
        {
            TrafficLight.Red => DirectiveSignal.UrgentUnanswered,
            TrafficLight.Amber => DirectiveSignal.Attention,
            TrafficLight.Green => DirectiveSignal.OnSchedule,
            _ => DirectiveSignal.Unmeasured,
        },
    };

    /// <summary>Share of the time between the meeting and the last day already used, 0–100; unknown without a last day.</summary>
    public static int? ExpectedProgress(DateOnly start, DateOnly? lastDay, DateOnly today) =>
        lastDay is not { } last ? null
        : last <= start ? 100
        : Math.Clamp((int)Math.Round(100.0 * (today.DayNumber - start.DayNumber) / (last.DayNumber - start.DayNumber)), 0, 100);

    /// <summary>An assignment counts towards its directive's roll-up unless it is cancelled.</summary>
    public static readonly Expression<Func<AssignmentStatus, bool>> Counts = s => s != AssignmentStatus.Cancelled;

    /// <summary>A counted assignment is done when completed.</summary>
    public static readonly Expression<Func<AssignmentStatus, bool>> Done = s => s == AssignmentStatus.Completed;

    /// <summary>
    /// The state from the counts: cancelled; not assigned with nothing counted; completed when every counted assignment
    /// is; overdue when a deciding assignment is; otherwise in progress.
    /// </summary>
    public static readonly Expression<Func<DirectiveFacts, DirectiveState>> StateOf = f =>
        f.Cancelled ? DirectiveState.Cancelled
        : f.Active == 0 ? DirectiveState.NotAssigned
        : f.Completed == f.Active ? DirectiveState.Completed
        : f.Overdue ? DirectiveState.Overdue
        : DirectiveState.InProgress;

    /// <summary>
    /// A directive's state on a day from its stored roll-up (<see cref="Directive.RollupActive"/>,
    /// <see cref="Directive.RollupCompleted"/>, <see cref="Directive.RollupDueOn"/>), so that the dashboard counts
    /// directives by state without reading their assignments.
    /// </summary>
    public static readonly Expression<Func<Directive, DateOnly, DirectiveState>> StoredStateOn = Rules.Expand<Func<Directive, DateOnly, DirectiveState>>((d, today) =>
        StateOf.Invoke(new DirectiveFacts { Cancelled = d.IsCancelled, Active = d.RollupActive, Completed = d.RollupCompleted, Overdue = d.RollupDueOn < today }));

    /// <summary>An assignment's weight in the progress: the lead counts <see cref="LeadWeight"/> times.</summary>
    public static readonly Expression<Func<AssignmentRole, int>> Weight = role => role == AssignmentRole.Lead ? LeadWeight : 1;
}

/// <summary>What a directive's state is read from (settable members, so that SQL can build it too).</summary>
public sealed class DirectiveFacts
{
    public bool Cancelled { get; init; }

    public int Active { get; init; }

    public int Completed { get; init; }

    /// <summary>A deciding assignment (a lead; with no lead, an implementing unit) is overdue.</summary>
    public bool Overdue { get; init; }
}

/// <summary>Counts over a directive's non-cancelled assignments.</summary>
public readonly record struct RollupCounts(
    int Active, int Completed, int Overdue, int OverdueLeads, int OverdueImplementing, int Leads, long WeightedProgress, long Weights,
    int DueSoon = 0, int Stale = 0, int UnansweredLeads = 0, int UnansweredImplementing = 0)
{
    /// <summary>
    /// The counting, written once: the dashboard runs it in SQL over each directive's group, a directive's page runs it
    /// compiled over the assignments it loaded.
    /// </summary>
    public static readonly Expression<Func<IEnumerable<AssignmentSnapshot>, RollupCounts>> Counting = Rules.Expand<Func<IEnumerable<AssignmentSnapshot>, RollupCounts>>(rows =>
        new RollupCounts(
            rows.Count(a => DirectiveRollup.Counts.Invoke(a.Status)),
            rows.Count(a => DirectiveRollup.Done.Invoke(a.Status)),
            rows.Count(a => a.State == TimingState.Overdue),
            rows.Count(a => a.State == TimingState.Overdue && a.Role == AssignmentRole.Lead),
            rows.Count(a => a.State == TimingState.Overdue && a.Role == AssignmentRole.Implementing),
            rows.Count(a => DirectiveRollup.Counts.Invoke(a.Status) && a.Role == AssignmentRole.Lead),
            rows.Where(a => DirectiveRollup.Counts.Invoke(a.Status))
                .Sum(a => (long)DirectiveRollup.Weight.Invoke(a.Role) * (DirectiveRollup.Done.Invoke(a.Status) ? 100 : a.Progress)),
            rows.Where(a => DirectiveRollup.Counts.Invoke(a.Status)).Sum(a => (long)DirectiveRollup.Weight.Invoke(a.Role)),
            rows.Count(a => a.State == TimingState.DueSoon),
            rows.Count(a => a.State == TimingState.Stale),
            rows.Count(a => a.State == TimingState.UrgentUnanswered && a.Role == AssignmentRole.Lead),
            rows.Count(a => a.State == TimingState.UrgentUnanswered && a.Role == AssignmentRole.Implementing)));

    public static RollupCounts Of(IEnumerable<AssignmentSnapshot> assignments) => Counting.Invoke(assignments as IReadOnlyCollection<AssignmentSnapshot> ?? assignments.ToList());
}
