namespace HiepDuc.ParPortal.Domain.Assignments;

/// <summary>
/// How much of the work that had a deadline was done on time, with its denominator shown beside it ("đúng hạn 3/5 việc
/// có hạn", docs/domain.md "On-time rate"). Work that never had a deadline is in neither part: it is never on time.
/// Excused lateness (a confirmed objective cause) counts as on time; lateness recorded on running work (an extension
/// granted after the deadline) counts as late from the day it was recorded.
/// </summary>
public readonly record struct OnTimeRate(int OnTime, int Due)
{
    public decimal? Percent => Due == 0 ? null : 100m * OnTime / Due;

    /// <summary>
    /// The chairman's tile: completed work judged on time, over completed work that had a deadline — plus running work
    /// already recorded late, which can no longer finish on time.
    /// </summary>
    public static OnTimeRate OfCompletions(int onTime, int late, int runningLate) => new(onTime, onTime + late + runningLate);

    /// <summary>
    /// A unit's standing in the ranking: on-time completions over everything with a deadline that fell due — completed,
    /// overdue now, or running after lateness recorded — and urgent work left unanswered, which was due at once.
    /// </summary>
    public static OnTimeRate OfUnit(int onTime, int late, int overdue, int runningLate, int urgentUnanswered) =>
        new(onTime, onTime + late + overdue + runningLate + urgentUnanswered);
}
