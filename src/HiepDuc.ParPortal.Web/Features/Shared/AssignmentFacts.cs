using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Notices;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>The columns of an assignment that timing and roll-up need, with its state on the day asked for, as projected by list queries.</summary>
public sealed record AssignmentFacts(
    int Id,
    int DirectiveId,
    int UnitId,
    string UnitName,
    AssignmentRole Role,
    AssignmentStatus Status,
    int Progress,
    DateOnly? LastDayInForce,
    DateOnly HeardOn,
    DateOnly? SubmittedOn,
    DateOnly? AcceptedSubmissionOn,
    DateTimeOffset? LastReportAt,
    TimingState State,
    DateOnly Today,
    int LateDays = 0,
    bool Excused = false)
{
    public Timing Timing => Timing.Of(State, LastDayInForce, HeardOn, SubmittedOn, AcceptedSubmissionOn, Today, LateDays, Excused);

    public AssignmentSnapshot Snapshot => new(Role, Status, Progress, State);

    public static DirectiveRollup Rollup(bool cancelled, IEnumerable<AssignmentFacts> assignments) =>
        DirectiveRollup.Compute(cancelled, assignments.Select(a => a.Snapshot));
}
