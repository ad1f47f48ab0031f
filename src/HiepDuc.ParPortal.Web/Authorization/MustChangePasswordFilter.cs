using HiepDuc.ParPortal.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HiepDuc.ParPortal.Web.Authorization;

/// <summary>A user with a one-time password goes to the change-password page before anything else.</summary>
public sealed class MustChangePasswordFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || !user.HasClaim(c => c.Type == PortalClaims.MustChangePassword))
        {
            return;
        }

        if (context.Controller is AccountController || context.Controller is Features.Culture.CultureController || context.Controller is Features.Errors.ErrorsController)
        {
            return;
        }

        context.Result = new RedirectToActionResult(nameof(AccountController.ChangePassword), "Account", null);
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
