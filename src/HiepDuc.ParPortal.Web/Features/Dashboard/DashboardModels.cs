using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Features.Kpis;

namespace HiepDuc.ParPortal.Web.Features.Dashboard;

/// <summary>Timing of an assignment as the dashboard counts it (computed in SQL from the same rules as <c>Timing</c>).</summary>
public enum TimingCode
{
    NoDeadline = 0,
    InTerm = 1,
    DueSoon = 2,
    Overdue = 3,
    CompletedOnTime = 4,
    CompletedLate = 5,
    Cancelled = 6,
    AwaitingConfirmation = 7,
}

public sealed class DashboardFilter
{
    public int? Notice { get; set; }

    public UnitKind? Kind { get; set; }

    /// <summary>Deadline in force from / to.</summary>
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

public enum TrafficLight
{
    Green,
    Amber,
    Red,
}

public sealed record DirectiveLight(int Id, string Label, string Title, DirectiveRollup Rollup, TrafficLight Light, int Expected, IReadOnlyList<string> LateUnits);

public sealed record UnitRank(int UnitId, string Unit, int Due, int OnTime, int Overdue, decimal? OnTimeRate, int? DaysSinceReport);

public sealed record HeatCell(int AssignmentId, TimingCode Code);

public sealed record Heatmap(IReadOnlyList<(int Id, string Label)> Directives, IReadOnlyList<(int Id, string Name)> Units, IReadOnlyDictionary<(int Unit, int Directive), HeatCell> Cells);

public sealed record KpiPanelRow(int Id, string Code, string Name, KpiDirection Direction, PeriodValue? Baseline, PeriodValue? Latest, KpiTargetKind TargetKind, decimal? Target, bool? Met, IReadOnlyList<PeriodValue> Trend);

public sealed record UnitRate(string Unit, decimal? Rate);

public sealed class DashboardModel
{
    public required DashboardFilter Filter { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>When these figures were computed (shown on the page: they may trail a change by a few seconds at scale).</summary>
    public required DateTimeOffset ComputedAt { get; init; }

    public required IReadOnlyList<(int Id, string Name)> Notices { get; init; }

    public required int? LightsNotice { get; init; }

    public required IReadOnlyDictionary<TimingCode, int> Assignments { get; init; }

    public required IReadOnlyDictionary<DirectiveState, int> Directives { get; init; }

    public required IReadOnlyDictionary<int, int> Buckets { get; init; }

    public required IReadOnlyList<DirectiveLight> Lights { get; init; }

    public required IReadOnlyList<UnitRank> Ranking { get; init; }

    public required Heatmap Heatmap { get; init; }

    public required IReadOnlyList<KpiPanelRow> Kpis { get; init; }

    public required KpiPeriod? OnlinePeriod { get; init; }

    public required IReadOnlyList<UnitRate> OnlineByUnit { get; init; }

    public required decimal? ProvinceAverage { get; init; }

    public required IReadOnlyList<string> ZeroOnline { get; init; }

    public int Total(TimingCode code) => Assignments.GetValueOrDefault(code);

    public int AssignmentCount => Assignments.Where(a => a.Key != TimingCode.Cancelled).Sum(a => a.Value);

    public decimal? OnTimeRate
    {
        get
        {
            var done = Total(TimingCode.CompletedOnTime) + Total(TimingCode.CompletedLate);
            return done == 0 ? null : 100m * Total(TimingCode.CompletedOnTime) / done;
        }
    }
}
