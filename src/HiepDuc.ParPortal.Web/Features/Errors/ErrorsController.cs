using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Errors;

/// <summary>Friendly error pages with a correlation id; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
[ReadsNoForm]
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

/// <summary>
/// The error page is re-executed with the request that failed, often a POST whose form is the very reason (a NUL,
/// too many fields, too large): it binds nothing from the form, so that form cannot fail the error page too.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadsNoFormAttribute : Attribute, Microsoft.AspNetCore.Mvc.Filters.IResourceFilter
{
    public void OnResourceExecuting(Microsoft.AspNetCore.Mvc.Filters.ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        for (var i = factories.Count - 1; i >= 0; i--)
        {
            if (factories[i] is Microsoft.AspNetCore.Mvc.ModelBinding.FormValueProviderFactory
                or Microsoft.AspNetCore.Mvc.ModelBinding.FormFileValueProviderFactory
                or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory)
            {
                factories.RemoveAt(i);
            }
        }
    }

    public void OnResourceExecuted(Microsoft.AspNetCore.Mvc.Filters.ResourceExecutedContext context)
    {
    }
}
