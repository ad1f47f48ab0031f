namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>KPI arithmetic shared by every page (docs/domain.md, "KPI figures").</summary>
public static class KpiMath
{
    /// <summary>numerator ÷ denominator in percent, or null when a part is unknown or the denominator is 0.</summary>
    public static decimal? Rate(long? numerator, long? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? 100m * n / d : null;

    /// <summary>
    /// The district's rate: Σ numerators ÷ Σ denominators over figures whose parts are known —
    /// never the mean of unit rates; rate-only figures are left out.
    /// </summary>
    public static decimal? Aggregate(IEnumerable<(long? Numerator, long? Denominator)> figures)
    {
        long n = 0, d = 0;
        foreach (var (num, den) in figures)
        {
            if (num is { } a && den is { } b)
            {
                n += a;
                d += b;
            }
        }

        return Rate(n, d);
    }

    /// <summary>
    /// Decision 766/QĐ-TTg points: the maximum at or above the threshold, otherwise rate × max ÷ threshold
    /// (online filing: full points from 50 %; digitisation: from 80 %). Two decimals.
    /// </summary>
    public static decimal? Points(decimal? rate, decimal? threshold, decimal? max) =>
        rate is not { } r || threshold is not { } t || max is not { } m ? null
        : r >= t ? m
        : Math.Round(r * m / t, 2, MidpointRounding.AwayFromZero);

    /// <summary>Change in percentage points; for a lower-is-better KPI a fall is an improvement.</summary>
    public static decimal? Change(decimal? current, decimal? previous) => current is { } c && previous is { } p ? c - p : null;

    public static bool? Improved(decimal? current, decimal? previous, KpiDirection direction) =>
        Change(current, previous) is not { } d ? null : direction == KpiDirection.HigherIsBetter ? d > 0 : d < 0;

    /// <summary>
    /// Met or not for an aggregated figure: like <see cref="MeetsTarget"/>, but "not enough data" (null) when fewer than
    /// <paramref name="thresholdPercent"/> % of the units gave figures. A figure given for the district as a whole (no
    /// coverage) is judged as it is.
    /// </summary>
    public static bool? Judge(KpiTargetKind kind, decimal? value, decimal? target, decimal? reference, KpiCoverage? coverage, int thresholdPercent) =>
        coverage is { } c && !c.IsSufficient(thresholdPercent) ? null : MeetsTarget(kind, value, target, reference);

    /// <summary>Met or not, for a value in percent against a target; null when it cannot be said.</summary>
    public static bool? MeetsTarget(KpiTargetKind kind, decimal? value, decimal? target, decimal? reference = null) => value is not { } v ? null : kind switch
    {
        KpiTargetKind.AtLeast when target is { } t => v >= t,
        KpiTargetKind.AtMost when target is { } t => v <= t,
        KpiTargetKind.Above when target is { } t => v > t,
        KpiTargetKind.Below when target is { } t => v < t,
        KpiTargetKind.Full => v >= 100m,
        KpiTargetKind.AtLeastReference when reference is { } r => v >= r,
        _ => null,
    };
}

/// <summary>How many of the units that should give a figure gave one: shown beside every aggregated figure ("3/16 đơn vị").</summary>
public readonly record struct KpiCoverage(int Reporting, int Expected)
{
    public decimal? Percent => Expected == 0 ? null : 100m * Reporting / Expected;

    /// <summary>At least <paramref name="thresholdPercent"/> % of the units gave figures.</summary>
    public bool IsSufficient(int thresholdPercent) => Expected > 0 && Reporting * 100L >= (long)thresholdPercent * Expected;
}
