using HiepDuc.ParPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Account;

/// <summary>Wrong passwords for one account from one address, and until when that address is refused for it.</summary>
public sealed class SignInThrottle
{
    public SignInThrottle(string key) => Key = key;

    /// <summary>The account's id and the client's address.</summary>
    public string Key { get; private set; }

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("SignInThrottles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(512);
    }
}

/// <summary>
/// Wrong passwords lock an account <b>for the address they come from</b>: after
/// <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures from one address within
/// <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>, that address is refused for that account for the same span,
/// while the account's owner still signs in from their own computer. So knowing a user name is not enough to lock its
/// owner out; guessing stays as slow as before (and the sign-in form is rate-limited per address). An administrator's
/// lock is the account's own (Identity's lockout) and holds everywhere.
/// </summary>
public sealed class SignInThrottles(ParPortalDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    private LockoutOptions Lockout => identity.Value.Lockout;

    public static string KeyOf(string userId, string? address) => $"{userId}|{address ?? "?"}";

    public async Task<bool> IsBlockedAsync(string userId, string? address, CancellationToken cancellationToken) =>
        await db.Set<SignInThrottle>().AsNoTracking().Where(t => t.Key == KeyOf(userId, address)).Select(t => t.BlockedUntil).FirstOrDefaultAsync(cancellationToken) is { } until
        && until > clock.GetUtcNow();

    /// <summary>Counts a wrong password; true when it blocks the address for the account.</summary>
    public async Task<bool> FailedAsync(string userId, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = KeyOf(userId, address);
        var throttle = await db.Set<SignInThrottle>().FindAsync([key], cancellationToken);
        if (throttle is null)
        {
            throttle = new SignInThrottle(key);
            db.Add(throttle);
        }
        else if (now - throttle.LastFailureAt > Lockout.DefaultLockoutTimeSpan)
        {
            throttle.Failures = 0; // earlier failures have aged out
        }

        throttle.Failures++;
        throttle.LastFailureAt = now;
        var blocked = throttle.Failures >= Lockout.MaxFailedAccessAttempts;
        if (blocked)
        {
            throttle.BlockedUntil = now + Lockout.DefaultLockoutTimeSpan;
            throttle.Failures = 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        return blocked;
    }

    /// <summary>A successful sign-in, or an administrator's unlock, forgets the account's failures (from every address when <paramref name="address"/> is null).</summary>
    public Task ClearAsync(string userId, string? address, CancellationToken cancellationToken) => address is null
        ? db.Set<SignInThrottle>().Where(t => t.Key.StartsWith(userId + "|")).ExecuteDeleteAsync(cancellationToken)
        : db.Set<SignInThrottle>().Where(t => t.Key == KeyOf(userId, address)).ExecuteDeleteAsync(cancellationToken);
}
