using Serilog;

namespace HiepDuc.ParPortal.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from the "Serilog" section (levels, console), plus a daily rolling file written asynchronously.
    /// The file path (PortalLogging:File) is relative to the content root; empty turns the file off.
    /// </summary>
    public static WebApplicationBuilder AddParPortalLogging(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration["PortalLogging:File"];
        var path = string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, file));
        builder.Services.AddSerilog((services, cfg) =>
        {
            cfg.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (path is not null)
            {
                cfg.WriteTo.Async(a => a.File(path, formatProvider: System.Globalization.CultureInfo.InvariantCulture, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 62,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}"));
            }
        });
        return builder;
    }
}
