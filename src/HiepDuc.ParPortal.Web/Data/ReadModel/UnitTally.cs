using System.Globalization;
using System.Linq.Expressions;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Data.ReadModel;

/// <summary>Which counter an assignment counts in (<see cref="UnitTally.KeyOf"/>).</summary>
public sealed record TallyKey
{
    public int UnitId { get; init; }

    public AssignmentStatus Status { get; init; }

    public TimingState? Settled { get; init; }

    public DateOnly? LastDayInForce { get; init; }

    public DateOnly HeardOn { get; init; }

    public bool IsUrgent { get; init; }

    public bool LateBefore { get; init; }

    /// <summary>The key as one text, unique among the stored counters on every provider (a unique index over nullable
    /// columns would let SQLite store the same counter twice: it never finds two NULLs equal).</summary>
    public string Text => string.Join('|',
        UnitId.ToString(CultureInfo.InvariantCulture), Status, Settled?.ToString() ?? "-",
        LastDayInForce?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "-", HeardOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        IsUrgent ? "u" : "-", LateBefore ? "l" : "-");
}

/// <summary>
/// A unit's counter of assignments (of directives that are not cancelled) that have the same timing on every day: how
/// many there are, how many were ever reported on, and when the unit was last heard of among them. Work that no day can
/// change any more (submitted, completed on time or late, cancelled) is counted by its <see cref="Settled"/> state;
/// running work by its deadline day (<see cref="LastDayInForce"/>), or without one by the day it was last heard of, so
/// that each day's timing — in term, due soon, overdue and its bucket, stale, urgent unanswered — is derived from the
/// stored days by the same rules as an assignment's (<see cref="AssignmentRules.StateOf"/>, <see cref="AssignmentRules.BucketOf"/>),
/// and no request recounts the assignments. The save pipeline recounts the counters a change touches in its transaction;
/// <c>rebuild-read-model</c> recounts all of them and reports drift.
/// </summary>
public sealed class UnitTally
{
    /// <summary>The day no rule reads for settled work; any day gives the same state (<see cref="Settled"/>).</summary>
    private static readonly SignalDay AnyDay = new(new DateOnly(2000, 1, 1));

    public long Id { get; set; }

    public int UnitId { get; set; }

    public AssignmentStatus Status { get; set; }

    /// <summary>The state of submitted, completed and cancelled work, which no day changes; null for running work.</summary>
    public TimingState? Settled { get; set; }

    /// <summary>Running work: its deadline in force (null without one).</summary>
    public DateOnly? LastDayInForce { get; set; }

    /// <summary>Running work without a deadline: the day it was last heard of (otherwise not read by any rule, kept at its default).</summary>
    public DateOnly HeardOn { get; set; }

    /// <summary>Running work without a deadline: urgent ("khẩn trương").</summary>
    public bool IsUrgent { get; set; }

    /// <summary>Running work whose lateness was recorded and not excused (<see cref="AssignmentRules.RunningLate"/>).</summary>
    public bool LateBefore { get; set; }

    /// <summary>The key as one text (<see cref="TallyKey.Text"/>), unique: two saves can never store the same counter twice.</summary>
    public string KeyText { get; set; } = string.Empty;

    public int Count { get; set; }

    /// <summary>How many of them were ever reported on.</summary>
    public int Reported { get; set; }

    /// <summary>The latest day the unit was heard of on any of them (its last report, else the day it was assigned).</summary>
    public DateOnly LastHeardOn { get; set; }

    /// <summary>Which counter this is (not stored: the columns above are its parts).</summary>
    public TallyKey Key => new() { UnitId = UnitId, Status = Status, Settled = Settled, LastDayInForce = LastDayInForce, HeardOn = HeardOn, IsUrgent = IsUrgent, LateBefore = LateBefore };

    /// <summary>The facts the timing rules read, rebuilt from the counter's key.</summary>
    private static readonly Expression<Func<UnitTally, TimingFacts>> Facts = t => new TimingFacts
    {
        Status = t.Status,
        LastDayInForce = t.LastDayInForce,
        HeardOn = t.HeardOn,
        AcceptedSubmissionOn = null, // read only for completed work, which is settled
        IsUrgent = t.IsUrgent,
        LateDays = 0, // likewise
        Excused = false,
    };

    /// <summary>The counted assignments' state on a day.</summary>
    public static readonly Expression<Func<UnitTally, SignalDay, TimingState>> StateOn = Rules.Expand<Func<UnitTally, SignalDay, TimingState>>((t, d) =>
        t.Settled ?? AssignmentRules.StateOf.Invoke(Facts.Invoke(t), d));

    /// <summary>The counted assignments' overdue bucket on a day.</summary>
    public static readonly Expression<Func<UnitTally, SignalDay, OverdueBucket>> BucketOn = Rules.Expand<Func<UnitTally, SignalDay, OverdueBucket>>((t, d) =>
        AssignmentRules.BucketOf.Invoke(Facts.Invoke(t), d));

    /// <summary>The settled state: any day gives it (<see cref="Settled"/>).</summary>
    private static readonly Expression<Func<Assignment, TimingState>> SettledState = AssignmentRules.State.With(AnyDay);

    /// <summary>The counter an assignment counts in: its unit and the facts of its timing that a day can still change.</summary>
    public static readonly Expression<Func<Assignment, TallyKey>> KeyOf = Rules.Expand<Func<Assignment, TallyKey>>(a => new TallyKey
    {
        UnitId = a.UnitId,
        Status = a.Status,
        Settled = AssignmentRules.Running.Invoke(a) ? null : (TimingState?)SettledState.Invoke(a),
        LastDayInForce = AssignmentRules.Running.Invoke(a) ? a.LastDayInForce : null,
        HeardOn = AssignmentRules.Running.Invoke(a) && a.LastDayInForce == null ? a.HeardOn : default,
        IsUrgent = AssignmentRules.Running.Invoke(a) && a.LastDayInForce == null && a.Deadline.IsUrgent,
        LateBefore = AssignmentRules.RunningLate.Invoke(a),
    });

    /// <summary>The counters of the given assignments (all when <paramref name="assignments"/> is null), counted in one grouped query.</summary>
    public static async Task<List<UnitTally>> ComputeAsync(ParPortalDbContext db, IQueryable<Assignment>? assignments, CancellationToken cancellationToken)
    {
        var tallies = await Counting(assignments ?? db.Assignments).ToListAsync(cancellationToken);
        tallies.ForEach(t => t.KeyText = t.Key.Text);
        return tallies;
    }

    /// <summary>The grouped query that counts the counters of some assignments (those of directives not cancelled).</summary>
    public static IQueryable<UnitTally> Counting(IQueryable<Assignment> assignments) =>
        assignments.AsNoTracking().Where(a => !a.Directive.IsCancelled)
            .SelectExpanded(a => new
            {
                KeyOf.Invoke(a).UnitId,
                KeyOf.Invoke(a).Status,
                KeyOf.Invoke(a).Settled,
                KeyOf.Invoke(a).LastDayInForce,
                KeyOf.Invoke(a).HeardOn,
                KeyOf.Invoke(a).IsUrgent,
                KeyOf.Invoke(a).LateBefore,
                Heard = a.HeardOn,
                Reported = a.LastReportAt != null ? 1 : 0,
            })
            .GroupBy(x => new { x.UnitId, x.Status, x.Settled, x.LastDayInForce, x.HeardOn, x.IsUrgent, x.LateBefore })
            .Select(g => new UnitTally
            {
                UnitId = g.Key.UnitId,
                Status = g.Key.Status,
                Settled = g.Key.Settled,
                LastDayInForce = g.Key.LastDayInForce,
                HeardOn = g.Key.HeardOn,
                IsUrgent = g.Key.IsUrgent,
                LateBefore = g.Key.LateBefore,
                Count = g.Count(),
                Reported = g.Sum(x => x.Reported),
                LastHeardOn = g.Max(x => x.Heard),
            });

    /// <summary>The counters the given assignments count in now (as the database holds them).</summary>
    public static async Task<List<TallyKey>> KeysAsync(ParPortalDbContext db, IReadOnlyCollection<int> assignmentIds, CancellationToken cancellationToken) =>
        assignmentIds.Count == 0 ? [] : await db.Assignments.AsNoTracking().Where(a => assignmentIds.Contains(a.Id)).Select(KeyOf).ToListAsync(cancellationToken);

    /// <summary>
    /// Recounts the given counters from the assignments and writes them (the save pipeline's step, inside its
    /// transaction): each is one indexed group of one unit's assignments, so a save costs what it touched, not what the
    /// unit has accumulated. Two saves that touch one unit's counters recount one after the other
    /// (<see cref="CounterLocks"/>), so the second counts what the first committed; the unique key is the last guard.
    /// </summary>
    public static async Task RefreshAsync(ParPortalDbContext db, IEnumerable<TallyKey> keys, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct().ToList();
        await CounterLocks.TakeAsync(db, distinct.Select(k => k.UnitId), cancellationToken);
        foreach (var k in distinct)
        {
            var group = db.Assignments.Where(a => a.UnitId == k.UnitId && a.Status == k.Status);
            if (k.LastDayInForce is { } last)
            {
                group = group.Where(a => a.LastDayInForce == last); // implied by the key; lets the index find the group
            }

            group = group.WhereExpanded(a => KeyOf.Invoke(a).Settled == k.Settled && KeyOf.Invoke(a).LastDayInForce == k.LastDayInForce
                && KeyOf.Invoke(a).HeardOn == k.HeardOn && KeyOf.Invoke(a).IsUrgent == k.IsUrgent && KeyOf.Invoke(a).LateBefore == k.LateBefore);
            var fresh = (await ComputeAsync(db, group, cancellationToken)).SingleOrDefault();
            var text = k.Text;
            var stored = await db.UnitTallies.SingleOrDefaultAsync(t => t.KeyText == text, cancellationToken);
            switch (stored, fresh)
            {
                case (null, null):
                    break;
                case (null, _):
                    db.UnitTallies.Add(fresh);
                    break;
                case (_, null):
                    db.UnitTallies.Remove(stored);
                    break;
                default:
                    (stored.Count, stored.Reported, stored.LastHeardOn) = (fresh.Count, fresh.Reported, fresh.LastHeardOn);
                    break;
            }
        }
    }

    /// <summary>
    /// Recounts every counter; returns how many stored counters were wrong, missing or left over (and corrects them) —
    /// in one transaction (the caller's, or its own): a failure leaves the counters as they were.
    /// </summary>
    public static async Task<int> RebuildAsync(ParPortalDbContext db, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await CounterLocks.TakeAllAsync(db, cancellationToken);
            var fresh = await ComputeAsync(db, null, cancellationToken);
            var stored = await db.UnitTallies.AsNoTracking().ToListAsync(cancellationToken);
            var drift = Drift(stored, fresh);
            if (drift > 0)
            {
                await db.UnitTallies.ExecuteDeleteAsync(cancellationToken);
                db.UnitTallies.AddRange(fresh);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return drift;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>How many counters differ between two sets (a counter is its key with its values).</summary>
    public static int Drift(IEnumerable<UnitTally> stored, IEnumerable<UnitTally> fresh)
    {
        static (TallyKey, int, int, DateOnly) Of(UnitTally t) => (t.Key, t.Count, t.Reported, t.LastHeardOn);
        // A counter stored twice is drift too (a list, not a set: a duplicate is not folded away).
        var a = stored.Select(Of).ToList();
        var b = fresh.Select(Of).ToList();
        var duplicates = a.Count - a.Distinct().Count();
        return a.Distinct().Except(b).Count() + b.Except(a).Count() + duplicates;
    }
}

/// <summary>
/// Serialises the recounting of one unit's counters across concurrent transactions. SQLite already runs one writing
/// transaction at a time (BEGIN IMMEDIATE); on SQL Server each transaction takes an exclusive application lock per unit
/// (<c>sp_getapplock</c>, released at its commit or rollback), so a second save waits and then counts what the first
/// committed, instead of both adding the same counter.
/// </summary>
public static class CounterLocks
{
    /// <summary>The statement that takes one unit's lock on SQL Server (parsed as T-SQL by the provider tests).</summary>
    public const string SqlServerLock = "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000";

    public static string ResourceOf(int unitId) => "parportal.tally." + unitId.ToString(CultureInfo.InvariantCulture);

    public static async Task TakeAsync(ParPortalDbContext db, IEnumerable<int> unitIds, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlServer())
        {
            return;
        }

        // In one order, so that two saves touching the same units never wait for each other in a circle.
        foreach (var id in unitIds.Distinct().Order())
        {
            await db.Database.ExecuteSqlRawAsync(SqlServerLock, [ResourceOf(id)], cancellationToken);
        }
    }

    /// <summary>Every counter is rebuilt: one lock that every recount also takes first would be simpler, but the
    /// rebuild is rare, so it takes the lock of every unit.</summary>
    public static async Task TakeAllAsync(ParPortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer())
        {
            await TakeAsync(db, await db.Units.Select(u => u.Id).ToListAsync(cancellationToken), cancellationToken);
        }
    }
}

/// <summary>The roll-up each directive keeps (<see cref="Directive.RollupDueOn"/>, <see cref="Directive.RollupActive"/>, <see cref="Directive.RollupCompleted"/>).</summary>
public static class DirectiveRollups
{
    /// <summary>Recomputes the stored roll-up of the given directives from their assignments.</summary>
    public static Task<int> UpdateAsync(IQueryable<Directive> directives, CancellationToken cancellationToken) =>
        directives.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.RollupDueOn, AssignmentRules.RollupDueOn)
            .SetProperty(d => d.RollupActive, AssignmentRules.RollupActive)
            .SetProperty(d => d.RollupCompleted, AssignmentRules.RollupCompleted), cancellationToken);

    /// <summary>The directives whose stored roll-up differs from their assignments.</summary>
    public static IQueryable<Directive> Drifted(IQueryable<Directive> directives) =>
        directives.WhereExpanded(d => d.RollupDueOn != AssignmentRules.RollupDueOn.Invoke(d)
            || d.RollupActive != AssignmentRules.RollupActive.Invoke(d)
            || d.RollupCompleted != AssignmentRules.RollupCompleted.Invoke(d));
}
