using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;

namespace HiepDuc.ParPortal.Domain.Notices;

/// <summary>A chairman's conclusion notice (Thông báo kết luận): the source of a set of directives.</summary>
public sealed class ConclusionNotice : VersionedEntity
{
    private readonly List<Directive> _directives = [];
    private readonly List<DocumentReference> _references = [];

    private ConclusionNotice()
    {
        IssuingBody = Title = FullText = SearchKey = null!;
    }

    public ConclusionNotice(string issuingBody, string title, DateOnly meetingDate, string fullText)
    {
        IssuingBody = Guard.Required(issuingBody, "notice.issuingBody", "Cơ quan ban hành");
        Title = Guard.Required(title, "notice.title", "Trích yếu");
        MeetingDate = meetingDate;
        FullText = Guard.Required(fullText, "notice.fullText", "Toàn văn thông báo");
        SearchKey = null!;
        Refold();
    }

    /// <summary>Number/symbol ("215/TB-UBND"); null when the source does not show it.</summary>
    public string? Number { get; private set; }

    public string IssuingBody { get; private set; }

    /// <summary>Date the notice was signed; null when the source does not show it.</summary>
    public DateOnly? IssueDate { get; private set; }

    public DateOnly MeetingDate { get; private set; }

    public string Title { get; private set; }

    /// <summary>"Ban Chỉ đạo cải cách hành chính và chuyển đổi số huyện".</summary>
    public string? MeetingBody { get; private set; }

    /// <summary>"phiên thứ nhất".</summary>
    public string? Session { get; private set; }

    public string? ChairedBy { get; private set; }

    public string? SignedBy { get; private set; }

    public string FullText { get; private set; }

    public string SearchKey { get; private set; }

    public IReadOnlyList<Directive> Directives => _directives;

    public IReadOnlyList<DocumentReference> References => _references;

    public void Describe(string? number, DateOnly? issueDate, string? meetingBody, string? session, string? chairedBy, string? signedBy)
    {
        Number = Guard.Optional(number);
        IssueDate = issueDate;
        if (issueDate is { } d && d < MeetingDate)
        {
            throw new DomainException("notice.issueDate", "Ngày ban hành không được trước ngày họp.");
        }

        MeetingBody = Guard.Optional(meetingBody);
        Session = Guard.Optional(session);
        ChairedBy = Guard.Optional(chairedBy);
        SignedBy = Guard.Optional(signedBy);
        Refold();
    }

    public void Cite(DocumentReference reference) => _references.Add(reference);

    /// <summary>Edits the header facts; the full text may be corrected too.</summary>
    public void Edit(string issuingBody, string title, DateOnly meetingDate, string fullText)
    {
        IssuingBody = Guard.Required(issuingBody, "notice.issuingBody", "Cơ quan ban hành");
        Title = Guard.Required(title, "notice.title", "Trích yếu");
        MeetingDate = meetingDate;
        FullText = Guard.Required(fullText, "notice.fullText", "Toàn văn thông báo");
        Refold();
    }

    /// <summary>Moves a directive one place up (-1) or down (+1) in the notice's order.</summary>
    public void Move(Directive directive, int step, Actor by, DateTimeOffset at)
    {
        var ordered = _directives.OrderBy(d => d.SortOrder).ToList();
        var index = ordered.IndexOf(directive);
        var target = index + Math.Sign(step);
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return;
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }

        directive.Reordered(by, at);
    }

    public Directive AddDirective(string label, string title, string fullText, Deadline deadline, int? monitoringUnitId, Actor by, DateTimeOffset at)
    {
        var directive = AddDirective(label, title, fullText, deadline, monitoringUnitId);
        directive.Created(by, at);
        return directive;
    }

    public Directive AddDirective(string label, string title, string fullText, Deadline deadline, int? monitoringUnitId)
    {
        var normalized = Guard.Required(label, "directive.label", "Số hiệu nhiệm vụ");
        if (_directives.Any(d => string.Equals(d.Label, normalized, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("directive.label.duplicate", $"Thông báo đã có nhiệm vụ {normalized}.");
        }

        var directive = new Directive(this, normalized, _directives.Count == 0 ? 1 : _directives.Max(d => d.SortOrder) + 1, title, fullText, deadline, monitoringUnitId);
        _directives.Add(directive);
        return directive;
    }

    private void Refold() => SearchKey = VietnameseText.Fold($"{Number} {Title} {MeetingBody} {ChairedBy}");
}
