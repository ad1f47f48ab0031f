using HiepDuc.ParPortal.Web.Infrastructure;

try
{
    var builder = WebApplication.CreateBuilder(args);
    if (ConfigCheck.IsCommand(args))
    {
        // Before anything is registered: a configuration the portal could not start with is still checked.
        return await ConfigCheck.RunAsync(builder.Configuration, builder.Environment, Console.Out);
    }

    builder.AddParPortal();

    var app = builder.Build();
    if (SqliteFiles.IsCommand(args))
    {
        // Backup and restore work on the file as it is: no migration, no seed.
        return await SqliteFiles.RunAsync(app.Configuration, app.Environment, args, Console.Out);
    }

    await app.Services.InitializeDatabaseAsync();
    if (PortalCommands.IsCommand(args))
    {
        return await PortalCommands.RunAsync(app.Services, args, Console.Out);
    }

    app.UseParPortal();
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
