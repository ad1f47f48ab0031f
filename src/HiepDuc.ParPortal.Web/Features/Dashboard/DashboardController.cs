using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Dashboard;

public sealed record DashboardModel(
    DateOnly Today,
    IReadOnlyDictionary<DirectiveState, int> Directives,
    IReadOnlyDictionary<TimingState, int> Assignments,
    IReadOnlyList<(int Id, string Label, string Title, DirectiveRollup Rollup)> OverdueDirectives);

/// <summary>"Bảng điều hành": the chairman's landing page — what is late, at a glance.</summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class DashboardController(ParPortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var directives = await db.Directives.AsNoTracking().Select(d => new { d.Id, d.Label, d.Title, d.IsCancelled }).ToListAsync(cancellationToken);
        var facts = await db.Assignments.SelectFacts().ToListAsync(cancellationToken);
        var byDirective = facts.ToLookup(f => f.DirectiveId);
        var rollups = directives.Select(d => (d.Id, d.Label, d.Title, Rollup: AssignmentFacts.Rollup(d.IsCancelled, byDirective[d.Id], today))).ToList();
        var model = new DashboardModel(
            today,
            rollups.GroupBy(r => r.Rollup.State).ToDictionary(g => g.Key, g => g.Count()),
            facts.GroupBy(f => f.TimingOn(today).State).ToDictionary(g => g.Key, g => g.Count()),
            rollups.Where(r => r.Rollup.State == DirectiveState.Overdue).ToList());
        return View(model);
    }
}
