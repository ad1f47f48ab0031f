using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Features.Shared;

namespace HiepDuc.ParPortal.Web.Features.Directives;

public sealed class DirectiveDetailsModel
{
    public int Id { get; init; }

    public int NoticeId { get; init; }

    public string NoticeTitle { get; init; } = string.Empty;

    public string? NoticeNumber { get; init; }

    public DateOnly MeetingDate { get; init; }

    public string Label { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string FullText { get; init; } = string.Empty;

    public bool IsCancelled { get; init; }

    public string? CancelReason { get; init; }

    public Deadline Deadline { get; init; } = Deadline.NotSet();

    public string? MonitoringUnit { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The reader's share (a unit head sees their own unit's assignments): counts and progress of what is listed.</summary>
    public DirectiveRollup Rollup { get; init; }

    /// <summary>The directive's own standing, the same on every surface (<see cref="Shared.DirectiveStandings"/>).</summary>
    public DirectiveStanding Standing { get; init; }

    /// <summary>The reader sees only their own unit's assignments (a unit head).</summary>
    public bool IsPartialView { get; init; }

    public IReadOnlyList<DirectiveAssignmentRow> Assignments { get; init; } = [];

    public IReadOnlyList<TimelineRow> Timeline { get; init; } = [];

    public IReadOnlyList<Assignments.DirectionRow> Directions { get; init; } = [];

    public IReadOnlyList<DataVerdict> Verdicts { get; init; } = [];
}

/// <summary>"Đạt / không đạt" from the figures for one target of a directive.</summary>
public sealed record DataVerdict(int KpiId, string Kpi, string? Unit, Domain.Kpis.KpiPeriod Period, Domain.Kpis.KpiTargetKind Kind, decimal? Target, decimal? Value, decimal? Reference, bool? Met, Domain.Kpis.KpiCoverage? Coverage);

public sealed record DirectiveAssignmentRow(AssignmentFacts Facts, Timing Timing, string? LastReport);

/// <summary>One line of a timeline; <see cref="Kind"/> is the resource key of the event's name.</summary>
public sealed record TimelineRow(DateTimeOffset At, string Kind, string Unit, string By, string? Text, DateOnly? NewLastDay)
{
    public TimelineRow(DateTimeOffset at, AssignmentEventKind kind, string unit, string by, string? text, DateOnly? newLastDay)
        : this(at, $"{nameof(AssignmentEventKind)}_{kind}", unit, by, text, newLastDay)
    {
    }

    /// <summary>The days the work was late, recorded by this event (an extension granted after the deadline, a cycle reported late).</summary>
    public int? LateDays { get; init; }

    /// <summary>The words for <see cref="LateDays"/>: an extension granted late, work carried over already overdue, a cycle reported late.</summary>
    public string LateLabel => Kind == $"{nameof(AssignmentEventKind)}_{AssignmentEventKind.ExtensionApproved}" ? "Timeline_ExtendedLate"
        : Kind == $"{nameof(AssignmentEventKind)}_{AssignmentEventKind.Transferred}" ? "Timeline_TransferredLate"
        : "Timeline_CycleLate";
}

public sealed record DirectiveListRow(int Id, int NoticeId, DateOnly MeetingDate, string Label, string Title, Deadline Deadline, DirectiveStanding Standing)
{
    public DirectiveRollup Rollup => Standing.Rollup;
}

/// <summary>A page of the list; <see cref="Total"/> is counted up to <see cref="TotalCap"/> only (shown "1.000+" beyond).</summary>
public sealed record DirectiveListModel(IReadOnlyList<DirectiveListRow> Items, DirectiveFilter Filter, int Total, string? Next, IReadOnlyList<Work.Option> Units)
{
    public const int TotalCap = 1000;

    public bool TotalCapped => Total > TotalCap;
}
