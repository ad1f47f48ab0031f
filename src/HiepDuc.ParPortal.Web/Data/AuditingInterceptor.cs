using System.Runtime.CompilerServices;
using System.Text.Json;
using HiepDuc.ParPortal.Domain.Auditing;
using HiepDuc.ParPortal.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// On every save: raises the concurrency version of changed <see cref="VersionedEntity"/> rows, and writes one
/// <see cref="AuditEntry"/> per added, changed or deleted row with its old and new values. Audit rows are written
/// once generated keys are known, inside the same transaction as the change, so both commit or neither does.
/// </summary>
internal sealed class AuditingInterceptor(ICurrentActor currentActor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, Batch> PendingByContext = [];

    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Capture(eventData.Context) is { } batch && eventData.Context!.Database.CurrentTransaction is null)
        {
            batch.OwnTransaction = eventData.Context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context) is { } batch && eventData.Context!.Database.CurrentTransaction is null)
        {
            batch.OwnTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } batch)
        {
            using var transaction = batch.OwnTransaction;
            eventData.Context!.SaveChanges();
            transaction?.Commit();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } batch)
        {
            await using var transaction = batch.OwnTransaction;
            await eventData.Context!.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Discard(DbContext? context)
    {
        if (context is not null && PendingByContext.TryGetValue(context, out var batch))
        {
            PendingByContext.Remove(context);
            batch.OwnTransaction?.Dispose();
        }
    }

    private Batch? Capture(DbContext? context)
    {
        if (context is null)
        {
            return null;
        }

        context.ChangeTracker.DetectChanges();
        var actor = currentActor.Actor;
        var ip = currentActor.IpAddress;
        var now = clock.GetUtcNow();
        var pending = new List<Pending>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (Bookkeeping.Is(entry.Entity) || entry.State is EntityState.Unchanged or EntityState.Detached || entry.Metadata.IsOwned())
            {
                continue;
            }

            if (entry is { State: EntityState.Modified, Entity: VersionedEntity })
            {
                var version = entry.Property(nameof(VersionedEntity.Version));
                version.CurrentValue = (long)version.OriginalValue! + 1;
            }

            var action = entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            };
            var changes = Describe(entry);
            if (changes is null)
            {
                continue;
            }

            pending.Add(new Pending(entry, action, changes, actor, ip, now));
        }

        if (pending.Count == 0)
        {
            return null;
        }

        var batch = new Batch(pending);
        PendingByContext.AddOrUpdate(context, batch);
        return batch;
    }

    /// <summary>Adds the captured changes as audit rows, now that generated keys are known.</summary>
    private static Batch? Take(DbContext? context)
    {
        if (context is null || !PendingByContext.TryGetValue(context, out var batch))
        {
            return null;
        }

        PendingByContext.Remove(context);
        foreach (var p in batch.Items)
        {
            var key = p.Entry.Metadata.FindPrimaryKey()?.Properties
                .Select(k => p.Entry.Property(k.Name).CurrentValue?.ToString())
                .FirstOrDefault();
            context.Add(new AuditEntry(p.At, p.Actor.UserId, p.Actor.Name, p.Action, p.Entry.Metadata.DisplayName(), key, p.Changes, p.Ip));
        }

        return batch;
    }

    private static string? Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is nameof(VersionedEntity.Version) || name.EndsWith("SearchKey", StringComparison.Ordinal))
            {
                continue;
            }

            var secret = Secret.Contains(name);
            switch (entry.State)
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
                if (entry.State == EntityState.Added || (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue)))
                {
                    changes[$"{complex.Metadata.Name}.{property.Metadata.Name}"] = entry.State == EntityState.Added
                        ? new { @new = property.CurrentValue }
                        : new { old = property.OriginalValue, @new = property.CurrentValue };
                }
            }
        }

        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed class Batch(List<Pending> items)
    {
        public List<Pending> Items { get; } = items;

        public Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? OwnTransaction { get; set; }
    }

    private sealed record Pending(EntityEntry Entry, string Action, string Changes, Actor Actor, string? Ip, DateTimeOffset At);
}
