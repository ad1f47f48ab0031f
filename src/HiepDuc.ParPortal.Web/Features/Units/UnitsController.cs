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

namespace HiepDuc.ParPortal.Web.Features.Units;

public sealed class UnitEditModel
{
    [Required(ErrorMessage = "Validation_Required")]
    [RegularExpression(@"^[A-Za-z0-9._-]{1,32}$", ErrorMessage = "Units_CodeFormat")]
    [Display(Name = "Units_Code")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Units_Name")]
    public string Name { get; set; } = string.Empty;

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Units_ShortName")]
    public string? ShortName { get; set; }

    [Display(Name = "Units_Kind")]
    public UnitKind Kind { get; set; } = UnitKind.DistrictAgency;

    public long Version { get; set; }
}

public sealed record UnitRow(int Id, string Code, string Name, string? ShortName, UnitKind Kind, bool IsActive, int? SucceededById = null, string? Successor = null, DateOnly? SucceededOn = null, IReadOnlyList<(int Id, string Name)>? Predecessors = null);

/// <summary>Units are never deleted: a unit that was given work stays in the record; it can be deactivated.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/units")]
public sealed class UnitsController(ParPortalDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([StringLength(100, ErrorMessage = "Validation_MaxLength")] string? q)
    {
        var query = db.Units.AsNoTracking();
        var key = VietnameseText.Fold(q);
        if (key.Length > 0)
        {
            query = query.Where(u => u.SearchKey.Contains(key));
        }

        ViewData["Query"] = q;
        var rows = await query.OrderBy(u => u.SucceededById != null).ThenBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.ShortName, u.Kind, u.IsActive, u.SucceededById,
                db.Units.Where(s => s.Id == u.SucceededById).Select(s => s.Name).FirstOrDefault(), u.SucceededOn, null)).ToListAsync();
        // Each successor lists the units it took over (links both ways).
        var predecessors = (await db.Units.AsNoTracking().Where(u => u.SucceededById != null).Select(u => new { u.Id, u.Name, Successor = u.SucceededById!.Value }).ToListAsync())
            .ToLookup(u => u.Successor, u => (u.Id, u.Name));
        return View(rows.Select(r => predecessors[r.Id].Any() ? r with { Predecessors = predecessors[r.Id].ToList() } : r).ToList());
    }

    [HttpGet("new")]
    public IActionResult Create() => EditView(new UnitEditModel(), null);

    [HttpPost("new")]
    public async Task<IActionResult> Create(UnitEditModel model)
    {
        var code = model.Code.ToUpperInvariant();
        if (ModelState.IsValid && await db.Units.AnyAsync(u => u.Code == code))
        {
            ModelState.AddModelError(nameof(model.Code), l["Units_CodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return EditView(model, null);
        }

        db.Units.Add(new Unit(model.Code, model.Name, model.Kind, model.ShortName));
        await db.SaveChangesAsync();
        TempData[Flash.Key] = l.GetString("Units_Saved", model.Name).Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        return unit is null ? NotFound() : EditView(new UnitEditModel { Code = unit.Code, Name = unit.Name, ShortName = unit.ShortName, Kind = unit.Kind, Version = unit.Version }, unit);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, UnitEditModel model)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }

        model.Code = unit.Code;
        ModelState.Remove(nameof(model.Code));
        if (!ModelState.IsValid)
        {
            return EditView(model, unit);
        }

        db.Entry(unit).Property(u => u.Version).OriginalValue = model.Version;
        unit.Rename(model.Name, model.ShortName);
        unit.ChangeKind(model.Kind);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Concurrency_Changed"]);
            await db.Entry(unit).ReloadAsync();
            model.Version = unit.Version;
            return EditView(model, unit);
        }

        TempData[Flash.Key] = l.GetString("Units_Saved", unit.Name).Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id) => SetActive(id, false);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate(int id) => SetActive(id, true);

    private async Task<IActionResult> SetActive(int id, bool active)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }

        if (active && unit.IsFormer)
        {
            // A former unit stays former: its successor carries its work.
            TempData[Flash.Key] = l.Domain(new Domain.Common.DomainException("unit.former"));
            return RedirectToAction(nameof(Index));
        }

        if (active)
        {
            unit.Activate();
        }
        else
        {
            unit.Deactivate();
        }

        await db.SaveChangesAsync();
        TempData[Flash.Key] = l.GetString(active ? "Units_Activated" : "Units_Deactivated", unit.Name).Value;
        return RedirectToAction(nameof(Index));
    }

    private ViewResult EditView(UnitEditModel model, Unit? unit)
    {
        ViewData["Unit"] = unit;
        return View("Edit", model);
    }
}
