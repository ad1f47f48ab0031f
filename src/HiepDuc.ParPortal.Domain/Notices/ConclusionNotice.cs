using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Units;

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
        IssuingBody = Guard.Required(issuingBody, "notice.issuingBody");
        Title = Guard.Required(title, "notice.title");
        MeetingDate = meetingDate;
        FullText = Guard.Required(fullText, "notice.fullText");
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

    /// <summary>The issuing body folded (accents, case, spaces), for the duplicate rule.</summary>
    public string IssuerKey { get; private set; } = string.Empty;

    /// <summary>The number folded, null when unknown, for the duplicate rule.</summary>
    public string? NumberKey { get; private set; }

    /// <summary>SHA-256 of the folded full text, for the duplicate rule.</summary>
    public string ContentKey { get; private set; } = string.Empty;

    public IReadOnlyList<Directive> Directives => _directives;

    public IReadOnlyList<DocumentReference> References => _references;

    public void Describe(string? number, DateOnly? issueDate, string? meetingBody, string? session, string? chairedBy, string? signedBy)
    {
        Number = Guard.Optional(number);
        IssueDate = issueDate;
        if (issueDate is { } d && d < MeetingDate)
        {
            throw new DomainException("notice.issueDate");
        }

        MeetingBody = Guard.Optional(meetingBody);
        Session = Guard.Optional(session);
        ChairedBy = Guard.Optional(chairedBy);
        SignedBy = Guard.Optional(signedBy);
        Refold();
    }

    public void Cite(DocumentReference reference) => _references.Add(reference);

    /// <summary>
    /// Records the number and the signing date the document system gave the notice (Q-Office), keeping the rest of
    /// its header as it is.
    /// </summary>
    public void Register(string number, DateOnly issueDate)
    {
        number = Guard.Required(number, "notice.number");
        if (number.Length > MaxNumberLength)
        {
            throw new DomainException("notice.numberTooLong", MaxNumberLength);
        }

        Describe(number, issueDate, MeetingBody, Session, ChairedBy, SignedBy);
    }

    public const int MaxNumberLength = 50;

    /// <summary>Whether the office has opened the notice's progress to the public page (/cong-khai).</summary>
    public bool IsPublic { get; private set; }

    /// <summary>When the notice was last opened to the public, or closed again.</summary>
    public DateTimeOffset? PublicSince { get; private set; }

    public void Publish(bool open, DateTimeOffset at)
    {
        if (IsPublic == open)
        {
            return;
        }

        IsPublic = open;
        PublicSince = open ? at : null;
    }

    /// <summary>Edits the header facts; the full text may be corrected too.</summary>
    public void Edit(string issuingBody, string title, DateOnly meetingDate, string fullText)
    {
        IssuingBody = Guard.Required(issuingBody, "notice.issuingBody");
        Title = Guard.Required(title, "notice.title");
        MeetingDate = meetingDate;
        FullText = Guard.Required(fullText, "notice.fullText");
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
        var normalized = Guard.Required(label, "directive.label");
        if (_directives.Any(d => string.Equals(d.Label, normalized, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("directive.label.duplicate", normalized);
        }

        var directive = new Directive(this, normalized, _directives.Count == 0 ? 1 : _directives.Max(d => d.SortOrder) + 1, title, fullText, deadline, monitoringUnitId);
        _directives.Add(directive);
        return directive;
    }

    /// <summary>The label a carried directive takes in its new notice ("TD.3.a").</summary>
    public static string CarriedLabel(string label) => $"TD.{label}";

    /// <summary>How the source of carried work is named in the directive's text and citation.</summary>
    public static string CarriedOrigin(string? number, DateOnly meetingDate) =>
        $"Thông báo kết luận {(number is null ? "" : "số " + number + " ")}ngày {meetingDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Carries an unfinished directive of an earlier notice into this one's follow-up list (docs/domain.md,
    /// "Carry-over"): a directive "TD.{label}" citing its source, with no deadline of its own, assigned to the units that
    /// had not finished it, in the same roles (inactive units are left out). Carrying the same item twice adds nothing:
    /// null is returned.
    /// </summary>
    public Directive? CarryOver(CarriedWork work, IEnumerable<(Unit Unit, AssignmentRole Role)> unfinished, Actor by, DateTimeOffset at)
    {
        var label = CarriedLabel(work.Label);
        if (_directives.Any(x => string.Equals(x.Label, label, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var origin = CarriedOrigin(work.Number, work.MeetingDate);
        var directive = AddDirective(label, work.Title, $"(Chuyển theo dõi từ {origin}, mục {work.Label}.)\n{work.FullText}", Deadline.NotSet(), work.MonitoringUnitId, by, at);
        directive.Cite(new DocumentReference($"{origin}, mục {work.Label}", "Thông báo", work.Number, work.MeetingDate, null));
        foreach (var (unit, role) in unfinished.Where(u => u.Unit.IsActive))
        {
            directive.Assign(unit, role, at, by);
        }

        return directive;
    }

    private void Refold()
    {
        SearchKey = VietnameseText.Fold($"{Number} {Title} {MeetingBody} {ChairedBy}");
        var identity = NoticeIdentity.Of(Number, IssuingBody, MeetingDate, FullText);
        (IssuerKey, NumberKey, ContentKey) = (identity.IssuerKey, identity.NumberKey, identity.ContentKey);
    }
}

/// <summary>An unfinished directive of an earlier notice, as it is carried over: its notice's number and meeting date, and its own text.</summary>
public sealed record CarriedWork(string? Number, DateOnly MeetingDate, string Label, string Title, string FullText, int? MonitoringUnitId);
