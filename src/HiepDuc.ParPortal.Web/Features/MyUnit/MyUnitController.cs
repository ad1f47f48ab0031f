using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.MyUnit;

public sealed record MyUnitModel(string UnitName, IReadOnlyList<AssignmentRow> Assignments, int Total);

/// <summary>"Nhiệm vụ của đơn vị": a unit head's landing page — their unit's assignments, most urgent first.</summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class MyUnitController(ParPortalDbContext db, TimeProvider clock) : Controller
{
    /// <summary>The landing page shows the most urgent work; the full, paged list is /assignments.</summary>
    public const int Shown = 200;

    [HttpGet("/my-unit")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var unitId = User.GetUnitId();
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        var rows = await db.Assignments.VisibleTo(User).ToRowsAsync(clock.Today(), cancellationToken);
        var sorted = rows
            .OrderBy(r => r.Timing.UrgencyRank)
            .ThenByDescending(r => r.Timing.State == Domain.Assignments.TimingState.Overdue ? r.Timing.Days : 0)
            .ThenBy(r => r.LastDayInForce ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.Deadline.IsUrgent)
            .ThenByDescending(r => r.MeetingDate).ThenBy(r => r.DirectiveLabel, StringComparer.Ordinal)
            .Take(Shown)
            .ToList();
        return View(new MyUnitModel(unitName, sorted, rows.Count));
    }
}
