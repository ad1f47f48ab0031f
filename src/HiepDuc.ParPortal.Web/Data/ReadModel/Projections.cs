using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HiepDuc.ParPortal.Web.Data.ReadModel;

/// <summary>
/// A table derived from the records and kept with them, in the transaction of the save that changed them. It says what
/// it must read before the save (while the database still holds the old values) and what it writes after it.
/// </summary>
public interface IProjection
{
    /// <summary>
    /// Before the save: what the changed entries touch. Returns the write to do after the save, or null when the
    /// change touches nothing this projection keeps.
    /// </summary>
    Task<Func<ParPortalDbContext, CancellationToken, Task>?> ReadAsync(ParPortalDbContext db, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken);
}

/// <summary>The derived tables, in the order the save pipeline keeps them (docs/architecture.md).</summary>
public static class Projections
{
    public static readonly IReadOnlyList<IProjection> All = [new KpiDistrictTotals(), new DirectiveRollupColumns(), new UnitCounters()];

    /// <summary>
    /// A key of a saved entry, as the database gave it: until the changes are accepted (after the commit) it is in the
    /// entry, not yet in the object.
    /// </summary>
    private static int Saved(EntityEntry entry, string property) => (int)entry.Property(property).CurrentValue!;

    /// <summary>The district's KPI sums of the periods whose unit figures changed (<see cref="KpiDistrictTotal"/>).</summary>
    private sealed class KpiDistrictTotals : IProjection
    {
        public Task<Func<ParPortalDbContext, CancellationToken, Task>?> ReadAsync(ParPortalDbContext db, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
        {
            var periods = changed.Select(e => e.Entity).OfType<KpiMeasurement>().Where(m => m.UnitId is not null)
                .Select(m => (m.KpiId, m.Period.Start, m.Period.End)).Distinct().ToList();
            return Task.FromResult<Func<ParPortalDbContext, CancellationToken, Task>?>(periods.Count == 0 ? null
                : (derived, token) => KpiDistrictTotal.RefreshAsync(derived, periods, token));
        }
    }

    /// <summary>The roll-up each directive keeps of its assignments (<see cref="DirectiveRollups"/>).</summary>
    private sealed class DirectiveRollupColumns : IProjection
    {
        public Task<Func<ParPortalDbContext, CancellationToken, Task>?> ReadAsync(ParPortalDbContext db, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
        {
            var assignments = changed.Where(e => e.Entity is Assignment).ToList();
            return Task.FromResult<Func<ParPortalDbContext, CancellationToken, Task>?>(assignments.Count == 0 ? null
                : (derived, token) =>
                {
                    // Read after the save: a directive added with its assignments has its key only then.
                    var ids = assignments.Select(e => Saved(e, nameof(Assignment.DirectiveId))).Distinct().ToList();
                    return DirectiveRollups.UpdateAsync(derived.Directives.Where(d => ids.Contains(d.Id)), token);
                });
        }
    }

    /// <summary>
    /// The counters of each unit (<see cref="UnitTally"/>): those the changed assignments counted in before (read now,
    /// while the database holds the old values) and after, with those of every assignment of a directive cancelled (the
    /// counters leave out cancelled directives).
    /// </summary>
    private sealed class UnitCounters : IProjection
    {
        public async Task<Func<ParPortalDbContext, CancellationToken, Task>?> ReadAsync(ParPortalDbContext db, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
        {
            var cancelledDirectives = changed.Where(e => e is { Entity: Directive, State: EntityState.Modified } && e.Property(nameof(Directive.IsCancelled)).IsModified)
                .Select(e => ((Directive)e.Entity).Id).ToList();
            var touched = changed.Where(e => e is { Entity: Assignment, State: EntityState.Modified or EntityState.Deleted })
                .Select(e => ((Assignment)e.Entity).Id).ToList();
            if (cancelledDirectives.Count > 0)
            {
                touched.AddRange(await db.Assignments.Where(a => cancelledDirectives.Contains(a.DirectiveId)).Select(a => a.Id).ToListAsync(cancellationToken));
            }

            var added = changed.Where(e => e is { Entity: Assignment, State: EntityState.Added }).ToList();
            if (touched.Count == 0 && added.Count == 0)
            {
                return null;
            }

            var before = await UnitTally.KeysAsync(db, touched, cancellationToken);
            return async (derived, token) =>
            {
                var countedNow = touched.Concat(added.Select(e => Saved(e, nameof(Assignment.Id)))).Distinct().ToList();
                var keys = before.Concat(await UnitTally.KeysAsync(derived, countedNow, token));
                await UnitTally.RefreshAsync(derived, keys, token);
            };
        }
    }
}
