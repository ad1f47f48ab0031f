using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Kpis;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.MyUnit;

public sealed record MyUnitModel(int UnitId, string UnitName, IReadOnlyList<AssignmentRow> Assignments, int Total, IReadOnlyList<Kpis.UnitKpiRow> Figures);

/// <summary>"Nhiệm vụ của đơn vị": a unit head's landing page — their unit's assignments, most urgent first.</summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class MyUnitController(ParPortalDbContext db, PortalDay portalDay) : Controller
{
    /// <summary>The landing page shows the most urgent work; the full, paged list is /assignments.</summary>
    public const int Shown = 200;

    [HttpGet("/my-unit")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var unitId = User.GetUnitId() ?? 0;
        var day = portalDay.Today();
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        // Shares merged into the unit's one assignment of a directive are read there, not listed again.
        var mine = db.Assignments.VisibleTo(User).Where(a => a.MergedIntoId == null);
        var total = await mine.CountAsync(cancellationToken);

        // Ranked in SQL by the urgency of each assignment's state (AssignmentRules.UrgencyRank of AssignmentRules.State),
        // the earliest deadline in force first, the newest directive first. Only the rows shown are then read with their
        // directive and notice.
        var shown = mine
            .OrderBy(Rules.Expand<Func<Domain.Assignments.Assignment, int>>(a => AssignmentRules.UrgencyRank.Invoke(AssignmentRules.State.Invoke(a, day))))
            .ThenBy(a => a.LastDayInForce == null).ThenBy(a => a.LastDayInForce)
            .ThenByDescending(a => a.DirectiveId).ThenBy(a => a.Id)
            .Take(Shown)
            .Select(a => a.Id);
        var rows = (await db.Assignments.Where(a => shown.Contains(a.Id)).ToRowsAsync(day, cancellationToken))
            .OrderBy(r => r.Timing.UrgencyRank)
            .ThenBy(r => r.LastDayInForce ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.DirectiveId).ThenBy(r => r.Id)
            .ToList();
        var figures = (await db.UnitLatestFiguresAsync(unitId, cancellationToken)).Where(f => f.Latest is not null).ToList();
        return View(new MyUnitModel(unitId, unitName, rows, total, figures));
    }
}
