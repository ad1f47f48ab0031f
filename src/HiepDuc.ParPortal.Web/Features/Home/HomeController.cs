using HiepDuc.ParPortal.Web.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Home;

public sealed class HomeController : Controller
{
    /// <summary>Each role lands on its own page: the office on its queue ("Việc cần xử lý"), the unit on its work, the chairman on the dashboard.</summary>
    [HttpGet("/")]
    public IActionResult Index() => Redirect(LandingPage(User));

    public static string LandingPage(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.DistrictOffice) ? "/review"
        : user.IsInRole(Roles.Chairman) ? "/dashboard"
        : user.IsInRole(Roles.UnitHead) ? "/my-unit"
        : user.IsInRole(Roles.Administrator) ? "/admin/users"
        : "/notices";
}
