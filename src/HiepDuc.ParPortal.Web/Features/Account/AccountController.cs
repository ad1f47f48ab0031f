using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Features.Shared;
using HiepDuc.ParPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    SignInAudit audit,
    IdentitySeed identitySeed,
    SignInThrottles throttles,
    IStringLocalizer<SharedResource> l) : Controller
{
    // The sign-in cookie's options take paths, not routes: these are the routes below, named once for both.
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string DeniedPath = "/account/denied";

    [AllowAnonymous]
    [HttpGet(LoginPath)]
    public IActionResult Login([StringLength(2000, ErrorMessage = "Validation_MaxLength")] string? returnUrl) => View(new LoginModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost(LoginPath)]
    [EnableRateLimiting(IdentitySetup.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var name = model.UserName.Trim();
        var user = await users.FindByNameAsync(name) ?? await users.FindByEmailAsync(name);
        if (user is null || !user.IsActive)
        {
            await audit.RecordAsync(SignInAudit.SignInFailed, user, name);
            return Failed(model);
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttles.IsBlockedAsync(user.Id, address, HttpContext.RequestAborted))
        {
            await audit.RecordAsync(SignInAudit.LockedOut, user, name);
            return Failed(model);
        }

        // Wrong passwords lock the account for the address they come from (SignInThrottles), not everywhere: an
        // administrator's lock (Identity's lockout) still refuses every address.
        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttles.ClearAsync(user.Id, address, HttpContext.RequestAborted);
            await audit.RecordAsync(SignInAudit.SignIn, user);
            return user.MustChangePassword
                ? RedirectToAction(nameof(ChangePassword))
                : LocalRedirect(Url.LocalOr(model.ReturnUrl, Url.Action(nameof(Home.HomeController.Index), "Home")!));
        }

        var blocked = !result.IsLockedOut && await throttles.FailedAsync(user.Id, address, HttpContext.RequestAborted);
        await audit.RecordAsync(result.IsLockedOut || blocked ? SignInAudit.LockedOut : SignInAudit.SignInFailed, user, name);
        return Failed(model);
    }

    [HttpPost(LogoutPath)]
    public async Task<IActionResult> Logout()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            // A new security stamp: a copy of the old cookie is refused on its next request (the stamp is checked on
            // every request), so signing out ends the session everywhere it was carried, not only in this browser.
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        await audit.RecordAsync(SignInAudit.SignOut, user);
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordModel());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(model.CurrentPassword) : nameof(model.NewPassword), error.Description);
            }

            return View(model);
        }

        var wasInitial = user.MustChangePassword && user.UserName == IdentitySeed.InitialAdminUserName;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(SignInAudit.PasswordChanged, user);
        if (wasInitial)
        {
            identitySeed.ForgetInitialPassword();
        }

        TempData[Flash.Key] = l["Account_PasswordChanged"].Value;
        return RedirectToAction(nameof(Home.HomeController.Index), "Home");
    }

    [AllowAnonymous]
    [HttpGet(DeniedPath)]
    public IActionResult Denied() => View();

    private ViewResult Failed(LoginModel model)
    {
        // One message for every failure: it never tells whether the name exists or is locked.
        ModelState.AddModelError(string.Empty, l["Account_LoginFailed"]);
        model.Password = string.Empty;
        return View(model);
    }
}
