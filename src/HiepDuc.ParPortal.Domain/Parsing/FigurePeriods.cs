using System.Globalization;
using System.Text.RegularExpressions;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;

namespace HiepDuc.ParPortal.Domain.Parsing;

/// <summary>
/// The period a notice's figure speaks of, read from the words just before it: "cuối năm 2022" → 2022, "8 tháng đầu năm
/// 2023" → 01/01–31/08/2023, "tháng 8/2023" or "tháng 8 năm 2023" → 08/2023, "đến nay" → the year up to the meeting's
/// month — in the figure's own sentence. Nothing else is guessed: a figure whose period is not written there is left for
/// the office to date.
/// </summary>
public static partial class FigurePeriods
{
    public static KpiPeriod? Read(string context, DateOnly meeting)
    {
        // Only the figure's own sentence speaks of it: the words after the last full stop, semicolon or opening bracket.
        var start = context.LastIndexOfAny(['.', ';', '(']);
        var folded = VietnameseText.Fold(start < 0 ? context : context[(start + 1)..]);
        var found = new List<(int At, int Length, KpiPeriod Period)>();
        foreach (Match m in YearToMonthPattern().Matches(folded))
        {
            if (Make(() => KpiPeriod.YearToMonth(Int(m, "y"), Int(m, "n"))) is { } p)
            {
                found.Add((m.Index + m.Length, m.Length, p));
            }
        }

        foreach (Match m in MonthPattern().Matches(folded))
        {
            if (Make(() => KpiPeriod.Month(Int(m, "y"), Int(m, "m"))) is { } p)
            {
                found.Add((m.Index + m.Length, m.Length, p));
            }
        }

        foreach (Match m in YearPattern().Matches(folded))
        {
            if (Make(() => KpiPeriod.Year(Int(m, "y"))) is { } p)
            {
                found.Add((m.Index + m.Length, m.Length, p));
            }
        }

        foreach (Match m in SoFarPattern().Matches(folded))
        {
            found.Add((m.Index + m.Length, m.Length, KpiPeriod.YearToMonth(meeting.Year, meeting.Month)));
        }

        // The words nearest the figure speak of it ("8 tháng đầu năm 2023" before its own "năm 2023"); a period after the
        // meeting is no figure of the notice.
        return found.Where(f => f.Period.End <= new DateOnly(meeting.Year, meeting.Month, DateTime.DaysInMonth(meeting.Year, meeting.Month)))
            .OrderByDescending(f => f.At).ThenByDescending(f => f.Length).Select(f => (KpiPeriod?)f.Period).FirstOrDefault();
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static KpiPeriod? Make(Func<KpiPeriod> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // "tháng 13/2023": not a period
        }
    }

    [GeneratedRegex(@"\b(?<n>\d{1,2}) thang (?:dau )?nam (?<y>(?:19|20)\d{2})\b")]
    private static partial Regex YearToMonthPattern();

    [GeneratedRegex(@"\bthang (?<m>\d{1,2})(?:/| nam )(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"\b(?:cuoi |ca )?nam (?<y>(?:19|20)\d{2})\b")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\bden nay\b")]
    private static partial Regex SoFarPattern();
}
