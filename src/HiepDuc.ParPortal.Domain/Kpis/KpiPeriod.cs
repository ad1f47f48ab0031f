using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>
/// The span a figure covers. Monthly entries cover one calendar month; the notice's own figures cover
/// a year ("cuối năm 2022"), the first months of a year ("8 tháng đầu năm 2023") or a single day ("đến nay").
/// </summary>
public sealed record KpiPeriod
{
    public KpiPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new DomainException("kpi.period");
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public static KpiPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public static KpiPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>From 1 January to the end of the given month.</summary>
    public static KpiPeriod YearToMonth(int year, int month) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public static KpiPeriod AsOf(DateOnly day) => new(day, day);

    public bool IsMonth => Start.Day == 1 && Start.Year == End.Year && Start.Month == End.Month && End.Day == DateTime.DaysInMonth(End.Year, End.Month);
}
