using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Features.Files;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Notices;

public sealed class NoticesController(
    ParPortalDbContext db,
    TimeProvider clock,
    PortalDay portalDay,
    FileStore files,
    Uploads uploads,
    ICurrentActor currentActor,
    Permissions permissions,
    Microsoft.Extensions.Options.IOptionsMonitor<Infrastructure.AuthorityOptions> authority,
    IStringLocalizer<SharedResource> l) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/notices")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    public async Task<IActionResult> Index(int? after = null, CancellationToken cancellationToken = default)
    {
        // Newest first, paged by the sort key of the page's last notice: no offset and no count over the table.
        var query = db.Notices.AsNoTracking();
        if (after is { } id && await db.Notices.Where(n => n.Id == id).Select(n => (DateOnly?)n.MeetingDate).FirstOrDefaultAsync(cancellationToken) is { } meeting)
        {
            query = query.Where(n => n.MeetingDate < meeting || (n.MeetingDate == meeting && n.Id < id));
        }

        var page = await query
            .OrderByDescending(n => n.MeetingDate).ThenByDescending(n => n.Id)
            .Take(PageSize + 1)
            .Select(n => new NoticeListItem(n.Id, n.Number, n.IssueDate, n.MeetingDate, n.Title, n.MeetingBody, n.Session, n.ChairedBy))
            .ToListAsync(cancellationToken);
        var notices = page.Take(PageSize).ToList();

        var ids = notices.Select(n => n.Id).ToList();
        var directives = await db.Directives.AsNoTracking()
            .Where(d => ids.Contains(d.NoticeId))
            .Select(d => new { d.Id, d.NoticeId, d.IsCancelled })
            .ToListAsync(cancellationToken);
        var standings = await db.StandingsAsync(directives.Select(d => d.Id).ToList(), portalDay.Today(), cancellationToken);
        foreach (var notice in notices)
        {
            var rollups = directives.Where(d => d.NoticeId == notice.Id)
                .Select(d => standings[d.Id].Rollup)
                .ToList();
            notice.Summary = NoticeProgress.From(rollups);
        }

        return View(new NoticeListModel(notices, after is null, page.Count > PageSize ? notices[^1].Id : null));
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
                IsPublic = n.IsPublic,
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
                d.Deadline.RecurrenceCode,
            })
            .ToListAsync(cancellationToken);
        var facts = await db.Assignments.VisibleTo(User).Where(a => a.Directive.NoticeId == id).SelectFacts(portalDay.Today()).ToListAsync(cancellationToken);
        var byDirective = facts.ToLookup(f => f.DirectiveId);
        var standings = await db.StandingsAsync(directives.Select(d => d.Id).ToList(), portalDay.Today(), cancellationToken);

        notice.Directives = directives.Select(d => new NoticeDirectiveRow(
            d.Id,
            d.Label,
            d.Title,
            Deadline.Restore(d.Kind, d.LastDay, d.IsUrgent, d.WrittenAs, d.RecurrenceCode),
            standings[d.Id],
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

        notice.Files = await db.Files.AsNoTracking().Where(f => f.NoticeId == id).OrderBy(f => f.Id)
            .Select(f => new Assignments.FileRow(f.Id, null, f.OriginalName, f.Length)).ToListAsync(cancellationToken);
        notice.CanEdit = await permissions.HoldsAsync(Policies.OfficeWork);
        notice.EarlierNotices = notice.CanEdit
            ? (await db.Notices.AsNoTracking().Where(n => n.Id != id && n.MeetingDate <= notice.MeetingDate).OrderByDescending(n => n.MeetingDate)
                .Select(n => new { n.Id, n.Number, n.MeetingDate }).Take(20).ToListAsync(cancellationToken))
                .Select(n => new Work.Option(n.Id, n.Number is null ? Format.Date(n.MeetingDate) : $"{n.Number} ({Format.Date(n.MeetingDate)})")).ToList()
            : [];
        return View(notice);
    }

    [HttpGet("/notices/new")]
    [Authorize(Policy = Policies.OfficeWork)]
    public IActionResult Create() => View("Edit", new NoticeEditModel { IssuingBody = authority.CurrentValue.Name });

    [HttpPost("/notices/new")]
    [Authorize(Policy = Policies.OfficeWork)]
    [RequestSizeLimit(25 * 1024 * 1024)]
    public async Task<IActionResult> Create(NoticeEditModel model)
    {
        CheckPdf(model);
        if (!ModelState.IsValid)
        {
            return View("Edit", model);
        }

        if (!model.AllowDuplicate && await db.DuplicateOfAsync(model.Number, model.IssuingBody, model.MeetingDate!.Value, model.FullText, HttpContext.RequestAborted) is { } existing)
        {
            model.DuplicateOf = existing;
            ModelState.AddModelError(string.Empty, l["Notice_Duplicate"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", model);
        }

        var notice = new ConclusionNotice(model.IssuingBody, model.Title, model.MeetingDate!.Value, model.FullText);
        notice.Describe(model.Number, model.IssueDate, model.MeetingBody, model.Session, model.ChairedBy, model.SignedBy);
        db.Notices.Add(notice);
        await AttachPdfAsync(notice, model);
        await db.SaveChangesAsync();
        TempData[Flash.Key] = l["Notice_Saved"].Value;
        return RedirectToAction(nameof(Details), new { id = notice.Id });
    }

    [HttpGet("/notices/{id:int}/edit")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Edit(int id)
    {
        var n = await db.Notices.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (n is null)
        {
            return NotFound();
        }

        ViewData["NoticeId"] = id;
        return View(new NoticeEditModel
        {
            Number = n.Number, IssuingBody = n.IssuingBody, IssueDate = n.IssueDate, MeetingDate = n.MeetingDate, Title = n.Title,
            MeetingBody = n.MeetingBody, Session = n.Session, ChairedBy = n.ChairedBy, SignedBy = n.SignedBy, FullText = n.FullText, Version = n.Version,
        });
    }

    [HttpPost("/notices/{id:int}/edit")]
    [Authorize(Policy = Policies.OfficeWork)]
    [RequestSizeLimit(25 * 1024 * 1024)]
    public async Task<IActionResult> Edit(int id, NoticeEditModel model)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(x => x.Id == id);
        if (notice is null)
        {
            return NotFound();
        }

        ViewData["NoticeId"] = id;
        CheckPdf(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        db.Entry(notice).Property(n => n.Version).OriginalValue = model.Version;
        try
        {
            notice.Edit(model.IssuingBody, model.Title, model.MeetingDate!.Value, model.FullText);
            notice.Describe(model.Number, model.IssueDate, model.MeetingBody, model.Session, model.ChairedBy, model.SignedBy);
            await AttachPdfAsync(notice, model);
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Concurrency_Changed"]);
            db.ChangeTracker.Clear();
            model.Version = await db.Notices.Where(n => n.Id == id).Select(n => n.Version).SingleAsync();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(model);
        }

        TempData[Flash.Key] = l["Notice_Saved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Moves a directive up or down in its notice.</summary>
    [HttpPost("/notices/{id:int}/directives/{directiveId:int}/move")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Move(int id, int directiveId, int step)
    {
        var notice = await db.Notices.Include(n => n.Directives).SingleOrDefaultAsync(n => n.Id == id);
        var directive = notice?.Directives.SingleOrDefault(d => d.Id == directiveId);
        if (notice is null || directive is null)
        {
            return NotFound();
        }

        notice.Move(directive, step, currentActor.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Details), null, new { id }, "directives");
    }

    /// <summary>Opens the notice's progress to the public page (/cong-khai), or closes it again.</summary>
    [HttpPost("/notices/{id:int}/public")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Publish(int id, bool open, [FromServices] Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id);
        if (notice is null)
        {
            return NotFound();
        }

        notice.Publish(open, clock.GetUtcNow());
        await db.SaveChangesAsync();
        await cache.EvictByTagAsync(Public.PublicController.CacheTag, HttpContext.RequestAborted);
        TempData[Flash.Key] = l[open ? "Notice_PublicOpened" : "Notice_PublicClosed"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private void CheckPdf(NoticeEditModel model)
    {
        if (model.SignedPdf is { } pdf && (!pdf.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || files.Check(pdf) is not UploadProblem.None))
        {
            ModelState.AddModelError(nameof(model.SignedPdf), l["Notice_PdfOnly"]);
        }
    }

    private async Task AttachPdfAsync(ConclusionNotice notice, NoticeEditModel model)
    {
        if (model.SignedPdf is { } pdf)
        {
            var stored = await uploads.SaveAsync(pdf, currentActor.Actor, clock.GetUtcNow(), HttpContext.RequestAborted);
            stored.AttachTo(notice);
            db.Files.Add(stored);
        }
    }
}
