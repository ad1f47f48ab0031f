using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Kpis;

namespace HiepDuc.ParPortal.Web.Features.Kpis;

public sealed record KpiListRow(int Id, string Code, string Name, KpiKind Kind, KpiDirection Direction, KpiTargetKind TargetKind, decimal? TargetValue, PeriodValue? Latest, PeriodValue? Baseline, bool? Met)
{
    /// <summary>The latest figure is older than <see cref="Domain.Assignments.SignalSettings.FigureStaleMonths"/>.</summary>
    public bool LatestStale { get; init; }
}

public sealed record KpiUnitRow(int UnitId, string Unit, FigureRow? Figure, decimal? Previous, decimal? Points, bool Zero, bool BelowReference, bool Worsened);

public sealed class KpiPageModel
{
    public required KpiDefinition Kpi { get; init; }

    public required KpiPeriod Period { get; init; }

    public PeriodValue? District { get; init; }

    public decimal? Reference { get; init; }

    public bool? Met { get; init; }

    public IReadOnlyList<KpiUnitRow> Units { get; init; } = [];

    /// <summary>The active units, to choose those that do not report this KPI.</summary>
    public IReadOnlyList<Work.Option> ActiveUnits { get; init; } = [];

    public IReadOnlyList<PeriodValue> History { get; init; } = [];

    public IReadOnlyList<(KpiPeriod Period, decimal Rate)> References { get; init; } = [];
}

public sealed class EntryRow
{
    public int? UnitId { get; set; }

    [StringLength(200)]
    public string Unit { get; set; } = string.Empty;

    [Range(0, long.MaxValue, ErrorMessage = "Kpi_NotNegative")]
    public long? Numerator { get; set; }

    [Range(0, long.MaxValue, ErrorMessage = "Kpi_NotNegative")]
    public long? Denominator { get; set; }

    [StringLength(KpiMeasurement.MaxNoteLength, ErrorMessage = "Validation_MaxLength")]
    public string? Note { get; set; }

    public long Version { get; set; }

    public bool Existing { get; set; }
}

public sealed class EntryModel
{
    [StringLength(16, ErrorMessage = "Validation_MaxLength")]
    public string Period { get; set; } = string.Empty;

    public List<EntryRow> Rows { get; set; } = [];
}

public sealed record EntryPageModel(KpiDefinition Kpi, KpiPeriod? Period, EntryModel Form);

public sealed record UnitKpiRow(KpiDefinition Kpi, FigureRow? Latest, KpiPeriod? Period, decimal? Previous, bool? Met);

public sealed record UnitKpisModel(int UnitId, string UnitName, IReadOnlyList<UnitKpiRow> Rows);
