using HiepDuc.ParPortal.Domain.Assignments;

namespace HiepDuc.ParPortal.Domain.Notifications;

/// <summary>Who hears of an event (docs/domain.md, "Who is told of what").</summary>
[Flags]
public enum Audience
{
    None = 0,
    /// <summary>The heads of the assigned unit.</summary>
    UnitHeads = 1,
    /// <summary>The district office (its queue and bell).</summary>
    Office = 2,
    /// <summary>The chairman: extension requests he may decide.</summary>
    Chairman = 4,
    /// <summary>Whoever gave a direction on the work (on the assignment or its directive): the answers to it.</summary>
    DirectionAuthors = 8,
}

/// <summary>The one table of event → recipients; the person who caused the event is never told of it.</summary>
public static class EventAudience
{
    public static Audience Of(AssignmentEventKind kind) => kind switch
    {
        AssignmentEventKind.Assigned or AssignmentEventKind.Returned or AssignmentEventKind.Confirmed
            or AssignmentEventKind.ExtensionApproved or AssignmentEventKind.ExtensionRejected or AssignmentEventKind.Urged
            or AssignmentEventKind.DeadlineChanged or AssignmentEventKind.Cancelled or AssignmentEventKind.Reopened => Audience.UnitHeads,
        AssignmentEventKind.Reported or AssignmentEventKind.Submitted => Audience.Office | Audience.DirectionAuthors,
        AssignmentEventKind.ExtensionRequested => Audience.Office | Audience.Chairman,
        AssignmentEventKind.Direction or AssignmentEventKind.Transferred => Audience.UnitHeads | Audience.Office,
        _ => Audience.None,
    };

    /// <summary>A chairman's direction on a whole directive: every assigned unit and the office.</summary>
    public const Audience DirectiveDirection = Audience.UnitHeads | Audience.Office;

    public static ReminderKind KindOf(AssignmentEventKind kind) => kind switch
    {
        AssignmentEventKind.Assigned => ReminderKind.Assigned,
        AssignmentEventKind.Reported => ReminderKind.Reported,
        AssignmentEventKind.Submitted => ReminderKind.Submitted,
        AssignmentEventKind.ExtensionRequested => ReminderKind.ExtensionRequested,
        AssignmentEventKind.Returned => ReminderKind.Returned,
        AssignmentEventKind.Confirmed => ReminderKind.Confirmed,
        AssignmentEventKind.ExtensionApproved => ReminderKind.ExtensionApproved,
        AssignmentEventKind.ExtensionRejected => ReminderKind.ExtensionRejected,
        AssignmentEventKind.Direction => ReminderKind.Direction,
        AssignmentEventKind.Urged => ReminderKind.Urged,
        AssignmentEventKind.DeadlineChanged => ReminderKind.DeadlineChanged,
        AssignmentEventKind.Cancelled => ReminderKind.Cancelled,
        AssignmentEventKind.Reopened => ReminderKind.Reopened,
        AssignmentEventKind.Transferred => ReminderKind.Transferred,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Events of these kinds that one save records for several assignments of one unit are told to each of its people
    /// once, listing them (an urging of many at once, a reorganisation carrying a unit's work): one message, not one per
    /// assignment.
    /// </summary>
    public static bool Coalesces(AssignmentEventKind kind) => kind is AssignmentEventKind.Urged or AssignmentEventKind.Transferred;

    /// <summary>The kinds a person may choose to receive by e-mail or not (the bell always shows them).</summary>
    public static readonly ReminderKind[] Choosable = Enum.GetValues<ReminderKind>();
}
