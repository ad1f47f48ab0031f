using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Users;

[Authorize(Policy = Policies.Administer)]
[Route("admin/users")]
public sealed class UsersController(
    ParPortalDbContext db,
    UserManager<PortalUser> users,
    SignInAudit audit,
    Account.SignInThrottles throttles,
    IStringLocalizer<SharedResource> l) : Controller
{
    public const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index([StringLength(100, ErrorMessage = "Validation_MaxLength")] string? q, int page = 1)
    {
        page = Math.Max(1, page);
        var query = db.Users.AsNoTracking();
        var key = VietnameseText.Fold(q);
        if (key.Length > 0)
        {
            query = query.Where(u => u.SearchKey.Contains(key));
        }

        var rows = await query
            .OrderBy(u => u.FullName).ThenBy(u => u.UserName)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.FullName,
                u.Email,
                Unit = db.Units.Where(x => x.Id == u.UnitId).Select(x => x.ShortName ?? x.Name).FirstOrDefault(),
                u.IsActive,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync();
        var items = rows.Take(PageSize).Select(r => new UserListItem(r.Id, r.UserName, r.FullName, r.Email, r.Unit, r.IsActive, r.LockoutEnd, r.Roles)).ToList();
        return View(new UserListModel(items, q, page, rows.Count > PageSize));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await EditView(new UserEditModel(), isNew: true);

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserEditModel model)
    {
        await CheckUnitAsync(model);
        if (!ModelState.IsValid)
        {
            return await EditView(model, isNew: true);
        }

        var user = new PortalUser { UserName = model.UserName.Trim(), MustChangePassword = true, LockoutEnabled = true };
        user.SetProfile(model.FullName, model.Email, model.UnitId);
        var password = PasswordGenerator.Generate();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, model.Roles);
        }

        if (!result.Succeeded)
        {
            AddErrors(result);
            return await EditView(model, isNew: true);
        }

        await transaction.CommitAsync();
        return OneTimePassword(user, password);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit([StringLength(64, ErrorMessage = "Validation_MaxLength")] string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var model = new UserEditModel
        {
            UserName = user.UserName ?? string.Empty,
            FullName = user.FullName,
            Email = user.Email,
            UnitId = user.UnitId,
            Roles = [.. await users.GetRolesAsync(user)],
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        ViewData["UserId"] = id;
        ViewData["User"] = user;
        return await EditView(model, isNew: false);
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit([StringLength(64, ErrorMessage = "Validation_MaxLength")] string id, UserEditModel model)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        ViewData["UserId"] = id;
        ViewData["User"] = user;
        model.UserName = user.UserName ?? string.Empty;
        ModelState.Remove(nameof(model.UserName));
        await CheckUnitAsync(model);
        if (model.ConcurrencyStamp != user.ConcurrencyStamp)
        {
            ModelState.AddModelError(string.Empty, l["Concurrency_Changed"]);
        }

        if (!ModelState.IsValid)
        {
            return await EditView(model, isNew: false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.SetProfile(model.FullName, model.Email, model.UnitId);
        var result = await users.UpdateAsync(user);
        var current = await users.GetRolesAsync(user);
        if (result.Succeeded && current.Except(model.Roles).ToList() is { Count: > 0 } removed)
        {
            result = await users.RemoveFromRolesAsync(user, removed);
        }

        if (result.Succeeded && model.Roles.Except(current).ToList() is { Count: > 0 } added)
        {
            result = await users.AddToRolesAsync(user, added);
        }

        if (!result.Succeeded)
        {
            AddErrors(result);
            return await EditView(model, isNew: false);
        }

        // New roles or unit take effect at once: the user's cookie no longer validates.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync();
        TempData[Flash.Key] = l.GetString("Users_Saved", user.FullName).Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/lock")]
    public Task<IActionResult> Lock([StringLength(64, ErrorMessage = "Validation_MaxLength")] string id) => Change(id, async user =>
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        return "Users_Locked";
    });

    /// <summary>Ends every session of the user (a lost phone, a shared computer): each of their cookies is refused on its next request.</summary>
    [HttpPost("{id}/end-sessions")]
    public Task<IActionResult> EndSessions([StringLength(64, ErrorMessage = "Validation_MaxLength")] string id) => Change(id, async user =>
    {
        await users.UpdateSecurityStampAsync(user);
        return "Users_SessionsEnded";
    });

    [HttpPost("{id}/unlock")]
    public Task<IActionResult> Unlock([StringLength(64, ErrorMessage = "Validation_MaxLength")] string id) => Change(id, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttles.ClearAsync(user.Id, null, HttpContext.RequestAborted); // every address its wrong passwords blocked
        return "Users_Unlocked";
    });

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate([StringLength(64, ErrorMessage = "Validation_MaxLength")] string id) => Change(id, async user =>
    {
        user.IsActive = false;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        return "Users_Deactivated";
    });

    [HttpPost("{id}/activate")]
    public Task<IActionResult> Activate([StringLength(64, ErrorMessage = "Validation_MaxLength")] string id) => Change(id, async user =>
    {
        user.IsActive = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return "Users_Activated";
    });

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword([StringLength(64, ErrorMessage = "Validation_MaxLength")] string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var password = PasswordGenerator.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            TempData[Flash.Key] = string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToAction(nameof(Edit), new { id });
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(SignInAudit.PasswordReset, user);
        return OneTimePassword(user, password);
    }

    private async Task<IActionResult> Change(string id, Func<PortalUser, Task<string>> change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == User.GetUserId())
        {
            TempData[Flash.Key] = l["Users_NotYourself"].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }

        var message = await change(user);
        TempData[Flash.Key] = l.GetString(message, user.FullName).Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The new password is shown once, in this response only, never stored or logged.</summary>
    private ViewResult OneTimePassword(PortalUser user, string password)
    {
        Response.Headers.CacheControl = "no-store";
        return View("Password", new OneTimePasswordModel(user.UserName ?? string.Empty, user.FullName, password));
    }

    private async Task CheckUnitAsync(UserEditModel model)
    {
        if (model.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.IsActive))
        {
            ModelState.AddModelError(nameof(model.UnitId), l["Users_UnitUnknown"]);
        }
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserEditModel.UserName) : string.Empty, error.Description);
        }
    }

    private async Task<ViewResult> EditView(UserEditModel model, bool isNew)
    {
        ViewData["IsNew"] = isNew;
        ViewData["Units"] = await db.Units.AsNoTracking().Where(u => u.IsActive || u.Id == model.UnitId)
            .OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new UnitOption(u.Id, u.Name)).ToListAsync();
        return View("Edit", model);
    }
}
