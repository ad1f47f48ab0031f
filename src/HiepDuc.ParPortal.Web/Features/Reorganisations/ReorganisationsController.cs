using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Reorganisations;

public sealed class ReorganisationForm
{
    public ReorganisationKind Kind { get; set; } = ReorganisationKind.Merge;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(Reorganisation.MaxTitleLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Reorg_Title")]
    public string? Title { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Reorg_LegalBasis")]
    public string? LegalBasis { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Reorg_EffectiveOn")]
    public DateOnly? EffectiveOn { get; set; }

    public List<int> Predecessors { get; set; } = [];

    /// <summary>An existing unit that takes their place; or, when null, the new unit described below.</summary>
    public int? SuccessorId { get; set; }

    [StringLength(32, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Units_Code")]
    public string? NewCode { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Units_Name")]
    public string? NewName { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Units_ShortName")]
    public string? NewShortName { get; set; }

    public UnitKind NewKind { get; set; } = UnitKind.CommuneOrTown;

    /// <summary>For a split: the other units of standing that take a share of the work.</summary>
    public List<int> OtherSuccessors { get; set; } = [];
}

public sealed record ReorganisationRow(int Id, ReorganisationKind Kind, string Title, DateOnly EffectiveOn, ReorganisationState State, int Moved, string Successor);

public sealed record ReorganisationsPage(IReadOnlyList<ReorganisationRow> Rows, ReorganisationForm Form, IReadOnlyList<Work.Option> Units);

public sealed record ReorganisationPage(Reorganisation Reorganisation, string Successor, IReadOnlyList<string> Predecessors, ReorganisationPreview Preview, DateOnly Today, IReadOnlyList<Work.Option> Successors);

/// <summary>
/// Mergers, renames and dissolutions of units: drafted by the office or the administrator, previewed (what moves
/// where), scheduled for their effective date, withdrawn if need be until that date, and applied on it (<see cref="Reorganisations"/>).
/// </summary>
[Route("admin/reorganisations")]
[Authorize(Policy = Policies.Reorganise)]
public sealed class ReorganisationsController(ParPortalDbContext db, Reorganisations reorganisations, TimeProvider clock, ICurrentActor currentActor, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new ReorganisationForm { EffectiveOn = clock.Today().AddDays(1) }, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create(ReorganisationForm form, CancellationToken cancellationToken)
    {
        var predecessors = await db.Units.Where(u => form.Predecessors.Contains(u.Id)).ToListAsync(cancellationToken);
        Unit? successor = null;
        if (form.SuccessorId is { } id)
        {
            successor = await db.Units.SingleOrDefaultAsync(u => u.Id == id && u.IsActive, cancellationToken);
            if (successor is null)
            {
                ModelState.AddModelError(nameof(form.SuccessorId), l["Validation_Invalid"]);
            }
        }
        else if (string.IsNullOrWhiteSpace(form.NewCode) || string.IsNullOrWhiteSpace(form.NewName))
        {
            ModelState.AddModelError(nameof(form.NewName), l["Reorg_SuccessorRequired"]);
        }
        else if (form.NewCode.Trim().ToUpperInvariant() is var code && await db.Units.AnyAsync(u => u.Code == code, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.NewCode), l["Units_CodeTaken"]);
        }

        if (ModelState.IsValid)
        {
            successor ??= new Unit(form.NewCode!, form.NewName!, form.NewKind, form.NewShortName);
            var others = await db.Units.Where(u => form.OtherSuccessors.Contains(u.Id) && u.IsActive).ToListAsync(cancellationToken);
            var draft = Reorganisation.Draft(form.Kind, form.Title!, form.LegalBasis, form.EffectiveOn!.Value, successor, predecessors, currentActor.Actor, clock.GetUtcNow(), others);
            db.Reorganisations.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToAction(nameof(Details), new { id = draft.Id });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await PageAsync(form, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var r = await db.Reorganisations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (r is null)
        {
            return NotFound();
        }

        var successorIds = r.OtherSuccessors.Select(s => s.UnitId).Prepend(r.SuccessorUnitId).ToList();
        var ids = r.Predecessors.Select(p => p.UnitId).Concat(successorIds).ToList();
        var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return View(new ReorganisationPage(r, string.Join(", ", successorIds.Select(id => names[id])), r.Predecessors.Select(p => names[p.UnitId]).Order(StringComparer.Ordinal).ToList(),
            await reorganisations.PreviewAsync(r, cancellationToken), clock.Today(), successorIds.Select(id => new Work.Option(id, names[id])).ToList()));
    }

    /// <summary>A split's allotment: which successor each open assignment goes to.</summary>
    [HttpPost("{id:int}/allot")]
    public Task<IActionResult> Allot(int id, long version, Dictionary<int, int> allot, CancellationToken cancellationToken) =>
        DecideAsync(id, version, async r =>
        {
            var preds = r.Predecessors.Select(p => p.UnitId).ToList();
            var open = (await db.Assignments.Where(a => preds.Contains(a.UnitId) && allot.Keys.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var (assignment, unit) in allot.Where(a => open.Contains(a.Key)))
            {
                r.Allot(assignment, unit);
            }
        }, "Reorg_Allotted", cancellationToken);

    /// <summary>Carried-over overdue work: a new last day in the same step, or left overdue on purpose (empty).</summary>
    [HttpPost("{id:int}/carried-deadline")]
    public Task<IActionResult> CarriedDeadline(int id, long version, DateOnly? day, CancellationToken cancellationToken) =>
        DecideAsync(id, version, Sync(r => r.SetCarriedDeadline(day)), "Reorg_CarriedDeadlineSet", cancellationToken);

    [HttpPost("{id:int}/schedule")]
    public Task<IActionResult> Schedule(int id, long version, CancellationToken cancellationToken) =>
        DecideAsync(id, version, Sync(r => r.Schedule(currentActor.Actor, clock.GetUtcNow())), "Reorg_Scheduled", cancellationToken);

    [HttpPost("{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, long version, CancellationToken cancellationToken) =>
        DecideAsync(id, version, Sync(r => r.Withdraw(currentActor.Actor, clock.GetUtcNow())), "Reorg_Withdrawn", cancellationToken);

    private static Func<Reorganisation, Task> Sync(Action<Reorganisation> decide) => r =>
    {
        decide(r);
        return Task.CompletedTask;
    };

    /// <summary>Loads the reorganisation at the version the user saw, applies the decision, saves, and applies what has come due.</summary>
    private async Task<IActionResult> DecideAsync(int id, long version, Func<Reorganisation, Task> decide, string done, CancellationToken cancellationToken)
    {
        var r = await db.Reorganisations.SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (r is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            TempData[Flash.Key] = ModelState.Messages();
            return RedirectToAction(nameof(Details), new { id });
        }

        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        try
        {
            await decide(r);
            await db.SaveChangesAsync(cancellationToken);
            // A change whose day has come is applied at once, in its own transaction.
            await reorganisations.ApplyDueAsync(cancellationToken);
            TempData[Flash.Key] = l[done].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[Flash.Key] = l["Concurrency_Changed"].Value;
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<ReorganisationsPage> PageAsync(ReorganisationForm form, CancellationToken cancellationToken)
    {
        var rows = await db.Reorganisations.AsNoTracking().OrderByDescending(r => r.EffectiveOn).ThenByDescending(r => r.Id)
            .Select(r => new ReorganisationRow(r.Id, r.Kind, r.Title, r.EffectiveOn, r.State, r.MovedAssignments, db.Units.Where(u => u.Id == r.SuccessorUnitId).Select(u => u.Name).First()))
            .ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new Work.Option(u.Id, u.Name)).ToListAsync(cancellationToken);
        return new ReorganisationsPage(rows, form, units);
    }
}
