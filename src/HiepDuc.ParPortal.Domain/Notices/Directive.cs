using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Units;

namespace HiepDuc.ParPortal.Domain.Notices;

/// <summary>One item of a notice (1, 3.a … 3.e; đ, g, h in later notices): what must be done, by whom, by when.</summary>
public sealed class Directive : VersionedEntity
{
    private readonly List<Assignment> _assignments = [];
    private readonly List<DocumentReference> _references = [];
    private readonly List<DirectiveEvent> _events = [];

    private Directive()
    {
        Label = Title = FullText = SearchKey = null!;
        Deadline = Deadline.NotSet();
    }

    internal Directive(ConclusionNotice notice, string label, int sortOrder, string title, string fullText, Deadline deadline, int? monitoringUnitId)
    {
        Notice = notice;
        Label = label;
        SortOrder = sortOrder;
        Title = Guard.Required(title, "directive.title");
        FullText = Guard.Required(fullText, "directive.fullText");
        Deadline = deadline;
        MonitoringUnitId = monitoringUnitId;
        SearchKey = null!;
        Refold();
    }

    public int NoticeId { get; private set; }

    public ConclusionNotice Notice { get; private set; } = null!;

    /// <summary>The label as the notice writes it: "1", "3.a", "3.đ".</summary>
    public string Label { get; private set; }

    public int SortOrder { get; private set; }

    public string Title { get; private set; }

    public string FullText { get; private set; }

    public Deadline Deadline { get; private set; }

    /// <summary>The unit that follows up and reports (the district office for the seeded notice).</summary>
    public int? MonitoringUnitId { get; private set; }

    public bool IsCancelled { get; private set; }

    public string? CancelReason { get; private set; }

    public string SearchKey { get; private set; }

    /// <summary>
    /// The earliest deadline in force among the open assignments that decide whether the directive is overdue (its
    /// leads, or with no lead its implementing units); null when none of them is open with a deadline. A read model
    /// kept by the data layer after every save, so "overdue directives" is an index range: the directive is overdue
    /// (<see cref="DirectiveRollup"/>) exactly when it is not cancelled and this day is before today.
    /// </summary>
    public DateOnly? RollupDueOn { get; private set; }

    /// <summary>How many of its assignments count towards the roll-up (not cancelled): kept with <see cref="RollupDueOn"/>.</summary>
    public int RollupActive { get; private set; }

    /// <summary>How many of its assignments are completed: kept with <see cref="RollupDueOn"/>.</summary>
    public int RollupCompleted { get; private set; }

    public IReadOnlyList<Assignment> Assignments => _assignments;

    public IReadOnlyList<DocumentReference> References => _references;

    public IReadOnlyList<DirectiveEvent> Events => _events;

    public void Cite(DocumentReference reference) => _references.Add(reference);

    /// <summary>Replaces the cited documents (editing a directive).</summary>
    public void ReplaceReferences(IEnumerable<DocumentReference> references)
    {
        _references.Clear();
        _references.AddRange(references);
    }

    public void Edit(string label, string title, string fullText, Deadline deadline, Actor by, DateTimeOffset at)
    {
        EnsureNotCancelled();
        var newLabel = Guard.Required(label, "directive.label");
        if (Notice is not null && Notice.Directives.Any(d => !ReferenceEquals(d, this) && string.Equals(d.Label, newLabel, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("directive.label.duplicate", newLabel);
        }

        var changes = new List<string>();
        if (Label != newLabel)
        {
            changes.Add($"mục {Label} → {newLabel}");
        }

        if (Deadline != deadline)
        {
            changes.Add($"thời hạn {Deadline.ToVietnamese()} → {deadline.ToVietnamese()}");
        }

        Label = newLabel;
        Title = Guard.Required(title, "directive.title");
        FullText = Guard.Required(fullText, "directive.fullText");
        var oldDeadline = Deadline;
        Deadline = deadline;
        foreach (var assignment in _assignments.Where(a => a.IsOpen && a.Deadline == oldDeadline && oldDeadline != deadline))
        {
            // Assignments that followed the directive's deadline keep following it.
            assignment.FollowDirectiveDeadline(deadline, by, at);
        }

        Refold();
        _events.Add(new DirectiveEvent(this, DirectiveEventKind.Edited, by, at, changes.Count == 0 ? null : string.Join("; ", changes)));
    }

    /// <summary>Cancelling keeps the directive and its history; open assignments are cancelled with the same reason.</summary>
    public void Cancel(string reason, Actor by, DateTimeOffset at)
    {
        EnsureNotCancelled();
        var why = Guard.Required(reason, "directive.cancelReason");
        IsCancelled = true;
        CancelReason = why;
        foreach (var assignment in _assignments.Where(a => a.IsOpen))
        {
            assignment.Cancel(by, why, at);
        }

        _events.Add(new DirectiveEvent(this, DirectiveEventKind.Cancelled, by, at, why));
    }

    /// <summary>The chairman's direction (ý kiến chỉ đạo) on the whole directive; every assigned unit sees it.</summary>
    public DirectiveEvent AddDirection(Actor by, string text, DateTimeOffset at)
    {
        var e = new DirectiveEvent(this, DirectiveEventKind.Direction, by, at, Guard.Required(text, "directive.direction"));
        _events.Add(e);
        return e;
    }

    internal void Created(Actor by, DateTimeOffset at) => _events.Add(new DirectiveEvent(this, DirectiveEventKind.Created, by, at, null));

    internal void MoveTo(int sortOrder) => SortOrder = sortOrder;

    internal void Reordered(Actor by, DateTimeOffset at) => _events.Add(new DirectiveEvent(this, DirectiveEventKind.Reordered, by, at, null));

    private void EnsureNotCancelled()
    {
        if (IsCancelled)
        {
            throw new DomainException("directive.cancelled");
        }
    }

    /// <summary>
    /// Gives this directive to a unit; its deadline defaults to the directive's. <paramref name="givenOn"/> is the day the
    /// work was given when it is earlier than the day it is recorded (<paramref name="at"/>): a notice recorded after the fact.
    /// </summary>
    public Assignment Assign(Unit unit, AssignmentRole role, DateTimeOffset at, Actor by, Deadline? deadline = null, DateOnly? givenOn = null)
    {
        if (IsCancelled)
        {
            throw new DomainException("directive.cancelled");
        }

        // A former unit is given work only by a notice of the time before it was succeeded (a record of the past).
        if (!unit.IsActive && !(unit.IsFormer && Notice is not null && Notice.MeetingDate < unit.SucceededOn))
        {
            throw new DomainException("assignment.unitInactive", unit.Name);
        }

        if (_assignments.Any(a => a.UnitId == unit.Id && unit.Id != 0 || ReferenceEquals(a.Unit, unit)))
        {
            throw new DomainException("assignment.duplicate", unit.Name);
        }

        var assignment = new Assignment(this, unit, role, deadline ?? Deadline, at, by, givenOn);
        _assignments.Add(assignment);
        return assignment;
    }

    private void Refold() => SearchKey = VietnameseText.Fold($"{Label} {Title} {FullText}");
}
