using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>The SQLite flavour: its own migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteParPortalDbContext(DbContextOptions<SqliteParPortalDbContext> options, SaveServices saveServices) : ParPortalDbContext(options, saveServices)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no instant or decimal type: store instants as sortable integers (UTC ticks with offset)
        // and decimals as REAL so that ORDER BY, comparisons and SUM work in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>The SQL Server flavour: its own migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerParPortalDbContext(DbContextOptions<SqlServerParPortalDbContext> options, SaveServices saveServices) : ParPortalDbContext(options, saveServices)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(9, 4);
    }
}
