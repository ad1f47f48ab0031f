namespace HiepDuc.ParPortal.Web.Infrastructure;

public static class PortalSetup
{
    /// <summary>Every service the portal registers; the app and the tooling (migrations, checks) build the same container.</summary>
    public static WebApplicationBuilder AddParPortal(this WebApplicationBuilder builder)
    {
        // Serves the build's fingerprinted and pre-compressed assets when running from the build output in any
        // environment (tests, benchmarks); a published app has no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        // Settings the administrator saves in the database override the files (/admin/settings).
        var stored = new Data.StoredSettingsSource();
        builder.Configuration.Sources.Add(stored);
        builder.Services.AddSingleton(stored.Provider);
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            o.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.ValueCountLimit = 2048;
            o.KeyLengthLimit = 256;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in security.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        builder.AddParPortalLogging();
        builder.Services.AddParPortalDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddParPortalIdentity(builder.Configuration);
        builder.Services.AddParPortalWeb();
        return builder;
    }
}
