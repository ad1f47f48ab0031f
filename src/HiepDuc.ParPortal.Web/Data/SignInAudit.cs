using HiepDuc.ParPortal.Domain.Auditing;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>Sign-in events in the audit trail: who (or which name was tried), what, when, from where.</summary>
public sealed class SignInAudit(ParPortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string SignIn = nameof(SignIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string LockedOut = nameof(LockedOut);
    public const string SignOut = nameof(SignOut);
    public const string PasswordChanged = nameof(PasswordChanged);
    public const string PasswordReset = nameof(PasswordReset);

    public async Task RecordAsync(string action, PortalUser? user, string? attemptedName = null)
    {
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var changes = attemptedName is null ? null : System.Text.Json.JsonSerializer.Serialize(new { attempted = attemptedName.Length > 100 ? attemptedName[..100] : attemptedName });
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), user?.Id, user?.UserName ?? attemptedName, action, "Account", user?.Id, changes, ip));
        await db.SaveChangesAsync();
    }
}
