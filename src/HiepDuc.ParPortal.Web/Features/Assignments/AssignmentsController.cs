using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Directives;
using HiepDuc.ParPortal.Web.Features.Files;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Assignments;

/// <summary>
/// "Phân công": one unit's share of one directive. Reads and every action are authorized by the assignment
/// resource handler; each action loads the entity, calls its method, saves — with the version the user saw.
/// </summary>
[Route("assignments/{id:int}")]
public sealed class AssignmentsController(
    ParPortalDbContext db,
    IAuthorizationService authorization,
    FileStore files,
    Uploads uploads,
    TimeProvider clock,
    PortalDay portalDay,
    ICurrentActor currentActor,
    IStringLocalizer<SharedResource> l) : Controller
{
    public const long MaxUpload = 5L * 20 * 1024 * 1024 + (1024 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return await CanAsync(model.UnitId, id, AssignmentOperations.Read) ? View(model) : Forbid();
    }

    [HttpPost("report")]
    [RequestSizeLimit(MaxUpload)]
    public Task<IActionResult> Report(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.Report, AssignmentOperations.Report, form, async (a, by, at) =>
        {
            Require(form.Text, nameof(form.Text));
            Require(form.Progress, nameof(form.Progress));
            return ModelState.IsValid ? await AttachAsync(a.Report(by, form.Text!, form.Progress!.Value, at), form) : false;
        });

    [HttpPost("submit")]
    [RequestSizeLimit(MaxUpload)]
    public Task<IActionResult> Submit(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.Submit, AssignmentOperations.Report, form, async (a, by, at) =>
        {
            Require(form.Text, nameof(form.Text));
            return ModelState.IsValid ? await AttachAsync(a.Submit(by, form.Text!, at), form) : false;
        });

    [HttpPost("extension")]
    public Task<IActionResult> RequestExtension(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.RequestExtension, AssignmentOperations.Report, form, (a, by, at) =>
        {
            Require(form.NewLastDay, nameof(form.NewLastDay));
            Require(form.Text, nameof(form.Text));
            if (ModelState.IsValid)
            {
                a.RequestExtension(by, form.NewLastDay!.Value, form.Text!, at);
            }

            return Task.FromResult(ModelState.IsValid);
        });

    [HttpPost("confirm")]
    public Task<IActionResult> Confirm(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.Confirm, AssignmentOperations.Review, form, (a, by, at) =>
        {
            a.Confirm(by, at, form.Text, form.ObjectiveCause);
            return Task.FromResult(true);
        });

    [HttpPost("return")]
    public Task<IActionResult> Return(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.Return, AssignmentOperations.Review, form, (a, by, at) =>
        {
            Require(form.Text, nameof(form.Text));
            if (ModelState.IsValid)
            {
                a.Return(by, form.Text!, at);
            }

            return Task.FromResult(ModelState.IsValid);
        });

    [HttpPost("cancel")]
    public Task<IActionResult> Cancel(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.Cancel, AssignmentOperations.Review, form, (a, by, at) =>
        {
            Require(form.Text, nameof(form.Text));
            if (ModelState.IsValid)
            {
                a.Cancel(by, form.Text!, at);
            }

            return Task.FromResult(ModelState.IsValid);
        });

    /// <summary>The office records a report the unit sent on paper; it is marked as such and credited to the office user.</summary>
    [HttpPost("paper-report")]
    [RequestSizeLimit(MaxUpload)]
    public Task<IActionResult> PaperReport(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.PaperReport, AssignmentOperations.Review, form, async (a, by, at) =>
        {
            Require(form.Text, nameof(form.Text));
            if (!form.Completion)
            {
                Require(form.Progress, nameof(form.Progress));
            }

            if (!ModelState.IsValid)
            {
                return false;
            }

            var report = form.Completion ? a.Submit(by, form.Text!, at, receivedOnPaper: true) : a.Report(by, form.Text!, form.Progress!.Value, at, receivedOnPaper: true);
            return await AttachAsync(report, form);
        });

    [HttpPost("extension/decide")]
    public Task<IActionResult> DecideExtension(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.DecideExtension, AssignmentOperations.DecideExtension, form, (a, by, at) =>
        {
            a.DecideExtension(by, form.Approve, form.Text, at, form.ObjectiveCause);
            return Task.FromResult(true);
        });

    [HttpPost("direction")]
    public Task<IActionResult> Direction(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.Direction, AssignmentOperations.Direct, form, (a, by, at) =>
        {
            Require(form.Text, nameof(form.Text));
            if (ModelState.IsValid)
            {
                a.Note(AssignmentEventKind.Direction, by, form.Text!, at);
            }

            return Task.FromResult(ModelState.IsValid);
        });

    [HttpPost("urge")]
    public Task<IActionResult> Urge(int id, AssignmentActionForm form) =>
        Act(id, AssignmentAction.Urge, AssignmentOperations.Review, form, (a, by, at) =>
        {
            Require(form.Text, nameof(form.Text));
            if (ModelState.IsValid)
            {
                a.Note(AssignmentEventKind.Urged, by, form.Text!, at);
            }

            return Task.FromResult(ModelState.IsValid);
        });

    private async Task<IActionResult> Act(int id, AssignmentAction action, OperationAuthorizationRequirement operation, AssignmentActionForm form, Func<Assignment, Actor, DateTimeOffset, Task<bool>> change)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == id);
        if (assignment is null)
        {
            return NotFound();
        }

        if (!await CanAsync(assignment.UnitId, id, operation))
        {
            return Forbid();
        }

        if (form.Files.Count > 0 && files.Check(form.Files) is var problem and not UploadProblem.None)
        {
            ModelState.AddModelError(nameof(form.Files), l.GetString($"File_{problem}", files.Options.MaxBytes / (1024 * 1024), files.Options.MaxFilesPerReport).Value);
        }

        var conflict = false;
        if (ModelState.IsValid)
        {
            db.Entry(assignment).Property(a => a.Version).OriginalValue = form.Version;
            try
            {
                if (await change(assignment, currentActor.Actor, clock.GetUtcNow()))
                {
                    await db.SaveChangesAsync();
                    TempData[Flash.Key] = l[$"Action_{action}_Done"].Value;
                    return RedirectToAction(nameof(Details), new { id });
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                conflict = true;
                ModelState.AddModelError(string.Empty, l["Concurrency_Changed"]);
            }
        }

        // Nothing was saved: show the page again with the user's input and, after a conflict, what changed.
        db.ChangeTracker.Clear();
        var model = (await LoadAsync(id, HttpContext.RequestAborted))!;
        model.ActiveAction = action;
        model.Posted = form;
        if (conflict)
        {
            model.ChangedSince = model.Timeline.Where(e => e.Id > form.SeenEventId).ToList();
        }

        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), model);
    }

    private async Task<bool> AttachAsync(ProgressReport report, AssignmentActionForm form)
    {
        foreach (var upload in form.Files)
        {
            var stored = await uploads.SaveAsync(upload, currentActor.Actor, clock.GetUtcNow(), HttpContext.RequestAborted);
            stored.AttachTo(report);
            db.Files.Add(stored);
        }

        return true;
    }

    private void Require(object? value, string field)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            ModelState.AddModelError(field, l.GetString("Validation_Required", l[field == nameof(AssignmentActionForm.Progress) ? "Progress" : $"Action_{field}"]).Value);
        }
    }

    private async Task<bool> CanAsync(int unitId, int assignmentId, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, new AssignmentResource(assignmentId, unitId), operation)).Succeeded;

    private async Task<AssignmentDetailsModel?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var day = portalDay.Today();
        var a = await db.Assignments.AsNoTracking()
            .Where(x => x.Id == id)
            .SelectExpanded(x => new AssignmentDetailsModel
            {
                Id = x.Id,
                UnitId = x.UnitId,
                UnitName = x.Unit.Name,
                IsCarried = x.OriginUnitId != x.UnitId,
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
                DeadlineRecurrence = x.Deadline.RecurrenceCode,
                ExtendedTo = x.ExtendedTo,
                LastDayInForce = x.LastDayInForce,
                SubmittedAt = x.SubmittedAt,
                AcceptedSubmissionOn = x.AcceptedSubmissionOn,
                SubmittedOn = x.SubmittedOn,
                HeardOn = x.HeardOn,
                State = AssignmentRules.State.Invoke(x, day),
                Extension = x.Extension,
                ExtensionRequestedTo = x.ExtensionRequestedTo,
                ExtensionReason = x.ExtensionReason,
                ExtensionRequestedOn = x.ExtensionRequestedOn,
                AssignedOn = x.AssignedOn,
                RecordedOn = x.CreatedAt,
                LateDays = x.LateDays,
                InheritedLateDays = x.InheritedLateDays,
                ObjectiveCause = x.ObjectiveCause,
                ObjectiveCauseBy = x.ObjectiveCauseBy,
                ObjectiveCauseAt = x.ObjectiveCauseAt,
                MergedIntoId = x.MergedIntoId,
                Version = x.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        // The shares merged into this one (a successor's predecessors'): their reports, files and history are read here,
        // each marked with the unit it came from.
        var merged = await db.Assignments.AsNoTracking().Where(x => x.MergedIntoId == id)
            .Select(x => new { x.Id, Origin = x.OriginUnit.ShortName ?? x.OriginUnit.Name }).ToDictionaryAsync(x => x.Id, x => x.Origin, cancellationToken);
        var ids = merged.Keys.Append(id).ToList();
        var evidence = await db.Files.AsNoTracking()
            .Where(f => f.AssignmentId != null && ids.Contains(f.AssignmentId.Value))
            .OrderBy(f => f.Id)
            .Select(f => new FileRow(f.Id, f.ReportId, f.OriginalName, f.Length))
            .ToListAsync(cancellationToken);
        var byReport = evidence.ToLookup(f => f.ReportId);
        a.Reports = (await db.ProgressReports.AsNoTracking()
            .Where(r => ids.Contains(r.AssignmentId))
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.AssignmentId, Row = new ReportRow(r.Id, r.Kind, r.Text, r.Progress, r.ReportedByName, r.ReportedAt, r.ReceivedOnPaper) })
            .ToListAsync(cancellationToken))
            .Select(r => r.Row with { Files = [.. byReport[r.Row.Id]], FromShare = merged.GetValueOrDefault(r.AssignmentId) })
            .ToList();
        var timeline = await db.AssignmentEvents.AsNoTracking()
            .Where(e => ids.Contains(e.AssignmentId))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.AssignmentId, Row = new TimelineRow(e.At, e.Kind, e.UnitName ?? a.UnitName, e.ByName, e.Text, e.NewLastDay) { LateDays = e.LateDays } })
            .ToListAsync(cancellationToken);
        a.Timeline = timeline.Where(t => t.AssignmentId == id).Select(t => new AssignmentTimelineRow(t.Id, t.Row)).ToList();
        a.MergedTimeline = timeline.Select(t => t.Row).ToList();
        a.HasMergedShares = merged.Count > 0;
        a.Directions = await db.DirectiveEvents.AsNoTracking()
            .Where(e => e.DirectiveId == a.DirectiveId && e.Kind == Domain.Notices.DirectiveEventKind.Direction)
            .OrderByDescending(e => e.At)
            .Select(e => new DirectionRow(e.At, e.ByName, e.Text ?? string.Empty))
            .ToListAsync(cancellationToken);
        a.Deadline = Deadline.Restore(a.DeadlineKind, a.DeadlineLastDay, a.DeadlineUrgent, a.DeadlineWrittenAs, a.DeadlineRecurrence);
        a.Timing = Timing.Of(a.State, a.LastDayInForce, a.HeardOn, a.SubmittedOn, a.AcceptedSubmissionOn, day.Today, a.LateDays, a.ObjectiveCause is not null)
            with { MissedCycles = Assignment.MissedCycles(a.Status, a.Deadline, a.LastDayInForce, day.Today), Inherited = a.InheritedLateDays };
        a.CanReport = await CanAsync(a.UnitId, id, AssignmentOperations.Report);
        a.CanReview = await CanAsync(a.UnitId, id, AssignmentOperations.Review);
        a.CanDecideExtension = await CanAsync(a.UnitId, id, AssignmentOperations.DecideExtension);
        a.CanDirect = await CanAsync(a.UnitId, id, AssignmentOperations.Direct);
        return a;
    }
}
