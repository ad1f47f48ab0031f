using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Notifications;

public enum ReminderKind
{
    DueIn7,
    DueIn3,
    DueIn1,
    Overdue,
    Silent,
    AwaitingConfirmation,
    ExtensionPending,
    /// <summary>To the chairman: a directive's urgent work has gone unanswered.</summary>
    UrgentUnanswered,
    Urged,
    WeeklyDigest,

    // Events of the follow-up loop, each told to the people it concerns (EventAudience).
    Assigned,
    Reported,
    Submitted,
    ExtensionRequested,
    Returned,
    Confirmed,
    ExtensionApproved,
    ExtensionRejected,
    Direction,
    DeadlineChanged,
    Cancelled,
    Reopened,
    Transferred,
}

/// <summary>
/// One reminder that was sent: (assignment, kind, day) is unique in the database, so a reminder goes out once even
/// when the job runs twice or on two servers at the same time.
/// </summary>
public sealed class ReminderLog
{
    private ReminderLog()
    {
    }

    public ReminderLog(int assignmentId, ReminderKind kind, DateOnly day, DateTimeOffset at)
    {
        AssignmentId = assignmentId;
        Kind = kind;
        Day = day;
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>The assignment reminded about (0 for the weekly digest).</summary>
    public int AssignmentId { get; private set; }

    public ReminderKind Kind { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>An in-portal notification: the bell in the header, the list page.</summary>
public sealed class Notification
{
    private Notification()
    {
        UserId = Title = null!;
    }

    public Notification(string userId, ReminderKind kind, int? assignmentId, string title, string? body, string? link, DateTimeOffset at, string? eventKey = null)
    {
        EventKey = eventKey;
        UserId = Guard.Required(userId, "notification.user");
        Kind = kind;
        AssignmentId = assignmentId;
        Title = Guard.Required(title, "notification.title");
        Body = Guard.Optional(body);
        Link = Guard.Optional(link);
        CreatedAt = at;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public ReminderKind Kind { get; private set; }

    public int? AssignmentId { get; private set; }

    public string Title { get; private set; }

    public string? Body { get; private set; }

    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>The timeline event told ("a:123" for an assignment's, "d:45" for a directive's): one notification per event and person.</summary>
    public string? EventKey { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

/// <summary>An e-mail waiting to be sent; failures are retried with growing pauses and never block the reminders.</summary>
public sealed class OutboxEmail
{
    public const int MaxAttempts = 6;

    private OutboxEmail()
    {
        To = Subject = TextBody = HtmlBody = null!;
    }

    public OutboxEmail(string to, string subject, string textBody, string htmlBody, DateTimeOffset at)
    {
        To = Guard.Required(to, "email.to");
        Subject = Guard.Required(subject, "email.subject");
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = at;
        NextAttemptAt = at;
    }

    public long Id { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(DateTimeOffset at)
    {
        SentAt = at;
        NextAttemptAt = null;
        Attempts++;
    }

    /// <summary>Next try after 1, 2, 4, 8, 16 minutes; given up after <see cref="MaxAttempts"/>.</summary>
    public void Failed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = Attempts >= MaxAttempts ? null : at.AddMinutes(Math.Pow(2, Attempts - 1));
    }
}
