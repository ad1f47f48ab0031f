using HiepDuc.ParPortal.Web.Infrastructure;

try
{
    if (args.Length > 0 && args[0] == BenchData.Command)
    {
        // Generated data goes to its own new file, never to the configured database.
        var (database, scale, hostArgs) = BenchData.Parse(args);
        var bench = WebApplication.CreateBuilder(hostArgs);
        bench.AddParPortal();
        await using var benchApp = bench.Build();
        await benchApp.Services.InitializeDatabaseAsync();
        await using var scope = benchApp.Services.CreateAsyncScope();
        return await BenchData.GenerateAsync(scope.ServiceProvider, database, scale, Console.Out);
    }

    var builder = WebApplication.CreateBuilder(args);
    builder.AddParPortal();

    var app = builder.Build();
    await app.Services.InitializeDatabaseAsync();
    if (PortalCommands.IsCommand(args))
    {
        return await PortalCommands.RunAsync(app.Services, args, Console.Out);
    }

    app.UseParPortal();
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
