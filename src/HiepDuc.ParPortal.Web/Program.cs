using HiepDuc.ParPortal.Web.Infrastructure;

try
{
    if (PortalCommandLine.IsCommand(args))
    {
        // A command (PortalCommandLine): settings written as --Section:Key value still reach the configuration.
        var (command, settings) = PortalCommandLine.Split(args);
        var commandBuilder = WebApplication.CreateBuilder(settings);
        WebApplication? commandApp = null;
        var host = new PortalCommandLine.Host(
            () => (commandBuilder.Configuration, commandBuilder.Environment),
            async () =>
            {
                if (commandApp is null)
                {
                    commandBuilder.AddParPortal();
                    commandApp = commandBuilder.Build();
                    commandApp.UseParPortal(); // the routes, for the links of any notification a command writes
                    await commandApp.Services.InitializeDatabaseAsync();
                }

                return commandApp.Services;
            });
        try
        {
            return await PortalCommandLine.InvokeAsync(command, host, Console.Out);
        }
        finally
        {
            if (commandApp is not null)
            {
                await commandApp.DisposeAsync();
            }
        }
    }

    var builder = WebApplication.CreateBuilder(args);
    builder.AddParPortal();
    var app = builder.Build();
    // The routes are mapped before the database is seeded: a notification written then links to a page.
    app.UseParPortal();
    await app.Services.InitializeDatabaseAsync();
    StartupBanner.Register(app);
    await app.RunAsync();
    return 0;
}
catch (StartupException ex)
{
    // A configuration problem is told plainly, without a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

/// <summary>The portal's entry point (public for the integration tests' WebApplicationFactory).</summary>
public partial class Program;
