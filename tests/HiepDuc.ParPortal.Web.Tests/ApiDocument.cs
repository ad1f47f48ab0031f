using System.Net;
using HiepDuc.ParPortal.Domain.Access;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>The OpenAPI document is valid, and lists exactly the API's endpoints — no more, no fewer.</summary>
public class The_api_document_matches_the_api(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_document_validates_and_names_every_endpoint_with_its_method()
    {
        var api = factory.ApiClient(await factory.IssueAsync("Tài liệu", ApiScopes.Read));
        var response = await api.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(json, "json");
        Assert.Empty(read.Diagnostic!.Errors.Select(e => e.ToString()));
        var document = read.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
        Assert.Contains("token", document.Components!.SecuritySchemes!.Keys);

        var documented = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}")).Order().ToList();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null && e.RoutePattern.RawText!.StartsWith("api/v1/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}")}"))
            .Order().ToList();
        Assert.Equal(endpoints, documented);
        Assert.Equal(11, endpoints.Count);

        // The pages are not in it, and the batch documents its idempotency header.
        Assert.DoesNotContain(document.Paths.Keys, p => !p.StartsWith("/api/v1/", StringComparison.Ordinal));
        var batch = document.Paths["/api/v1/kpis/figures"].Operations![HttpMethod.Post];
        Assert.Contains(batch.Parameters!, p => p.Name == "Idempotency-Key" && p.In == ParameterLocation.Header);
    }

    [Fact]
    public async Task The_reference_page_is_served_from_the_portal_to_signed_in_readers()
    {
        var anonymous = await factory.NewClient().GetAsync(new Uri("/api/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("docs.office", Web.Authorization.Roles.DistrictOffice, "VPHDND"));
        var redirect = await office.GetAsync(new Uri("/api/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode); // to "docs/", the page with its assets beside it
        var page = await office.GetAsync(new Uri("/api/docs/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"scalar.js\">", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(new Uri("/api/docs/scalar.js", UriKind.Relative))).StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);
    }
}
