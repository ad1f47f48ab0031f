namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>One unit's figure for a period, as the flag rules read it.</summary>
public readonly record struct UnitFigure(int UnitId, long? Numerator, long? Denominator, decimal? StatedRate)
{
    public decimal? Rate => KpiMath.Rate(Numerator, Denominator) ?? StatedRate;
}

/// <summary>The warnings the office and the chairman look for (docs/domain.md, "KPI figures").</summary>
public static class KpiFlags
{
    /// <summary>Units that received no online file at all in the period (numerator 0), as the notice names Hiệp Thuận and Quế Lưu.</summary>
    public static IReadOnlyList<int> ZeroNumerator(IEnumerable<UnitFigure> figures) =>
        figures.Where(f => f.Numerator == 0).Select(f => f.UnitId).ToList();

    /// <summary>Units whose rate is below the reference (the province average) in the same period.</summary>
    public static IReadOnlyList<int> BelowReference(IEnumerable<UnitFigure> figures, decimal? reference) =>
        reference is not { } r ? [] : figures.Where(f => f.Rate is { } rate && rate < r).Select(f => f.UnitId).ToList();

    /// <summary>Units whose rate moved the wrong way since the previous period (late-file rate rose; online rate fell).</summary>
    public static IReadOnlyList<int> Worsened(IEnumerable<UnitFigure> current, IEnumerable<UnitFigure> previous, KpiDirection direction)
    {
        var before = previous.Where(p => p.Rate is not null).ToDictionary(p => p.UnitId, p => p.Rate);
        return current.Where(c => before.TryGetValue(c.UnitId, out var b) && KpiMath.Improved(c.Rate, b, direction) == false && c.Rate != b)
            .Select(c => c.UnitId).ToList();
    }
}
