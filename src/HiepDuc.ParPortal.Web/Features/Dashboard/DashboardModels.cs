using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Features.Kpis;

namespace HiepDuc.ParPortal.Web.Features.Dashboard;

public sealed class DashboardFilter
{
    public int? Notice { get; set; }

    public UnitKind? Kind { get; set; }

    /// <summary>Deadline in force from / to.</summary>
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

/// <summary>A directive of the lit notice: its standing (the same as on every surface) and the units to urge — those
/// overdue, and those whose urgent work is unanswered, named apart.</summary>
public sealed record DirectiveLight(int Id, string Label, string Title, DirectiveStanding Standing, IReadOnlyList<string> OverdueUnits, IReadOnlyList<string> UnansweredUnits)
{
    public DirectiveRollup Rollup => Standing.Rollup;

    public TrafficLight Light => Standing.Light;

    public int? Expected => Standing.Expected;

    public IReadOnlyList<string> LateUnits => [.. OverdueUnits, .. UnansweredUnits.Except(OverdueUnits)];
}

/// <summary>A unit's standing; <see cref="DaysSinceHeard"/> counts from its last report, or from its first assignment when it never reported.</summary>
public sealed record UnitRank(int UnitId, string Unit, int Due, int OnTime, int Overdue, decimal? OnTimeRate, int DaysSinceHeard, bool EverReported);

public sealed record HeatCell(int AssignmentId, TimingState State);

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

    public required IReadOnlyDictionary<TimingState, int> Assignments { get; init; }

    public required IReadOnlyDictionary<DirectiveState, int> Directives { get; init; }

    public required IReadOnlyDictionary<OverdueBucket, int> Buckets { get; init; }

    public required IReadOnlyList<DirectiveLight> Lights { get; init; }

    public required IReadOnlyList<UnitRank> Ranking { get; init; }

    public required Heatmap Heatmap { get; init; }

    public required IReadOnlyList<KpiPanelRow> Kpis { get; init; }

    public required KpiPeriod? OnlinePeriod { get; init; }

    public required IReadOnlyList<UnitRate> OnlineByUnit { get; init; }

    public required decimal? ProvinceAverage { get; init; }

    public required IReadOnlyList<string> ZeroOnline { get; init; }

    /// <summary>The page shows a ranking of at most this many units: the head and the tail, with the middle counted (all are in the workbook).</summary>
    public const int RankingShown = 40;

    /// <summary>The page charts and lists at most this many units' online rates (the lowest) and names of units with none.</summary>
    public const int UnitsShown = 30;

    /// <summary>The ranking's head and tail as the page shows them, and how many units lie between.</summary>
    public (IReadOnlyList<(int Rank, UnitRank Unit)> Head, int Gap, IReadOnlyList<(int Rank, UnitRank Unit)> Tail) RankingPage
    {
        get
        {
            var ranked = Ranking.Select((u, i) => (i + 1, u)).ToList();
            if (ranked.Count <= RankingShown)
            {
                return (ranked, 0, []);
            }

            var half = RankingShown / 2;
            return (ranked.Take(half).ToList(), ranked.Count - (2 * half), ranked.TakeLast(half).ToList());
        }
    }

    public int Total(TimingState code) => Assignments.GetValueOrDefault(code);

    public int AssignmentCount => Assignments.Where(a => a.Key != TimingState.Cancelled).Sum(a => a.Value);

    /// <summary>Running work recorded late (an extension granted after its deadline), not overdue now.</summary>
    public required int RunningLate { get; init; }

    /// <summary>The signal settings of the day (how old a figure may be before it is marked).</summary>
    public SignalSettings Settings { get; init; } = SignalSettings.Default;

    public bool FigureIsStale(DateOnly periodEnd) => Settings.FigureIsStale(periodEnd, Today);

    public OnTimeRate OnTimeRate => OnTimeRate.OfCompletions(Total(TimingState.CompletedOnTime), Total(TimingState.CompletedLate), RunningLate);
}
