using Serilog;

namespace HiepDuc.ParPortal.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>Dates in log lines are ISO (2023-08-31), never the invariant culture's US order (08/31/2023).</summary>
    public static readonly System.Globalization.CultureInfo LogCulture = IsoCulture();

    private static System.Globalization.CultureInfo IsoCulture()
    {
        var c = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        c.DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";
        c.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        c.DateTimeFormat.ShortTimePattern = "HH:mm";
        return System.Globalization.CultureInfo.ReadOnly(c);
    }

    /// <summary>
    /// Serilog from the "Serilog" section (levels, console), plus a daily rolling file written asynchronously.
    /// The file path (PortalLogging:File) is relative to the content root; empty turns the file off.
    /// </summary>
    public static WebApplicationBuilder AddParPortalLogging(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration["PortalLogging:File"];
        var args = Environment.GetCommandLineArgs().Skip(1).ToArray();
        var command = PortalCommandLine.IsCommand(args);
        var path = string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, file));
        builder.Services.AddSerilog((services, cfg) =>
        {
            cfg.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: LogCulture, outputTemplate: "[{Timestamp:yyyy-MM-dd HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                    // A command's own output (parse-notice --json) owns standard output; its log goes to standard error.
                    standardErrorFromLevel: command ? Serilog.Events.LogEventLevel.Verbose : null);
            if (path is not null)
            {
                cfg.WriteTo.Async(a => a.File(path, formatProvider: LogCulture, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 62,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}"));
            }
        }, preserveStaticLogger: true); // each host owns its logger: another host's shutdown (several in one test run) never closes it
        return builder;
    }
}
