using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Units;

public enum ReorganisationKind
{
    /// <summary>Several units become one (sáp nhập): the successor is a new unit or one of standing.</summary>
    Merge,

    /// <summary>A unit takes a new name (đổi tên): the successor is a new unit carrying the new name.</summary>
    Rename,

    /// <summary>A unit is dissolved (giải thể): its work goes to a named unit of standing.</summary>
    Dissolve,

    /// <summary>
    /// A unit is split (chia tách) among several units of standing: each open assignment is allotted to one of them
    /// (by default the first, which also stands for the former unit in rankings).
    /// </summary>
    Split,
}

public enum ReorganisationState
{
    /// <summary>Being prepared; nothing happens on the date.</summary>
    Draft,

    /// <summary>Approved: applied on its effective date; can be withdrawn until then.</summary>
    Scheduled,

    /// <summary>Applied on its effective date: the predecessors are former units, their open work moved.</summary>
    Applied,

    /// <summary>Withdrawn before its date: nothing was changed.</summary>
    Withdrawn,
}

/// <summary>
/// A change of the administrative map, prepared and applied like a change of law: drafted, previewed, scheduled for
/// its effective date, withdrawn if need be until that date, then applied once, in one transaction. On that date the
/// predecessors become former units ("(cũ)") succeeded by <see cref="SuccessorUnitId"/>, their open work moves to it
/// (one timeline event each) and their accounts are moved to it; finished work stays where it was done.
/// </summary>
public sealed class Reorganisation : VersionedEntity
{
    public const int MaxTitleLength = 300;

    private readonly List<ReorganisationPredecessor> _predecessors = [];
    private readonly List<ReorganisationSuccessor> _otherSuccessors = [];
    private readonly List<ReorganisationAllotment> _allotments = [];

    private Reorganisation()
    {
        Title = CreatedBy = null!;
    }

    public ReorganisationKind Kind { get; private set; }

    /// <summary>"Sáp nhập Quế Tân, thị trấn Tân Bình và Quế Lưu thành xã Hiệp Đức".</summary>
    public string Title { get; private set; }

    /// <summary>The decision it follows: "Nghị quyết số 147/NQ-HĐND ngày 23/4/2025".</summary>
    public string? LegalBasis { get; private set; }

    /// <summary>The successor's first day; the predecessors' last is the day before.</summary>
    public DateOnly EffectiveOn { get; private set; }

    public int SuccessorUnitId { get; private set; }

    public IReadOnlyList<ReorganisationPredecessor> Predecessors => _predecessors;

    /// <summary>For a split: the units besides <see cref="SuccessorUnitId"/> that take a share of the work.</summary>
    public IReadOnlyList<ReorganisationSuccessor> OtherSuccessors => _otherSuccessors;

    /// <summary>For a split: which successor each open assignment goes to (unlisted ones go to <see cref="SuccessorUnitId"/>).</summary>
    public IReadOnlyList<ReorganisationAllotment> Allotments => _allotments;

    public ReorganisationState State { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? AppliedAt { get; private set; }

    /// <summary>How many open assignments the application moved.</summary>
    public int MovedAssignments { get; private set; }

    public static Reorganisation Draft(ReorganisationKind kind, string title, string? legalBasis, DateOnly effectiveOn, Unit successor, IReadOnlyCollection<Unit> predecessors, Actor by, DateTimeOffset at, IReadOnlyCollection<Unit>? otherSuccessors = null)
    {
        otherSuccessors ??= [];
        if (kind == ReorganisationKind.Split
            ? otherSuccessors.Count == 0 || otherSuccessors.Any(u => u.Id == 0 || u.Id == successor.Id || u.IsFormer || predecessors.Any(p => p.Id == u.Id))
            : otherSuccessors.Count > 0)
        {
            throw new DomainException("reorganisation.splitSuccessors");
        }

        title = Guard.Required(title, "reorganisation.title");
        if (title.Length > MaxTitleLength)
        {
            throw new DomainException("reorganisation.titleTooLong", MaxTitleLength);
        }

        var count = predecessors.Select(p => p.Id).Distinct().Count();
        if (kind == ReorganisationKind.Merge ? count < 2 : count != 1)
        {
            throw new DomainException(kind == ReorganisationKind.Merge ? "reorganisation.mergeNeedsTwo" : "reorganisation.oneUnit");
        }

        if (predecessors.Any(p => ReferenceEquals(p, successor) || (p.Id != 0 && p.Id == successor.Id)))
        {
            throw new DomainException("reorganisation.self");
        }

        if (predecessors.Any(p => p.IsFormer) || successor.IsFormer)
        {
            throw new DomainException("reorganisation.former");
        }

        if (kind is ReorganisationKind.Dissolve or ReorganisationKind.Split && successor.Id == 0)
        {
            throw new DomainException("reorganisation.dissolveToStanding");
        }

        var r = new Reorganisation
        {
            Kind = kind,
            Title = title,
            LegalBasis = Guard.Optional(legalBasis),
            EffectiveOn = effectiveOn,
            State = ReorganisationState.Draft,
            CreatedBy = by.Name,
            CreatedAt = at,
        };
        r.SuccessorUnitId = successor.Id;
        r.Successor = successor;
        foreach (var p in predecessors.DistinctBy(p => p.Id))
        {
            r._predecessors.Add(new ReorganisationPredecessor(p.Id));
        }

        foreach (var u in otherSuccessors.DistinctBy(u => u.Id))
        {
            r._otherSuccessors.Add(new ReorganisationSuccessor(u.Id));
        }

        return r;
    }

    /// <summary>The successor, while the draft holds it (a new unit is saved with the draft).</summary>
    public Unit? Successor { get; private set; }

    /// <summary>Approves the draft: it is applied on its effective date (at once if that day has come).</summary>
    public void Schedule(Actor by, DateTimeOffset at)
    {
        if (State != ReorganisationState.Draft)
        {
            throw new DomainException("reorganisation.notDraft");
        }

        State = ReorganisationState.Scheduled;
        DecidedBy = by.Name;
        DecidedAt = at;
    }

    /// <summary>Withdraws a draft or a scheduled change before its effective date (undo); nothing was changed yet.</summary>
    public void Withdraw(Actor by, DateTimeOffset at)
    {
        if (State is ReorganisationState.Applied or ReorganisationState.Withdrawn)
        {
            throw new DomainException("reorganisation.tooLate");
        }

        if (PortalCalendar.DateOf(at) >= EffectiveOn && State == ReorganisationState.Scheduled)
        {
            throw new DomainException("reorganisation.tooLate");
        }

        State = ReorganisationState.Withdrawn;
        DecidedBy = by.Name;
        DecidedAt = at;
    }

    /// <summary>The successor an open assignment of the predecessor goes to.</summary>
    public int SuccessorOf(int assignmentId) => _allotments.FirstOrDefault(a => a.AssignmentId == assignmentId)?.UnitId ?? SuccessorUnitId;

    /// <summary>For a split, before it is applied: gives an open assignment to one of the successors.</summary>
    public void Allot(int assignmentId, int unitId)
    {
        if (Kind != ReorganisationKind.Split || State is ReorganisationState.Applied or ReorganisationState.Withdrawn)
        {
            throw new DomainException("reorganisation.allot");
        }

        if (unitId != SuccessorUnitId && _otherSuccessors.All(s => s.UnitId != unitId))
        {
            throw new DomainException("reorganisation.allot");
        }

        _allotments.RemoveAll(a => a.AssignmentId == assignmentId);
        if (unitId != SuccessorUnitId)
        {
            _allotments.Add(new ReorganisationAllotment(assignmentId, unitId));
        }
    }

    /// <summary>
    /// A new last day for the carried-over work already overdue on the effective date, given in the same step; null
    /// leaves it overdue on purpose. Its lateness stays recorded as the predecessor's either way.
    /// </summary>
    public DateOnly? CarriedDeadline { get; private set; }

    /// <summary>Sets or clears <see cref="CarriedDeadline"/> before the change is applied; the day lies on or after the effective date.</summary>
    public void SetCarriedDeadline(DateOnly? day)
    {
        if (State is ReorganisationState.Applied or ReorganisationState.Withdrawn)
        {
            throw new DomainException("reorganisation.tooLate");
        }

        if (day is { } d && (d < EffectiveOn || d > EffectiveOn.AddYears(Assignment.MaxExtensionYears)))
        {
            throw new DomainException("reorganisation.carriedDeadline");
        }

        CarriedDeadline = day;
    }

    public bool IsDueOn(DateOnly today) => State == ReorganisationState.Scheduled && today >= EffectiveOn;

    /// <summary>Marks the change applied (the caller moved the work and ended the predecessors in the same transaction).</summary>
    public void MarkApplied(int moved, DateTimeOffset at)
    {
        if (State != ReorganisationState.Scheduled)
        {
            throw new DomainException("reorganisation.notScheduled");
        }

        State = ReorganisationState.Applied;
        MovedAssignments = moved;
        AppliedAt = at;
    }
}

/// <summary>A further successor of a split.</summary>
public sealed class ReorganisationSuccessor
{
    public ReorganisationSuccessor(int unitId) => UnitId = unitId;

    public int UnitId { get; private set; }
}

/// <summary>One open assignment of a split unit given to one of its successors.</summary>
public sealed class ReorganisationAllotment
{
    public ReorganisationAllotment(int assignmentId, int unitId)
    {
        AssignmentId = assignmentId;
        UnitId = unitId;
    }

    public int AssignmentId { get; private set; }

    public int UnitId { get; private set; }
}

/// <summary>One unit a reorganisation ends.</summary>
public sealed class ReorganisationPredecessor
{
    public ReorganisationPredecessor(int unitId) => UnitId = unitId;

    public int UnitId { get; private set; }
}
