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

    [Range(1, 100_000, ErrorMessage = "Validation_Range")]
    public int Page { get; set; } = 1;
}

public static class DirectiveQueries
{
    public static IQueryable<Directive> Apply(this IQueryable<Directive> q, DirectiveFilter f, DateOnly today)
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
