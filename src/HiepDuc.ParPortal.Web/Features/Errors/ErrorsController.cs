using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Errors;

/// <summary>Friendly error pages with a correlation id; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/Error/{status:int?}")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Index(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        return View("Error", new ErrorModel(code, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorModel(int StatusCode, string CorrelationId);
