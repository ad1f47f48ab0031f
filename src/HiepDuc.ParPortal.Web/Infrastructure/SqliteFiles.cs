using HiepDuc.ParPortal.Web.Data;
using Microsoft.Data.Sqlite;

namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>
/// While the portal serves a SQLite file it holds an exclusive lock on "&lt;file&gt;.running" (released by the
/// operating system even if the process is killed), so a restore can tell that the file is in use and refuse.
/// </summary>
public sealed class RunningMarker(IConfiguration configuration, IHostEnvironment environment, ILogger<RunningMarker> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (SqliteFiles.DatabaseFile(configuration, environment) is { } file)
        {
            try
            {
                _lock = SqliteFiles.Lock(file);
            }
            catch (IOException)
            {
                // Another portal process serves the same file; it holds the marker.
                logger.LogInformation("Another portal process is serving {DatabaseFile}", file);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}

/// <summary>
/// <c>backup --to FILE</c> copies the configured SQLite database with SQLite's online backup (a consistent snapshot,
/// also while the portal runs and writes); <c>restore --from FILE</c> checks a backup and copies it over the configured
/// database, refusing while a portal serves that file.
/// </summary>
public static class SqliteFiles
{
    public const string Backup = "backup";
    public const string Restore = "restore";


    public static string? DatabaseFile(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration[$"{DatabaseOptions.Section}:Provider"] ?? DatabaseOptions.Sqlite;
        if (!string.Equals(provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(configuration.GetConnectionString(DatabaseOptions.Sqlite), environment.ContentRootPath)).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" ? null : file;
    }

    public static FileStream Lock(string databaseFile) =>
        new(databaseFile + ".running", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    public static async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, bool backup, string file, TextWriter output)
    {
        var database = DatabaseFile(configuration, environment);
        if (database is null)
        {
            await output.WriteLineAsync("Sao lưu/khôi phục bằng lệnh này chỉ dành cho SQLite; với SQL Server dùng BACKUP DATABASE / RESTORE DATABASE (docs/operations.md). / This command is for SQLite only; see docs/operations.md for SQL Server.");
            return 2;
        }

        var path = Path.GetFullPath(file);
        return backup ? await BackupAsync(database, path, output) : await RestoreAsync(path, database, output);
    }

    public static async Task<int> BackupAsync(string database, string target, TextWriter output)
    {
        if (!File.Exists(database))
        {
            await output.WriteLineAsync($"Không có cơ sở dữ liệu {database}. / No database at {database}.");
            return 2;
        }

        if (File.Exists(target))
        {
            await output.WriteLineAsync($"Tệp {target} đã có; chọn tệp mới. / {target} exists; choose a new file.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await CopyAsync(database, target, "DELETE"); // one self-contained file

        var check = await IntegrityAsync(target);
        await output.WriteLineAsync($"Đã sao lưu / backed up: {database} → {target} ({new FileInfo(target).Length / 1024} KB, integrity_check: {check})");
        return check == "ok" ? 0 : 1;
    }

    public static async Task<int> RestoreAsync(string backup, string database, TextWriter output)
    {
        if (!File.Exists(backup))
        {
            await output.WriteLineAsync($"Không có tệp sao lưu {backup}. / No backup at {backup}.");
            return 2;
        }

        var check = await IntegrityAsync(backup);
        if (check != "ok" || !await IsPortalDatabaseAsync(backup))
        {
            await output.WriteLineAsync($"Tệp {backup} không phải bản sao lưu hợp lệ của cổng (integrity_check: {check}). / Not a valid portal backup.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        FileStream running;
        try
        {
            running = Lock(database);
        }
        catch (IOException)
        {
            await output.WriteLineAsync($"Cổng đang chạy trên {database}: hãy dừng cổng trước khi khôi phục. / The portal is running on {database}; stop it first.");
            return 3;
        }

        await using (running)
        {
            await CopyAsync(backup, database, "WAL");
        }

        await output.WriteLineAsync($"Đã khôi phục / restored: {backup} → {database} (integrity_check: {await IntegrityAsync(database)})");
        return 0;
    }

    public static async Task<string> IntegrityAsync(string file)
    {
        try
        {
            return await ScalarAsync(file, "PRAGMA integrity_check;") as string ?? "?";
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    private static async Task<bool> IsPortalDatabaseAsync(string file) =>
        await ScalarAsync(file, "SELECT count(*) FROM sqlite_master WHERE name IN ('__EFMigrationsHistory', 'Directives', 'Assignments');") is 3L;

    /// <summary>Copies a database page by page through SQLite's backup API (consistent even while it is written).</summary>
    private static async Task CopyAsync(string from, string to, string journalMode)
    {
        await using var source = Open(from, SqliteOpenMode.ReadOnly);
        await using var target = Open(to, SqliteOpenMode.ReadWriteCreate);
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
        await using var command = target.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode = {journalMode};";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string file, string sql)
    {
        await using var connection = Open(file, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
}
