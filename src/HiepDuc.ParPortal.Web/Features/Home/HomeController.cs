using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Dashboard;
using HiepDuc.ParPortal.Web.Features.MyUnit;
using HiepDuc.ParPortal.Web.Features.Notices;
using HiepDuc.ParPortal.Web.Features.Review;
using HiepDuc.ParPortal.Web.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Home;

public sealed class HomeController(IAuthorizationService authorization) : Controller
{
    /// <summary>
    /// Each role lands on its own page: the office on its queue ("Việc cần xử lý"), the chairman on the dashboard, the
    /// unit on its work. The first policy the user holds decides; the notices are open to everyone signed in.
    /// </summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        foreach (var (policy, action, controller) in Landings)
        {
            if ((await authorization.AuthorizeAsync(User, policy)).Succeeded)
            {
                return RedirectToAction(action, controller);
            }
        }

        return RedirectToAction(nameof(NoticesController.Index), "Notices");
    }

    private static readonly (string Policy, string Action, string Controller)[] Landings =
    [
        (Policies.OfficeWork, nameof(ReviewController.Index), "Review"),
        (Policies.Direct, nameof(DashboardController.Index), "Dashboard"),
        (Policies.UnitWork, nameof(MyUnitController.Index), "MyUnit"),
        (Policies.Administer, nameof(UsersController.Index), "Users"),
    ];
}
