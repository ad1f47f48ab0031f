using System.Globalization;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Deadlines;

public enum DeadlineKind
{
    /// <summary>Nothing written, or "khẩn trương" without a date.</summary>
    None,
    /// <summary>"trước ngày 15/10/2023", "chậm nhất ngày 30/9/2023".</summary>
    Date,
    /// <summary>"trong tháng 9/2023".</summary>
    Month,
    /// <summary>"trong quý IV/2023".</summary>
    Quarter,
    /// <summary>"trong năm 2023".</summary>
    Year,
    /// <summary>"thường xuyên": never overdue, reported on periodically.</summary>
    Ongoing,
    /// <summary>"hằng tháng, trước ngày 25", "định kỳ hằng quý": one report cycle per period (<see cref="Recurrence"/>).</summary>
    Recurring,
}

/// <summary>
/// A deadline as the notice wrote it, plus the last day it allows. Month, quarter and year deadlines
/// end on the last day of that period; ongoing, recurring and missing deadlines have no last day. A recurring
/// deadline owes one report per period instead (<see cref="Recurrence"/>); the assignment keeps the cycle it owes.
/// </summary>
public sealed record Deadline
{
    private Deadline(DeadlineKind kind, DateOnly? lastDay, bool isUrgent, string? writtenAs, string? recurrenceCode = null)
    {
        Kind = kind;
        LastDay = lastDay;
        IsUrgent = isUrgent;
        WrittenAs = Guard.Optional(writtenAs);
        RecurrenceCode = recurrenceCode;
    }

    public DeadlineKind Kind { get; }

    /// <summary>The last day the deadline allows, or null when it has none (ongoing, not set).</summary>
    public DateOnly? LastDay { get; }

    /// <summary>"khẩn trương": to be done urgently, though no date was set.</summary>
    public bool IsUrgent { get; }

    /// <summary>The words of the source document, kept as written (may be null when entered by hand).</summary>
    public string? WrittenAs { get; }

    /// <summary>The stored form of <see cref="Recurrence"/> ("M25"), for recurring deadlines only.</summary>
    public string? RecurrenceCode { get; }

    /// <summary>The cycles of a recurring deadline, else null.</summary>
    public Recurrence? Recurrence => RecurrenceCode is null ? null : Recurrence.Parse(RecurrenceCode);

    public static Deadline NotSet(bool urgent = false, string? writtenAs = null) =>
        new(DeadlineKind.None, null, urgent, writtenAs);

    public static Deadline Ongoing(string? writtenAs = null) => new(DeadlineKind.Ongoing, null, false, writtenAs);

    public static Deadline Recurring(Recurrence recurrence, string? writtenAs = null) =>
        new(DeadlineKind.Recurring, null, false, writtenAs, (recurrence ?? throw new DomainException("deadline.recurrence")).Code);

    /// <summary>
    /// The day first due for work assigned on <paramref name="assignedOn"/>: the last day, or for a recurring deadline
    /// the first cycle due after that day (work assigned on a report day owes the next period's report first).
    /// </summary>
    public DateOnly? FirstDueFrom(DateOnly assignedOn) => Recurrence is { } r ? r.FirstDueFrom(assignedOn.AddDays(1)) : LastDay;

    public static Deadline OnDate(DateOnly date, string? writtenAs = null) => new(DeadlineKind.Date, date, false, writtenAs);

    public static Deadline InMonth(int year, int month, string? writtenAs = null)
    {
        CheckYear(year);
        if (month is < 1 or > 12)
        {
            throw new DomainException("deadline.month");
        }

        return new(DeadlineKind.Month, new DateOnly(year, month, DateTime.DaysInMonth(year, month)), false, writtenAs);
    }

    public static Deadline InQuarter(int year, int quarter, string? writtenAs = null)
    {
        CheckYear(year);
        if (quarter is < 1 or > 4)
        {
            throw new DomainException("deadline.quarter");
        }

        var lastMonth = quarter * 3;
        return new(DeadlineKind.Quarter, new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth)), false, writtenAs);
    }

    public static Deadline InYear(int year, string? writtenAs = null)
    {
        CheckYear(year);
        return new(DeadlineKind.Year, new DateOnly(year, 12, 31), false, writtenAs);
    }

    /// <summary>Rebuilds a stored deadline; the last day must agree with the kind.</summary>
    public static Deadline Restore(DeadlineKind kind, DateOnly? lastDay, bool isUrgent, string? writtenAs, string? recurrenceCode = null) => kind switch
    {
        DeadlineKind.Recurring => Recurring(Recurrence.Parse(recurrenceCode ?? throw new DomainException("deadline.recurrence")), writtenAs),
        DeadlineKind.None => NotSet(isUrgent, writtenAs),
        DeadlineKind.Ongoing => Ongoing(writtenAs),
        DeadlineKind.Date => OnDate(lastDay ?? throw Missing(), writtenAs),
        DeadlineKind.Month => InMonth((lastDay ?? throw Missing()).Year, lastDay.Value.Month, writtenAs),
        DeadlineKind.Quarter => InQuarter((lastDay ?? throw Missing()).Year, ((lastDay.Value.Month - 1) / 3) + 1, writtenAs),
        DeadlineKind.Year => InYear((lastDay ?? throw Missing()).Year, writtenAs),
        _ => throw new DomainException("deadline.kind"),
    };

    /// <summary>Quarter number 1–4 for a quarter deadline.</summary>
    public int? Quarter => Kind == DeadlineKind.Quarter && LastDay is { } d ? ((d.Month - 1) / 3) + 1 : null;

    /// <summary>The deadline in the words a Vietnamese official writes: "trong tháng 9/2023", "thường xuyên".</summary>
    public string ToVietnamese() => Kind switch
    {
        DeadlineKind.Date => $"ngày {LastDay!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
        DeadlineKind.Month => $"trong tháng {LastDay!.Value.Month}/{LastDay.Value.Year}",
        DeadlineKind.Quarter => $"trong quý {RomanQuarter(Quarter!.Value)}/{LastDay!.Value.Year}",
        DeadlineKind.Year => $"trong năm {LastDay!.Value.Year}",
        DeadlineKind.Ongoing => "thường xuyên",
        DeadlineKind.Recurring => Recurrence!.ToVietnamese(),
        _ => IsUrgent ? "khẩn trương (chưa xác định)" : "chưa xác định",
    };

    public override string ToString() => ToVietnamese();

    public static string RomanQuarter(int quarter) => quarter switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => throw new ArgumentOutOfRangeException(nameof(quarter)),
    };

    private static void CheckYear(int year)
    {
        if (year is < 1990 or > 2100)
        {
            throw new DomainException("deadline.year");
        }
    }

    private static DomainException Missing() => new("deadline.lastDay");
}
