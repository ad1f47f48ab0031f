using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Web.Features.Work;

/// <summary>The filters of the assignment list, all in the query string so a filtered list can be bookmarked.</summary>
public sealed class WorkFilter
{
    public int? Notice { get; set; }

    public int? Unit { get; set; }

    public AssignmentRole? Role { get; set; }

    public AssignmentStatus? Status { get; set; }

    public TimingState? Timing { get; set; }

    /// <summary>Deadline in force from / to.</summary>
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public bool Overdue { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Search")]
    public string? Q { get; set; }

    [RegularExpression("^(deadline|unit|directive|status)$", ErrorMessage = "Validation_Invalid")]
    public string? Sort { get; set; }

    public bool Desc { get; set; }

    [Range(1, 100_000, ErrorMessage = "Validation_Range")]
    public int Page { get; set; } = 1;
}

public static class WorkQueries
{
    /// <summary>Applies the filters in SQL; the timing filter is <see cref="AssignmentRules.State"/> on the day, the dates are the deadline in force.</summary>
    public static IQueryable<Assignment> Apply(this IQueryable<Assignment> q, WorkFilter f, SignalDay day)
    {
        if (f.Notice is { } notice)
        {
            q = q.Where(a => a.Directive.NoticeId == notice);
        }

        if (f.Unit is { } unit)
        {
            q = q.Where(a => a.UnitId == unit);
        }

        if (f.Role is { } role)
        {
            q = q.Where(a => a.Role == role);
        }

        if (f.Status is { } status)
        {
            q = q.Where(a => a.Status == status);
        }

        if ((f.Overdue ? TimingState.Overdue : f.Timing) is { } state)
        {
            q = q.WhereExpanded(a => AssignmentRules.State.Invoke(a, day) == state);
        }

        if (f.From is { } from)
        {
            q = q.Where(a => a.LastDayInForce >= from);
        }

        if (f.To is { } to)
        {
            q = q.Where(a => a.LastDayInForce <= to);
        }

        var key = VietnameseText.Fold(f.Q);
        if (key.Length > 0)
        {
            q = q.Where(a => a.Directive.SearchKey.Contains(key) || a.Unit.SearchKey.Contains(key));
        }

        return (f.Sort, f.Desc) switch
        {
            ("unit", false) => q.OrderBy(a => a.Unit.Name).ThenBy(a => a.Id),
            ("unit", true) => q.OrderByDescending(a => a.Unit.Name).ThenBy(a => a.Id),
            ("directive", false) => q.OrderByDescending(a => a.Directive.Notice.MeetingDate).ThenBy(a => a.Directive.SortOrder).ThenBy(a => a.Id),
            ("directive", true) => q.OrderBy(a => a.Directive.Notice.MeetingDate).ThenByDescending(a => a.Directive.SortOrder).ThenBy(a => a.Id),
            ("status", false) => q.OrderBy(a => a.Status).ThenBy(a => a.Id),
            ("status", true) => q.OrderByDescending(a => a.Status).ThenBy(a => a.Id),
            (_, true) => q.OrderBy(a => a.LastDayInForce == null).ThenByDescending(a => a.LastDayInForce).ThenBy(a => a.Id),
            _ => q.OrderBy(a => a.LastDayInForce == null).ThenBy(a => a.LastDayInForce).ThenBy(a => a.Id),
        };
    }
}
