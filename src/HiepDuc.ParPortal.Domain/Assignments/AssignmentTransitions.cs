using System.Collections.Frozen;

namespace HiepDuc.ParPortal.Domain.Assignments;

/// <summary>The one table of allowed status changes (docs/domain.md, "The life of an assignment").</summary>
public static class AssignmentTransitions
{
    public enum Trigger
    {
        Report,
        Submit,
        Confirm,
        Return,
        Cancel,
        Reopen,
    }

    private static readonly FrozenDictionary<(AssignmentStatus From, Trigger Trigger), AssignmentStatus> Table =
        new Dictionary<(AssignmentStatus, Trigger), AssignmentStatus>
        {
            [(AssignmentStatus.NotStarted, Trigger.Report)] = AssignmentStatus.InProgress,
            [(AssignmentStatus.NotStarted, Trigger.Submit)] = AssignmentStatus.Submitted,
            [(AssignmentStatus.NotStarted, Trigger.Cancel)] = AssignmentStatus.Cancelled,
            [(AssignmentStatus.InProgress, Trigger.Report)] = AssignmentStatus.InProgress,
            [(AssignmentStatus.InProgress, Trigger.Submit)] = AssignmentStatus.Submitted,
            [(AssignmentStatus.InProgress, Trigger.Cancel)] = AssignmentStatus.Cancelled,
            [(AssignmentStatus.Submitted, Trigger.Confirm)] = AssignmentStatus.Completed,
            [(AssignmentStatus.Submitted, Trigger.Return)] = AssignmentStatus.Returned,
            [(AssignmentStatus.Submitted, Trigger.Cancel)] = AssignmentStatus.Cancelled,
            [(AssignmentStatus.Returned, Trigger.Report)] = AssignmentStatus.InProgress,
            [(AssignmentStatus.Returned, Trigger.Submit)] = AssignmentStatus.Submitted,
            [(AssignmentStatus.Returned, Trigger.Cancel)] = AssignmentStatus.Cancelled,
            [(AssignmentStatus.Completed, Trigger.Reopen)] = AssignmentStatus.InProgress,
        }.ToFrozenDictionary();

    public static bool IsAllowed(AssignmentStatus from, Trigger trigger) => Table.ContainsKey((from, trigger));

    public static AssignmentStatus? Next(AssignmentStatus from, Trigger trigger) =>
        Table.TryGetValue((from, trigger), out var to) ? to : null;
}
