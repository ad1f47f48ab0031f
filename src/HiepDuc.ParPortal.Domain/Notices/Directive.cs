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
        Title = Guard.Required(title, "directive.title", "Tên nhiệm vụ");
        FullText = Guard.Required(fullText, "directive.fullText", "Nội dung nhiệm vụ");
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

    public IReadOnlyList<Assignment> Assignments => _assignments;

    public IReadOnlyList<DocumentReference> References => _references;

    public void Cite(DocumentReference reference) => _references.Add(reference);

    /// <summary>Gives this directive to a unit; its deadline defaults to the directive's.</summary>
    public Assignment Assign(Unit unit, AssignmentRole role, DateTimeOffset at, Actor by, Deadline? deadline = null)
    {
        if (IsCancelled)
        {
            throw new DomainException("directive.cancelled", "Nhiệm vụ đã hủy, không thể phân công.");
        }

        if (!unit.IsActive)
        {
            throw new DomainException("assignment.unitInactive", $"Đơn vị {unit.Name} đã ngừng hoạt động.");
        }

        if (_assignments.Any(a => a.UnitId == unit.Id && unit.Id != 0 || ReferenceEquals(a.Unit, unit)))
        {
            throw new DomainException("assignment.duplicate", $"Đơn vị {unit.Name} đã được phân công nhiệm vụ này.");
        }

        var assignment = new Assignment(this, unit, role, deadline ?? Deadline, at, by);
        _assignments.Add(assignment);
        return assignment;
    }

    public void Cancel(string reason)
    {
        IsCancelled = true;
        CancelReason = Guard.Required(reason, "directive.cancelReason", "Lý do hủy");
    }

    private void Refold() => SearchKey = VietnameseText.Fold($"{Label} {Title} {FullText}");
}
