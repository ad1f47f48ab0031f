using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Dashboard;

/// <summary>"Bảng điều hành": what is late, who is behind, how the figures move — for the chairman, the office, administrators.</summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class DashboardController(DashboardQueries queries, TimeProvider clock) : Controller
{
    [HttpGet("/dashboard")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    public async Task<IActionResult> Index([FromQuery] DashboardFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            filter = new DashboardFilter();
        }

        return View(await queries.LoadAsync(filter, clock.Today(), cancellationToken, mayLag: true));
    }
}
