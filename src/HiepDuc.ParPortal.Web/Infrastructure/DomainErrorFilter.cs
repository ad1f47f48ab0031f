using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Api;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>
/// A rule of the Domain that refuses a change (<see cref="DomainException"/>) is answered in one place, in the reader's
/// language: the API gets a 422 Problem Details document ("rule"); a page gets the message as a model error on the form
/// it posted, with nothing saved.
/// <para>
/// For a page, the change tracker is emptied (no half-made change is saved later) and the action runs once more, now with
/// an invalid model state: every form action answers an invalid model state by showing its form again (or, for a
/// button, by returning to its page with the message), before it changes anything. That is the path it already takes for
/// a missing field, so a refusal by a rule looks and behaves the same as one by validation.
/// </para>
/// </summary>
public sealed class DomainErrorFilter(IStringLocalizer<SharedResource> l) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not DomainException error || executed.ExceptionHandled)
        {
            return;
        }

        executed.ExceptionHandled = true;
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<ParPortalDbContext>().ChangeTracker.Clear();
        var message = l.Domain(error);
        if (http.Request.IsApi())
        {
            executed.Result = ApiProblems.Result(http, StatusCodes.Status422UnprocessableEntity, "rule", message);
            return;
        }

        context.ModelState.AddModelError(string.Empty, message);
        http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        executed.Result = await RunAgainAsync(context);
    }

    private static async Task<IActionResult> RunAgainAsync(ActionExecutingContext context)
    {
        var method = ((ControllerActionDescriptor)context.ActionDescriptor).MethodInfo;
        var arguments = method.GetParameters()
            .Select(p => context.ActionArguments.TryGetValue(p.Name!, out var value) ? value
                : p.HasDefaultValue ? p.DefaultValue
                : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        return method.Invoke(context.Controller, arguments) switch
        {
            Task<IActionResult> pending => await pending,
            IActionResult result => result,
            var other => throw new InvalidOperationException($"{method.Name} returned {other?.GetType().Name ?? "null"}, not an action result."),
        };
    }
}
