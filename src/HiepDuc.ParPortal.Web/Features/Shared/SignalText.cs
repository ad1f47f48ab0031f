using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Kpis;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>
/// How a signal reads, the same on every page, export, report and reminder: a word with its number of days, a symbol
/// and a colour class — never colour alone.
/// </summary>
public static class SignalText
{
    /// <summary>
    /// "Quá hạn 12 ngày", "Chưa báo cáo 40 ngày", "Chờ xác nhận · nộp trễ 3 ngày", "Hoàn thành (không có hạn)"; running
    /// work whose lateness was recorded before says so ("Trong hạn · đã trễ hạn 1165 ngày"), excused lateness names its
    /// objective cause.
    /// </summary>
    public static string Describe(this IStringLocalizer l, Timing timing)
    {
        string text = timing.State switch
        {
            TimingState.Overdue => l["Timing_Overdue", timing.Days],
            TimingState.UrgentUnanswered => l["Timing_UrgentUnanswered", timing.Days],
            TimingState.DueSoon => l["Timing_DueSoon", timing.Days],
            TimingState.Stale => l["Timing_Stale", timing.Days],
            TimingState.InTerm => l["Timing_InTerm"],
            TimingState.AwaitingConfirmation => timing.AwaitingLate ? l["Timing_AwaitingLate", timing.Days] : l["Timing_AwaitingConfirmation"],
            TimingState.CompletedOnTime => timing.Excused ? l["Timing_CompletedExcused", timing.Days] : l["Timing_CompletedOnTime"],
            TimingState.CompletedLate => l["Timing_CompletedLate", timing.Days],
            TimingState.CompletedNoDeadline => l["Timing_CompletedNoDeadline"],
            TimingState.Cancelled => l["Timing_Cancelled"],
            _ => l["Timing_NoDeadline"],
        };
        if (timing.Inherited > 0 && timing.State == TimingState.Overdue)
        {
            text = $"{text} ({l["Timing_Inherited", Math.Min(timing.Inherited, timing.Days)]})";
        }

        if (timing.MissedCycles > 0)
        {
            text = $"{text} · {l["Deadline_MissedCycles", timing.MissedCycles]}";
        }

        return timing.LateDays > 0 && IsRunning(timing.State)
            ? $"{text} · {l[timing.Excused ? "Timing_LateBeforeExcused" : "Timing_LateBefore", timing.LateDays]}"
            : text;
    }

    private static bool IsRunning(TimingState state) =>
        state is TimingState.InTerm or TimingState.DueSoon or TimingState.Overdue or TimingState.Stale or TimingState.UrgentUnanswered or TimingState.NoDeadline;

    public static string Symbol(TimingState state) => state switch
    {
        TimingState.Overdue or TimingState.UrgentUnanswered => "⚠",
        TimingState.DueSoon => "◔",
        TimingState.Stale => "◌",
        TimingState.InTerm or TimingState.CompletedOnTime or TimingState.CompletedLate or TimingState.CompletedNoDeadline => "✓",
        TimingState.AwaitingConfirmation => "…",
        TimingState.Cancelled => "✖",
        _ => "–",
    };

    /// <summary>The badge class for a state's colour.</summary>
    public static string Badge(TimingState state) => state switch
    {
        TimingState.AwaitingConfirmation => "text-bg-info",
        TimingState.CompletedLate => "text-bg-secondary",
        _ => Timing.ColourOf(state) switch
        {
            SignalColour.Red => "text-bg-danger",
            SignalColour.Amber => "text-bg-warning",
            SignalColour.Green => "text-bg-success",
            _ => "text-bg-light border",
        },
    };

    /// <summary>The heatmap cell class for a state's colour.</summary>
    public static string Heat(TimingState state) => state switch
    {
        TimingState.AwaitingConfirmation => "heat-blue",
        TimingState.CompletedLate => "heat-grey",
        TimingState.Cancelled => string.Empty,
        _ => Timing.ColourOf(state) switch
        {
            SignalColour.Red => "heat-red",
            SignalColour.Amber => "heat-amber",
            SignalColour.Green => "heat-green",
            _ => "heat-light",
        },
    };

    /// <summary>A directive signal's badge class and symbol (never colour alone).</summary>
    public static (string Css, string Symbol) Badge(Domain.Notices.DirectiveSignal signal) => signal switch
    {
        Domain.Notices.DirectiveSignal.Completed => ("text-bg-success", "✓"),
        Domain.Notices.DirectiveSignal.Overdue => ("text-bg-danger", "⚠"),
        Domain.Notices.DirectiveSignal.UrgentUnanswered => ("text-bg-danger", "●"),
        Domain.Notices.DirectiveSignal.Attention => ("text-bg-warning", "◐"),
        Domain.Notices.DirectiveSignal.OnSchedule => ("text-bg-success", "▶"),
        Domain.Notices.DirectiveSignal.Unmeasured => ("text-bg-light border", "◌"),
        Domain.Notices.DirectiveSignal.Cancelled => ("text-bg-light border", "✖"),
        _ => ("text-bg-light border", "○"),
    };

    /// <summary>"3/16 đơn vị" beside an aggregated figure; "số liệu toàn huyện" for a figure given for the district as a whole.</summary>
    public static string Coverage(this IStringLocalizer l, KpiCoverage? coverage) =>
        coverage is { } c ? l["Kpi_Coverage", c.Reporting, c.Expected] : l["Kpi_DistrictFigure"];
}
