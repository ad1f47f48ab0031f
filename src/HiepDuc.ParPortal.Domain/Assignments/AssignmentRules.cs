using System.Linq.Expressions;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;

namespace HiepDuc.ParPortal.Domain.Assignments;

/// <summary>
/// The tracking rules of an assignment, each written once (docs/domain.md, "Timing and signals"). Lists, the unit's
/// workspace, the office's queue, the dashboard, exports, the report, reminders and the roll-up all read these
/// definitions — in SQL through <see cref="Rules.With{T1,T2,TResult}"/> / <see cref="Rules.Expand{T}"/>, in memory
/// through <see cref="Rules.Invoke{T1,T2,TResult}"/>.
/// </summary>
public static class AssignmentRules
{
    /// <summary>Running: the deadline still runs and the unit still owes a report (not started, in progress, returned).</summary>
    public static readonly Expression<Func<AssignmentStatus, bool>> IsRunning = s =>
        s == AssignmentStatus.NotStarted || s == AssignmentStatus.InProgress || s == AssignmentStatus.Returned;

    /// <inheritdoc cref="IsRunning"/>
    public static readonly Expression<Func<Assignment, bool>> Running = Rules.Expand<Func<Assignment, bool>>(a => IsRunning.Invoke(a.Status));

    /// <summary>Open: not finished — running, or submitted and waiting for the office.</summary>
    public static readonly Expression<Func<Assignment, bool>> Open = a =>
        a.Status != AssignmentStatus.Completed && a.Status != AssignmentStatus.Cancelled;

    /// <summary>The deadline in force: the approved extension, else the assignment's own last day (kept in <see cref="Assignment.LastDayInForce"/>).</summary>
    public static readonly Expression<Func<Assignment, DateOnly?>> DeadlineInForce = a => a.LastDayInForce;

    /// <summary>What the state and the bucket of an assignment are judged from, and nothing else (<see cref="TimingFacts"/>).</summary>
    public static readonly Expression<Func<Assignment, TimingFacts>> Facts = a => new TimingFacts
    {
        Status = a.Status,
        LastDayInForce = a.LastDayInForce,
        HeardOn = a.HeardOn,
        AcceptedSubmissionOn = a.AcceptedSubmissionOn,
        IsUrgent = a.Deadline.IsUrgent,
        LateDays = a.LateDays,
        Excused = a.ObjectiveCause != null,
    };

    /// <summary>
    /// Late: lateness already recorded (<see cref="Assignment.LateDays"/>), or the accepted submission came after the
    /// deadline in force. Work without a deadline is never late — and never on time.
    /// </summary>
    public static readonly Expression<Func<TimingFacts, bool>> WasLate = a =>
        a.LateDays > 0 || (a.LastDayInForce != null && a.AcceptedSubmissionOn > a.LastDayInForce);

    /// <summary>
    /// The state on a day, from the facts. Completed work is judged on the day of the accepted submission, never on the
    /// office's delay, and on the lateness recorded before; late work is on time only when an objective cause was
    /// confirmed; work that never had a deadline is completed with no deadline, never on time. Running work with a
    /// deadline in force is judged by that day alone; running work without one by the day it was last heard of (and its
    /// urgency); submitted, completed and cancelled work by no day at all.
    /// </summary>
    public static readonly Expression<Func<TimingFacts, SignalDay, TimingState>> StateOf = (a, d) =>
        a.Status == AssignmentStatus.Cancelled ? TimingState.Cancelled
        : a.Status == AssignmentStatus.Completed
            ? (WasLate.Invoke(a) ? (a.Excused ? TimingState.CompletedOnTime : TimingState.CompletedLate)
                : a.LastDayInForce == null ? TimingState.CompletedNoDeadline
                : TimingState.CompletedOnTime)
        : a.Status == AssignmentStatus.Submitted ? TimingState.AwaitingConfirmation
        : a.LastDayInForce != null
            ? (a.LastDayInForce < d.Today ? TimingState.Overdue : a.LastDayInForce < d.DueSoonFrom ? TimingState.DueSoon : TimingState.InTerm)
        : a.IsUrgent && a.HeardOn <= d.UrgentRedOn ? TimingState.UrgentUnanswered
        : a.IsUrgent && a.HeardOn <= d.UrgentAmberOn ? TimingState.Stale
        : !a.IsUrgent && a.HeardOn <= d.StaleOn ? TimingState.Stale
        : TimingState.NoDeadline;

    /// <summary>The state of an assignment on a day: <see cref="StateOf"/> its <see cref="Facts"/>.</summary>
    public static readonly Expression<Func<Assignment, SignalDay, TimingState>> State =
        Rules.Expand<Func<Assignment, SignalDay, TimingState>>((a, d) => StateOf.Invoke(Facts.Invoke(a), d));

    /// <summary>How pressing a state is, for sorting (the unit's workspace puts the most pressing first): 0 is the most.</summary>
    public static readonly Expression<Func<TimingState, int>> UrgencyRank = s =>
        s == TimingState.Overdue ? 0
        : s == TimingState.UrgentUnanswered ? 1
        : s == TimingState.DueSoon ? 2
        : s == TimingState.Stale ? 3
        : s == TimingState.InTerm ? 4
        : s == TimingState.NoDeadline ? 5
        : s == TimingState.AwaitingConfirmation ? 6
        : 7;

    /// <summary>The overdue bucket on a day (1–30, 31–60, 61–120, &gt; 120 days), for running work past its deadline in force.</summary>
    public static readonly Expression<Func<TimingFacts, SignalDay, OverdueBucket>> BucketOf = (a, d) =>
        !IsRunning.Invoke(a.Status) || a.LastDayInForce == null || a.LastDayInForce >= d.Today ? OverdueBucket.None
        : a.LastDayInForce >= d.Overdue30 ? OverdueBucket.UpTo30
        : a.LastDayInForce >= d.Overdue60 ? OverdueBucket.From31To60
        : a.LastDayInForce >= d.Overdue120 ? OverdueBucket.From61To120
        : OverdueBucket.Over120;

    /// <summary>The overdue bucket of an assignment on a day: <see cref="BucketOf"/> its <see cref="Facts"/>.</summary>
    public static readonly Expression<Func<Assignment, SignalDay, OverdueBucket>> Bucket =
        Rules.Expand<Func<Assignment, SignalDay, OverdueBucket>>((a, d) => BucketOf.Invoke(Facts.Invoke(a), d));

    /// <summary>
    /// Silent on a day: running work the unit has not reported on for <see cref="SignalSettings.SilentDays"/> days,
    /// counted from its last report or, when it never reported, from the day it was assigned — with or without a deadline.
    /// </summary>
    public static readonly Expression<Func<Assignment, SignalDay, bool>> Silent = (a, d) =>
        Running.Invoke(a) && a.HeardOn <= d.SilentOn;

    /// <summary>
    /// Whether an assignment decides its directive's overdue state: a lead does; with no active lead, an implementing
    /// unit does; coordinating units never do.
    /// </summary>
    public static readonly Expression<Func<Assignment, bool>> DecidesDirective = a =>
        a.Role == AssignmentRole.Lead
        || (a.Role == AssignmentRole.Implementing && !a.Directive.Assignments.Any(x => x.Role == AssignmentRole.Lead && x.Status != AssignmentStatus.Cancelled));

    /// <summary>The directive is overdue exactly when it is not cancelled and this day (stored as <see cref="Directive.RollupDueOn"/>) is before today.</summary>
    public static readonly Expression<Func<Directive, DateOnly?>> RollupDueOn = Rules.Expand<Func<Directive, DateOnly?>>(d =>
        d.Assignments
            .Where(a => Running.Invoke(a) && a.LastDayInForce != null && DecidesDirective.Invoke(a))
            .Min(a => a.LastDayInForce));

    /// <summary>How many of a directive's assignments count towards its roll-up (stored as <see cref="Directive.RollupActive"/>).</summary>
    public static readonly Expression<Func<Directive, int>> RollupActive = Rules.Expand<Func<Directive, int>>(d =>
        d.Assignments.Count(a => DirectiveRollup.Counts.Invoke(a.Status)));

    /// <summary>How many of a directive's assignments are done (stored as <see cref="Directive.RollupCompleted"/>).</summary>
    public static readonly Expression<Func<Directive, int>> RollupCompleted = Rules.Expand<Func<Directive, int>>(d =>
        d.Assignments.Count(a => DirectiveRollup.Done.Invoke(a.Status)));

    /// <summary>The unit's next step: report while the work runs (complete and resubmit when it was returned), else wait.</summary>
    public static NextAction NextActionOf(AssignmentStatus status, ExtensionState extension) => status switch
    {
        AssignmentStatus.Returned => NextAction.Resubmit,
        AssignmentStatus.NotStarted or AssignmentStatus.InProgress when extension == ExtensionState.Pending => NextAction.AwaitExtension,
        AssignmentStatus.NotStarted or AssignmentStatus.InProgress => NextAction.Report,
        AssignmentStatus.Submitted => NextAction.AwaitConfirmation,
        _ => NextAction.None,
    };

    /// <summary>
    /// Running work whose lateness was recorded and not excused (an extension granted after its deadline): on time now,
    /// but it counts as late in the on-time rate and the ranking.
    /// </summary>
    public static readonly Expression<Func<Assignment, bool>> RunningLate = a =>
        Running.Invoke(a) && a.LateDays > 0 && a.ObjectiveCause == null;

    /// <summary>The timing of a loaded assignment on a day, by the same rule.</summary>
    public static Timing TimingOn(this Assignment a, SignalDay day) =>
        Timing.Of(State.Invoke(a, day), a.LastDayInForce, a.HeardOn, a.SubmittedOn, a.AcceptedSubmissionOn, day.Today, a.LateDays, a.IsExcused)
            with { MissedCycles = a.MissedCyclesOn(day.Today), Inherited = a.InheritedLateDays };
}
