using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// SQL Server cannot run here, so its migrations are proven without a server: the model matches them,
/// and their idempotent script is valid T-SQL. SQLite's are proven by building a database from nothing.
/// </summary>
public sealed class Both_database_providers_have_complete_migrations : IDisposable
{
    private const string DummySqlServer = "Server=localhost;Database=ParPortal;Trusted_Connection=True;TrustServerCertificate=True";
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"parportal-migrate-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData(DatabaseOptions.Sqlite)]
    [InlineData(DatabaseOptions.SqlServer)]
    public void The_model_has_no_changes_missing_from_the_migrations(string provider)
    {
        using var scope = Services(provider).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run 'dotnet ef migrations add' for this provider.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_SQL_Server_idempotent_script_parses_as_T_SQL_without_errors()
    {
        using var scope = Services(DatabaseOptions.SqlServer).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.IsType<SqlServerParPortalDbContext>(db);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        var tables = fragment.ScriptTokenStream
            .Select((t, i) => (t, i))
            .Where(x => x.t.TokenType == TSqlTokenType.Create)
            .Select(x => fragment.ScriptTokenStream.Skip(x.i + 1).First(t => t.TokenType != TSqlTokenType.WhiteSpace))
            .Count(t => t.TokenType == TSqlTokenType.Table);
        Assert.True(tables >= 15, $"expected the portal's tables in the script, found {tables} CREATE TABLE");
        Assert.Contains("[Assignments]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        // The covering index the model cannot declare (over a complex property's columns) is written in the migration.
        Assert.Contains("[IX_KpiMeasurements_KpiId_Period]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SQLite_migrations_build_a_working_database_from_nothing()
    {
        using var scope = Services(DatabaseOptions.Sqlite).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.IsType<SqliteParPortalDbContext>(db);
        Assert.False(File.Exists(_sqliteFile));

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE type = 'index' AND name = 'IX_KpiMeasurements_KpiId_Period'").SingleAsync());
        db.Units.Add(new Domain.Units.Unit("TEST", "Đơn vị thử", Domain.Units.UnitKind.OtherBody));
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Units.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public void An_unknown_provider_stops_start_up_with_a_clear_message()
    {
        var ex = Assert.Throws<StartupException>(() => Services("Oracle"));
        Assert.Contains("'Oracle' không hợp lệ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SQL_Server_without_a_connection_string_stops_start_up_with_a_clear_message()
    {
        var ex = Assert.Throws<StartupException>(() => Services(DatabaseOptions.SqlServer, sqlServer: string.Empty));
        Assert.Contains("ConnectionStrings:SqlServer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_SQL_Server_is_reported_plainly()
    {
        var services = Services(DatabaseOptions.SqlServer, sqlServer: "Server=127.0.0.1,1;Database=ParPortal;User Id=x;Password=y;Connect Timeout=2;TrustServerCertificate=True");
        var ex = await Assert.ThrowsAsync<StartupException>(() => services.InitializeDatabaseAsync());
        Assert.Contains("SQL Server", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_sqliteFile + suffix);
        }
    }

    /// <summary>The portal's own container for a provider, as `dotnet ef` builds it.</summary>
    private IServiceProvider Services(string provider, string sqlServer = DummySqlServer)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:SqlServer"] = sqlServer,
            ["ConnectionStrings:Sqlite"] = $"Data Source={_sqliteFile}",
            ["PortalLogging:File"] = string.Empty,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        builder.AddParPortal();
        return builder.Build().Services;
    }
}
