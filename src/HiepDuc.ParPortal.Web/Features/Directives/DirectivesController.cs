using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Directives;

public sealed class DirectivesController(ParPortalDbContext db, IAuthorizationService authorization, PortalDay portalDay) : Controller
{
    public const int TimelineLimit = 100;
    public const int PageSize = 50;

    /// <summary>Every directive of every notice, newest notice first (the office's landing page), with filters in the query string.</summary>
    [HttpGet("/directives")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    [Authorize(Policy = Policies.ReadAll)]
    public async Task<IActionResult> Index([FromQuery] DirectiveFilter filter, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            filter = new DirectiveFilter();
        }

        var day = portalDay.Today();
        // No count over the table: the total is counted up to a cap, and the page is read from its cursor on.
        var total = await db.Directives.AsNoTracking().Apply(filter, day.Today, fromCursor: false)
            .Take(DirectiveListModel.TotalCap + 1).CountAsync(cancellationToken);
        var page = await db.Directives.AsNoTracking().Apply(filter, day.Today)
            .Take(PageSize + 1)
            .Select(d => new { d.Id, d.NoticeId, d.Notice.MeetingDate, d.SortOrder, d.Label, d.Title, d.IsCancelled, d.Deadline.Kind, d.Deadline.LastDay, d.Deadline.IsUrgent, d.Deadline.WrittenAs, d.Deadline.RecurrenceCode })
            .ToListAsync(cancellationToken);
        var directives = page.Take(PageSize).ToList();
        var next = page.Count > PageSize && directives[^1] is var last
            ? new DirectiveCursor(last.MeetingDate, last.NoticeId, last.SortOrder, last.LastDay, last.Id, last.Label).For(filter.Sort)
            : null;
        var standings = await db.StandingsAsync(directives.Select(d => d.Id).ToList(), day, cancellationToken);
        var rows = directives
            .Select(d => new DirectiveListRow(d.Id, d.NoticeId, d.MeetingDate, d.Label, d.Title, Deadline.Restore(d.Kind, d.LastDay, d.IsUrgent, d.WrittenAs, d.RecurrenceCode), standings[d.Id]))
            .ToList();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new Work.Option(u.Id, u.ShortName ?? u.Name)).ToListAsync(cancellationToken);
        return View(new DirectiveListModel(rows, filter, total, next, units));
    }

    /// <summary>The filtered directive list as a workbook, with each directive's roll-up.</summary>
    [HttpGet("/directives/export.xlsx")]
    [Authorize(Policy = Policies.ReadAll)]
    public async Task<IActionResult> Export([FromQuery] DirectiveFilter filter, [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var day = portalDay.Today();
        var directives = await db.Directives.AsNoTracking().Apply(filter, day.Today).Take(Work.WorkController.ExportLimit)
            .Select(d => new { d.Id, d.Notice.MeetingDate, d.Notice.Number, d.Label, d.Title, d.IsCancelled, d.Deadline.Kind, d.Deadline.LastDay, d.Deadline.IsUrgent, d.Deadline.WrittenAs, d.Deadline.RecurrenceCode })
            .ToListAsync(cancellationToken);
        var standings = await db.StandingsAsync(directives.Select(d => d.Id).ToList(), day, cancellationToken);
        var rows = directives.Select(d =>
        {
            var standing = standings[d.Id];
            var rollup = standing.Rollup;
            var deadline = Deadline.Restore(d.Kind, d.LastDay, d.IsUrgent, d.WrittenAs, d.RecurrenceCode);
            return new Dictionary<string, object?>
            {
                ["Thông báo số"] = d.Number, ["Ngày họp"] = d.MeetingDate.ToDateTime(TimeOnly.MinValue), ["Mục"] = d.Label, ["Nhiệm vụ"] = d.Title,
                ["Thời hạn (như văn bản)"] = l.DeadlineAsWritten(deadline), ["Hạn cuối"] = d.LastDay?.ToDateTime(TimeOnly.MinValue),
                ["Tình trạng"] = Shared.LocalizerExtensions.Enum(l, standing.Signal), ["Tiến độ (%)"] = rollup.Progress,
                ["Số đơn vị"] = rollup.Active, ["Hoàn thành"] = rollup.Completed, ["Quá hạn"] = rollup.Overdue,
            };
        }).ToList();
        var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, new Dictionary<string, object> { ["Nhiệm vụ"] = rows }, cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, Reports.ReportsController.Xlsx, "nhiem-vu.xlsx");
    }

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
                x.Deadline.RecurrenceCode,
                Monitor = db.Units.Where(u => u.Id == x.MonitoringUnitId).Select(u => u.Name).FirstOrDefault(),
                References = x.References.Select(r => r.Text).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (d is null)
        {
            return NotFound();
        }

        var assignedUnits = await db.Assignments.Where(a => a.DirectiveId == id).Select(a => a.UnitId).ToListAsync(cancellationToken);
        if (!(await authorization.AuthorizeAsync(User, new DirectiveResource(id, assignedUnits), AssignmentOperations.Read)).Succeeded)
        {
            return Forbid();
        }

        // A unit head sees the directive and their own unit's share of it, nothing of the others'.
        var visible = db.Assignments.VisibleTo(User).Where(a => a.DirectiveId == id);
        var facts = await visible.SelectFacts(portalDay.Today()).ToListAsync(cancellationToken);
        var reportText = await db.LatestReportTextsAsync(visible, cancellationToken);
        var assignmentEvents = await db.AssignmentEvents.AsNoTracking()
            .Where(e => visible.Any(a => a.Id == e.AssignmentId))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(TimelineLimit)
            .Select(e => new TimelineRow(e.At, e.Kind, e.UnitName ?? e.Assignment.Unit.ShortName ?? e.Assignment.Unit.Name, e.ByName, e.Text, e.NewLastDay) { LateDays = e.LateDays })
            .ToListAsync(cancellationToken);
        var directiveEvents = await db.DirectiveEvents.AsNoTracking()
            .Where(e => e.DirectiveId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(TimelineLimit)
            .Select(e => new { e.At, e.Kind, e.ByName, e.Text })
            .ToListAsync(cancellationToken);
        var timeline = assignmentEvents
            .Concat(directiveEvents.Select(e => new TimelineRow(e.At, $"{nameof(Domain.Notices.DirectiveEventKind)}_{e.Kind}", string.Empty, e.ByName, e.Text, null)))
            .OrderByDescending(e => e.At)
            .Take(TimelineLimit)
            .ToList();

        var targets = await db.DirectiveTargets.AsNoTracking().Where(t => t.DirectiveId == id).ToListAsync(cancellationToken);
        var verdicts = new List<DataVerdict>();
        foreach (var t in targets)
        {
            verdicts.Add(await Kpis.DirectiveVerdicts.JudgeAsync(db, t, portalDay.Settings.CoveragePercent, cancellationToken));
        }

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
            Deadline = Deadline.Restore(d.Kind, d.LastDay, d.IsUrgent, d.WrittenAs, d.RecurrenceCode),
            MonitoringUnit = d.Monitor,
            References = d.References,
            Rollup = AssignmentFacts.Rollup(d.IsCancelled, facts),
            Standing = (await db.StandingsAsync([d.Id], portalDay.Today(), cancellationToken))[d.Id],
            IsPartialView = !User.SeesAllUnits(),
            Assignments = facts
                .Select(f => new DirectiveAssignmentRow(f, f.Timing, reportText.GetValueOrDefault(f.Id)))
                .OrderBy(r => r.Facts.Role).ThenBy(r => r.Timing.UrgencyRank).ThenBy(r => r.Facts.UnitName, StringComparer.Ordinal)
                .ToList(),
            Timeline = timeline,
            Verdicts = verdicts,
            Directions = directiveEvents.Where(e => e.Kind == Domain.Notices.DirectiveEventKind.Direction)
                .Select(e => new Assignments.DirectionRow(e.At, e.ByName, e.Text ?? string.Empty)).ToList(),
        };
        return View(model);
    }
}
