using System.ComponentModel.DataAnnotations;

namespace HiepDuc.ParPortal.Web.Infrastructure;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Mark the sign-in cookie Secure (HTTPS only). Off only in Development.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Sign-in attempts allowed per client address per minute before 429.</summary>
    [Range(1, 10_000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Where the first administrator's one-time password is written (relative to the content root).</summary>
    [Required]
    public string InitialAdminPasswordFile { get; set; } = "App_Data/initial-admin-password.txt";
}
