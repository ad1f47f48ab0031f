using System.Globalization;
using System.Security.Claims;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Authorization;

/// <summary>Puts the user's full name, unit and "must change password" flag in the sign-in cookie.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, ParPortalDbContext db, TimeProvider clock)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        identity.AddClaim(new Claim(PortalClaims.SignedInAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (user.UnitId is { } unit)
        {
            identity.AddClaim(new Claim(PortalClaims.UnitId, unit.ToString(CultureInfo.InvariantCulture)));
            var unitName = db.Units.Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefault();
            if (unitName is not null)
            {
                identity.AddClaim(new Claim(PortalClaims.UnitName, unitName));
            }
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
