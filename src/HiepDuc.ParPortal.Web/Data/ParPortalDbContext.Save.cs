using System.Data.Common;
using System.Text.Json;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Auditing;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>What every save needs from outside the context: who acts, the clock, and the data version to move.</summary>
public sealed class SaveServices(ICurrentActor actor, TimeProvider clock, DataVersion version, Features.Notifications.EventNotifications notifications)
{
    public Features.Notifications.EventNotifications Notifications { get; } = notifications;

    public ICurrentActor Actor { get; } = actor;

    public TimeProvider Clock { get; } = clock;

    public DataVersion Version { get; } = version;
}

/// <summary>
/// The one save pipeline. Every <c>SaveChanges</c> runs these steps, in this order, in one transaction:
/// <list type="number">
/// <item>begin a transaction (or join the caller's);</item>
/// <item>raise the concurrency version of each changed record;</item>
/// <item>capture the audit entries (old and new values) of each changed record;</item>
/// <item>let each derived table (<see cref="ReadModel.Projections.All"/>) read what the change touches, while the database
/// still holds the old values;</item>
/// <item>save the records, without accepting them;</item>
/// <item>on the same connection and transaction, in a context of its own, write the audit rows and the notifications of
/// the new timeline events (now that new keys are known) and then each derived table, in the list's order: the district's
/// KPI sums, the directives' roll-up, the units' counters — one save;</item>
/// <item>commit, then accept the records' changes and move the <see cref="DataVersion"/> — at once for a transaction of
/// its own; inside the caller's transaction the changes are accepted when the save ends (the caller may save again) and
/// the version moves at the caller's commit.</item>
/// </list>
/// Rows of the portal's own bookkeeping (<see cref="Bookkeeping"/>) are neither audited nor move the data version;
/// user accounts are audited but do not move it (the cached read models do not show them).
/// </summary>
public partial class ParPortalDbContext
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
    };

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly System.Reflection.Assembly DomainAssembly = typeof(Assignment).Assembly;

    private bool _recordsChangedInTransaction;
    private bool _notificationsChangedInTransaction;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveAsync(acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAsync(acceptAllChangesOnSuccess, cancellationToken);

    private async Task<int> SaveAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (_derivedRowsOnly)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0)
        {
            return 0;
        }

        var audited = changed.Where(e => !Bookkeeping.Is(e.Entity) && !e.Metadata.IsOwned()).ToList();
        // Only the portal's records of the work move the data version: sign-ins and user accounts do not.
        var recordsChanged = changed.Any(e => e.Entity.GetType().Assembly == DomainAssembly && !Bookkeeping.Is(e.Entity));
        var notificationsChanged = changed.Any(e => e.Entity is Domain.Notifications.Notification);
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            RaiseVersions(audited);
            var audit = CaptureAudit(audited);
            var added = changed.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            var writes = new List<Func<ParPortalDbContext, CancellationToken, Task>>();
            foreach (var projection in ReadModel.Projections.All)
            {
                if (await projection.ReadAsync(this, changed, cancellationToken) is { } write)
                {
                    writes.Add(write);
                }
            }

            // The records, kept as changed until the commit: a save that fails there leaves them to be saved again.
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            try
            {
                // What follows from them is written by a context of its own on the same connection and transaction: the audit
                // rows and the notifications of the new events (their keys are known now), then each derived table in order.
                await using (var derived = DerivedRows())
                {
                    derived.AuditEntries.AddRange(audit.Select(a => a.ToEntry()));
                    // Until the changes are accepted, the keys the database gave are in the entries, not yet in the objects:
                    // the notifications read copies made from the entries.
                    await saveServices.Notifications.AddAsync(derived, Saved<AssignmentEvent>(added), Saved<DirectiveEvent>(added), saveServices.Clock.GetUtcNow(), cancellationToken);
                    foreach (var write in writes)
                    {
                        await write(derived, cancellationToken);
                    }

                    notificationsChanged |= derived.ChangeTracker.Entries<Domain.Notifications.Notification>().Any();
                    await derived.SaveChangesAsync(cancellationToken);
                }

                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }

                // After the commit; inside the caller's transaction when this save ends, since the caller may save again
                // before it commits and must not write these changes twice.
                if (acceptAllChangesOnSuccess)
                {
                    ChangeTracker.AcceptAllChanges();
                }

                if (ownTransaction is not null)
                {
                    if (recordsChanged)
                    {
                        saveServices.Version.Changed();
                    }

                    if (notificationsChanged)
                    {
                        saveServices.Version.NotificationsChanged();
                    }
                }
                else
                {
                    _recordsChangedInTransaction |= recordsChanged;
                    _notificationsChangedInTransaction |= notificationsChanged;
                }
            }
            catch
            {
                ForgetDatabaseKeys(changed);
                throw;
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// After a failure past the records' save, the new rows are added again with keys of their own: the keys the
    /// rolled-back transaction gave them are forgotten, so that saving again inserts each row once.
    /// </summary>
    private void ForgetDatabaseKeys(IEnumerable<EntityEntry> changed)
    {
        var added = changed.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var entity in added)
        {
            Entry(entity).State = EntityState.Detached;
        }

        foreach (var entity in added)
        {
            Entry(entity).State = EntityState.Added;
        }
    }

    /// <summary>Copies of the saved entities of a type, with the values the database gave them (keys included).</summary>
    private List<T> Saved<T>(IEnumerable<object> entities) where T : class =>
        entities.OfType<T>().Select(e => (T)Entry(e).CurrentValues.ToObject()).ToList();

    /// <summary>When set, this context writes only the rows a save derives (<see cref="DerivedRows"/>): no pipeline of its own.</summary>
    private bool _derivedRowsOnly;

    /// <summary>A context on this one's connection and transaction, for the rows derived from what this one saved.</summary>
    private ParPortalDbContext DerivedRows()
    {
        var options = this.GetService<IDbContextOptions>();
        var derived = (ParPortalDbContext)Activator.CreateInstance(GetType(), options, saveServices)!;
        derived._derivedRowsOnly = true;
        derived.Database.SetDbConnection(Database.GetDbConnection(), contextOwnsConnection: false);
        derived.Database.UseTransaction(Database.CurrentTransaction!.GetDbTransaction());
        return derived;
    }

    /// <summary>The caller's transaction committed: what it saved is now visible.</summary>
    internal void TransactionCommitted()
    {
        if (_recordsChangedInTransaction)
        {
            _recordsChangedInTransaction = false;
            saveServices.Version.Changed();
        }

        if (_notificationsChangedInTransaction)
        {
            _notificationsChangedInTransaction = false;
            saveServices.Version.NotificationsChanged();
        }
    }

    internal void TransactionRolledBack() => (_recordsChangedInTransaction, _notificationsChangedInTransaction) = (false, false);

    private static void RaiseVersions(IEnumerable<EntityEntry> audited)
    {
        foreach (var entry in audited.Where(e => e is { State: EntityState.Modified, Entity: VersionedEntity }))
        {
            var version = entry.Property(nameof(VersionedEntity.Version));
            version.CurrentValue = (long)version.OriginalValue! + 1;
        }
    }

    private List<PendingAudit> CaptureAudit(IEnumerable<EntityEntry> records)
    {
        var actor = saveServices.Actor.Actor;
        var ip = saveServices.Actor.IpAddress;
        var now = saveServices.Clock.GetUtcNow();
        var pending = new List<PendingAudit>();
        foreach (var entry in records)
        {
            // A new row is described after the save, with its real key and the keys it refers to; a changed or deleted
            // one now, while its old values are known.
            if (entry.State == EntityState.Added)
            {
                pending.Add(new PendingAudit(entry, EntityState.Added, null, actor, ip, now));
            }
            else if (Describe(entry, entry.State) is { } changes)
            {
                pending.Add(new PendingAudit(entry, entry.State, changes, actor, ip, now));
            }
        }

        return pending;
    }

    private static string? Describe(EntityEntry entry, EntityState state)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is nameof(VersionedEntity.Version) || name.EndsWith("SearchKey", StringComparison.Ordinal))
            {
                continue;
            }

            var secret = Secret.Contains(name) || (entry.Entity is PortalSetting { IsSecret: true } && name == nameof(PortalSetting.Value));
            switch (state)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes[name] = new { @new = secret ? "***" : property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[name] = new { old = secret ? "***" : property.OriginalValue };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = secret ? new { old = "***", @new = "***" } : new { old = property.OriginalValue, @new = property.CurrentValue };
                    break;
            }
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                if (state == EntityState.Added || (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue)))
                {
                    changes[$"{complex.Metadata.Name}.{property.Metadata.Name}"] = state == EntityState.Added
                        ? new { @new = property.CurrentValue }
                        : new { old = property.OriginalValue, @new = property.CurrentValue };
                }
            }
        }

        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes, AuditJson);
    }

    /// <summary>An audit entry captured before the save; its key (and a new row's values) are read after it, once generated keys are known.</summary>
    private sealed record PendingAudit(EntityEntry Entry, EntityState State, string? Changes, Actor Actor, string? Ip, DateTimeOffset At)
    {
        public AuditEntry ToEntry()
        {
            var key = Entry.Metadata.FindPrimaryKey()?.Properties
                .Select(k => Entry.Property(k.Name).CurrentValue?.ToString())
                .FirstOrDefault();
            var action = State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            };
            return new AuditEntry(At, Actor.UserId, Actor.Name, action, Entry.Metadata.DisplayName(), key, Changes ?? Describe(Entry, EntityState.Added), Ip);
        }
    }

    /// <summary>Tells the context when a transaction the caller opened ends, so that the data version moves at its commit.</summary>
    private sealed class TransactionEnd : DbTransactionInterceptor
    {
        public static readonly TransactionEnd Instance = new();

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            (eventData.Context as ParPortalDbContext)?.TransactionCommitted();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            (eventData.Context as ParPortalDbContext)?.TransactionCommitted();
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
            (eventData.Context as ParPortalDbContext)?.TransactionRolledBack();

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            (eventData.Context as ParPortalDbContext)?.TransactionRolledBack();
            return Task.CompletedTask;
        }
    }
}
