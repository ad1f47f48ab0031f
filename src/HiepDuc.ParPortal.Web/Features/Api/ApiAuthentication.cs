using System.Security.Claims;
using System.Text.Encodings.Web;
using HiepDuc.ParPortal.Domain.Access;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Shared;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>
/// The API's sign-in: <c>Authorization: Bearer hdpp_…</c>. The token is looked up by the hash of its secret; a revoked,
/// expired or unknown one is refused. The caller becomes a principal named after the token (the audit trail and the
/// timelines show "API · name"), carrying its scopes and its unit. Cookies never open the API, so a page cannot be
/// made to call it on a signed-in user's behalf.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ParPortalDbContext db,
    TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>One claim per scope the token holds ("read", "kpi:write", …).</summary>
    public const string ScopeClaim = "parportal:api-scope";

    /// <summary>The token's id; present only on API callers.</summary>
    public const string TokenClaim = "parportal:api-token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("malformed token");
        }

        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash)
            .Select(t => new { t.Id, t.Name, t.Scopes, t.UnitId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt })
            .SingleOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || now >= token.ExpiresAt)
        {
            return AuthenticateResult.Fail("unknown, revoked or expired token");
        }

        if (token.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            // "Last used", to the minute: one write a minute at most, outside the audit (it is not a change of the token).
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"api-token:{token.Id}"),
            new(ClaimTypes.Name, $"API · {token.Name}"),
            new(PortalClaims.FullName, $"API · {token.Name}"),
            new(TokenClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(ApiToken.Describe(token.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ScopeClaim, s)));
        if (token.UnitId is { } unit)
        {
            claims.Add(new Claim(PortalClaims.UnitId, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "unauthorized", l["Api_Unauthorized"]);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden", l["Api_Forbidden"]);
}

/// <summary>The API's policies: one per scope, each only through a token.</summary>
public static class ApiPolicies
{
    public const string Read = "api:read";
    public const string KpiWrite = "api:kpi:write";
    public const string ReportsWrite = "api:reports:write";
    public const string NoticesWrite = "api:notices:write";

    /// <summary>The rate limit of each token (<c>Api:RequestsPerMinute</c>).</summary>
    public const string RateLimit = "api";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        foreach (var (policy, scope) in new[] { (Read, "read"), (KpiWrite, "kpi:write"), (ReportsWrite, "reports:write"), (NoticesWrite, "notices:write") })
        {
            options.AddPolicy(policy, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser().RequireClaim(ApiTokenAuthentication.ScopeClaim, scope));
        }
    }
}
