using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>One wrong row or field of a request, in the caller's language.</summary>
public sealed record ApiError(int? Row, string? Field, string Message);

/// <summary>
/// Every refusal of the API is a Problem Details document (RFC 9457, <c>application/problem+json</c>): a stable
/// <c>type</c> a program can test, a <c>title</c> in Vietnamese or English after <c>Accept-Language</c>, and — for a
/// batch — the list of <c>errors</c> by row.
/// </summary>
public static class ApiProblems
{
    public const string TypeBase = "https://parportal.hiepduc.gov.vn/problems/";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ProblemDetails Create(HttpContext context, int status, string code, string title, IReadOnlyList<ApiError>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Type = TypeBase + code,
            Title = title,
            Status = status,
            Instance = context.Request.Path,
        };
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        problem.Extensions["traceId"] = context.TraceIdentifier;
        return problem;
    }

    /// <summary>A problem as an action's result: the API's actions and the filter that answers a rule's refusal.</summary>
    public static Microsoft.AspNetCore.Mvc.ObjectResult Result(HttpContext context, int status, string code, string title, IReadOnlyList<ApiError>? errors = null) =>
        new(Create(context, status, code, title, errors)) { StatusCode = status, ContentTypes = { "application/problem+json" } };

    /// <summary>Writes a problem outside MVC (authentication, the rate limiter).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string title)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, Create(context, status, code, title), Json, context.RequestAborted);
    }

    /// <summary>For an API status with no body (an unknown address, a refused method): a problem with the status's own words.</summary>
    public static Task StatusCodePageAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var http = context.HttpContext;
        var l = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Shared.SharedResource>>();
        var status = http.Response.StatusCode;
        var words = l[$"Api_Status{status}"];
        return WriteAsync(http, status, $"status-{status}", words.ResourceNotFound ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) : words.Value);
    }

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
