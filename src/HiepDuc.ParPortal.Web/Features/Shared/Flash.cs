namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>The one-line confirmation shown after a successful POST-redirect-GET.</summary>
public static class Flash
{
    public const string Key = "flash";
}
