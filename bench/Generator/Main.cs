using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using HiepDuc.ParPortal.Web.Infrastructure;

namespace HiepDuc.ParPortal.Bench;

/// <summary><c>seed-bench --database F [--scale S]</c>: migrates a new SQLite file with the portal's own start-up, then fills it.</summary>
public static class GeneratorMain
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var (database, scale, hostArgs) = BenchData.Parse(args);
            var builder = WebApplication.CreateBuilder(hostArgs);
            builder.AddParPortal();
            await using var app = builder.Build();
            await app.Services.InitializeDatabaseAsync();
            await using var scope = app.Services.CreateAsyncScope();
            return await BenchData.GenerateAsync(scope.ServiceProvider, database, scale, Console.Out);
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
