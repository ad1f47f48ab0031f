using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using HiepDuc.ParPortal.Web.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.UnitGroups;

public sealed class UnitGroupEditModel
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Groups_Name")]
    public string Name { get; set; } = string.Empty;

    public List<int> UnitIds { get; set; } = [];

    public long Version { get; set; }
}

public sealed record UnitGroupRow(int Id, string Name, bool IsActive, IReadOnlyList<string> Members);

public sealed record UnitGroupsModel(IReadOnlyList<UnitGroupRow> Groups, IReadOnlyList<UnitRow> Units, UnitGroupEditModel Form, int? EditingId);

/// <summary>Saved unit groups, for assigning a directive to many units in one step (the office and administrators).</summary>
[Authorize(Policy = Policies.UnitGroups)]
[Route("admin/unit-groups")]
public sealed class UnitGroupsController(ParPortalDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit)
    {
        var form = new UnitGroupEditModel();
        if (edit is { } id && await db.UnitGroups.AsNoTracking().Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == id) is { } group)
        {
            form = new UnitGroupEditModel { Name = group.Name, UnitIds = group.Members.Select(m => m.UnitId).ToList(), Version = group.Version };
        }

        return View(await PageAsync(form, edit));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(int? edit, UnitGroupEditModel form)
    {
        if (ModelState.IsValid)
        {
            try
            {
                if (edit is { } id)
                {
                    var group = await db.UnitGroups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == id);
                    if (group is null)
                    {
                        return NotFound();
                    }

                    db.Entry(group).Property(g => g.Version).OriginalValue = form.Version;
                    group.Rename(form.Name);
                    group.SetMembers(form.UnitIds);
                }
                else
                {
                    db.UnitGroups.Add(new UnitGroup(form.Name, form.UnitIds));
                }

                await db.SaveChangesAsync();
                TempData[Flash.Key] = l.GetString("Groups_Saved", form.Name).Value;
                return RedirectToAction(nameof(Index));
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, l["Concurrency_Changed"]);
            }
        }

        return View(nameof(Index), await PageAsync(form, edit));
    }

    [HttpPost("{id:int}/deactivate")]
    public async Task<IActionResult> Deactivate(int id)
    {
        var group = await db.UnitGroups.SingleOrDefaultAsync(g => g.Id == id);
        if (group is null)
        {
            return NotFound();
        }

        group.Deactivate();
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }

    private async Task<UnitGroupsModel> PageAsync(UnitGroupEditModel form, int? editing)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.ShortName, u.Kind, u.IsActive)).ToListAsync();
        var names = units.ToDictionary(u => u.Id, u => u.ShortName ?? u.Name);
        var groups = (await db.UnitGroups.AsNoTracking().Include(g => g.Members).OrderBy(g => g.Name).ToListAsync())
            .Select(g => new UnitGroupRow(g.Id, g.Name, g.IsActive, g.Members.Select(m => names.GetValueOrDefault(m.UnitId, "?")).ToList()))
            .ToList();
        return new UnitGroupsModel(groups, units, form, editing);
    }
}
