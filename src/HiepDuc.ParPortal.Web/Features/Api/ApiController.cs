using System.Globalization;
using System.Security.Claims;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>
/// The base of the API's controllers: JSON in and out, no antiforgery (no cookie is ever read: the caller signs in
/// with its token on every request), refusals as Problem Details, versions as entity tags.
/// </summary>
[ApiController]
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ApiPolicies.RateLimit)]
public abstract class ApiController(IStringLocalizer<SharedResource> l) : ControllerBase
{
    protected IStringLocalizer<SharedResource> L { get; } = l;

    /// <summary>The token's unit, when it is bound to one: it then sees and changes that unit's work only.</summary>
    protected int? BoundUnit => User.GetUnitId();

    protected int TokenId => int.Parse(User.FindFirstValue(ApiTokenAuthentication.TokenClaim)!, CultureInfo.InvariantCulture);

    protected ObjectResult Problem(int status, string code, string title, IReadOnlyList<ApiError>? errors = null) =>
        ApiProblems.Result(HttpContext, status, code, title, errors);

    protected ObjectResult NotFoundProblem() => Problem(StatusCodes.Status404NotFound, "not-found", L["Api_NotFound"]);

    /// <summary>The entity tag of a record at <paramref name="version"/>.</summary>
    protected static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    protected T Tagged<T>(T body, long version)
    {
        Response.Headers.ETag = ETagOf(version);
        return body;
    }

    /// <summary>
    /// The version the caller's <c>If-Match</c> names: null with a 428 problem when it is missing or unreadable, so
    /// that no write is ever made against a state the caller has not seen.
    /// </summary>
    protected long? IfMatch(out ObjectResult? refusal)
    {
        refusal = null;
        var header = Request.Headers.IfMatch.ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }

        if (header.Length > 2 && header[0] == '"' && header[^1] == '"' && long.TryParse(header[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        refusal = Problem(StatusCodes.Status428PreconditionRequired, "if-match-required", L["Api_IfMatchRequired"]);
        return null;
    }

    protected ObjectResult Stale(long current)
    {
        Response.Headers.ETag = ETagOf(current);
        return Problem(StatusCodes.Status412PreconditionFailed, "stale", L["Api_Stale"]);
    }
}

/// <summary>A page of a list and where the next one starts (<c>null</c> at the end).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Next);
