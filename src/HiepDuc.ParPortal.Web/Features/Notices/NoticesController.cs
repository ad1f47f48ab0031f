using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Notices;

public sealed class NoticesController(ParPortalDbContext db, TimeProvider clock) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/notices")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var total = await db.Notices.CountAsync(cancellationToken);
        var notices = await db.Notices.AsNoTracking()
            .OrderByDescending(n => n.MeetingDate).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NoticeListItem(n.Id, n.Number, n.IssueDate, n.MeetingDate, n.Title, n.MeetingBody, n.Session, n.ChairedBy))
            .ToListAsync(cancellationToken);

        var ids = notices.Select(n => n.Id).ToList();
        var directives = await db.Directives.AsNoTracking()
            .Where(d => ids.Contains(d.NoticeId))
            .Select(d => new { d.Id, d.NoticeId, d.IsCancelled })
            .ToListAsync(cancellationToken);
        var facts = await db.Assignments.VisibleTo(User).Where(a => ids.Contains(a.Directive.NoticeId)).SelectFacts().ToListAsync(cancellationToken);

        var today = clock.Today();
        var byDirective = facts.ToLookup(f => f.DirectiveId);
        foreach (var notice in notices)
        {
            var rollups = directives.Where(d => d.NoticeId == notice.Id)
                .Select(d => AssignmentFacts.Rollup(d.IsCancelled, byDirective[d.Id], today))
                .ToList();
            notice.Summary = NoticeProgress.From(rollups);
        }

        return View(new NoticeListModel(notices, page, PageSize, total));
    }

    [HttpGet("/notices/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new NoticeDetailsModel
            {
                Id = n.Id,
                Number = n.Number,
                IssuingBody = n.IssuingBody,
                IssueDate = n.IssueDate,
                MeetingDate = n.MeetingDate,
                Title = n.Title,
                MeetingBody = n.MeetingBody,
                Session = n.Session,
                ChairedBy = n.ChairedBy,
                SignedBy = n.SignedBy,
                FullText = n.FullText,
                References = n.References.Select(r => r.Text).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }

        var directives = await db.Directives.AsNoTracking()
            .Where(d => d.NoticeId == id)
            .OrderBy(d => d.SortOrder)
            .Select(d => new
            {
                d.Id,
                d.Label,
                d.Title,
                d.IsCancelled,
                d.Deadline.Kind,
                d.Deadline.LastDay,
                d.Deadline.IsUrgent,
                d.Deadline.WrittenAs,
            })
            .ToListAsync(cancellationToken);
        var facts = await db.Assignments.VisibleTo(User).Where(a => a.Directive.NoticeId == id).SelectFacts().ToListAsync(cancellationToken);
        var byDirective = facts.ToLookup(f => f.DirectiveId);
        var today = clock.Today();

        notice.Directives = directives.Select(d => new NoticeDirectiveRow(
            d.Id,
            d.Label,
            d.Title,
            Deadline.Restore(d.Kind, d.LastDay, d.IsUrgent, d.WrittenAs),
            AssignmentFacts.Rollup(d.IsCancelled, byDirective[d.Id], today),
            byDirective[d.Id].OrderBy(a => a.Role).ThenBy(a => a.UnitName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList()))
            .ToList();

        notice.Figures = await db.KpiMeasurements.AsNoTracking()
            .Where(m => m.NoticeId == id)
            .OrderBy(m => m.KpiId).ThenBy(m => m.Period.End).ThenBy(m => m.UnitId)
            .Select(m => new NoticeFigureRow(
                m.Kpi.Name,
                m.Kpi.Kind,
                m.UnitId == null ? null : db.Units.Where(u => u.Id == m.UnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                new KpiPeriod(m.Period.Start, m.Period.End),
                m.Numerator,
                m.Denominator,
                m.StatedRate,
                m.Qualifier,
                m.Note))
            .ToListAsync(cancellationToken);

        return View(notice);
    }
}
