namespace HiepDuc.ParPortal.Domain.Kpis;

public enum KpiKind
{
    /// <summary>Numerator ÷ denominator, shown as a percentage.</summary>
    Rate,
    /// <summary>A plain count.</summary>
    Count,
    /// <summary>A share of units, such as "4 of 11 communes/towns".</summary>
    ShareOfUnits,
}

public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

public enum KpiScope
{
    PerUnit,
    District,
    Both,
}

public enum KpiTargetKind
{
    None,
    /// <summary>≥ value.</summary>
    AtLeast,
    /// <summary>≤ value.</summary>
    AtMost,
    /// <summary>= 100 %.</summary>
    Full,
    /// <summary>≥ a reference series for the same period (the province average).</summary>
    AtLeastReference,
    /// <summary>&gt; value ("trên 90 %").</summary>
    Above,
    /// <summary>&lt; value ("dưới 10 %").</summary>
    Below,
}

public enum MeasurementSource
{
    Notice,
    Entered,
    Imported,

    /// <summary>Sent by another system through the API (the provincial one-stop system's export).</summary>
    Api,
}

/// <summary>How a stated rate was worded: exact, or "trên 90 %".</summary>
public enum RateQualifier
{
    Exact,
    Above,
}

public static class KpiTargetKinds
{
    /// <summary>The kinds compared with a value of their own ("tối thiểu 50 %", "trên 90 %", "dưới 10 %").</summary>
    public static bool NeedsValue(this KpiTargetKind kind) =>
        kind is KpiTargetKind.AtLeast or KpiTargetKind.AtMost or KpiTargetKind.Above or KpiTargetKind.Below;
}
