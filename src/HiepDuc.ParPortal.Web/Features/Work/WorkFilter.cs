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

    /// <summary>The page starts after this assignment (the last row of the page before) in the chosen order.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Validation_Range")]
    public int? After { get; set; }
}

/// <summary>Where the assignment list's order puts a row: what the "next page" cursor compares against.</summary>
public sealed record WorkCursor(int Id, string UnitName, DateOnly MeetingDate, int SortOrder, AssignmentStatus Status, DateOnly? LastDayInForce);

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

        return q.Ordered(f);
    }

    /// <summary>The rows after <paramref name="c"/> in the filter's order (keyset paging: no offset, no count).</summary>
    public static IQueryable<Assignment> After(this IQueryable<Assignment> q, WorkFilter f, WorkCursor? c)
    {
        if (c is null)
        {
            return q;
        }

        var (id, name, meeting, order, status, last) = (c.Id, c.UnitName, c.MeetingDate, c.SortOrder, c.Status, c.LastDayInForce);
#pragma warning disable CA1309, CA1310 // translated to SQL: the database's own collation orders the list, as in the ORDER BY
        return (f.Sort, f.Desc) switch
        {
            ("unit", false) => q.Where(a => a.Unit.Name.CompareTo(name) > 0 || (a.Unit.Name == name && a.Id > id)),
            ("unit", true) => q.Where(a => a.Unit.Name.CompareTo(name) < 0 || (a.Unit.Name == name && a.Id > id)),
            ("directive", false) => q.Where(a => a.Directive.Notice.MeetingDate < meeting
                || (a.Directive.Notice.MeetingDate == meeting && (a.Directive.SortOrder > order || (a.Directive.SortOrder == order && a.Id > id)))),
            ("directive", true) => q.Where(a => a.Directive.Notice.MeetingDate > meeting
                || (a.Directive.Notice.MeetingDate == meeting && (a.Directive.SortOrder < order || (a.Directive.SortOrder == order && a.Id > id)))),
            // Statuses are stored by name: the comparison, like the ORDER BY, is of the stored names.
            ("status", false) => q.Where(a => a.Status > status || (a.Status == status && a.Id > id)),
            ("status", true) => q.Where(a => a.Status < status || (a.Status == status && a.Id > id)),
            _ when last is null => q.Where(a => a.LastDayInForce == null && a.Id > id),
            (_, true) => q.Where(a => a.LastDayInForce == null || last > a.LastDayInForce || (a.LastDayInForce == last && a.Id > id)), // the cursor row's day, not a timing rule
            _ => q.Where(a => a.LastDayInForce == null || a.LastDayInForce > last || (a.LastDayInForce == last && a.Id > id)),
        };
#pragma warning restore CA1309, CA1310
    }

    private static IQueryable<Assignment> Ordered(this IQueryable<Assignment> q, WorkFilter f) =>
        (f.Sort, f.Desc) switch
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
