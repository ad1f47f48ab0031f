using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Directives;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Assignments;

/// <summary>"Phân công": one unit's share of one directive. Who may see it is decided by the resource handler.</summary>
public sealed class AssignmentsController(ParPortalDbContext db, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    [HttpGet("/assignments/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var a = await db.Assignments.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new AssignmentDetailsModel
            {
                Id = x.Id,
                UnitId = x.UnitId,
                UnitName = x.Unit.Name,
                DirectiveId = x.DirectiveId,
                DirectiveLabel = x.Directive.Label,
                DirectiveTitle = x.Directive.Title,
                DirectiveText = x.Directive.FullText,
                NoticeId = x.Directive.NoticeId,
                MeetingDate = x.Directive.Notice.MeetingDate,
                Role = x.Role,
                Status = x.Status,
                Progress = x.Progress,
                DeadlineKind = x.Deadline.Kind,
                DeadlineLastDay = x.Deadline.LastDay,
                DeadlineUrgent = x.Deadline.IsUrgent,
                DeadlineWrittenAs = x.Deadline.WrittenAs,
                ExtendedTo = x.ExtendedTo,
                LastDayInForce = x.LastDayInForce,
                SubmittedAt = x.SubmittedAt,
                AcceptedSubmissionOn = x.AcceptedSubmissionOn,
                Extension = x.Extension,
                ExtensionRequestedTo = x.ExtensionRequestedTo,
                ExtensionReason = x.ExtensionReason,
                Version = x.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new AssignmentResource(a.Id, a.UnitId), AssignmentOperations.Read)).Succeeded)
        {
            return Forbid();
        }

        a.Reports = await db.ProgressReports.AsNoTracking()
            .Where(r => r.AssignmentId == id)
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)
            .Select(r => new ReportRow(r.Id, r.Kind, r.Text, r.Progress, r.ReportedByName, r.ReportedAt, r.ReceivedOnPaper))
            .ToListAsync(cancellationToken);
        a.Timeline = await db.AssignmentEvents.AsNoTracking()
            .Where(e => e.AssignmentId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new TimelineRow(e.At, e.Kind, a.UnitName, e.ByName, e.Text, e.NewLastDay))
            .ToListAsync(cancellationToken);
        a.Deadline = Deadline.Restore(a.DeadlineKind, a.DeadlineLastDay, a.DeadlineUrgent, a.DeadlineWrittenAs);
        a.Timing = Domain.Assignments.Timing.Compute(a.Status, a.LastDayInForce, a.SubmittedAt is { } s ? PortalCalendar.DateOf(s) : null, a.AcceptedSubmissionOn, clock.Today());
        return View(a);
    }
}
