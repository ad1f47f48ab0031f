using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// A named lease in the database: when several app nodes share one database, the node holding a lease is the one
/// that runs the work it names (the daily reminders). A lease that is not renewed expires, and another node takes it.
/// </summary>
public sealed class Lease
{
    public Lease(string name, string holder, long expiresAtUnixMs)
    {
        Name = name;
        Holder = holder;
        ExpiresAtUnixMs = expiresAtUnixMs;
    }

    public string Name { get; private set; }

    public string Holder { get; private set; }

    public long ExpiresAtUnixMs { get; private set; }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.ToTable("Leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}

/// <summary>Takes and renews leases with single conditional statements, so two nodes can never both hold one.</summary>
public sealed class Leases(ParPortalDbContext db, TimeProvider clock)
{
    /// <summary>This process's name as a holder: unique per app instance, readable in the table.</summary>
    public static readonly string ThisNode = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>True when this node now holds <paramref name="name"/> until now + <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, string? holder = null, CancellationToken cancellationToken = default)
    {
        holder ??= ThisNode;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)duration.TotalMilliseconds;
        var renewed = await db.Set<Lease>()
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUnixMs < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUnixMs, until), cancellationToken);
        if (renewed == 1)
        {
            return true;
        }

        if (await db.Set<Lease>().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false; // held by another node, not expired
        }

        try
        {
            db.Add(new Lease(name, holder, until));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node created it first.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
