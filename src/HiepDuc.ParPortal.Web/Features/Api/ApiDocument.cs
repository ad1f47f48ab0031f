using HiepDuc.ParPortal.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>
/// The API's description: the OpenAPI document at <c>/openapi/v1.json</c>, built from the endpoints themselves, and a
/// reference page at <c>/api/docs</c> served from the portal (no CDN). Both need a signed-in user or an API token.
/// </summary>
public static class ApiDocument
{
    public const string Path = "/openapi/{documentName}.json";
    public const string ReferencePath = "/api/docs";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "HiepDuc.ParPortal API",
                Version = "v1",
                Description = "Thông báo kết luận, nhiệm vụ, phân công, đơn vị, chỉ tiêu và số liệu. / Notices, directives, assignments, units, KPIs and figures.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["token"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Mã truy cập do quản trị viên cấp (/admin/api-tokens). / A token issued by the administrator.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("token", document)] = [] });
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The reference page's policy: its one inline script is allowed by its hash (computed from the page as served),
    /// nothing else inline runs; the styles the viewer injects are allowed on this page only.
    /// </summary>
    public static IApplicationBuilder UseApiReferencePolicy(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.Equals(ReferencePath + "/", StringComparison.Ordinal), b => b.Use(async (context, next) =>
        {
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var html = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = System.Text.RegularExpressions.Regex.Matches(html, @"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select(m => $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' {string.Join(' ', hashes)}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            context.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }));

    public static void Map(WebApplication app)
    {
        var signedInOrToken = new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser().Build();
        app.MapOpenApi(Path).RequireAuthorization(signedInOrToken);
        // An address under /api that no endpoint answers: a problem document, not the sign-in page.
        app.MapFallback("/api/{**rest}", async context =>
        {
            var l = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Shared.SharedResource>>();
            await ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, "status-404", l["Api_Status404"]);
        }).AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, o =>
            {
                o.WithTitle("HiepDuc.ParPortal API").WithOpenApiRoutePattern(Path).DisableDefaultFonts().HideDeveloperTools().DisableMcp();
                // Nothing leaves the portal from this page: no telemetry, no AI chat, no hosted services.
                o.Telemetry = false;
                o.Agent = new ScalarAgentOptions { Disabled = true };
                o.HideClientButton = true;
            })
            .RequireAuthorization(Policies.ReadAll);
    }
}
