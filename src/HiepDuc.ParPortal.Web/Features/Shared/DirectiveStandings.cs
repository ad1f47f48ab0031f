using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>
/// Each directive's standing on a day — its roll-up, light and signal — the one way every surface reads it: the lists,
/// the notice and directive pages, the workbook, the dashboard and its print view, the Word report, the public page and
/// the API. One grouped query counts the assignments of the given directives by the roll-up's own counting
/// (<see cref="RollupCounts.Counting"/>, in SQL), whatever unit or filter a page was opened with.
/// </summary>
public static class DirectiveStandings
{
    public static async Task<Dictionary<int, DirectiveStanding>> StandingsAsync(this Data.ParPortalDbContext db, IReadOnlyCollection<int> directiveIds, SignalDay day, CancellationToken cancellationToken)
    {
        if (directiveIds.Count == 0)
        {
            return [];
        }

        var heads = await db.Directives.AsNoTracking().Where(d => directiveIds.Contains(d.Id))
            .Select(d => new { d.Id, d.IsCancelled, d.Notice.MeetingDate, d.Deadline.LastDay })
            .ToListAsync(cancellationToken);
        var counts = (await db.Assignments.AsNoTracking().Where(a => directiveIds.Contains(a.DirectiveId))
                .SelectExpanded(a => new { a.DirectiveId, a.Role, a.Status, a.Progress, State = AssignmentRules.State.Invoke(a, day) })
                .Where(r => r.State != TimingState.Cancelled)
                .GroupBy(r => r.DirectiveId, r => new AssignmentSnapshot { Role = r.Role, Status = r.Status, Progress = r.Progress, State = r.State })
                .SelectExpanded(g => new { DirectiveId = g.Key, Counts = RollupCounts.Counting.Invoke(g) })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.DirectiveId, c => c.Counts);
        return heads.ToDictionary(h => h.Id, h => DirectiveStanding.Of(
            DirectiveRollup.FromCounts(counts.GetValueOrDefault(h.Id), h.IsCancelled), h.MeetingDate, h.LastDay, day.Today));
    }
}
