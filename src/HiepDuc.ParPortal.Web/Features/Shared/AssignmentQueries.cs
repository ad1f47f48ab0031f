using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Shared;

public static class AssignmentQueries
{
    /// <summary>Projects assignments to <see cref="AssignmentFacts"/> in one SQL query, their state computed in SQL by <see cref="AssignmentRules.State"/>.</summary>
    public static IQueryable<AssignmentFacts> SelectFacts(this IQueryable<Assignment> assignments, SignalDay day) =>
        assignments.AsNoTracking().SelectExpanded(a => new AssignmentFacts(
            a.Id, a.DirectiveId, a.UnitId, a.Unit.ShortName ?? a.Unit.Name, a.Role, a.Status, a.Progress,
            a.LastDayInForce, a.HeardOn, a.SubmittedOn, a.AcceptedSubmissionOn, a.LastReportAt,
            AssignmentRules.State.Invoke(a, day), day.Today, a.LateDays, a.ObjectiveCause != null));
}

public static class AssignmentRowQueries
{
    /// <summary>
    /// The text of each assignment's latest report, for the given assignments. Reports made in the same instant (a paper
    /// report and a submission) share the timestamp: the newest row wins.
    /// </summary>
    public static async Task<Dictionary<int, string>> LatestReportTextsAsync(this Data.ParPortalDbContext db, IQueryable<Assignment> assignments, CancellationToken cancellationToken = default)
    {
        var reports = await db.ProgressReports.AsNoTracking()
            .Where(r => assignments.Any(a => a.Id == r.AssignmentId) && r.ReportedAt == r.Assignment.LastReportAt)
            .Select(r => new { r.Id, r.AssignmentId, r.Text })
            .ToListAsync(cancellationToken);
        return reports.GroupBy(r => r.AssignmentId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!.Text);
    }

    /// <summary>Loads assignments as list rows (one SQL query), their state on <paramref name="day"/> computed in SQL by <see cref="AssignmentRules.State"/>.</summary>
    public static async Task<List<AssignmentRow>> ToRowsAsync(this IQueryable<Assignment> assignments, SignalDay day, CancellationToken cancellationToken = default)
    {
        var rows = await assignments.AsNoTracking()
            .SelectExpanded(a => new
            {
                a.Id,
                a.DirectiveId,
                a.Directive.Label,
                a.Directive.Title,
                a.Directive.Notice.MeetingDate,
                Unit = a.Unit.ShortName ?? a.Unit.Name,
                a.UnitId,
                // Work a reorganisation carried over names the unit first given it.
                CarriedFrom = a.OriginUnitId != a.UnitId ? a.OriginUnit.ShortName ?? a.OriginUnit.Name : null,
                a.Role,
                a.Status,
                a.Progress,
                a.Deadline.Kind,
                a.Deadline.LastDay,
                a.Deadline.IsUrgent,
                a.Deadline.WrittenAs,
                a.Deadline.RecurrenceCode,
                a.LastDayInForce,
                a.ExtendedTo,
                a.HeardOn,
                a.SubmittedOn,
                a.AcceptedSubmissionOn,
                a.LastReportAt,
                a.AssignedOn,
                a.LateDays,
                a.InheritedLateDays,
                Excused = a.ObjectiveCause != null,
                a.Extension,
                State = AssignmentRules.State.Invoke(a, day),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
            {
                var deadline = Deadline.Restore(r.Kind, r.LastDay, r.IsUrgent, r.WrittenAs, r.RecurrenceCode);
                var timing = Timing.Of(r.State, r.LastDayInForce, r.HeardOn, r.SubmittedOn, r.AcceptedSubmissionOn, day.Today, r.LateDays, r.Excused)
                    with { MissedCycles = Assignment.MissedCycles(r.Status, deadline, r.LastDayInForce, day.Today), Inherited = r.InheritedLateDays };
                return new AssignmentRow(
                    r.Id, r.DirectiveId, r.Label, r.Title, r.MeetingDate, r.Unit, r.Role, r.Status, r.Progress,
                    deadline, r.LastDayInForce, r.ExtendedTo, r.LastReportAt, r.AssignedOn, timing, r.Extension, r.UnitId, r.CarriedFrom);
            })
            .ToList();
    }
}
