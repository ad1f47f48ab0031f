using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

public class Pages_travel_light(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_large_page_is_compressed_for_a_browser_that_accepts_it_and_reads_the_same()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("gzip.office", Roles.DistrictOffice, "VPHDND"));
        var plain = await (await office.GetAsync(new Uri("/directives", UriKind.Relative))).Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/directives");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await office.SendAsync(request);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using var unzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        var text = await new StreamReader(unzip).ReadToEndAsync();
        var size = System.Text.Encoding.UTF8.GetByteCount(text);
        Assert.True(bytes.Length * 2 < size, $"{bytes.Length} bytes compressed for {size} bytes");
        Assert.Contains("3.e", plain, StringComparison.Ordinal);
        Assert.Contains("3.e", text, StringComparison.Ordinal);
    }
}

/// <summary>Every response of the real server — pages, errors, files, assets, the login page — carries the security headers and no banner.</summary>
public class Every_response_carries_the_security_headers(Every_response_carries_the_security_headers.Portal shared) : IClassFixture<Every_response_carries_the_security_headers.Portal>
{
    [Fact]
    public async Task On_Kestrel_signed_in_or_not()
    {
        var factory = shared.Factory;
        var user = await factory.CreateUserAsync("headers.office", Roles.DistrictOffice, "VPHDND");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = factory.RootUri };
        var anonymous = new[] { "/account/login", "/health", "/health/live", "/health/ready", "/css/site.css", "/dashboard", "/khong-co-trang-nay" };
        foreach (var url in anonymous)
        {
            AssertHeaders(await client.GetAsync(new Uri(url, UriKind.Relative)), url);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.UserName, user.Password)).StatusCode);
        var directive = await factory.QueryAsync(db => db.Directives.Select(d => d.Id).FirstAsync());
        foreach (var url in new[] { "/directives", $"/directives/{directive}", "/assignments", "/notices", "/kpis", "/directives/export.xlsx", "/khong-co-trang-nay", "/Error/500" })
        {
            AssertHeaders(await client.GetAsync(new Uri(url, UriKind.Relative)), url);
        }
    }

    public sealed class Portal : IDisposable
    {
        public Browser.KestrelPortalFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private static void AssertHeaders(HttpResponseMessage response, string url)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : string.Empty;
        Assert.True(Header("Content-Security-Policy").Contains("script-src 'self'", StringComparison.Ordinal), $"{url}: CSP");
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), $"{url}: Server header");
        Assert.False(response.Headers.Contains("X-Powered-By"), $"{url}: X-Powered-By");
    }
}

public class Plain_HTTP_is_sent_to_HTTPS(Plain_HTTP_is_sent_to_HTTPS.Factory factory) : IClassFixture<Plain_HTTP_is_sent_to_HTTPS.Factory>
{
    [Fact]
    public async Task With_HSTS_on_the_secure_answer()
    {
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://portal.hiepduc.gov.vn") });
        var redirect = await http.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://portal.hiepduc.gov.vn/account/login", redirect.Headers.Location!.ToString());

        var https = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.hiepduc.gov.vn") });
        var page = await https.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    public sealed class Factory : PortalFactory
    {
        public Factory() => Settings["https_port"] = "443";
    }
}

/// <summary>A failure inside the portal shows a friendly page with a correlation id that is also in the log, and nothing of the code.</summary>
public class A_server_error_is_friendly_and_traceable(A_server_error_is_friendly_and_traceable.Factory factory) : IClassFixture<A_server_error_is_friendly_and_traceable.Factory>
{
    [Fact]
    public async Task With_a_correlation_id_and_no_stack_trace()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("boom.office", Roles.DistrictOffice, "VPHDND"));
        var response = await office.GetAsync(new Uri("/test/boom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        var id = doc.QuerySelector("code")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(id));
        var body = doc.Body!.TextContent;
        Assert.Contains("Mã tra cứu", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Boom.cs", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.GetValues("Content-Security-Policy").Single());
    }

    /// <summary>The portal with one extra endpoint that fails, as an unexpected bug would.</summary>
    public sealed class Factory : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, Boom>());
        }

        private sealed class Boom : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use(rest => context =>
                    context.Request.Path == "/test/boom" ? throw new InvalidOperationException("Boom.cs: secret detail") : rest(context));
            };
        }
    }
}

/// <summary>`dotnet run` serves plain http://localhost:5080 in Development: signing in must work there.</summary>
public class The_development_run_signs_in_over_plain_HTTP(The_development_run_signs_in_over_plain_HTTP.Factory factory) : IClassFixture<The_development_run_signs_in_over_plain_HTTP.Factory>
{
    [Fact]
    public async Task With_the_development_settings()
    {
        var user = await factory.CreateUserAsync("dev.office", Roles.DistrictOffice, "VPHDND");
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost:5080") });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.UserName, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/directives", UriKind.Relative))).StatusCode);
    }

    public sealed class Factory : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
