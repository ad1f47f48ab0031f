using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;

namespace HiepDuc.ParPortal.Web.Features.Directives;

public sealed class DirectiveFilter
{
    public int? Notice { get; set; }

    /// <summary>Directives assigned to this unit.</summary>
    public int? Unit { get; set; }

    public AssignmentRole? Role { get; set; }

    public bool Overdue { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Search")]
    public string? Q { get; set; }

    [RegularExpression("^(notice|deadline|label)$", ErrorMessage = "Validation_Invalid")]
    public string? Sort { get; set; }

    /// <summary>
    /// Where the page starts: the sort key of the last row of the page before (keyset paging — a page costs what it
    /// shows, however far into the list). Null: the first page.
    /// </summary>
    [StringLength(120, ErrorMessage = "Validation_MaxLength")]
    [RegularExpression(@"^(n\.\d{1,7}\.\d{1,10}\.-?\d{1,10}|d\.-?\d{1,7}\.\d{1,10}|l\.\d{1,10}\.[A-Za-z0-9_-]{0,80})$", ErrorMessage = "Validation_Invalid")]
    public string? After { get; set; }
}

/// <summary>The sort key of a directive in the list, written into the "next page" link.</summary>
public sealed record DirectiveCursor(DateOnly MeetingDate, int NoticeId, int SortOrder, DateOnly? LastDay, int Id, string Label)
{
    public string For(string? sort) => sort switch
    {
        "deadline" => FormattableString.Invariant($"d.{(LastDay is { } d ? d.DayNumber : -1)}.{Id}"),
        "label" => FormattableString.Invariant($"l.{Id}.{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Label)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}"),
        _ => FormattableString.Invariant($"n.{MeetingDate.DayNumber}.{NoticeId}.{SortOrder}"),
    };
}

public static class DirectiveQueries
{
    /// <summary>The rows after the cursor in the list's own order (an index range, never an offset).</summary>
    private static IQueryable<Directive> After(IQueryable<Directive> q, DirectiveFilter f)
    {
        var parts = f.After?.Split('.');
        if (parts is null || parts.Length < 3 || parts[0] != (f.Sort switch { "deadline" => "d", "label" => "l", _ => "n" }))
        {
            return q;
        }

        static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        switch (parts[0])
        {
            case "d":
                var id = Int(parts[2]);
                if (Int(parts[1]) < 0)
                {
                    return q.Where(d => d.Deadline.LastDay == null && d.Id > id);
                }

                var day = DateOnly.FromDayNumber(Int(parts[1]));
                return q.Where(d => d.Deadline.LastDay == null || d.Deadline.LastDay > day || (d.Deadline.LastDay == day && d.Id > id));
            case "l":
                var after = Int(parts[1]);
                var label = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(parts[2].Replace('-', '+').Replace('_', '/').PadRight((parts[2].Length + 3) / 4 * 4, '=')));
                #pragma warning disable CA1309, CA1310 // translated to SQL: the database's own collation orders the list, as in the ORDER BY
                return q.Where(d => d.Label.CompareTo(label) > 0 || (d.Label == label && d.Id > after));
#pragma warning restore CA1309, CA1310
            default:
                if (parts.Length < 4)
                {
                    return q;
                }

                var meeting = DateOnly.FromDayNumber(Int(parts[1]));
                var notice = Int(parts[2]);
                var order = Int(parts[3]);
                return q.Where(d => d.Notice.MeetingDate < meeting || (d.Notice.MeetingDate == meeting && (d.NoticeId < notice || (d.NoticeId == notice && d.SortOrder > order))));
        }
    }

    /// <summary>The filtered list in its order; from the filter's cursor on unless <paramref name="fromCursor"/> is false (the count).</summary>
    public static IQueryable<Directive> Apply(this IQueryable<Directive> q, DirectiveFilter f, DateOnly today, bool fromCursor = true)
    {
        if (f.Notice is { } notice)
        {
            q = q.Where(d => d.NoticeId == notice);
        }

        if (f.Unit is { } unit)
        {
            q = f.Role is { } role
                ? q.Where(d => d.Assignments.Any(a => a.UnitId == unit && a.Role == role))
                : q.Where(d => d.Assignments.Any(a => a.UnitId == unit));
        }
        else if (f.Role is { } role)
        {
            q = q.Where(d => d.Assignments.Any(a => a.Role == role));
        }

        if (f.Overdue)
        {
            // The roll-up rule, kept per directive by the data layer (Directive.RollupDueOn): an index range.
            q = q.Where(d => !d.IsCancelled && d.RollupDueOn < today);
        }

        if (f.From is { } from)
        {
            q = q.Where(d => d.Deadline.LastDay >= from);
        }

        if (f.To is { } to)
        {
            q = q.Where(d => d.Deadline.LastDay <= to);
        }

        var key = VietnameseText.Fold(f.Q);
        if (key.Length > 0)
        {
            q = q.Where(d => d.SearchKey.Contains(key));
        }

        if (fromCursor)
        {
            q = After(q, f);
        }

        return f.Sort switch
        {
            "deadline" => q.OrderBy(d => d.Deadline.LastDay == null).ThenBy(d => d.Deadline.LastDay).ThenBy(d => d.Id),
            "label" => q.OrderBy(d => d.Label).ThenBy(d => d.Id),
            // Newest notice first, in the notice's own order: walks IX_Notices_MeetingDate and IX_Directives_NoticeId_SortOrder
            // in order, so even a deep page is read without sorting the whole table.
            _ => q.OrderByDescending(d => d.Notice.MeetingDate).ThenByDescending(d => d.NoticeId).ThenBy(d => d.SortOrder),
        };
    }
}
