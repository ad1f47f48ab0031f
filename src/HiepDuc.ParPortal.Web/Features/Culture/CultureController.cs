using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Culture;

[AllowAnonymous]
public sealed class CultureController : Controller
{
    /// <summary>Remembers the chosen language for a year and goes back to the page the user was on.</summary>
    [HttpPost("/culture")]
    public IActionResult Set([StringLength(16, ErrorMessage = "Validation_MaxLength")] string culture, [StringLength(2000, ErrorMessage = "Validation_MaxLength")] string? returnUrl)
    {
        if (culture is "vi-VN" or "en-US")
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }

        return LocalRedirect(Url.LocalOr(returnUrl, Url.Action(nameof(Home.HomeController.Index), "Home")!));
    }
}
