using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

/// <summary>
/// The real portal on a real SQLite file of its own (migrated and seeded at start, as in production),
/// with a fake clock: 05/10/2023 09:00 in Hiệp Đức, five days after directives 3.d and 3.e fell due.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2023, 10, 5, 9, 0, 0, TimeSpan.FromHours(7));

    public PortalFactory()
        : this(DefaultNow)
    {
    }

    /// <summary>A portal whose clock starts at <paramref name="start"/> (the fake clock only moves forward).</summary>
    protected PortalFactory(DateTimeOffset start)
        : this(start, null)
    {
    }

    /// <summary>A portal on <paramref name="sharedDatabase"/>, a file another portal created and deletes (a second app node).</summary>
    protected PortalFactory(DateTimeOffset start, string? sharedDatabase)
    {
        Clock = new FakeTimeProvider(start);
        DatabasePath = sharedDatabase ?? Path.Combine(Path.GetTempPath(), $"parportal-test-{Guid.NewGuid():N}.db");
        _ownsDatabase = sharedDatabase is null;
    }

    private readonly bool _ownsDatabase;

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Extra configuration, applied when the server starts (set before the first request).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Security:LoginAttemptsPerMinute"] = "1000",
        ["Reminders:Enabled"] = "false",
        ["Dashboard:WarmUp"] = "false", // tests count the dashboard's own queries; one test turns it on
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        if (TestDatabase.IsSqlServer)
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:SqlServer", TestDatabase.SqlServerFor(DatabasePath));
        }

        builder.UseSetting("PortalLogging:File", Environment.GetEnvironmentVariable("PORTAL_TEST_LOG") ?? string.Empty);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Security:InitialAdminPasswordFile", Path.ChangeExtension(DatabasePath, ".admin.txt"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    private bool _hostCreated;

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        _hostCreated = true;
        return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!_ownsDatabase)
        {
            return;
        }

        if (TestDatabase.IsSqlServer && _hostCreated)
        {
            TestDatabase.DropSqlServer(DatabasePath);
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".running" })
        {
            File.Delete(DatabasePath + suffix);
        }

        File.Delete(Path.ChangeExtension(DatabasePath, ".admin.txt"));
    }
}
