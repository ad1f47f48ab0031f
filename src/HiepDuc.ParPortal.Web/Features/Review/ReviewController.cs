using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Review;

/// <summary>One row of the queue; for silent work <see cref="Since"/> is the last report, null when the unit never reported.</summary>
public sealed record ReviewItem(AssignmentRow Row, DateTimeOffset? Since, DateOnly? RequestedTo, string? Reason);

public sealed record ReviewModel(IReadOnlyList<ReviewItem> Submitted, IReadOnlyList<ReviewItem> Extensions, IReadOnlyList<ReviewItem> Silent, int SilentDays);

/// <summary>The office's work queue: submissions to confirm, extensions to decide, units silent too long.</summary>
[Authorize(Policy = Policies.ReviewQueue)]
public sealed class ReviewController(ParPortalDbContext db, PortalDay portalDay) : Controller
{
    public const int Limit = 200;

    [HttpGet("/review")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var day = portalDay.Today();
        var submitted = await db.Assignments.Where(a => a.Status == AssignmentStatus.Submitted).OrderBy(a => a.SubmittedAt).Take(Limit)
            .Select(a => new { a.Id, a.SubmittedAt }).ToListAsync(cancellationToken);
        var extensions = await db.Assignments.Where(a => a.Extension == ExtensionState.Pending).Take(Limit)
            .Select(a => new { a.Id, a.ExtensionRequestedTo, a.ExtensionReason }).ToListAsync(cancellationToken);
        // Silent by the one rule: running work not reported on for SilentDays days, with or without a deadline, counted
        // from the assignment when the unit never reported. The longest silence first.
        var silent = await db.Assignments.WhereExpanded(a => AssignmentRules.Silent.Invoke(a, day))
            .OrderBy(a => a.HeardOn).ThenBy(a => a.Id).Take(Limit)
            .Select(a => new { a.Id, a.LastReportAt }).ToListAsync(cancellationToken);

        var ids = submitted.Select(x => x.Id).Concat(extensions.Select(x => x.Id)).Concat(silent.Select(x => x.Id)).Distinct().ToList();
        var rows = (await db.Assignments.Where(a => ids.Contains(a.Id)).ToRowsAsync(day, cancellationToken)).ToDictionary(r => r.Id);
        return View(new ReviewModel(
            submitted.Select(x => new ReviewItem(rows[x.Id], x.SubmittedAt, null, null)).ToList(),
            extensions.Select(x => new ReviewItem(rows[x.Id], null, x.ExtensionRequestedTo, x.ExtensionReason)).ToList(),
            silent.Select(x => new ReviewItem(rows[x.Id], x.LastReportAt, null, null)).ToList(),
            day.Settings.SilentDays));
    }
}
