using System.Runtime.CompilerServices;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// Keeps <see cref="Directive.RollupDueOn"/> true: after a save that added, changed or removed assignments, it is
/// recomputed in SQL for their directives. Registered before <see cref="AuditingInterceptor"/>, so the update runs
/// inside the transaction that interceptor opens for the save and commits with it.
/// </summary>
internal sealed class DirectiveRollupInterceptor : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<Assignment>> Touched = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } ids)
        {
            Recompute(eventData.Context!, ids).ExecuteUpdate(Set);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } ids)
        {
            await Recompute(eventData.Context!, ids).ExecuteUpdateAsync(Set, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The same rule in plain SQL over every directive, for bulk loads that bypass the change tracker.</summary>
    public const string RecomputeAllSql = """
        UPDATE Directives SET RollupDueOn = (
            SELECT MIN(a.LastDayInForce) FROM Assignments a
            WHERE a.DirectiveId = Directives.Id AND a.Status NOT IN ('Submitted', 'Completed', 'Cancelled') AND a.LastDayInForce IS NOT NULL
              AND (a.Role = 'Lead' OR (a.Role = 'Implementing' AND NOT EXISTS (
                  SELECT 1 FROM Assignments x WHERE x.DirectiveId = Directives.Id AND x.Role = 'Lead' AND x.Status <> 'Cancelled'))));
        """;

    /// <summary>
    /// The roll-up rule of <see cref="DirectiveRollup"/>: the open assignments of the leads decide, or with no active lead
    /// those of the implementing units. "Open" is written as "not finished" so that SQLite looks the assignments up by
    /// directive rather than scanning the (Status, LastDayInForce) index for every directive.
    /// </summary>
    private static void Set(UpdateSettersBuilder<Directive> s) =>
        s.SetProperty(d => d.RollupDueOn, d => d.Assignments
            .Where(a => a.Status != AssignmentStatus.Submitted && a.Status != AssignmentStatus.Completed && a.Status != AssignmentStatus.Cancelled
                && a.LastDayInForce != null
                && (a.Role == AssignmentRole.Lead
                    || (a.Role == AssignmentRole.Implementing && !d.Assignments.Any(x => x.Role == AssignmentRole.Lead && x.Status != AssignmentStatus.Cancelled))))
            .Min(a => a.LastDayInForce));

    private static IQueryable<Directive> Recompute(DbContext context, List<int> ids) =>
        context.Set<Directive>().Where(d => ids.Contains(d.Id));

    private static void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var assignments = context.ChangeTracker.Entries<Assignment>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity)
            .ToList();
        if (assignments.Count > 0)
        {
            Touched.AddOrUpdate(context, assignments);
        }
    }

    /// <summary>The directives of the saved assignments, read after the save so that new keys are known.</summary>
    private static List<int>? Take(DbContext? context)
    {
        if (context is null || !Touched.TryGetValue(context, out var assignments))
        {
            return null;
        }

        Touched.Remove(context);
        return assignments.Select(a => a.DirectiveId).Distinct().ToList();
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Touched.Remove(context);
        }
    }
}
