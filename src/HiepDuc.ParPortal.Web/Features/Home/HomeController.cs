using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => RedirectToAction("Index", "Notices");
}
