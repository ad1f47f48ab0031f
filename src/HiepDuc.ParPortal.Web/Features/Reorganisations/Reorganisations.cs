using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Reorganisations;

/// <summary>What applying a reorganisation would move: the dry run, and the record of what it did.</summary>
public sealed record ReorganisationPreview(
    IReadOnlyList<PreviewAssignment> Moving,
    int StayingClosed,
    IReadOnlyList<PreviewUser> Users,
    IReadOnlyList<PreviewSeries> Series,
    IReadOnlyList<string> Groups);

public sealed record PreviewAssignment(int Id, string Unit, string DirectiveLabel, string DirectiveTitle, AssignmentStatus Status, DateOnly? LastDayInForce, int DirectiveId = 0);

public sealed record PreviewUser(string Id, string UserName, string FullName, string Unit, bool IsActive);

public sealed record PreviewSeries(string Kpi, int Figures, DateOnly? First, DateOnly? Last);

/// <summary>
/// Applies reorganisations on their effective date, each in one transaction: the predecessors' open work moves to the
/// successor (one timeline event each, told to the successor's heads), the predecessors become former units, their
/// accounts move to the successor (and sign in again, so that nobody keeps a former unit's access), and the unit
/// groups name the successor instead. Called by the daily reminder run before it reminds anyone, and when a change
/// is scheduled for a day that has come.
/// </summary>
public sealed class Reorganisations(ParPortalDbContext db, TimeProvider clock)
{
    public static readonly Actor Reorganiser = new(null, "Sắp xếp đơn vị hành chính");

    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var due = await db.Reorganisations.Where(r => r.State == ReorganisationState.Scheduled && r.EffectiveOn <= today)
            .OrderBy(r => r.EffectiveOn).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await ApplyAsync(id, cancellationToken);
        }

        return due.Count;
    }

    public async Task<ReorganisationPreview> PreviewAsync(Reorganisation r, CancellationToken cancellationToken)
    {
        var ids = r.Predecessors.Select(p => p.UnitId).ToList();
        var moving = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.UnitId)).WhereExpanded(a => AssignmentRules.Open.Invoke(a))
            .OrderBy(a => a.Unit.Name).ThenBy(a => a.Directive.Notice.MeetingDate).ThenBy(a => a.Directive.SortOrder)
            .Select(a => new PreviewAssignment(a.Id, a.Unit.ShortName ?? a.Unit.Name, a.Directive.Label, a.Directive.Title, a.Status, a.LastDayInForce, a.DirectiveId))
            .ToListAsync(cancellationToken);
        var closed = await db.Assignments.CountAsync(a => ids.Contains(a.UnitId) && (a.Status == AssignmentStatus.Completed || a.Status == AssignmentStatus.Cancelled), cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.UnitId != null && ids.Contains(u.UnitId.Value)).OrderBy(u => u.UserName)
            .Select(u => new PreviewUser(u.Id, u.UserName!, u.FullName, db.Units.Where(x => x.Id == u.UnitId).Select(x => x.ShortName ?? x.Name).First(), u.IsActive))
            .ToListAsync(cancellationToken);
        var series = await db.KpiMeasurements.AsNoTracking().Where(m => m.UnitId != null && ids.Contains(m.UnitId.Value))
            .GroupBy(m => m.KpiId)
            .Select(g => new { g.Key, Count = g.Count(), First = g.Min(m => m.Period.Start), Last = g.Max(m => m.Period.End) })
            .ToListAsync(cancellationToken);
        var kpiNames = await db.KpiDefinitions.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        var groups = await db.UnitGroups.AsNoTracking().Where(g => g.IsActive && g.Members.Any(m => ids.Contains(m.UnitId))).Select(g => g.Name).ToListAsync(cancellationToken);
        return new ReorganisationPreview(moving, closed, users, series.Select(s => new PreviewSeries(kpiNames[s.Key], s.Count, s.First, s.Last)).ToList(), groups);
    }

    private async Task ApplyAsync(int id, CancellationToken cancellationToken)
    {
        var r = await db.Reorganisations.SingleAsync(x => x.Id == id, cancellationToken);
        var ids = r.Predecessors.Select(p => p.UnitId).ToList();
        var successorIds = r.OtherSuccessors.Select(s => s.UnitId).Append(r.SuccessorUnitId).ToList();
        var successors = await db.Units.Where(u => successorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var successor = successors[r.SuccessorUnitId];
        var now = clock.GetUtcNow();
        var why = $"{r.Title}{(r.LegalBasis is { } basis ? $" ({basis})" : string.Empty)}, từ ngày {Shared.Format.Date(r.EffectiveOn)}";

        var open = await db.Assignments.Where(a => ids.Contains(a.UnitId)).WhereExpanded(a => AssignmentRules.Open.Invoke(a)).ToListAsync(cancellationToken);
        foreach (var assignment in open)
        {
            assignment.TransferTo(successors[r.SuccessorOf(assignment.Id)], why, Reorganiser, now, r.CarriedDeadline, r.EffectiveOn);
        }

        // A successor now carrying several shares of one directive (its predecessors' each, and its own) reports once:
        // they become the one share kept, the others merged into it with their history.
        var directiveIds = open.Select(a => a.DirectiveId).Distinct().ToList();
        var alreadyThere = await db.Assignments.Where(a => successorIds.Contains(a.UnitId) && directiveIds.Contains(a.DirectiveId))
            .WhereExpanded(a => AssignmentRules.Open.Invoke(a)).ToListAsync(cancellationToken);
        Assignment.MergeShares(open.Concat(alreadyThere), kept => $"{why}: gộp vào một phân công của {successors[kept.UnitId].Name}", Reorganiser, now);

        foreach (var unit in await db.Units.Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken))
        {
            unit.SucceedBy(successor.Id, r.EffectiveOn);
        }

        foreach (var user in await db.Users.Where(u => u.UnitId != null && ids.Contains(u.UnitId.Value)).ToListAsync(cancellationToken))
        {
            user.SetProfile(user.FullName, user.Email, successor.Id);
            user.SecurityStamp = Guid.NewGuid().ToString(); // the next request signs them in again, with the successor's claims
        }

        foreach (var group in await db.UnitGroups.Include(g => g.Members).Where(g => g.Members.Any(m => ids.Contains(m.UnitId))).ToListAsync(cancellationToken))
        {
            group.SetMembers(group.Members.Select(m => ids.Contains(m.UnitId) ? successor.Id : m.UnitId).ToList());
        }

        r.MarkApplied(open.Count, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
