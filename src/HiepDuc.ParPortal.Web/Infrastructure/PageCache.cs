using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Domain.Common;
using Microsoft.AspNetCore.OutputCaching;

namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>
/// The dashboard and the lists are kept, rendered, for the one person who asked for them: an entry is found again only
/// by the same user (same roles and unit), in the same browser session (same antiforgery cookie, so its forms stay
/// valid), language, portal day and query — and only while <see cref="DataVersion"/> has not moved, that is until this
/// server saves anything (a notification written or read included: the bell is on every page); a change saved on another server is seen within <see cref="Lifetime"/>. A page that carries
/// a flash message, sets a cookie or is not a 200 is never kept. Authorization runs before the cache on every request.
/// </summary>
public sealed class PageCache : IOutputCachePolicy
{
    public const string Policy = "page-per-user";

    /// <summary>The bound on a change made on another server (the same as the dashboard's).</summary>
    public static readonly TimeSpan Lifetime = Features.Dashboard.DashboardQueries.CacheFor;

    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var user = http.User;
        if (!HttpMethods.IsGet(http.Request.Method) || user.Identity?.IsAuthenticated != true || http.Request.Cookies.ContainsKey(TempDataCookie)
            || user.HasClaim(c => c.Type == Authorization.PortalClaims.MustChangePassword))
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        var services = http.RequestServices;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        var vary = context.CacheVaryByRules;
        vary.QueryKeys = "*";
        vary.VaryByValues["who"] = Who(user);
        vary.VaryByValues["session"] = Hash(http.Request.Cookies["parportal.af"] ?? string.Empty);
        vary.VaryByValues["culture"] = System.Globalization.CultureInfo.CurrentUICulture.Name;
        vary.VaryByValues["day"] = services.GetRequiredService<TimeProvider>().Today().DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var version = services.GetRequiredService<DataVersion>();
        vary.VaryByValues["data"] = version.Current.ToString(System.Globalization.CultureInfo.InvariantCulture);
        vary.VaryByValues["bell"] = version.Notifications.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Every page clears the flash-message cookie it did not receive (a no-op to replay); any other cookie is personal.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Any(c => c is null || !c.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal)))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The user, their roles and their unit: a change of any of them is another page.</summary>
    private static string Who(ClaimsPrincipal user) =>
        Hash(string.Join('|', user.Claims.Where(c => c.Type is ClaimTypes.NameIdentifier or ClaimTypes.Role or Authorization.PortalClaims.UnitId or Authorization.PortalClaims.FullName)
            .Select(c => $"{c.Type}={c.Value}").Order(StringComparer.Ordinal)));

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 16);
}
