using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using static HiepDuc.ParPortal.Domain.Assignments.AssignmentTransitions;

namespace HiepDuc.ParPortal.Domain.Assignments;

/// <summary>One unit's share of one directive. Every change goes through a method guarded by <see cref="AssignmentTransitions"/>.</summary>
public sealed class Assignment : VersionedEntity
{
    private readonly List<ProgressReport> _reports = [];
    private readonly List<AssignmentEvent> _events = [];

    private Assignment()
    {
        Deadline = Deadline.NotSet();
    }

    internal Assignment(Directive directive, Unit unit, AssignmentRole role, Deadline deadline, DateTimeOffset at, Actor by, DateOnly? givenOn = null)
    {
        var recorded = PortalCalendar.DateOf(at);
        var given = givenOn ?? recorded;
        if (given > LatestGivenOn(directive.Notice?.IssueDate ?? directive.Notice?.MeetingDate, recorded))
        {
            throw new DomainException("assignment.givenOn.future");
        }

        if (givenOn is not null && directive.Notice is { } notice && given < notice.MeetingDate)
        {
            throw new DomainException("assignment.givenOn.beforeMeeting");
        }

        Directive = directive;
        Unit = unit;
        UnitId = unit.Id;
        OriginUnit = unit;
        OriginUnitId = unit.Id;
        Role = role;
        Deadline = deadline;
        AssignedOn = given;
        Follow(deadline, given);
        Status = AssignmentStatus.NotStarted;
        CreatedAt = at;
        HeardOn = given;
        AddEvent(AssignmentEventKind.Assigned, by, at, null);
    }

    public int DirectiveId { get; private set; }

    public Directive Directive { get; private set; } = null!;

    public int UnitId { get; private set; }

    public Unit Unit { get; private set; } = null!;

    /// <summary>
    /// The unit first given the work. It differs from <see cref="UnitId"/> only after a reorganisation carried open
    /// work to a successor; a unit is given a directive once (unique on directive and origin).
    /// </summary>
    public int OriginUnitId { get; private set; }

    public Unit OriginUnit { get; private set; } = null!;

    public AssignmentRole Role { get; private set; }

    /// <summary>The original deadline (the directive's unless set otherwise).</summary>
    public Deadline Deadline { get; private set; }

    /// <summary>The approved extension; when set it is the deadline in force.</summary>
    public DateOnly? ExtendedTo { get; private set; }

    /// <summary>For a recurring deadline, the day the report of the cycle the unit owes is due; else null.</summary>
    public DateOnly? CycleDueOn { get; private set; }

    /// <summary>The last day in force: the approved extension, else the original deadline's (for a recurring deadline, the owed cycle's).</summary>
    public DateOnly? LastDayInForce { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public int Progress { get; private set; }

    /// <summary>
    /// The latest day work can be given: the day it is recorded — or the notice's own day, for a notice entered ahead of
    /// the date it bears.
    /// </summary>
    public static DateOnly LatestGivenOn(DateOnly? noticeDay, DateOnly recorded) =>
        noticeDay is { } dated && dated > recorded ? dated : recorded;

    /// <summary>When the assignment was recorded in the portal.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The day the work was given: the notice's meeting or issue day, or a day the office entered — for a notice recorded
    /// after the fact, long before <see cref="CreatedAt"/>. Silence, the owed cycles of a recurring duty and every signal
    /// count from it.
    /// </summary>
    public DateOnly AssignedOn { get; private set; }

    /// <summary>
    /// Days the work was already late, recorded when they happened: an extension granted after the deadline in force had
    /// passed (counted to the day it was asked for), a cycle of a recurring duty reported after its day. A later deadline
    /// never erases them; only a confirmed <see cref="ObjectiveCause"/> excuses them.
    /// </summary>
    public int LateDays { get; private set; }

    /// <summary>
    /// Days the work was already overdue when a reorganisation carried it to the unit that succeeded its own: the
    /// predecessor's lateness, shown as inherited, part of <see cref="LateDays"/> once a new deadline replaced the old.
    /// </summary>
    public int InheritedLateDays { get; private set; }

    /// <summary>
    /// The successor's one assignment of this directive that this share was merged into (it is closed, as cancelled, and
    /// its reports, files and timeline are read on the one kept, each marked with its unit).
    /// </summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>The objective cause the office (or the chairman) confirmed for the work's lateness, which excuses it (Decree 335/2025/NĐ-CP).</summary>
    public string? ObjectiveCause { get; private set; }

    /// <summary>Who confirmed the objective cause, and when.</summary>
    public string? ObjectiveCauseBy { get; private set; }

    public DateTimeOffset? ObjectiveCauseAt { get; private set; }

    /// <summary>Lateness excused by a confirmed objective cause.</summary>
    public bool IsExcused => ObjectiveCause is not null;

    /// <summary>The latest report or submission; "silent" units are found from it.</summary>
    public DateTimeOffset? LastReportAt { get; private set; }

    /// <summary>The day of the latest report or submission, else the day of the assignment: silence and staleness count from it.</summary>
    public DateOnly HeardOn { get; private set; }

    /// <summary>The pending submission's instant (status Submitted).</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The pending submission's day (Asia/Ho_Chi_Minh).</summary>
    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>The day (Asia/Ho_Chi_Minh) of the submission the office accepted; timing is judged on it.</summary>
    public DateOnly? AcceptedSubmissionOn { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public ExtensionState Extension { get; private set; }

    public DateOnly? ExtensionRequestedTo { get; private set; }

    /// <summary>The day the pending extension was asked for: lateness runs until then, not until the office decides.</summary>
    public DateOnly? ExtensionRequestedOn { get; private set; }

    public string? ExtensionReason { get; private set; }

    public IReadOnlyList<ProgressReport> Reports => _reports;

    public IReadOnlyList<AssignmentEvent> Events => _events;

    public bool IsOpen => AssignmentRules.Open.Invoke(this);

    /// <summary>The directive's deadline changed and this assignment followed it: one timeline entry, which tells the unit.</summary>
    internal void FollowDirectiveDeadline(Deadline deadline, Actor by, DateTimeOffset at)
    {
        ChangeDeadline(deadline, by, at);
    }

    /// <summary>The office changes this unit's own deadline (before any extension).</summary>
    public void SetDeadline(Deadline deadline, Actor by, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainException("assignment.deadline.closed");
        }

        ChangeDeadline(deadline, by, at);
    }

    private void ChangeDeadline(Deadline deadline, Actor by, DateTimeOffset at)
    {
        var old = Deadline;
        Follow(deadline, PortalCalendar.DateOf(at));
        AddEvent(AssignmentEventKind.DeadlineChanged, by, at, $"{old.ToVietnamese()} → {deadline.ToVietnamese()}", newLastDay: deadline.LastDay ?? CycleDueOn);
    }

    /// <summary>The deadline and what it puts in force from <paramref name="from"/>: its last day, or its first report cycle's day.</summary>
    private void Follow(Deadline deadline, DateOnly from)
    {
        Deadline = deadline;
        CycleDueOn = deadline.Recurrence is null ? null : deadline.FirstDueFrom(from);
        LastDayInForce = ExtendedTo ?? deadline.LastDay ?? CycleDueOn;
    }

    /// <summary>
    /// A progress report: starts the work if not started; returned work goes back in progress. On a recurring duty it
    /// reports the owed cycle (<see cref="Recurrence.OwedAfterReport"/>); the next cycle's day is then in force and an
    /// extension granted for the reported cycle ends.
    /// </summary>
    public ProgressReport Report(Actor by, string text, int progress, DateTimeOffset at, bool receivedOnPaper = false)
    {
        CheckProgress(progress);
        var report = new ProgressReport(this, ProgressReportKind.Progress, text, progress, by, at, receivedOnPaper);
        Move(Trigger.Report);
        _reports.Add(report);
        Progress = progress;
        LastReportAt = at;
        HeardOn = PortalCalendar.DateOf(at);
        DateOnly? nextCycle = null;
        int? late = null;
        if (Deadline.Recurrence is { } cycles && CycleDueOn is { } owed && cycles.OwedAfterReport(owed, HeardOn) is var next && next != owed)
        {
            // The owed cycle is reported now: after its day in force, it was late by the difference.
            if (LastDayInForce is { } due && HeardOn > due)
            {
                late = HeardOn.DayNumber - due.DayNumber;
                LateDays += late.Value;
            }

            nextCycle = next;
            CycleDueOn = next;
            ExtendedTo = null;
            LastDayInForce = next;
        }

        AddEvent(AssignmentEventKind.Reported, by, at, report.Text, report, nextCycle, late);
        return report;
    }

    /// <summary>The unit reports the work done; it waits for the office's confirmation.</summary>
    public ProgressReport Submit(Actor by, string text, DateTimeOffset at, bool receivedOnPaper = false)
    {
        var report = new ProgressReport(this, ProgressReportKind.Completion, text, 100, by, at, receivedOnPaper);
        Move(Trigger.Submit);
        _reports.Add(report);
        Progress = 100;
        LastReportAt = at;
        HeardOn = PortalCalendar.DateOf(at);
        SubmittedAt = at;
        SubmittedOn = HeardOn;
        AddEvent(AssignmentEventKind.Submitted, by, at, report.Text, report);
        return report;
    }

    /// <summary>
    /// The office accepts the pending submission; its date decides on time or late. When the work was late, the office
    /// may confirm an objective cause with it (<see cref="ObjectiveCause"/>); work that was not late has none to confirm.
    /// </summary>
    public void Confirm(Actor by, DateTimeOffset at, string? note = null, string? objectiveCause = null)
    {
        var cause = Guard.Optional(objectiveCause);
        // Late by the one rule, judged on the submission this confirmation accepts.
        if (cause is not null && !AssignmentRules.WasLate.Invoke(new TimingFacts { LateDays = LateDays, LastDayInForce = LastDayInForce, AcceptedSubmissionOn = SubmittedOn }))
        {
            throw new DomainException("assignment.objectiveCause.notLate");
        }

        Move(Trigger.Confirm);
        AcceptedSubmissionOn = SubmittedOn;
        CompletedAt = at;
        Extension = ExtensionState.None;
        AddEvent(AssignmentEventKind.Confirmed, by, at, Guard.Optional(note));
        if (cause is not null)
        {
            Excuse(cause, by, at);
        }
    }

    /// <summary>Lateness excused: one timeline entry with the reason, kept on the assignment (audited with it).</summary>
    private void Excuse(string cause, Actor by, DateTimeOffset at)
    {
        ObjectiveCause = Guard.Required(cause, "assignment.objectiveCauseReason");
        if (ObjectiveCause.Length > MaxObjectiveCauseLength)
        {
            throw new DomainException("assignment.objectiveCauseLength", MaxObjectiveCauseLength);
        }

        ObjectiveCauseBy = by.Name;
        ObjectiveCauseAt = at;
        AddEvent(AssignmentEventKind.ObjectiveCauseConfirmed, by, at, ObjectiveCause);
    }

    public const int MaxObjectiveCauseLength = 2000;

    public void Return(Actor by, string reason, DateTimeOffset at)
    {
        var why = Guard.Required(reason, "assignment.returnReason");
        Move(Trigger.Return);
        SubmittedAt = null;
        SubmittedOn = null;
        AddEvent(AssignmentEventKind.Returned, by, at, why);
    }

    public void Cancel(Actor by, string reason, DateTimeOffset at)
    {
        var why = Guard.Required(reason, "assignment.cancelReason");
        Move(Trigger.Cancel);
        Extension = ExtensionState.None;
        AddEvent(AssignmentEventKind.Cancelled, by, at, why);
    }

    /// <summary>Reopening completed work is a new event, by the office, with a reason.</summary>
    public void Reopen(Actor by, string reason, DateTimeOffset at)
    {
        var why = Guard.Required(reason, "assignment.reopenReason");
        Move(Trigger.Reopen);
        AcceptedSubmissionOn = null;
        CompletedAt = null;
        SubmittedAt = null;
        SubmittedOn = null;
        AddEvent(AssignmentEventKind.Reopened, by, at, why);
    }

    /// <summary>An extension asks for a new last day at most this many years ahead (a mistyped 31/12/9999 is refused).</summary>
    public const int MaxExtensionYears = 5;

    public void RequestExtension(Actor by, DateOnly newLastDay, string reason, DateTimeOffset at)
    {
        var why = Guard.Required(reason, "assignment.extensionReason");
        if (!AssignmentRules.Running.Invoke(this))
        {
            throw new DomainException("assignment.extension.state");
        }

        if (Extension == ExtensionState.Pending)
        {
            throw new DomainException("assignment.extension.pending");
        }

        if (LastDayInForce is { } current && newLastDay <= current)
        {
            throw new DomainException("assignment.extension.date");
        }

        if (newLastDay < PortalCalendar.DateOf(at))
        {
            throw new DomainException("assignment.extension.past");
        }

        if (newLastDay > PortalCalendar.DateOf(at).AddYears(MaxExtensionYears))
        {
            throw new DomainException("assignment.extension.tooFar");
        }

        Extension = ExtensionState.Pending;
        ExtensionRequestedTo = newLastDay;
        ExtensionRequestedOn = PortalCalendar.DateOf(at);
        ExtensionReason = why;
        AddEvent(AssignmentEventKind.ExtensionRequested, by, at, why, newLastDay: newLastDay);
    }

    /// <summary>
    /// Approve or reject the pending request. The original deadline stays; lateness is judged on the approved one from
    /// then on. A request made after the deadline in force had passed keeps the days it was late (<see cref="LateDays"/>);
    /// approving it, the office (or the chairman) may confirm an objective cause that excuses them.
    /// </summary>
    public void DecideExtension(Actor by, bool approve, string? note, DateTimeOffset at, string? objectiveCause = null)
    {
        if (Extension != ExtensionState.Pending || ExtensionRequestedTo is not { } requested)
        {
            throw new DomainException("assignment.extension.none");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("assignment.extension.rejectReason");
        }

        var askedOn = ExtensionRequestedOn ?? PortalCalendar.DateOf(at);
        int? late = approve && LastDayInForce is { } old && askedOn > old ? askedOn.DayNumber - old.DayNumber : null;
        var cause = Guard.Optional(objectiveCause);
        if (cause is not null && !(approve && (late > 0 || LateDays > 0)))
        {
            throw new DomainException("assignment.objectiveCause.notLate");
        }

        Extension = ExtensionState.None;
        ExtensionRequestedTo = null;
        ExtensionRequestedOn = null;
        ExtensionReason = null;
        if (approve)
        {
            LateDays += late ?? 0;
            ExtendedTo = requested;
            LastDayInForce = requested;
        }

        AddEvent(approve ? AssignmentEventKind.ExtensionApproved : AssignmentEventKind.ExtensionRejected, by, at, Guard.Optional(note), newLastDay: requested, lateDays: late);
        if (cause is not null)
        {
            Excuse(cause, by, at);
        }
    }

    /// <summary>
    /// The report cycles of a recurring duty whose day passed without their report, on a day: the owed cycle's and every
    /// later one up to that day ("thiếu 37 kỳ báo cáo"). Zero for any other deadline and for work no longer running.
    /// </summary>
    public int MissedCyclesOn(DateOnly today) => MissedCycles(Status, Deadline, LastDayInForce, today);

    /// <summary>The same count from an assignment's columns, for the lists that project them.</summary>
    public static int MissedCycles(AssignmentStatus status, Deadline deadline, DateOnly? lastDayInForce, DateOnly today) =>
        AssignmentRules.IsRunning.Invoke(status) && deadline.Recurrence is { } cycles && lastDayInForce is { } owed ? cycles.CyclesDue(owed, today) : 0;

    /// <summary>A chairman's direction (ý kiến chỉ đạo) or the office's urging, recorded on the timeline.</summary>
    public AssignmentEvent Note(AssignmentEventKind kind, Actor by, string text, DateTimeOffset at)
    {
        if (kind is not (AssignmentEventKind.Direction or AssignmentEventKind.Urged))
        {
            throw new DomainException("assignment.note.kind");
        }

        return AddEvent(kind, by, at, Guard.Required(text, "assignment.note.text"));
    }

    private void Move(Trigger trigger)
    {
        var next = AssignmentTransitions.Next(Status, trigger)
            ?? throw new DomainException("assignment.transition", Status);
        Status = next;
    }

    /// <summary>
    /// Carries open work to the unit that succeeds its own (a merger, a rename, a dissolution), on the reorganisation's
    /// effective date: one timeline event; the reports, deadline and state go with it. Finished work stays where it was.
    /// </summary>
    /// <remarks>
    /// Work already overdue on that day keeps its lateness as the predecessor's (<see cref="InheritedLateDays"/>). With
    /// <paramref name="newLastDay"/> the office gives carried-over overdue work a new deadline in the same step: the days
    /// late are then recorded (<see cref="LateDays"/>) and the successor is judged on the new day; without it the work
    /// stays overdue, on purpose.
    /// </remarks>
    public void TransferTo(Unit successor, string why, Actor by, DateTimeOffset at, DateOnly? newLastDay = null, DateOnly? effectiveOn = null)
    {
        if (Status is AssignmentStatus.Completed or AssignmentStatus.Cancelled)
        {
            throw new DomainException("assignment.transferClosed");
        }

        var text = Guard.Required(why, "assignment.transferReason");
        // A reorganisation applied after its effective date (recorded after the fact) still splits the lateness on that date.
        var day = effectiveOn ?? PortalCalendar.DateOf(at);
        var overdue = AssignmentRules.Running.Invoke(this) && LastDayInForce is { } last && last < day ? day.DayNumber - last.DayNumber : 0;
        InheritedLateDays += overdue;
        Unit = successor;
        UnitId = successor.Id;
        AddEvent(AssignmentEventKind.Transferred, by, at, text, lateDays: overdue > 0 ? overdue : null);
        if (overdue > 0 && newLastDay is { } fresh)
        {
            if (fresh < day)
            {
                throw new DomainException("assignment.transferDeadline");
            }

            LateDays += overdue;
            ExtendedTo = null;
            ChangeDeadline(Deadline.OnDate(fresh), by, at);
        }
    }

    /// <summary>
    /// A successor carries several shares of one directive (its predecessors' each): they become one, reported once.
    /// This share closes into <paramref name="kept"/> — the same directive and unit — with one timeline entry; nothing of
    /// its history is rewritten.
    /// </summary>
    public void MergeInto(Assignment kept, string why, Actor by, DateTimeOffset at)
    {
        if (ReferenceEquals(kept, this) || kept.DirectiveId != DirectiveId || kept.UnitId != UnitId || kept.Id == 0 || !kept.IsOpen)
        {
            throw new DomainException("assignment.merge");
        }

        var text = Guard.Required(why, "assignment.transferReason");
        Move(Trigger.Cancel);
        Extension = ExtensionState.None;
        MergedIntoId = kept.Id;
        AddEvent(AssignmentEventKind.MergedInto, by, at, text);
    }

    /// <summary>
    /// Every unit holding several open shares of one directive among <paramref name="shares"/> (work carried to a
    /// successor) keeps one (<see cref="KeptOf"/>) and merges the others into it; <paramref name="why"/> is told the unit's name.
    /// </summary>
    public static void MergeShares(IEnumerable<Assignment> shares, Func<Assignment, string> why, Actor by, DateTimeOffset at)
    {
        foreach (var group in shares.Where(a => a.IsOpen).Distinct().GroupBy(a => (a.UnitId, a.DirectiveId)).Where(g => g.Count() > 1))
        {
            var kept = KeptOf(group);
            foreach (var share in group.Where(a => !ReferenceEquals(a, kept)))
            {
                share.MergeInto(kept, why(kept), by, at);
            }
        }
    }

    /// <summary>Which of a unit's open shares of one directive is kept when they become one: a lead before an implementing
    /// unit before a coordinating one, running work before submitted, the earliest deadline in force (the most pressing
    /// stays in sight), the one heard of last (its state and reports go on), the oldest.</summary>
    public static Assignment KeptOf(IEnumerable<Assignment> shares) => shares
        .OrderBy(a => a.Role switch { AssignmentRole.Lead => 0, AssignmentRole.Implementing => 1, _ => 2 })
        .ThenBy(a => AssignmentRules.Running.Invoke(a) ? 0 : 1)
        .ThenBy(a => a.LastDayInForce ?? DateOnly.MaxValue)
        .ThenByDescending(a => a.HeardOn)
        .ThenBy(a => a.Id)
        .First();

    private AssignmentEvent AddEvent(AssignmentEventKind kind, Actor by, DateTimeOffset at, string? text, ProgressReport? report = null, DateOnly? newLastDay = null, int? lateDays = null)
    {
        var e = new AssignmentEvent(this, kind, by, at, text, Status, report, newLastDay, lateDays);
        _events.Add(e);
        return e;
    }

    private static void CheckProgress(int progress)
    {
        if (progress is < 0 or > 100)
        {
            throw new DomainException("assignment.progress");
        }
    }
}
