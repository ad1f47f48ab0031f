using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.DirectiveEditing;

/// <summary>The office records directives, edits and cancels them, and assigns them to units; the chairman adds directions.</summary>
public sealed class DirectiveEditingController(
    ParPortalDbContext db,
    TimeProvider clock,
    ICurrentActor currentActor,
    Microsoft.Extensions.Options.IOptionsMonitor<Infrastructure.AuthorityOptions> authority,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/notices/{noticeId:int}/directives/new")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Create(int noticeId) =>
        await db.Notices.AnyAsync(n => n.Id == noticeId) ? EditView(new DirectiveEditModel(), noticeId, null) : NotFound();

    [HttpPost("/notices/{noticeId:int}/directives/new")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Create(int noticeId, DirectiveEditModel model)
    {
        var notice = await db.Notices.Include(n => n.Directives).SingleOrDefaultAsync(n => n.Id == noticeId);
        if (notice is null)
        {
            return NotFound();
        }

        var deadline = model.Deadline.ToDeadline(ModelState, nameof(model.Deadline), l, clock.Today(), notice.MeetingDate);
        if (!ModelState.IsValid || deadline is null)
        {
            return EditView(model, noticeId, null);
        }

        var officeCode = authority.CurrentValue.OfficeUnitCode;
        var office = await db.Units.Where(u => u.Code == officeCode).Select(u => (int?)u.Id).SingleOrDefaultAsync();
        var directive = notice.AddDirective(model.Label, model.Title, model.FullText, deadline, office, currentActor.Actor, clock.GetUtcNow());
        foreach (var reference in References(model.References))
        {
            directive.Cite(reference);
        }

        await db.SaveChangesAsync();
        TempData[Flash.Key] = l["Directive_Saved"].Value;
        return RedirectToAction(nameof(Assign), new { id = directive.Id });
    }

    [HttpGet("/directives/{id:int}/edit")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Edit(int id)
    {
        var d = await db.Directives.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (d is null)
        {
            return NotFound();
        }

        return EditView(
            new DirectiveEditModel
            {
                Label = d.Label, Title = d.Title, FullText = d.FullText, Version = d.Version,
                References = string.Join('\n', d.References.Select(r => r.Text)),
                Deadline = DeadlineInput.From(d.Deadline),
            },
            d.NoticeId,
            id);
    }

    [HttpPost("/directives/{id:int}/edit")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Edit(int id, DirectiveEditModel model)
    {
        var directive = await db.Directives.Include(d => d.Notice).ThenInclude(n => n.Directives).Include(d => d.Assignments).SingleOrDefaultAsync(d => d.Id == id);
        if (directive is null)
        {
            return NotFound();
        }

        var deadline = model.Deadline.ToDeadline(ModelState, nameof(model.Deadline), l, clock.Today(), directive.Notice.MeetingDate);
        if (!ModelState.IsValid || deadline is null)
        {
            return EditView(model, directive.NoticeId, id);
        }

        db.Entry(directive).Property(d => d.Version).OriginalValue = model.Version;
        try
        {
            directive.Edit(model.Label, model.Title, model.FullText, deadline, currentActor.Actor, clock.GetUtcNow());
            directive.ReplaceReferences(References(model.References));
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Directives.AsNoTracking().SingleAsync(d => d.Id == id);
            ModelState.AddModelError(string.Empty, l["Concurrency_Changed"]);
            ModelState.AddModelError(string.Empty, l.GetString("Directive_NowReads", current.Label, current.Title, l.Deadline(current.Deadline)).Value);
            model.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return EditView(model, directive.NoticeId, id);
        }

        TempData[Flash.Key] = l["Directive_Saved"].Value;
        return RedirectToAction(nameof(Directives.DirectivesController.Details), "Directives", new { id });
    }

    [HttpPost("/directives/{id:int}/cancel")]
    [Authorize(Policy = Policies.OfficeWork)]
    public Task<IActionResult> Cancel(int id, TextModel model) =>
        Change(id, model, (d, by, at) => d.Cancel(model.Text, by, at), "Directive_Cancelled_Done");

    [HttpPost("/directives/{id:int}/direction")]
    [Authorize(Policy = Policies.Direct)]
    public Task<IActionResult> Direction(int id, TextModel model) =>
        Change(id, model, (d, by, at) => d.AddDirection(by, model.Text, at), "Action_Direction_Done");

    [HttpGet("/directives/{id:int}/assign")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Assign(int id)
    {
        var page = await AssignPage(id, new AssignModel());
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/directives/{id:int}/assign")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> Assign(int id, AssignModel model)
    {
        var directive = await db.Directives.Include(d => d.Assignments).Include(d => d.Notice).SingleOrDefaultAsync(d => d.Id == id);
        if (directive is null)
        {
            return NotFound();
        }

        var deadline = model.OwnDeadline ? model.Deadline.ToDeadline(ModelState, nameof(model.Deadline), l, clock.Today(), directive.Notice.MeetingDate) : directive.Deadline;
        var unitIds = await ResolveUnitsAsync(model);
        if (unitIds.Count == 0)
        {
            ModelState.AddModelError(nameof(model.UnitIds), l["Assign_NoUnit"]);
        }

        if (!ModelState.IsValid || deadline is null)
        {
            return View(await AssignPage(id, model));
        }

        var already = directive.Assignments.Select(a => a.UnitId).ToHashSet();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id) && u.IsActive).ToListAsync();
        var added = 0;
        foreach (var unit in units.Where(u => !already.Contains(u.Id)).OrderBy(u => u.Kind).ThenBy(u => u.Name))
        {
            directive.Assign(unit, model.Role, clock.GetUtcNow(), currentActor.Actor, deadline);
            added++;
        }

        await db.SaveChangesAsync();

        TempData[Flash.Key] = l.GetString("Assign_Done", added, units.Count - added).Value;
        return RedirectToAction(nameof(Directives.DirectivesController.Details), "Directives", new { id });
    }

    /// <summary>
    /// Carries the unfinished directives of an earlier notice into this one's follow-up list: each becomes a directive
    /// "TD.{label}" citing where it came from, assigned to the units that had not completed it, in the same roles.
    /// </summary>
    [HttpPost("/notices/{noticeId:int}/carry-over")]
    [Authorize(Policy = Policies.OfficeWork)]
    public async Task<IActionResult> CarryOver(int noticeId, int from, CancellationToken cancellationToken)
    {
        var target = await db.Notices.Include(n => n.Directives).SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        var source = await db.Notices.AsNoTracking().Where(n => n.Id == from).Select(n => new { n.Id, n.Number, n.MeetingDate }).SingleOrDefaultAsync(cancellationToken);
        if (target is null || source is null || from == noticeId)
        {
            return NotFound();
        }

        // Unfinished: a directive not cancelled with open work (AssignmentRules.Open), carried to the units whose work is open.
        var open = (await db.Directives.AsNoTracking()
            .Where(d => d.NoticeId == from && !d.IsCancelled)
            .OrderBy(d => d.SortOrder)
            .SelectExpanded(d => new
            {
                Work = new CarriedWork(source.Number, source.MeetingDate, d.Label, d.Title, d.FullText, d.MonitoringUnitId),
                Units = d.Assignments.Where(a => AssignmentRules.Open.Invoke(a)).Select(a => new { a.UnitId, a.Role }).ToList(),
            })
            .ToListAsync(cancellationToken))
            .Where(d => d.Units.Count > 0)
            .ToList();
        var unitIds = open.SelectMany(d => d.Units.Select(u => u.UnitId)).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var origin = ConclusionNotice.CarriedOrigin(source.Number, source.MeetingDate);
        var by = currentActor.Actor;
        var now = clock.GetUtcNow();
        var carried = open.Count(d => target.CarryOver(d.Work, d.Units.Select(u => (units[u.UnitId], u.Role)), by, now) is not null);

        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = l.GetString("CarryOver_Done", carried, origin).Value;
        return RedirectToAction(nameof(Notices.NoticesController.Details), "Notices", new { id = noticeId }, "directives");
    }

    private async Task<IActionResult> Change(int id, TextModel model, Action<Directive, Actor, DateTimeOffset> change, string done)
    {
        var directive = await db.Directives.Include(d => d.Assignments).SingleOrDefaultAsync(d => d.Id == id);
        if (directive is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            change(directive, currentActor.Actor, clock.GetUtcNow());
            await db.SaveChangesAsync();
            TempData[Flash.Key] = l[done].Value;
        }
        else
        {
            TempData[Flash.Key] = ModelState.Messages();
        }

        return RedirectToAction(nameof(Directives.DirectivesController.Details), "Directives", new { id });
    }

    private async Task<HashSet<int>> ResolveUnitsAsync(AssignModel model)
    {
        var ids = model.UnitIds.ToHashSet();
        foreach (var group in model.Groups)
        {
            if (group.StartsWith("kind:", StringComparison.Ordinal) && Enum.TryParse<UnitKind>(group[5..], out var kind))
            {
                ids.UnionWith(await db.Units.Where(u => u.Kind == kind && u.IsActive).Select(u => u.Id).ToListAsync());
            }
            else if (group.StartsWith("group:", StringComparison.Ordinal) && int.TryParse(group[6..], System.Globalization.CultureInfo.InvariantCulture, out var groupId))
            {
                ids.UnionWith(await db.UnitGroups.Where(g => g.Id == groupId && g.IsActive).SelectMany(g => g.Members).Select(m => m.UnitId).ToListAsync());
            }
        }

        return ids;
    }

    private async Task<AssignPageModel?> AssignPage(int id, AssignModel form)
    {
        var d = await db.Directives.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Label, x.Title, Assigned = x.Assignments.Select(a => a.UnitId).ToList() }).SingleOrDefaultAsync();
        if (d is null)
        {
            return null;
        }

        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync();
        var groups = new List<GroupChoice>
        {
            new($"kind:{UnitKind.CommuneOrTown}", l["Group_AllCommunes"], units.Count(u => u.Kind == UnitKind.CommuneOrTown)),
            new($"kind:{UnitKind.DistrictAgency}", l["Group_AllAgencies"], units.Count(u => u.Kind == UnitKind.DistrictAgency)),
        };
        groups.AddRange(await db.UnitGroups.AsNoTracking().Where(g => g.IsActive).OrderBy(g => g.Name)
            .Select(g => new GroupChoice("group:" + g.Id, g.Name, g.Members.Count)).ToListAsync());
        return new AssignPageModel(d.Id, d.Label, d.Title, form, units.Select(u => new UnitChoice(u.Id, u.Name, u.Kind, d.Assigned.Contains(u.Id))).ToList(), groups);
    }

    private ViewResult EditView(DirectiveEditModel model, int noticeId, int? directiveId)
    {
        ViewData["NoticeId"] = noticeId;
        ViewData["DirectiveId"] = directiveId;
        return View("Edit", model);
    }

    private static List<DocumentReference> References(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(DocumentReference.Parse).ToList();
}
