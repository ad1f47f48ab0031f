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

    /// <summary>Outside Development, plain HTTP requests are redirected to HTTPS (and HSTS is sent on HTTPS).</summary>
    public bool HttpsRedirection { get; set; } = true;

    /// <summary>
    /// Addresses of the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are trusted (empty: only loopback).
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>A session not used for this many minutes ends (sliding: each request renews it).</summary>
    [Range(5, 24 * 60)]
    public int IdleTimeoutMinutes { get; set; } = 8 * 60;

    /// <summary>A session ends this many hours after its sign-in, however much it is used.</summary>
    [Range(1, 7 * 24)]
    public int SessionLifetimeHours { get; set; } = 12;

    /// <summary>The largest request body of an ordinary form; upload forms declare their own, larger limit.</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 2 * 1024 * 1024;
}
