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
}

public enum ExtensionState
{
    None,
    Pending,
}
