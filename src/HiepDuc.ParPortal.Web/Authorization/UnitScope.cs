using System.Security.Claims;
using HiepDuc.ParPortal.Domain.Assignments;

namespace HiepDuc.ParPortal.Web.Authorization;

/// <summary>
/// The row-level half of authorization: list queries show a unit head only their own unit's assignments.
/// Single records are checked by the resource handlers; lists are narrowed here, in SQL.
/// </summary>
public static class UnitScope
{
    public static IQueryable<Assignment> VisibleTo(this IQueryable<Assignment> assignments, ClaimsPrincipal user)
    {
        if (user.SeesAllUnits())
        {
            return assignments;
        }

        // A unit head, or an API token bound to a unit, sees that unit's work.
        var unit = user.IsInRole(Roles.UnitHead) || user.HasClaim(c => c.Type == Features.Api.ApiTokenAuthentication.TokenClaim) ? user.GetUnitId() : null;
        return unit is { } id ? assignments.Where(a => a.UnitId == id) : assignments.Where(_ => false);
    }
}
