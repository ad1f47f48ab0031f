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

    internal Assignment(Directive directive, Unit unit, AssignmentRole role, Deadline deadline, DateTimeOffset at, Actor by)
    {
        Directive = directive;
        Unit = unit;
        UnitId = unit.Id;
        OriginUnit = unit;
        OriginUnitId = unit.Id;
        Role = role;
        Deadline = deadline;
        Follow(deadline, at);
        Status = AssignmentStatus.NotStarted;
        CreatedAt = at;
        HeardOn = PortalCalendar.DateOf(at);
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

    public DateTimeOffset CreatedAt { get; private set; }

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
        Follow(deadline, at);
        AddEvent(AssignmentEventKind.DeadlineChanged, by, at, $"{old.ToVietnamese()} → {deadline.ToVietnamese()}", newLastDay: deadline.LastDay ?? CycleDueOn);
    }

    /// <summary>The deadline and what it puts in force from <paramref name="at"/>: its last day, or its first report cycle's day.</summary>
    private void Follow(Deadline deadline, DateTimeOffset at)
    {
        Deadline = deadline;
        CycleDueOn = deadline.Recurrence is null ? null : deadline.FirstDueFrom(PortalCalendar.DateOf(at));
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
        if (Deadline.Recurrence is { } cycles && CycleDueOn is { } owed && cycles.OwedAfterReport(owed, HeardOn) is var next && next != owed)
        {
            nextCycle = next;
            CycleDueOn = next;
            ExtendedTo = null;
            LastDayInForce = next;
        }

        AddEvent(AssignmentEventKind.Reported, by, at, report.Text, report, nextCycle);
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

    /// <summary>The office accepts the pending submission; its date decides on time or late.</summary>
    public void Confirm(Actor by, DateTimeOffset at, string? note = null)
    {
        Move(Trigger.Confirm);
        AcceptedSubmissionOn = SubmittedOn;
        CompletedAt = at;
        Extension = ExtensionState.None;
        AddEvent(AssignmentEventKind.Confirmed, by, at, Guard.Optional(note));
    }

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
        ExtensionReason = why;
        AddEvent(AssignmentEventKind.ExtensionRequested, by, at, why, newLastDay: newLastDay);
    }

    /// <summary>Approve or reject the pending request. The original deadline stays; lateness is judged on the approved one.</summary>
    public void DecideExtension(Actor by, bool approve, string? note, DateTimeOffset at)
    {
        if (Extension != ExtensionState.Pending || ExtensionRequestedTo is not { } requested)
        {
            throw new DomainException("assignment.extension.none");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("assignment.extension.rejectReason");
        }

        Extension = ExtensionState.None;
        ExtensionRequestedTo = null;
        ExtensionReason = null;
        if (approve)
        {
            ExtendedTo = requested;
            LastDayInForce = requested;
        }

        AddEvent(approve ? AssignmentEventKind.ExtensionApproved : AssignmentEventKind.ExtensionRejected, by, at, Guard.Optional(note), newLastDay: requested);
    }

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
    public void TransferTo(Unit successor, string why, Actor by, DateTimeOffset at)
    {
        if (Status is AssignmentStatus.Completed or AssignmentStatus.Cancelled)
        {
            throw new DomainException("assignment.transferClosed");
        }

        var text = Guard.Required(why, "assignment.transferReason");
        Unit = successor;
        UnitId = successor.Id;
        AddEvent(AssignmentEventKind.Transferred, by, at, text);
    }

    private AssignmentEvent AddEvent(AssignmentEventKind kind, Actor by, DateTimeOffset at, string? text, ProgressReport? report = null, DateOnly? newLastDay = null)
    {
        var e = new AssignmentEvent(this, kind, by, at, text, Status, report, newLastDay);
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
