using HiepDuc.ParPortal.Domain.Assignments;

namespace HiepDuc.ParPortal.Domain.Notices;

public enum DirectiveState
{
    NotAssigned,
    InProgress,
    Overdue,
    Completed,
    Cancelled,
}

/// <summary>What a directive's roll-up needs to know of one assignment.</summary>
public readonly record struct AssignmentSnapshot(AssignmentRole Role, AssignmentStatus Status, int Progress, Timing Timing);

/// <summary>
/// A directive's state and progress, read from its assignments (docs/domain.md, "Directive roll-up"):
/// completed when every non-cancelled assignment is completed; overdue when a lead assignment is overdue
/// (with no lead, when any implementing assignment is); otherwise in progress. Progress is the weighted mean,
/// the lead counting twice.
/// </summary>
public readonly record struct DirectiveRollup(DirectiveState State, int Progress, int Active, int Completed, int Overdue)
{
    public const int LeadWeight = 2;

    public static DirectiveRollup Compute(bool directiveCancelled, IEnumerable<AssignmentSnapshot> assignments)
    {
        var active = assignments.Where(a => a.Status != AssignmentStatus.Cancelled).ToList();
        if (directiveCancelled)
        {
            return new DirectiveRollup(DirectiveState.Cancelled, 0, active.Count, 0, 0);
        }

        if (active.Count == 0)
        {
            return new DirectiveRollup(DirectiveState.NotAssigned, 0, 0, 0, 0);
        }

        var weight = 0;
        var sum = 0;
        foreach (var a in active)
        {
            var w = a.Role == AssignmentRole.Lead ? LeadWeight : 1;
            weight += w;
            sum += w * (a.Status == AssignmentStatus.Completed ? 100 : a.Progress);
        }

        var progress = (int)Math.Round((double)sum / weight, MidpointRounding.AwayFromZero);
        var completed = active.Count(a => a.Status == AssignmentStatus.Completed);
        var overdue = active.Count(a => a.Timing.State == TimingState.Overdue);
        var accountable = active.Any(a => a.Role == AssignmentRole.Lead)
            ? active.Where(a => a.Role == AssignmentRole.Lead)
            : active.Where(a => a.Role == AssignmentRole.Implementing);

        var state = completed == active.Count ? DirectiveState.Completed
            : accountable.Any(a => a.Timing.State == TimingState.Overdue) ? DirectiveState.Overdue
            : DirectiveState.InProgress;
        return new DirectiveRollup(state, progress, active.Count, completed, overdue);
    }
}
