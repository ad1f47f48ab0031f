using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>
/// A directive judged by data: "this KPI, for this unit (or the district), in this period, must meet this target"
/// (3.e: the land registration branch's online rate in 09/2023 ≥ the province average).
/// </summary>
public sealed class DirectiveTarget : Entity
{
    private DirectiveTarget()
    {
        Period = null!;
    }

    public DirectiveTarget(int directiveId, int kpiId, int? unitId, KpiPeriod period, KpiTargetKind kind, decimal? value, string? reference)
    {
        if (kind == KpiTargetKind.None || (kind.NeedsValue() && value is null) || (kind == KpiTargetKind.AtLeastReference && string.IsNullOrWhiteSpace(reference)))
        {
            throw new DomainException("directiveTarget.kind");
        }

        DirectiveId = directiveId;
        KpiId = kpiId;
        UnitId = unitId;
        Period = period;
        Kind = kind;
        Value = kind == KpiTargetKind.Full ? 100m : value;
        Reference = reference?.Trim().ToUpperInvariant();
    }

    public int DirectiveId { get; private set; }

    public int KpiId { get; private set; }

    public int? UnitId { get; private set; }

    public KpiPeriod Period { get; private set; }

    public KpiTargetKind Kind { get; private set; }

    public decimal? Value { get; private set; }

    public string? Reference { get; private set; }
}
