namespace HiepDuc.ParPortal.Domain.Assignments;

public enum AssignmentRole
{
    /// <summary>Chủ trì.</summary>
    Lead,
    /// <summary>Phối hợp.</summary>
    Coordinating,
    /// <summary>Thực hiện: each addressed unit does the work for itself.</summary>
    Implementing,
}

public enum AssignmentStatus
{
    NotStarted,
    InProgress,
    /// <summary>The unit says it is done; awaiting the office's confirmation.</summary>
    Submitted,
    /// <summary>The office sent it back with a reason.</summary>
    Returned,
    Completed,
    Cancelled,
}

/// <summary>What can happen to an assignment; each is one timeline entry.</summary>
public enum AssignmentEventKind
{
    Assigned,
    Reported,
    Submitted,
    Confirmed,
    Returned,
    Cancelled,
    Reopened,
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRejected,
    Direction,
    Urged,
    DeadlineChanged,

    /// <summary>Carried to the successor of its unit by a reorganisation.</summary>
    Transferred,

    /// <summary>The office (or the chairman) confirmed an objective cause that excuses the work's lateness.</summary>
    ObjectiveCauseConfirmed,

    /// <summary>A successor's several shares of one directive became one: this share was merged into the one kept.</summary>
    MergedInto,
}

public enum ExtensionState
{
    None,
    Pending,
}

/// <summary>What the unit should do next on an assignment (its one button on the unit's landing page).</summary>
public enum NextAction
{
    None,
    /// <summary>Report progress (or completion).</summary>
    Report,
    /// <summary>The office returned it: complete what is missing and report again.</summary>
    Resubmit,
    /// <summary>Nothing to do: the office is checking the submission.</summary>
    AwaitConfirmation,
    /// <summary>Nothing to do: an extension request waits for a decision.</summary>
    AwaitExtension,
}
