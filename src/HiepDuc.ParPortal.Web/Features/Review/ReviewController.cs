using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Review;

/// <summary>One row of the queue; for silent work <see cref="Since"/> is the last report, null when the unit never reported.</summary>
public sealed record ReviewItem(AssignmentRow Row, DateTimeOffset? Since, DateOnly? RequestedTo, string? Reason);

public sealed record ReviewModel(IReadOnlyList<ReviewItem> Submitted, IReadOnlyList<ReviewItem> Extensions, IReadOnlyList<ReviewItem> Silent, int SilentDays)
{
    /// <summary>How the silent work is grouped: by unit (one urging per unit lists its work) or by directive.</summary>
    public ReviewGrouping By { get; init; }

    /// <summary>The silent work in groups, each with its heading: a unit's name, or a directive's label and title.</summary>
    public IReadOnlyList<(string Key, string Heading, IReadOnlyList<ReviewItem> Items)> SilentGroups => By == ReviewGrouping.Directive
        ? Silent.GroupBy(i => i.Row.DirectiveId).Select(g => ($"d{g.Key}", $"{g.First().Row.DirectiveLabel}. {g.First().Row.DirectiveTitle}", (IReadOnlyList<ReviewItem>)g.ToList())).ToList()
        : Silent.GroupBy(i => i.Row.UnitId).Select(g => ($"u{g.Key}", g.First().Row.UnitName, (IReadOnlyList<ReviewItem>)g.ToList())).OrderByDescending(g => g.Item3.Count).ToList();
}

public enum ReviewGrouping
{
    Unit,
    Directive,
}

/// <summary>The office urges many assignments at once: one urging per assignment on its timeline, one message per unit.</summary>
public sealed class UrgeManyForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(8000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Action_Message")]
    public string? Text { get; set; }

    public List<int> Ids { get; set; } = [];

    public ReviewGrouping By { get; set; }
}

/// <summary>The office's work queue: submissions to confirm, extensions to decide, units silent too long.</summary>
[Authorize(Policy = Policies.ReviewQueue)]
public sealed class ReviewController(ParPortalDbContext db, PortalDay portalDay, IAuthorizationService authorization, ICurrentActor currentActor, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : Controller
{
    public const int Limit = 200;

    /// <summary>At most this many assignments are urged by one form.</summary>
    public const int UrgeLimit = Limit;

    [HttpGet("/review")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    public async Task<IActionResult> Index(ReviewGrouping by, CancellationToken cancellationToken)
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
            day.Settings.SilentDays) { By = by });
    }

    /// <summary>
    /// Urges the chosen assignments with one message: an urging on each one's timeline (each checked as the office's
    /// right on that assignment), saved together, so that each unit's people get one notification listing their work.
    /// </summary>
    [HttpPost("/review/urge")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> UrgeMany(UrgeManyForm form, CancellationToken cancellationToken)
    {
        var ids = form.Ids.Distinct().Take(UrgeLimit + 1).ToList();
        if (ids.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Ids), l["Review_UrgeNone"]);
        }
        else if (ids.Count > UrgeLimit)
        {
            ModelState.AddModelError(nameof(form.Ids), l.GetString("Review_UrgeTooMany", UrgeLimit).Value);
        }

        if (!ModelState.IsValid)
        {
            TempData[Flash.Key] = ModelState.Messages();
            return RedirectToAction(nameof(Index), new { by = form.By });
        }

        var assignments = await db.Assignments.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        foreach (var a in assignments)
        {
            if (!(await authorization.AuthorizeAsync(User, new AssignmentResource(a.Id, a.UnitId), AssignmentOperations.Review)).Succeeded)
            {
                return Forbid();
            }
        }

        var now = clock.GetUtcNow();
        var urged = assignments.Where(a => AssignmentRules.Open.Invoke(a)).ToList();
        foreach (var a in urged)
        {
            a.Note(AssignmentEventKind.Urged, currentActor.Actor, form.Text!, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = l.GetString("Review_Urged", urged.Count, urged.Select(a => a.UnitId).Distinct().Count()).Value;
        return RedirectToAction(nameof(Index), new { by = form.By });
    }
}
