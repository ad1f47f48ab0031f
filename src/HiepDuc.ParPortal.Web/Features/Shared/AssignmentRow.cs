using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Deadlines;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>
/// An assignment as lists show it: its directive, unit, the deadline as written and the deadline in force (the approved
/// extension when there is one), its state and timing.
/// </summary>
public sealed record AssignmentRow(
    int Id,
    int DirectiveId,
    string DirectiveLabel,
    string DirectiveTitle,
    DateOnly MeetingDate,
    string UnitName,
    AssignmentRole Role,
    AssignmentStatus Status,
    int Progress,
    Deadline Deadline,
    DateOnly? LastDayInForce,
    DateOnly? ExtendedTo,
    DateTimeOffset? LastReportAt,
    DateOnly AssignedOn,
    Timing Timing,
    ExtensionState Extension = ExtensionState.None,
    int UnitId = 0,
    string? CarriedFrom = null)
{
    public NextAction NextAction => AssignmentRules.NextActionOf(Status, Extension);
}
