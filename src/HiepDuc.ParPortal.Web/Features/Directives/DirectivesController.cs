using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Directives;

public sealed class DirectivesController(ParPortalDbContext db, TimeProvider clock) : Controller
{
    public const int TimelineLimit = 100;

    [HttpGet("/directives/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var d = await db.Directives.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id,
                x.NoticeId,
                NoticeTitle = x.Notice.Title,
                NoticeNumber = x.Notice.Number,
                x.Notice.MeetingDate,
                x.Label,
                x.Title,
                x.FullText,
                x.IsCancelled,
                x.CancelReason,
                x.Deadline.Kind,
                x.Deadline.LastDay,
                x.Deadline.IsUrgent,
                x.Deadline.WrittenAs,
                Monitor = db.Units.Where(u => u.Id == x.MonitoringUnitId).Select(u => u.Name).FirstOrDefault(),
                References = x.References.Select(r => r.Text).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (d is null)
        {
            return NotFound();
        }

        var facts = await db.Assignments.Where(a => a.DirectiveId == id).SelectFacts().ToListAsync(cancellationToken);
        var latestReports = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Assignment.DirectiveId == id && r.ReportedAt == r.Assignment.LastReportAt)
            .Select(r => new { r.AssignmentId, r.Text })
            .ToListAsync(cancellationToken);
        var timeline = await db.AssignmentEvents.AsNoTracking()
            .Where(e => e.Assignment.DirectiveId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(TimelineLimit)
            .Select(e => new TimelineRow(e.At, e.Kind, e.Assignment.Unit.ShortName ?? e.Assignment.Unit.Name, e.ByName, e.Text, e.NewLastDay))
            .ToListAsync(cancellationToken);

        var today = clock.Today();
        var reportText = latestReports.ToDictionary(r => r.AssignmentId, r => r.Text);
        var model = new DirectiveDetailsModel
        {
            Id = d.Id,
            NoticeId = d.NoticeId,
            NoticeTitle = d.NoticeTitle,
            NoticeNumber = d.NoticeNumber,
            MeetingDate = d.MeetingDate,
            Label = d.Label,
            Title = d.Title,
            FullText = d.FullText,
            IsCancelled = d.IsCancelled,
            CancelReason = d.CancelReason,
            Deadline = Deadline.Restore(d.Kind, d.LastDay, d.IsUrgent, d.WrittenAs),
            MonitoringUnit = d.Monitor,
            References = d.References,
            Rollup = AssignmentFacts.Rollup(d.IsCancelled, facts, today),
            Assignments = facts
                .Select(f => new DirectiveAssignmentRow(f, f.TimingOn(today), reportText.GetValueOrDefault(f.Id)))
                .OrderBy(r => r.Facts.Role).ThenBy(r => r.Timing.UrgencyRank).ThenBy(r => r.Facts.UnitName, StringComparer.Ordinal)
                .ToList(),
            Timeline = timeline,
        };
        return View(model);
    }
}
