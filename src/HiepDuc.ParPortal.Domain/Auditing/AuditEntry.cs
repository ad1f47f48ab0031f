namespace HiepDuc.ParPortal.Domain.Auditing;

/// <summary>One line of the audit trail: who did what, when, from where, with old and new values.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = EntityType = null!;
    }

    public AuditEntry(DateTimeOffset at, string? userId, string? userName, string action, string entityType, string? entityId, string? changes, string? ipAddress)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Changes = changes;
        IpAddress = ipAddress;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? UserId { get; private set; }

    public string? UserName { get; private set; }

    /// <summary>"Created", "Updated", "Deleted", "SignIn", "SignInFailed", "LockedOut"…</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>JSON: { "Property": { "old": …, "new": … } }.</summary>
    public string? Changes { get; private set; }

    public string? IpAddress { get; private set; }
}
