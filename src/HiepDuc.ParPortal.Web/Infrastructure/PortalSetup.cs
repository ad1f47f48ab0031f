namespace HiepDuc.ParPortal.Web.Infrastructure;

public static class PortalSetup
{
    /// <summary>Every service the portal registers; the app and the tooling (migrations, checks) build the same container.</summary>
    public static WebApplicationBuilder AddParPortal(this WebApplicationBuilder builder)
    {
        // Serves the build's fingerprinted and pre-compressed assets when running from the build output in any
        // environment (tests, benchmarks); a published app has no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.AddParPortalLogging();
        builder.Services.AddParPortalDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddParPortalIdentity(builder.Configuration);
        builder.Services.AddParPortalWeb();
        return builder;
    }
}
