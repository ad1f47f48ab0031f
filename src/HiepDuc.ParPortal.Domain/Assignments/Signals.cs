namespace HiepDuc.ParPortal.Domain.Assignments;

/// <summary>
/// The numbers behind the tracking signals (docs/domain.md, "Signals"). Set by the administrator; the defaults are the
/// portal's own.
/// </summary>
public sealed class SignalSettings
{
    /// <summary>Open work without a last day and without a report for this many days is stale (amber).</summary>
    public int StaleDays { get; set; } = 30;

    /// <summary>"Khẩn trương" work without a report for this many days goes amber…</summary>
    public int UrgentAmberDays { get; set; } = 15;

    /// <summary>…and red after this many.</summary>
    public int UrgentRedDays { get; set; } = 30;

    /// <summary>A unit is silent on open work it has not reported on for this many days (from the assignment when it never reported).</summary>
    public int SilentDays { get; set; } = 30;

    /// <summary>An aggregated KPI figure is judged only when at least this share of the units (in %) gave figures.</summary>
    public int CoveragePercent { get; set; } = 80;

    /// <summary>
    /// A KPI's latest figure whose period ended more than this many months ago is marked as old ("số liệu từ 8 tháng đầu
    /// năm 2023"). The portal's own choice, a setting: no decree fixes it.
    /// </summary>
    public int FigureStaleMonths { get; set; } = 6;

    /// <summary>The longest <see cref="FigureStaleMonths"/> may be.</summary>
    public const int MaxFigureStaleMonths = 60;

    /// <summary>Whether a figure of a period that ended on <paramref name="periodEnd"/> is old on <paramref name="today"/>.</summary>
    public bool FigureIsStale(DateOnly periodEnd, DateOnly today) => periodEnd < today.AddMonths(-FigureStaleMonths);

    public const string Section = "Signals";

    /// <summary>The longest any of the day thresholds may be.</summary>
    public const int MaxDays = 365;

    /// <summary>Urgent work goes amber before it goes red.</summary>
    public bool UrgentInOrder => UrgentAmberDays < UrgentRedDays;

    public static SignalSettings Default => new();
}

/// <summary>
/// One day of the portal's calendar with the day boundaries every signal rule compares against, so that the rules are
/// plain comparisons of stored days (translatable to SQL) and read the same in memory.
/// </summary>
public sealed class SignalDay
{
    public SignalDay(DateOnly today, SignalSettings? settings = null)
    {
        var s = settings ?? SignalSettings.Default;
        Settings = s;
        Today = today;
        DueSoonFrom = today.AddDays(Timing.DueSoonDays);
        StaleOn = today.AddDays(-s.StaleDays);
        UrgentAmberOn = today.AddDays(-s.UrgentAmberDays);
        UrgentRedOn = today.AddDays(-s.UrgentRedDays);
        SilentOn = today.AddDays(-s.SilentDays);
        Overdue30 = today.AddDays(-OverdueBuckets.LastDayOf(OverdueBucket.UpTo30));
        Overdue60 = today.AddDays(-OverdueBuckets.LastDayOf(OverdueBucket.From31To60));
        Overdue120 = today.AddDays(-OverdueBuckets.LastDayOf(OverdueBucket.From61To120));
    }

    public SignalSettings Settings { get; }

    public DateOnly Today { get; }

    /// <summary>A last day before this is due soon (the last <see cref="Timing.DueSoonDays"/> days).</summary>
    public DateOnly DueSoonFrom { get; }

    /// <summary>Last heard of on or before this day: stale.</summary>
    public DateOnly StaleOn { get; }

    public DateOnly UrgentAmberOn { get; }

    public DateOnly UrgentRedOn { get; }

    /// <summary>Last heard of on or before this day: silent.</summary>
    public DateOnly SilentOn { get; }

    /// <summary>A last day on or after this is at most 30 days overdue (bucket 1–30).</summary>
    public DateOnly Overdue30 { get; }

    public DateOnly Overdue60 { get; }

    public DateOnly Overdue120 { get; }
}
