using System.Security.Claims;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>Who is making the current change and from where: the signed-in user, or the system (seed, jobs).</summary>
public interface ICurrentActor
{
    Actor Actor { get; }

    string? IpAddress { get; }
}

internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public const string FullNameClaim = "parportal:fullname";

    public Actor Actor
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return Actor.System;
            }

            var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var name = user.FindFirstValue(FullNameClaim) ?? user.Identity.Name ?? id ?? "?";
            return new Actor(id, name);
        }
    }

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
