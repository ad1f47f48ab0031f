using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Kpis;

/// <summary>
/// A KPI's value for one period: the district's Σ numerators ÷ Σ denominators with its <see cref="Coverage"/>, or the
/// district figure as given (no coverage). <see cref="CoveragePercent"/> is the threshold below which no verdict is given.
/// </summary>
public sealed record PeriodValue(DateOnly Start, DateOnly End, decimal? Rate, long? Numerator, long? Denominator, int Units, RateQualifier Qualifier, bool RateOnly, KpiCoverage? Coverage = null, int CoveragePercent = 80)
{
    public KpiPeriod Period => new(Start, End);

    public bool Sufficient => Coverage is not { } c || c.IsSufficient(CoveragePercent);

    public bool? Judge(KpiTargetKind kind, decimal? target, decimal? reference) =>
        KpiMath.Judge(kind, Rate, target, reference, Coverage, CoveragePercent);
}

/// <summary>One unit's figure in a period, as pages show it.</summary>
public sealed record FigureRow(int Id, int? UnitId, long? Numerator, long? Denominator, decimal? StatedRate, RateQualifier Qualifier, MeasurementSource Source, string? Note, string RecordedBy, DateTimeOffset RecordedAt, long Version, int Revisions, KpiCoverage? FormerUnits = null)
{
    public decimal? Rate => KpiMath.Rate(Numerator, Denominator) ?? StatedRate;

    public UnitFigure AsUnitFigure() => new(UnitId ?? 0, Numerator, Denominator, StatedRate);
}

public static class KpiFigures
{
    /// <summary>
    /// District values per KPI and period, aggregated in SQL: unit figures with both parts are summed; where a period
    /// has none, the district-level figure (such as the notice's own rates) is used. Rate-only unit figures never weigh.
    /// </summary>
    public static async Task<ILookup<int, PeriodValue>> DistrictSeriesAsync(this ParPortalDbContext db, IReadOnlyCollection<int>? kpiIds, int coveragePercent, CancellationToken cancellationToken)
    {
        // Every active unit is expected to give a figure (the entry grid lists them all), but those a KPI leaves out of
        // its coverage (KpiDefinition.CoverageExemptions).
        var active = await db.Units.Where(u => u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
        var exemptions = await db.KpiDefinitions.AsNoTracking().Where(k => k.CoverageExemptions != null).ToDictionaryAsync(k => k.Id, k => k.ExemptUnitIds, cancellationToken);
        int ExpectedOf(int kpiId) => active.Count - (exemptions.TryGetValue(kpiId, out var exempt) ? active.Count(exempt.Contains) : 0);
        var measurements = db.KpiMeasurements.AsNoTracking();
        var totals = db.KpiDistrictTotals.AsNoTracking();
        if (kpiIds is not null)
        {
            measurements = measurements.Where(m => kpiIds.Contains(m.KpiId));
            totals = totals.Where(t => kpiIds.Contains(t.KpiId));
        }

        // The district's sums per period, from the read model (one row a period, kept by the save pipeline).
        var sums = await totals
            .Select(t => new { t.KpiId, Start = t.PeriodStart, End = t.PeriodEnd, N = t.Numerator, D = t.Denominator, t.Units })
            .ToListAsync(cancellationToken);
        var district = await measurements
            .Where(m => m.UnitId == null)
            .Select(m => new { m.KpiId, m.Period.Start, m.Period.End, m.Numerator, m.Denominator, m.StatedRate, m.Qualifier })
            .ToListAsync(cancellationToken);

        var values = new Dictionary<(int, DateOnly, DateOnly), PeriodValue>();
        foreach (var d in district)
        {
            var rate = KpiMath.Rate(d.Numerator, d.Denominator) ?? d.StatedRate;
            values[(d.KpiId, d.Start, d.End)] = new PeriodValue(d.Start, d.End, rate, d.Numerator, d.Denominator, 0, d.Qualifier, d.Numerator is null || d.Denominator is null);
        }

        foreach (var s in sums.Where(s => s.D > 0))
        {
            values[(s.KpiId, s.Start, s.End)] = new PeriodValue(s.Start, s.End, KpiMath.Rate(s.N, s.D), s.N, s.D, s.Units, RateQualifier.Exact, false,
                new KpiCoverage(s.Units, Math.Max(ExpectedOf(s.KpiId), s.Units)), coveragePercent);
        }

        return values.OrderBy(v => v.Key.Item3).ThenBy(v => v.Key.Item2).ToLookup(v => v.Key.Item1, v => v.Value);
    }

    /// <summary>A unit's latest figure of every active KPI, with the previous one and the verdict against the KPI's target.</summary>
    public static async Task<List<UnitKpiRow>> UnitLatestFiguresAsync(this ParPortalDbContext db, int unitId, CancellationToken cancellationToken)
    {
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        var own = await db.KpiMeasurements.AsNoTracking().Where(m => m.UnitId == unitId)
            .Select(m => new DatedFigure(m.KpiId, m.Period.Start, m.Period.End, new FigureRow(m.Id, m.UnitId, m.Numerator, m.Denominator, m.StatedRate, m.Qualifier, m.Source, m.Note, m.RecordedBy, m.RecordedAt, m.Version, 0)))
            .ToListAsync(cancellationToken);

        // A successor's series continues its former units': for a period it gave no figure of its own — before it took
        // their place, or after, when figures still came under a former name — its figure is the sum of their numerators
        // and denominators, with how many of them gave one (UnitLineage).
        var former = (await db.LineageAsync(cancellationToken)).FormerOf(unitId).ToList();
        var inherited = new List<DatedFigure>();
        if (former.Count > 0)
        {
            var theirs = await db.KpiMeasurements.AsNoTracking()
                .Where(m => m.UnitId != null && former.Contains(m.UnitId.Value) && m.Numerator != null && m.Denominator != null)
                .Select(m => new { m.KpiId, m.Period.Start, m.Period.End, m.UnitId, m.Numerator, m.Denominator, m.RecordedAt })
                .ToListAsync(cancellationToken);
            inherited = theirs.GroupBy(m => (m.KpiId, m.Start, m.End))
                .Where(g => !own.Any(o => o.KpiId == g.Key.KpiId && o.Start == g.Key.Start && o.End == g.Key.End))
                .Select(g => new DatedFigure(g.Key.KpiId, g.Key.Start, g.Key.End,
                    new FigureRow(0, unitId, g.Sum(m => m.Numerator), g.Sum(m => m.Denominator), null, RateQualifier.Exact, MeasurementSource.Entered, null,
                        string.Empty, g.Max(m => m.RecordedAt), 0, 0, new KpiCoverage(g.Select(m => m.UnitId).Distinct().Count(), former.Count))))
                .ToList();
        }

        var figures = own.Concat(inherited).OrderBy(f => f.End).ToList();
        var references = await db.ReferencesAsync(kpis, cancellationToken);
        var rows = new List<UnitKpiRow>();
        foreach (var k in kpis)
        {
            var mine = figures.Where(f => f.KpiId == k.Id).ToList();
            var latest = mine.LastOrDefault();
            var period = latest is null ? null : new KpiPeriod(latest.Start, latest.End);
            var reference = references(k, period);
            rows.Add(new UnitKpiRow(k, latest?.Row, period, mine.Count > 1 ? mine[^2].Row.Rate : null, KpiMath.MeetsTarget(k.TargetKind, latest?.Row.Rate, k.TargetValue, reference)));
        }

        return rows;
    }

    private sealed record DatedFigure(int KpiId, DateOnly Start, DateOnly End, FigureRow Row);

    public static Task<List<FigureRow>> FiguresAsync(this ParPortalDbContext db, int kpiId, KpiPeriod period, CancellationToken cancellationToken) =>
        db.KpiMeasurements.AsNoTracking()
            .Where(m => m.KpiId == kpiId && m.Period.Start == period.Start && m.Period.End == period.End)
            .Select(m => new FigureRow(m.Id, m.UnitId, m.Numerator, m.Denominator, m.StatedRate, m.Qualifier, m.Source, m.Note, m.RecordedBy, m.RecordedAt, m.Version, m.Revisions.Count))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The reference figures the targets of <paramref name="kpis"/> compare against, in one query, as a lookup by KPI and
    /// period: a list of KPIs needs no query per KPI.
    /// </summary>
    public static async Task<Func<KpiDefinition, KpiPeriod?, decimal?>> ReferencesAsync(this ParPortalDbContext db, IReadOnlyCollection<KpiDefinition> kpis, CancellationToken cancellationToken)
    {
        var ids = kpis.Where(k => k.TargetReference != null).Select(k => k.Id).ToList();
        var found = ids.Count == 0 ? [] : await db.KpiReferences.AsNoTracking().Where(r => ids.Contains(r.KpiId))
            .Select(r => new { r.KpiId, r.Series, r.Period.Start, r.Period.End, r.Rate }).ToListAsync(cancellationToken);
        var rates = found.GroupBy(r => (r.KpiId, r.Series, r.Start, r.End)).ToDictionary(g => g.Key, g => (decimal?)g.First().Rate);
        return (kpi, period) => kpi.TargetReference is { } series && period is not null
            ? rates.GetValueOrDefault((kpi.Id, series, period.Start, period.End))
            : null;
    }

    public static async Task<decimal?> ReferenceAsync(this ParPortalDbContext db, int kpiId, string series, KpiPeriod period, CancellationToken cancellationToken) =>
        await db.KpiReferences.AsNoTracking()
            .Where(r => r.KpiId == kpiId && r.Series == series && r.Period.Start == period.Start && r.Period.End == period.End)
            .Select(r => (decimal?)r.Rate)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Parses "2023-09" or "09/2023" as that month.</summary>
    public static KpiPeriod? ParseMonth(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        foreach (var format in new[] { "yyyy-MM", "MM/yyyy", "M/yyyy" })
        {
            if (DateOnly.TryParseExact(t, format, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return d.Year is >= 1990 and <= 2100 ? KpiPeriod.Month(d.Year, d.Month) : null;
            }
        }

        return null;
    }

    public static string MonthKey(KpiPeriod p) => $"{p.Start.Year:0000}-{p.Start.Month:00}";
}
