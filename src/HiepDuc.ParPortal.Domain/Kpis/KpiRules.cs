using System.Linq.Expressions;

namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>The rules of KPI figures, each written once, for SQL and memory alike.</summary>
public static class KpiRules
{
    /// <summary>
    /// A unit's figure that counts towards the district's: it has both a numerator and a denominator (a rate stated
    /// alone cannot be summed). The district figure of a period is Σ numerators ÷ Σ denominators of these.
    /// </summary>
    public static readonly Expression<Func<KpiMeasurement, bool>> CountsTowardsDistrict = m =>
        m.UnitId != null && m.Numerator != null && m.Denominator != null;
}
