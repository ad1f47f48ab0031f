using System.Security.Claims;

namespace HiepDuc.ParPortal.Web.Authorization;

public static class PortalClaims
{
    public const string FullName = "parportal:fullname";
    public const string UnitId = "parportal:unit";
    public const string UnitName = "parportal:unitname";
    public const string MustChangePassword = "parportal:must-change-password";

    /// <summary>When the session began (Unix seconds): a session ends <see cref="Infrastructure.SecurityOptions.SessionLifetimeHours"/> after it.</summary>
    public const string SignedInAt = "parportal:signed-in-at";

    public static int? GetUnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(UnitId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string GetFullName(this ClaimsPrincipal user) =>
        user.FindFirstValue(FullName) ?? user.Identity?.Name ?? string.Empty;

    public static string? GetUserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// Sees every unit's work (office, chairman, administrator, an API token bound to no unit); otherwise only their
    /// own unit's.
    /// </summary>
    public static bool SeesAllUnits(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.DistrictOffice) || user.IsInRole(Roles.Chairman) || user.IsInRole(Roles.Administrator)
        || (user.HasClaim(c => c.Type == Features.Api.ApiTokenAuthentication.TokenClaim) && user.GetUnitId() is null);
}
