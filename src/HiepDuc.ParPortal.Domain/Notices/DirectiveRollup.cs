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
        return FromCounts(new RollupCounts(
            Active: active.Count,
            Completed: active.Count(a => a.Status == AssignmentStatus.Completed),
            Overdue: active.Count(a => a.Timing.State == TimingState.Overdue),
            OverdueLeads: active.Count(a => a.Role == AssignmentRole.Lead && a.Timing.State == TimingState.Overdue),
            OverdueImplementing: active.Count(a => a.Role == AssignmentRole.Implementing && a.Timing.State == TimingState.Overdue),
            Leads: active.Count(a => a.Role == AssignmentRole.Lead),
            WeightedProgress: active.Sum(a => Weight(a.Role) * (a.Status == AssignmentStatus.Completed ? 100 : a.Progress)),
            Weights: active.Sum(a => Weight(a.Role))),
            directiveCancelled);
    }

    /// <summary>
    /// The same rule from counts, so that lists and the dashboard can count in SQL (group by directive) and still
    /// agree with the directive page.
    /// </summary>
    public static DirectiveRollup FromCounts(RollupCounts c, bool directiveCancelled)
    {
        if (directiveCancelled)
        {
            return new DirectiveRollup(DirectiveState.Cancelled, 0, c.Active, 0, 0);
        }

        if (c.Active == 0)
        {
            return new DirectiveRollup(DirectiveState.NotAssigned, 0, 0, 0, 0);
        }

        var progress = c.Weights == 0 ? 0 : (int)Math.Round((double)c.WeightedProgress / c.Weights, MidpointRounding.AwayFromZero);
        var overdue = c.Leads > 0 ? c.OverdueLeads > 0 : c.OverdueImplementing > 0;
        var state = c.Completed == c.Active ? DirectiveState.Completed
            : overdue ? DirectiveState.Overdue
            : DirectiveState.InProgress;
        return new DirectiveRollup(state, progress, c.Active, c.Completed, c.Overdue);
    }

    public static int Weight(AssignmentRole role) => role == AssignmentRole.Lead ? LeadWeight : 1;
}

/// <summary>Counts over a directive's non-cancelled assignments.</summary>
public readonly record struct RollupCounts(int Active, int Completed, int Overdue, int OverdueLeads, int OverdueImplementing, int Leads, long WeightedProgress, long Weights);
