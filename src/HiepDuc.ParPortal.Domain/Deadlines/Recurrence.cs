using System.Globalization;
using System.Text.RegularExpressions;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Deadlines;

public enum RecurrencePeriod
{
    /// <summary>"hằng tuần": a week runs Monday to Sunday.</summary>
    Weekly = 1,
    /// <summary>"hằng tháng".</summary>
    Monthly = 2,
    /// <summary>"hằng quý", "định kỳ hằng quý".</summary>
    Quarterly = 3,
    /// <summary>"6 tháng", "định kỳ 6 tháng một lần": January–June and July–December.</summary>
    HalfYearly = 4,
    /// <summary>"hằng năm".</summary>
    Yearly = 5,
}

/// <summary>
/// A duty reported on every period ("báo cáo hằng tháng, trước ngày 25"). Each period is one report cycle, due on its
/// day: <see cref="Day"/> of the month for monthly duties, of the period's last month for quarterly and half-yearly
/// ones, of <see cref="Month"/> for yearly ones (a day past the month's end means its last day: the 31st in April is
/// the 30th, the 29th in a February of 28 days the 28th); a weekday (1 Monday … 7 Sunday) for weekly duties. With no
/// day written, the cycle is due on the period's last day (a week's: Friday, its last working day).
/// </summary>
public sealed partial record Recurrence
{
    private Recurrence(RecurrencePeriod period, int? day, int? month)
    {
        Period = period;
        Day = day;
        Month = month;
    }

    public RecurrencePeriod Period { get; }

    public int? Day { get; }

    /// <summary>The month of a yearly duty's day (null: December).</summary>
    public int? Month { get; }

    public static Recurrence Of(RecurrencePeriod period, int? day = null, int? month = null)
    {
        var ok = period switch
        {
            RecurrencePeriod.Weekly => day is null or (>= 1 and <= 7) && month is null,
            RecurrencePeriod.Yearly => day is null or (>= 1 and <= 31) && month is null or (>= 1 and <= 12),
            RecurrencePeriod.Monthly or RecurrencePeriod.Quarterly or RecurrencePeriod.HalfYearly => day is null or (>= 1 and <= 31) && month is null,
            _ => false,
        };
        return ok ? new Recurrence(period, day, month) : throw new DomainException("deadline.recurrence");
    }

    /// <summary>The stored form: "M25", "M", "Q20", "H", "Y15.12", "W5".</summary>
    public string Code => $"{"?WMQHY"[(int)Period]}{Day}{(Month is { } m ? "." + m.ToString(CultureInfo.InvariantCulture) : string.Empty)}";

    public static Recurrence Parse(string code)
    {
        var m = CodePattern().Match(code ?? string.Empty);
        if (!m.Success)
        {
            throw new DomainException("deadline.recurrence");
        }

        var period = (RecurrencePeriod)"?WMQHY".IndexOf(m.Groups[1].Value[0], StringComparison.Ordinal);
        int? Int(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : null;
        return Of(period, Int(m.Groups[2]), Int(m.Groups[3]));
    }

    /// <summary>The calendar period that holds a day.</summary>
    public (DateOnly Start, DateOnly End) PeriodOf(DateOnly day)
    {
        switch (Period)
        {
            case RecurrencePeriod.Weekly:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return (monday, monday.AddDays(6));
            case RecurrencePeriod.Monthly:
                return (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month)));
            default:
                var months = Period switch { RecurrencePeriod.Quarterly => 3, RecurrencePeriod.HalfYearly => 6, _ => 12 };
                var first = (((day.Month - 1) / months) * months) + 1;
                var last = first + months - 1;
                return (new DateOnly(day.Year, first, 1), new DateOnly(day.Year, last, DateTime.DaysInMonth(day.Year, last)));
        }
    }

    /// <summary>The day the report of the period holding <paramref name="day"/> is due.</summary>
    public DateOnly DueIn(DateOnly day)
    {
        var (start, end) = PeriodOf(day);
        if (Period == RecurrencePeriod.Weekly)
        {
            return start.AddDays((Day ?? 5) - 1);
        }

        var month = Period == RecurrencePeriod.Yearly ? Month ?? 12 : end.Month;
        var days = DateTime.DaysInMonth(end.Year, month);
        return new DateOnly(end.Year, month, Math.Min(Day ?? days, days));
    }

    /// <summary>The first cycle due on or after a day: the cycle a duty assigned that day owes first.</summary>
    public DateOnly FirstDueFrom(DateOnly day)
    {
        var due = DueIn(day);
        return due >= day ? due : DueIn(PeriodOf(day).End.AddDays(1));
    }

    /// <summary>The cycle after the one due on <paramref name="due"/>.</summary>
    public DateOnly NextDueAfter(DateOnly due) => FirstDueFrom(due.AddDays(1));

    /// <summary>How many report days fell from the owed cycle's day (<paramref name="owed"/>) up to the day before <paramref name="today"/>.</summary>
    public int CyclesDue(DateOnly owed, DateOnly today)
    {
        var count = 0;
        for (var due = owed; due < today; due = NextDueAfter(due))
        {
            count++;
        }

        return count;
    }

    /// <summary>The cycle before the one due on <paramref name="due"/>: its report window opens the day after.</summary>
    public DateOnly PreviousDue(DateOnly due) => DueIn(PeriodOf(due).Start.AddDays(-1));

    /// <summary>
    /// The cycle owed after a report on <paramref name="reportedOn"/> while the cycle due on <paramref name="owed"/> is
    /// owed. A report in an earlier, already reported window changes nothing. Otherwise the owed cycle is reported (on
    /// time or late) and the next one is owed — but never one whose window has already closed: a unit that missed
    /// several cycles owes, after one report, the cycle of the period it reported in.
    /// </summary>
    public DateOnly OwedAfterReport(DateOnly owed, DateOnly reportedOn)
    {
        if (reportedOn <= PreviousDue(owed))
        {
            return owed;
        }

        var next = NextDueAfter(owed);
        var current = FirstDueFrom(reportedOn);
        return next > current ? next : current;
    }

    /// <summary>"hằng tháng, trước ngày 25", "hằng quý", "hằng tuần, thứ Sáu".</summary>
    public string ToVietnamese() => Period switch
    {
        RecurrencePeriod.Weekly => $"hằng tuần, {WeekdayName(Day ?? 5)}",
        RecurrencePeriod.Monthly => Day is { } d ? $"hằng tháng, trước ngày {d}" : "hằng tháng, cuối tháng",
        RecurrencePeriod.Quarterly => Day is { } d ? $"hằng quý, trước ngày {d} tháng cuối quý" : "hằng quý",
        RecurrencePeriod.HalfYearly => Day is { } d ? $"6 tháng một lần, trước ngày {d}/6 và {d}/12" : "6 tháng một lần",
        _ => Day is { } d ? $"hằng năm, trước ngày {d}/{Month ?? 12}" : "hằng năm",
    };

    public override string ToString() => ToVietnamese();

    public static string WeekdayName(int day) => day switch
    {
        1 => "thứ Hai",
        2 => "thứ Ba",
        3 => "thứ Tư",
        4 => "thứ Năm",
        5 => "thứ Sáu",
        6 => "thứ Bảy",
        _ => "Chủ nhật",
    };

    [GeneratedRegex(@"^([WMQHY])(\d{1,2})?(?:\.(\d{1,2}))?$")]
    private static partial Regex CodePattern();
}
