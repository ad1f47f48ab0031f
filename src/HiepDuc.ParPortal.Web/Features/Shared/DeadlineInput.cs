using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>A deadline of any kind as a form enters it: the kind, then the date, month, quarter or year it needs.</summary>
public sealed class DeadlineInput
{
    public DeadlineKind Kind { get; set; } = DeadlineKind.None;

    public DateOnly? Date { get; set; }

    [Range(1, 12, ErrorMessage = "Validation_Range")]
    public int? Month { get; set; }

    [Range(1, 4, ErrorMessage = "Validation_Range")]
    public int? Quarter { get; set; }

    [Range(1990, 2100, ErrorMessage = "Validation_Range")]
    public int? Year { get; set; }

    public bool Urgent { get; set; }

    /// <summary>A recurring deadline's period.</summary>
    public RecurrencePeriod? Every { get; set; }

    /// <summary>A recurring deadline's day: of the month (1–31), or of the week (1 Monday … 7 Sunday) for a weekly duty.</summary>
    [Range(1, 31, ErrorMessage = "Validation_Range")]
    public int? Day { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    public string? WrittenAs { get; set; }

    public static DeadlineInput From(Deadline d) => new()
    {
        Kind = d.Kind,
        Date = d.Kind == DeadlineKind.Date ? d.LastDay : null,
        Month = d.Kind == DeadlineKind.Month ? d.LastDay?.Month : d.Recurrence?.Month,
        Every = d.Recurrence?.Period,
        Day = d.Recurrence?.Day,
        Quarter = d.Quarter,
        Year = d.LastDay?.Year,
        Urgent = d.IsUrgent,
        WrittenAs = d.WrittenAs,
    };

    /// <summary>A deadline's last day lies at most this many years after today (a mistyped 9999 is refused).</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>
    /// The deadline, or null with an error in <paramref name="state"/> under <paramref name="prefix"/>. A last day lies
    /// at most <see cref="MaxYearsAhead"/> years after today and, when <paramref name="meeting"/> is given, not before
    /// the meeting that gave the directive (a notice entered after the fact may carry deadlines already past).
    /// </summary>
    public Deadline? ToDeadline(ModelStateDictionary state, string prefix, IStringLocalizer l, DateOnly today, DateOnly? meeting = null)
    {
        try
        {
            var deadline = Kind switch
            {
                DeadlineKind.Date when Date is { } d => Deadline.OnDate(d, WrittenAs),
                DeadlineKind.Month when Month is { } m && Year is { } y => Deadline.InMonth(y, m, WrittenAs),
                DeadlineKind.Quarter when Quarter is { } q && Year is { } y => Deadline.InQuarter(y, q, WrittenAs),
                DeadlineKind.Year when Year is { } y => Deadline.InYear(y, WrittenAs),
                DeadlineKind.Ongoing => Deadline.Ongoing(WrittenAs),
                DeadlineKind.Recurring when Every is { } every => Deadline.Recurring(Recurrence.Of(every, Day, every == RecurrencePeriod.Yearly ? Month : null), WrittenAs),
                DeadlineKind.None => Deadline.NotSet(Urgent, WrittenAs),
                _ => Missing(),
            };
            if (deadline?.LastDay is { } last && last > today.AddYears(MaxYearsAhead))
            {
                state.AddModelError($"{prefix}.{nameof(Kind)}", l.GetString("Deadline_TooFar", MaxYearsAhead));
                return null;
            }

            if (deadline?.LastDay is { } lastDay && meeting is { } met && lastDay < met)
            {
                state.AddModelError($"{prefix}.{nameof(Kind)}", l.GetString("Deadline_BeforeMeeting", met.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
                return null;
            }

            return deadline;
        }
        // The one catch outside DomainErrorFilter: a deadline is checked while the form is read, and its message
        // belongs to the deadline's own field, not to the form as a whole.
        catch (DomainException ex)
        {
            state.AddModelError($"{prefix}.{nameof(Kind)}", l.Domain(ex));
            return null;
        }

        Deadline? Missing()
        {
            state.AddModelError($"{prefix}.{nameof(Kind)}", l["Deadline_Incomplete"]);
            return null;
        }
    }
}
