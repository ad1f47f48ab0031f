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
        app.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("HiepDuc.ParPortal API")
                .WithOpenApiRoutePattern(Path)
                .DisableDefaultFonts())
            .RequireAuthorization(Policies.ReadAll);
    }
}
