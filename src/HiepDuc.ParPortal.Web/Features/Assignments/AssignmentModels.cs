using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Web.Features.Directives;

namespace HiepDuc.ParPortal.Web.Features.Assignments;

public sealed class AssignmentDetailsModel
{
    public int Id { get; init; }

    public int UnitId { get; init; }

    public string UnitName { get; init; } = string.Empty;

    public int DirectiveId { get; init; }

    public string DirectiveLabel { get; init; } = string.Empty;

    public string DirectiveTitle { get; init; } = string.Empty;

    public string DirectiveText { get; init; } = string.Empty;

    public int NoticeId { get; init; }

    public DateOnly MeetingDate { get; init; }

    public AssignmentRole Role { get; init; }

    public AssignmentStatus Status { get; init; }

    public int Progress { get; init; }

    public DeadlineKind DeadlineKind { get; init; }

    public DateOnly? DeadlineLastDay { get; init; }

    public bool DeadlineUrgent { get; init; }

    public string? DeadlineWrittenAs { get; init; }

    public string? DeadlineRecurrence { get; init; }

    public DateOnly? ExtendedTo { get; init; }

    public DateOnly? LastDayInForce { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateOnly? AcceptedSubmissionOn { get; init; }

    public DateOnly? SubmittedOn { get; init; }

    public DateOnly HeardOn { get; init; }

    public TimingState State { get; init; }

    public ExtensionState Extension { get; init; }

    public DateOnly? ExtensionRequestedTo { get; init; }

    public string? ExtensionReason { get; init; }

    /// <summary>The day the pending extension was asked for.</summary>
    public DateOnly? ExtensionRequestedOn { get; init; }

    /// <summary>The day the work was given, and when it was recorded in the portal (they differ for a notice recorded after the fact).</summary>
    public DateOnly AssignedOn { get; init; }

    public DateTimeOffset RecordedOn { get; init; }

    public DateOnly RecordedDay => HiepDuc.ParPortal.Domain.Common.PortalCalendar.DateOf(RecordedOn);

    public int LateDays { get; init; }

    public int InheritedLateDays { get; init; }

    /// <summary>Carried over by a reorganisation: the timeline names the unit of each event.</summary>
    public bool IsCarried { get; init; }

    /// <summary>This share was merged into the successor's one assignment of the directive.</summary>
    public int? MergedIntoId { get; init; }

    /// <summary>Shares were merged into this one: the timeline shown is theirs and its own together.</summary>
    public bool HasMergedShares { get; set; }

    public IReadOnlyList<Directives.TimelineRow> MergedTimeline { get; set; } = [];

    public string? ObjectiveCause { get; init; }

    public string? ObjectiveCauseBy { get; init; }

    public DateTimeOffset? ObjectiveCauseAt { get; init; }

    /// <summary>The pending extension was asked for after the deadline in force: approving it keeps the days it was late.</summary>
    public int? ExtensionAskedLateBy => Extension == ExtensionState.Pending && ExtensionRequestedOn is { } asked && LastDayInForce is { } last && asked > last
        ? asked.DayNumber - last.DayNumber : null;

    /// <summary>Whether the office may confirm an objective cause now: the work is late (recorded, or submitted after its day).</summary>
    public bool LateToConfirm => LateDays > 0 || Timing.AwaitingLate;

    public long Version { get; init; }

    public IReadOnlyList<ReportRow> Reports { get; set; } = [];

    public IReadOnlyList<AssignmentTimelineRow> Timeline { get; set; } = [];

    public IReadOnlyList<DirectionRow> Directions { get; set; } = [];

    public bool CanReport { get; set; }

    public bool CanReview { get; set; }

    public bool CanDecideExtension { get; set; }

    public bool CanDirect { get; set; }

    /// <summary>After a failed POST: which form, what the user typed, and (after a conflict) what changed since they loaded the page.</summary>
    public AssignmentAction? ActiveAction { get; set; }

    public AssignmentActionForm? Posted { get; set; }

    public IReadOnlyList<AssignmentTimelineRow> ChangedSince { get; set; } = [];

    public int LatestEventId => Timeline.Count == 0 ? 0 : Timeline.Max(t => t.Id);

    public bool IsOpen => Status is AssignmentStatus.NotStarted or AssignmentStatus.InProgress or AssignmentStatus.Returned or AssignmentStatus.Submitted;

    /// <summary>The posted value for the active form, or empty for the others.</summary>
    public string? TextFor(AssignmentAction action) => ActiveAction == action ? Posted?.Text : null;

    public Deadline Deadline { get; set; } = Deadline.NotSet();

    public Timing Timing { get; set; }
}

public sealed record ReportRow(int Id, ProgressReportKind Kind, string Text, int Progress, string By, DateTimeOffset At, bool OnPaper)
{
    public IReadOnlyList<FileRow> Files { get; init; } = [];

    /// <summary>The former unit whose share, merged into this assignment, the report was made on.</summary>
    public string? FromShare { get; init; }
}

public sealed record FileRow(int Id, int? ReportId, string Name, long Length);

public sealed record AssignmentTimelineRow(int Id, TimelineRow Row);

public sealed record DirectionRow(DateTimeOffset At, string By, string Text);
