using System.Globalization;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>
/// Deadlines, recurring duties, their cycles and the periods of figures, worded from the resource files in the reader's
/// language ("trong quý IV/2023" · "within Q4 2023"). The Domain holds the values; this is the one place they become words.
/// Documents of record (the Word report, the Excel exports, an import template) are worded in Vietnamese whoever
/// downloads them: <see cref="InVietnamese{T}"/>.
/// </summary>
public static class Words
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Deadline(this IStringLocalizer l, Deadline deadline) => deadline.Kind switch
    {
        DeadlineKind.Date => l.GetString("Words_Deadline_Date", Format.Date(deadline.LastDay!.Value)),
        DeadlineKind.Month => l.GetString("Words_Deadline_Month", deadline.LastDay!.Value.Month, deadline.LastDay.Value.Year, MonthName(deadline.LastDay.Value.Month)),
        DeadlineKind.Quarter => l.GetString("Words_Deadline_Quarter", Domain.Deadlines.Deadline.RomanQuarter(deadline.Quarter!.Value), deadline.LastDay!.Value.Year, deadline.Quarter.Value),
        DeadlineKind.Year => l.GetString("Words_Deadline_Year", deadline.LastDay!.Value.Year),
        DeadlineKind.Ongoing => l["Words_Deadline_Ongoing"],
        DeadlineKind.Recurring => l.Recurrence(deadline.Recurrence!),
        _ => deadline.IsUrgent ? l["Words_Deadline_UrgentNotSet"] : l["Words_Deadline_NotSet"],
    };

    /// <summary>
    /// The deadline in the notice's own words for a reader of its language ("trước ngày 30/9/2023"), else in the
    /// reader's words.
    /// </summary>
    public static string DeadlineAsWritten(this IStringLocalizer l, Deadline deadline) =>
        deadline.WrittenAs is { } written && ReadsVietnamese ? written : l.Deadline(deadline);

    private static bool ReadsVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi";

    public static string Recurrence(this IStringLocalizer l, Recurrence r) => r.Period switch
    {
        RecurrencePeriod.Weekly => l.GetString("Words_Recurrence_Weekly", l.Weekday(r.Day ?? 5)),
        RecurrencePeriod.Monthly => r.Day is { } d ? l.GetString("Words_Recurrence_MonthlyDay", d) : l["Words_Recurrence_Monthly"],
        RecurrencePeriod.Quarterly => r.Day is { } d ? l.GetString("Words_Recurrence_QuarterlyDay", d) : l["Words_Recurrence_Quarterly"],
        RecurrencePeriod.HalfYearly => r.Day is { } d ? l.GetString("Words_Recurrence_HalfYearlyDay", d) : l["Words_Recurrence_HalfYearly"],
        _ => r.Day is { } d ? l.GetString("Words_Recurrence_YearlyDay", d, r.Month ?? 12) : l["Words_Recurrence_Yearly"],
    };

    /// <summary>The period a cycle's report covers: "tháng 11/2026" · "November 2026", "quý IV/2026" · "Q4 2026".</summary>
    public static string Cycle(this IStringLocalizer l, Recurrence r, DateOnly due)
    {
        var (start, end) = r.PeriodOf(due);
        return r.Period switch
        {
            RecurrencePeriod.Weekly => l.GetString("Words_Cycle_Weekly", start.ToString("dd/MM", CultureInfo.InvariantCulture), Format.Date(end)),
            RecurrencePeriod.Monthly => l.GetString("Words_Cycle_Monthly", end.Month, end.Year, MonthName(end.Month)),
            RecurrencePeriod.Quarterly => l.GetString("Words_Cycle_Quarterly", Domain.Deadlines.Deadline.RomanQuarter(end.Month / 3), end.Year, end.Month / 3),
            RecurrencePeriod.HalfYearly => l.GetString(end.Month == 6 ? "Words_Cycle_FirstHalf" : "Words_Cycle_SecondHalf", end.Year),
            _ => l.GetString("Words_Cycle_Yearly", end.Year),
        };
    }

    /// <summary>The period of a figure, or nothing when there is none.</summary>
    public static string Period(this IStringLocalizer l, KpiPeriod? period) => period is null ? string.Empty : l.PeriodOf(period);

    /// <summary>The period of a figure: "tháng 8/2023" · "August 2023", "8 tháng đầu năm 2023", "đến ngày 31/08/2023".</summary>
    private static string PeriodOf(this IStringLocalizer l, KpiPeriod period)
    {
        if (period.IsMonth)
        {
            return l.GetString("Words_Period_Month", period.Start.Month, period.Start.Year, MonthName(period.Start.Month));
        }

        if (period.Start == period.End)
        {
            return l.GetString("Words_Period_AsOf", Format.Date(period.End));
        }

        var startsYear = period.Start is { Month: 1, Day: 1 };
        var endsMonth = period.End.Day == DateTime.DaysInMonth(period.End.Year, period.End.Month);
        if (startsYear && endsMonth && period.Start.Year == period.End.Year)
        {
            return period.End.Month == 12
                ? l.GetString("Words_Period_Year", period.End.Year)
                : l.GetString("Words_Period_YearToMonth", period.End.Month, period.End.Year);
        }

        return l.GetString("Words_Period_Range", Format.Date(period.Start), Format.Date(period.End));
    }

    public static string Weekday(this IStringLocalizer l, int day) => l[$"Words_Weekday_{Math.Clamp(day, 1, 7)}"];

    /// <summary>
    /// Words for a document of record (the API's deadline text, a command's output), in Vietnamese, where there is no
    /// request to take a localizer from.
    /// </summary>
    public static string ForRecord(Func<IStringLocalizer, string> words) => In(Vietnamese, () => words(Record));

    /// <summary>The same words in another language, where there is no request (an English reader's document).</summary>
    public static string InLanguage(CultureInfo culture, Func<IStringLocalizer, string> words) => In(culture, () => words(Record));

    private static readonly IStringLocalizer Record = new ResourceManagerStringLocalizerFactory(
        Microsoft.Extensions.Options.Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }),
        Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Create(typeof(SharedResource));

    /// <summary>Words for a document of record, in Vietnamese whatever the reader's language.</summary>
    public static T InVietnamese<T>(Func<T> words) => In(Vietnamese, words);

    private static T In<T>(CultureInfo language, Func<T> words)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            return words();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static string MonthName(int month) => CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(month);
}
