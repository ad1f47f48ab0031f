using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>The columns of an assignment that timing and roll-up need, as projected by list queries.</summary>
public sealed record AssignmentFacts(
    int Id,
    int DirectiveId,
    int UnitId,
    string UnitName,
    AssignmentRole Role,
    AssignmentStatus Status,
    int Progress,
    DateOnly? LastDayInForce,
    DateTimeOffset? SubmittedAt,
    DateOnly? AcceptedSubmissionOn,
    DateTimeOffset? LastReportAt)
{
    public Timing TimingOn(DateOnly today) =>
        Timing.Compute(Status, LastDayInForce, SubmittedAt is { } s ? PortalCalendar.DateOf(s) : null, AcceptedSubmissionOn, today);

    public AssignmentSnapshot Snapshot(DateOnly today) => new(Role, Status, Progress, TimingOn(today));

    public static DirectiveRollup Rollup(bool cancelled, IEnumerable<AssignmentFacts> assignments, DateOnly today) =>
        DirectiveRollup.Compute(cancelled, assignments.Select(a => a.Snapshot(today)));
}
