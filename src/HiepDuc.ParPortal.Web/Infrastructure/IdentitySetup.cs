using System.Threading.RateLimiting;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.Seed;
using Microsoft.AspNetCore.Authorization;
using HiepDuc.ParPortal.Web.Features.Api;
using Microsoft.AspNetCore.Identity;

namespace HiepDuc.ParPortal.Web.Infrastructure;

public static class IdentitySetup
{
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddParPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ParPortalDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "parportal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = Features.Account.AccountController.LoginPath;
            o.LogoutPath = Features.Account.AccountController.LogoutPath;
            o.AccessDeniedPath = Features.Account.AccountController.DeniedPath;

            // The stamp is checked on every request, so a password change, a lock or a deactivation signs the user
            // out everywhere at once (one indexed lookup per request).
            o.Events.OnValidatePrincipal = StampCheck.ValidateAsync;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "parportal.af";
            o.Cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // The API's callers sign in with a token on every request (Features/Api), never with the cookie.
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Features.Api.ApiTokenAuthentication>(Features.Api.ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorization(o =>
        {
            Policies.Add(o);
            Features.Api.ApiPolicies.Add(o);
        });
        services.AddSingleton<IAuthorizationHandler, AssignmentAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, DirectiveAuthorizationHandler>();
        services.AddScoped<IdentitySeed>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<Features.Account.SignInThrottles>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            // Each API token has its own budget (keyed by the hash of the credential it sends, so that the limit holds
            // before the token is even looked up); requests without one share the caller's address.
            var api = configuration.GetSection(Features.Api.ApiOptions.Section).Get<Features.Api.ApiOptions>() ?? new Features.Api.ApiOptions();
            o.AddPolicy(Features.Api.ApiPolicies.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } credential
                    ? "token:" + Domain.Access.ApiToken.HashOf(credential)
                    : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = api.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The public page, per visiting address (a cached answer costs little, but the page is open to anyone).
            var publicPerMinute = configuration.GetValue("Public:RequestsPerMinute", 120);
            o.AddPolicy(Features.Public.PublicController.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = publicPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.HttpContext.Request.IsApi())
                {
                    var l = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Features.Shared.SharedResource>>();
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    await Features.Api.ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate-limited", l["Api_RateLimited"]);
                }
            };
        });
        return services;
    }
}
