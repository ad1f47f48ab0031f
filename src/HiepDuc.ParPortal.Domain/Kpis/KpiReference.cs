using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>A reference value for a KPI and month, such as the province average ("mặt bằng chung của tỉnh").</summary>
public sealed class KpiReference : VersionedEntity
{
    public const string ProvinceAverage = "PROVINCE_AVG";

    private KpiReference()
    {
        Series = RecordedBy = null!;
        Period = null!;
    }

    public KpiReference(int kpiId, string series, KpiPeriod period, decimal rate, string? note, Actor by, DateTimeOffset at)
    {
        KpiId = kpiId;
        Series = Guard.Required(series, "kpiReference.series").ToUpperInvariant();
        Period = period;
        RecordedBy = null!;
        Set(rate, note, by, at);
    }

    public int KpiId { get; private set; }

    public string Series { get; private set; }

    public KpiPeriod Period { get; private set; }

    public decimal Rate { get; private set; }

    public string? Note { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public void Set(decimal rate, string? note, Actor by, DateTimeOffset at)
    {
        if (rate is < 0 or > 100)
        {
            throw new DomainException("kpi.rate");
        }

        Rate = rate;
        Note = Guard.Optional(note);
        RecordedBy = by.Name;
        RecordedAt = at;
    }
}
