using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

/// <summary>
/// The database the web tests run on. By default each portal gets its own SQLite file. When the environment
/// variable <c>SQLSERVER_CONNECTION</c> holds a SQL Server connection string (a login that may create and drop
/// databases), each portal gets its own database on that server instead, named after its SQLite file, created
/// by the portal's migrations at start and dropped when the portal is disposed (docs/operations.md).
/// </summary>
public static class TestDatabase
{
    public static string? SqlServerConnection { get; } =
        Environment.GetEnvironmentVariable("SQLSERVER_CONNECTION") is { Length: > 0 } value ? value : null;

    public static bool IsSqlServer => SqlServerConnection is not null;

    /// <summary>The SQL Server connection string of the database that stands for <paramref name="sqliteFile"/>.</summary>
    public static string SqlServerFor(string sqliteFile)
    {
        var builder = new SqlConnectionStringBuilder(SqlServerConnection) { InitialCatalog = DatabaseName(sqliteFile) };
        return builder.ConnectionString;
    }

    public static string DatabaseName(string sqliteFile) => "parportal_test_" + Path.GetFileNameWithoutExtension(sqliteFile).Replace("parportal-test-", string.Empty, StringComparison.Ordinal).Replace('-', '_');

    /// <summary>Drops the SQL Server database that stood for <paramref name="sqliteFile"/>, if it was created.</summary>
    public static void DropSqlServer(string sqliteFile)
    {
        SqlConnection.ClearAllPools();
        using var connection = new SqlConnection(new SqlConnectionStringBuilder(SqlServerConnection) { InitialCatalog = "master" }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        var name = DatabaseName(sqliteFile);
        command.CommandText = $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END";
        command.ExecuteNonQuery();
    }

    /// <summary>Adds options (an interceptor) to the portal's database context, whichever provider it runs on.</summary>
    public static IServiceCollection ConfigurePortalDb(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure) =>
        IsSqlServer
            ? services.ConfigureDbContext<Data.SqlServerParPortalDbContext>(configure)
            : services.ConfigureDbContext<Data.SqliteParPortalDbContext>(configure);
}

/// <summary>A test that reads or copies the SQLite file itself (backup, integrity, kill -9): skipped on SQL Server.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsSqlServer)
        {
            Skip = "Reads the SQLite file itself; runs on the embedded database only.";
        }
    }
}
