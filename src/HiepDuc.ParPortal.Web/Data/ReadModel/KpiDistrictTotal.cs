using HiepDuc.ParPortal.Domain.Kpis;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Data.ReadModel;

/// <summary>
/// The district's sums of one KPI in one period — Σ numerators, Σ denominators and how many units gave a figure that
/// counts (<see cref="KpiRules.CountsTowardsDistrict"/>) — kept by the save pipeline in the same transaction as every
/// change of a unit's figure, so that the KPI pages and the dashboard read one row per period instead of summing every
/// unit's figures on each request. <c>rebuild-read-model</c> recomputes them all from the figures and reports drift.
/// </summary>
public sealed class KpiDistrictTotal
{
    public int KpiId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public long Numerator { get; set; }

    public long Denominator { get; set; }

    public int Units { get; set; }

    /// <summary>The totals of the given periods (all of them when <paramref name="keys"/> is null), computed from the figures.</summary>
    public static async Task<List<KpiDistrictTotal>> ComputeAsync(ParPortalDbContext db, IReadOnlyCollection<(int KpiId, DateOnly Start, DateOnly End)>? keys, CancellationToken cancellationToken)
    {
        var figures = db.KpiMeasurements.AsNoTracking().Where(KpiRules.CountsTowardsDistrict);
        if (keys is not null)
        {
            var kpiIds = keys.Select(k => k.KpiId).Distinct().ToList();
            var starts = keys.Select(k => k.Start).Distinct().ToList();
            figures = figures.Where(m => kpiIds.Contains(m.KpiId) && starts.Contains(m.Period.Start));
        }

        var totals = await figures
            .GroupBy(m => new { m.KpiId, m.Period.Start, m.Period.End })
            .Select(g => new KpiDistrictTotal { KpiId = g.Key.KpiId, PeriodStart = g.Key.Start, PeriodEnd = g.Key.End, Numerator = g.Sum(m => m.Numerator!.Value), Denominator = g.Sum(m => m.Denominator!.Value), Units = g.Count() })
            .ToListAsync(cancellationToken);
        return keys is null ? totals : totals.Where(t => keys.Contains((t.KpiId, t.PeriodStart, t.PeriodEnd))).ToList();
    }

    /// <summary>Recomputes the given periods' totals from the figures and writes them (the save pipeline's step).</summary>
    public static async Task RefreshAsync(ParPortalDbContext db, IReadOnlyCollection<(int KpiId, DateOnly Start, DateOnly End)> keys, CancellationToken cancellationToken)
    {
        var fresh = (await ComputeAsync(db, keys, cancellationToken)).ToDictionary(t => (t.KpiId, t.PeriodStart, t.PeriodEnd));
        var kpiIds = keys.Select(k => k.KpiId).Distinct().ToList();
        var starts = keys.Select(k => k.Start).Distinct().ToList();
        var stored = (await db.KpiDistrictTotals.Where(t => kpiIds.Contains(t.KpiId) && starts.Contains(t.PeriodStart)).ToListAsync(cancellationToken))
            .Where(t => keys.Contains((t.KpiId, t.PeriodStart, t.PeriodEnd))).ToDictionary(t => (t.KpiId, t.PeriodStart, t.PeriodEnd));
        foreach (var key in keys)
        {
            var has = stored.TryGetValue(key, out var row);
            if (!fresh.TryGetValue(key, out var value))
            {
                if (has)
                {
                    db.KpiDistrictTotals.Remove(row!);
                }
            }
            else if (has)
            {
                row!.Numerator = value.Numerator;
                row.Denominator = value.Denominator;
                row.Units = value.Units;
            }
            else
            {
                db.KpiDistrictTotals.Add(value);
            }
        }
    }

    /// <summary>Recomputes every total from the figures; returns how many stored rows were wrong, missing or left over.</summary>
    public static async Task<int> RebuildAsync(ParPortalDbContext db, CancellationToken cancellationToken)
    {
        var fresh = (await ComputeAsync(db, null, cancellationToken)).ToDictionary(t => (t.KpiId, t.PeriodStart, t.PeriodEnd));
        var stored = (await db.KpiDistrictTotals.ToListAsync(cancellationToken)).ToDictionary(t => (t.KpiId, t.PeriodStart, t.PeriodEnd));
        var drift = 0;
        foreach (var (key, row) in stored)
        {
            if (!fresh.TryGetValue(key, out var value))
            {
                db.KpiDistrictTotals.Remove(row);
                drift++;
            }
            else if (row.Numerator != value.Numerator || row.Denominator != value.Denominator || row.Units != value.Units)
            {
                (row.Numerator, row.Denominator, row.Units) = (value.Numerator, value.Denominator, value.Units);
                drift++;
            }
        }

        foreach (var (key, value) in fresh.Where(f => !stored.ContainsKey(f.Key)))
        {
            db.KpiDistrictTotals.Add(value);
            drift++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return drift;
    }
}
