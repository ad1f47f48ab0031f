using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Features.Shared;

namespace HiepDuc.ParPortal.Web.Features.Notices;

/// <summary>A page of notices, newest first; <see cref="Next"/> is the last notice of the page when more follow.</summary>
public sealed record NoticeListModel(IReadOnlyList<NoticeListItem> Items, bool IsFirstPage, int? Next);

public sealed record NoticeListItem(int Id, string? Number, DateOnly? IssueDate, DateOnly MeetingDate, string Title, string? MeetingBody, string? Session, string? ChairedBy)
{
    public NoticeProgress Summary { get; set; } = NoticeProgress.Empty;
}

/// <summary>How far a notice's directives have come: counts by state and mean progress.</summary>
public sealed record NoticeProgress(int Directives, int Completed, int Overdue, int Progress)
{
    public static readonly NoticeProgress Empty = new(0, 0, 0, 0);

    public static NoticeProgress From(IReadOnlyCollection<DirectiveRollup> rollups)
    {
        var live = rollups.Where(r => r.State != DirectiveState.Cancelled).ToList();
        return live.Count == 0 ? Empty : new NoticeProgress(
            live.Count,
            live.Count(r => r.State == DirectiveState.Completed),
            live.Count(r => r.State == DirectiveState.Overdue),
            (int)Math.Round(live.Average(r => r.Progress), MidpointRounding.AwayFromZero));
    }
}

public sealed class NoticeDetailsModel
{
    public int Id { get; init; }

    public string? Number { get; init; }

    public string IssuingBody { get; init; } = string.Empty;

    public DateOnly? IssueDate { get; init; }

    public DateOnly MeetingDate { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? MeetingBody { get; init; }

    public string? Session { get; init; }

    public string? ChairedBy { get; init; }

    public string? SignedBy { get; init; }

    public string FullText { get; init; } = string.Empty;

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The notice's progress is on the public page.</summary>
    public bool IsPublic { get; init; }

    public IReadOnlyList<NoticeDirectiveRow> Directives { get; set; } = [];

    public IReadOnlyList<NoticeFigureRow> Figures { get; set; } = [];

    public IReadOnlyList<Assignments.FileRow> Files { get; set; } = [];

    public bool CanEdit { get; set; }

    public IReadOnlyList<Work.Option> EarlierNotices { get; set; } = [];
}

public sealed record NoticeDirectiveRow(int Id, string Label, string Title, Deadline Deadline, DirectiveStanding Standing, IReadOnlyList<AssignmentFacts> Assignments)
{
    public DirectiveRollup Rollup => Standing.Rollup;
}

public sealed record NoticeFigureRow(string Kpi, KpiKind Kind, string? Unit, KpiPeriod Period, long? Numerator, long? Denominator, decimal? StatedRate, RateQualifier Qualifier, string? Note)
{
    public decimal? Rate => KpiMath.Rate(Numerator, Denominator) ?? StatedRate;
}
