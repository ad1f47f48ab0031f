namespace HiepDuc.ParPortal.Domain.Common;

/// <summary>Who did something: the user's id (null for the system) and the name shown in timelines.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "Hệ thống");
}
