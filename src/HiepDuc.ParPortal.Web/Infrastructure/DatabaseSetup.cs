using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Infrastructure;

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=App_Data/parportal.db";

    public static IServiceCollection AddParPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<ICurrentActor, HttpCurrentActor>();
        services.AddSingleton<DataVersion>();
        services.AddSingleton<SaveServices>();
        services.AddSingleton<Features.Notifications.NotificationWriter>();
        services.AddSingleton<Features.Shared.PortalLinks>();
        services.AddSingleton<Features.Notifications.EventNotifications>();
        services.AddScoped<NoticeSeed>();

        switch (options.Provider)
        {
            case var p when string.Equals(p, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase):
                var sqlite = SqliteConnectionString(configuration.GetConnectionString(DatabaseOptions.Sqlite), environment.ContentRootPath);
                services.AddDbContext<ParPortalDbContext, SqliteParPortalDbContext>((sp, o) =>
                    o.UseSqlite(sqlite).AddInterceptors(SqliteDurability.Instance));
                services.AddScoped(sp => (SqliteParPortalDbContext)sp.GetRequiredService<ParPortalDbContext>());
                services.AddHostedService<RunningMarker>();
                break;
            case var p when string.Equals(p, DatabaseOptions.SqlServer, StringComparison.OrdinalIgnoreCase):
                var sqlServer = configuration.GetConnectionString(DatabaseOptions.SqlServer);
                if (string.IsNullOrWhiteSpace(sqlServer))
                {
                    throw new StartupException(
                        "Database:Provider là SqlServer nhưng thiếu chuỗi kết nối ConnectionStrings:SqlServer " +
                        "(đặt biến môi trường ConnectionStrings__SqlServer). / Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.");
                }

                services.AddDbContext<ParPortalDbContext, SqlServerParPortalDbContext>((sp, o) =>
                    o.UseSqlServer(sqlServer));
                services.AddScoped(sp => (SqlServerParPortalDbContext)sp.GetRequiredService<ParPortalDbContext>());
                break;
            default:
                throw new StartupException(
                    $"Database:Provider = '{options.Provider}' không hợp lệ; dùng 'Sqlite' hoặc 'SqlServer'. / " +
                    $"Database:Provider '{options.Provider}' is not valid; use 'Sqlite' or 'SqlServer'.");
        }

        services.AddHealthChecks().AddDbContextCheck<ParPortalDbContext>("database");
        return services;
    }

    /// <summary>A relative SQLite file is placed under the content root, so the database is found whatever the working directory.</summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
        }

        return builder.ToString();
    }

    /// <summary>Creates the SQLite folder, applies migrations, turns on WAL and loads the seed — with clear messages on failure.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var options = configurationOf(scope.ServiceProvider);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("HiepDuc.ParPortal.Database");

        try
        {
            if (db.Database.IsSqlite())
            {
                var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(file) is { Length: > 0 } folder)
                {
                    Directory.CreateDirectory(folder);
                }

                logger.LogInformation("Database: SQLite file {DatabaseFile}", file);
            }
            else
            {
                logger.LogInformation("Database: SQL Server {DataSource}", db.Database.GetDbConnection().DataSource);
            }

            // A database made before the migrations were gathered into one Initial (pre-release builds) cannot be upgraded.
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var unknown = applied.Except(db.Database.GetMigrations()).ToList();
            if (unknown.Count > 0)
            {
                throw new StartupException(
                    $"Cơ sở dữ liệu có các migration không còn trong phiên bản này ({string.Join(", ", unknown.Take(3))}…): đây là dữ liệu của bản chạy thử trước khi phát hành. " +
                    "Sao lưu rồi xóa tệp cơ sở dữ liệu (docs/operations.md). / The database holds migrations this version does not know (a pre-release build): back it up and start from a new database.");
            }

            if (options.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                logger.LogWarning("The database has pending migrations and Database:MigrateOnStartup is off: apply the migration script (docs/operations.md)");
            }

            if (db.Database.IsSqlite())
            {
                // WAL lets readers work while a writer commits; it persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            // A migration that changes how the unit counters count empties them; they are recounted here, once.
            if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                && !await db.UnitTallies.AnyAsync(cancellationToken) && await db.Assignments.AnyAsync(cancellationToken))
            {
                await Data.ReadModel.UnitTally.RebuildAsync(db, cancellationToken);
            }

            var stored = scope.ServiceProvider.GetRequiredService<StoredSettingsProvider>();
            await stored.LoadFromAsync(db, cancellationToken);
            if (!await db.Authorities.AnyAsync(cancellationToken))
            {
                // The first start on this database (or the first since authorities became records): the authority the
                // configuration describes — appsettings and what the settings page stored — becomes the first record,
                // and the stored settings of the section give way to it.
                db.Authorities.Add(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AuthorityOptions>>().CurrentValue.ToRecord());
                db.PortalSettings.RemoveRange(await db.PortalSettings.Where(s => s.Key.StartsWith(AuthorityOptions.Section + ":")).ToListAsync(cancellationToken));
                await db.SaveChangesAsync(cancellationToken);
                await stored.LoadFromAsync(db, cancellationToken);
            }

            // Roles, and a first administrator with a one-time password when there is none.
            await scope.ServiceProvider.GetRequiredService<IdentitySeed>().RunAsync();

            if (options.SeedOnStartup)
            {
                await scope.ServiceProvider.GetRequiredService<NoticeSeed>().RunAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not StartupException and not OperationCanceledException)
        {
            throw new StartupException(
                $"Không kết nối hoặc khởi tạo được cơ sở dữ liệu ({(db.Database.IsSqlite() ? "SQLite" : "SQL Server")}): {ex.GetBaseException().Message} / " +
                "The database could not be reached or initialised; check ConnectionStrings and Database:Provider.", ex);
        }

        static DatabaseOptions configurationOf(IServiceProvider sp) =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
    }
}
