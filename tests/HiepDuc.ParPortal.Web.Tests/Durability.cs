using System.Collections.Concurrent;
using System.Net;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Infrastructure;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Killing the portal in the middle of a stream of reports loses nothing it acknowledged and leaves a sound file.</summary>
public sealed class A_killed_portal_keeps_every_acknowledged_report : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"parportal-crash-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task After_SIGKILL_mid_stream_and_a_restart()
    {
        var created = await PortalProcess.RunAsync(_database, "create-user", "--username", "crash.head", "--name", "Chủ tịch UBND xã Hiệp Thuận", "--role", Roles.UnitHead, "--unit", "HIEPTHUAN");
        Assert.True(created.ExitCode == 0, created.Output);
        var oneTime = created.Output.Split('\n').Single(l => l.Contains("one-time password:", StringComparison.Ordinal)).Split(':').Last().Trim();
        var assignments = Query("SELECT a.Id FROM Assignments a JOIN Units u ON u.Id = a.UnitId WHERE u.Code = 'HIEPTHUAN' AND a.Status IN ('NotStarted', 'InProgress', 'Returned') ORDER BY a.Id", r => r.GetInt32(0));
        Assert.NotEmpty(assignments);

        var acknowledged = new ConcurrentBag<string>();
        using (var portal = await PortalProcess.StartAsync(_database))
        {
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
            using var client = new HttpClient(handler) { BaseAddress = portal.Root };
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("crash.head", oneTime)).StatusCode);
            const string password = "Mat-khau-moi-2023!";
            var token = await client.AntiforgeryTokenAsync("/account/change-password");
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/change-password", token, new() { ["CurrentPassword"] = oneTime, ["NewPassword"] = password, ["ConfirmPassword"] = password })).StatusCode);

            // Reports go in one after another (each on the version it read); the process is killed while they flow.
            using var stop = new CancellationTokenSource();
            var stream = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var text = $"Báo cáo trước sự cố số {i}";
                    try
                    {
                        var response = await client.PostActionAsync(assignments[i % assignments.Count], "report", new() { ["Text"] = text, ["Progress"] = "10" });
                        if (response.StatusCode == HttpStatusCode.Redirect)
                        {
                            acknowledged.Add(text);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            });
            while (acknowledged.Count < 25)
            {
                await Task.Delay(20);
            }

            portal.Kill();
            await stop.CancelAsync();
            await stream.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal("ok", await SqliteFiles.IntegrityAsync(_database));
        var stored = Query("SELECT Text FROM ProgressReports WHERE Text LIKE 'Báo cáo trước sự cố số %'", r => r.GetString(0)).ToHashSet();
        Assert.All(acknowledged, text => Assert.Contains(text, stored));

        // The portal starts again on the same file and serves.
        using (var again = await PortalProcess.StartAsync(_database))
        {
            using var http = new HttpClient { BaseAddress = again.Root };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

            // The commands, as an operator types them: a backup while it runs; a restore onto it is refused.
            var copy = _database + ".backup";
            var backup = await PortalProcess.RunAsync(_database, "backup", "--to", copy);
            Assert.True(backup.ExitCode == 0, backup.Output);
            var restore = await PortalProcess.RunAsync(_database, "restore", "--from", copy);
            Assert.True(restore.ExitCode == 3, restore.Output);
            File.Delete(copy);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".running", ".admin.txt" })
        {
            File.Delete(_database + suffix);
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

/// <summary>The online backup is a consistent snapshot while reports are written, and restores to a working database.</summary>
public class Backup_and_restore(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [SqliteFact]
    public async Task A_backup_taken_during_writes_restores_with_consistent_counts_and_a_running_database_is_not_overwritten()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("backup.head", Roles.UnitHead, "HIEPTHUAN"));
        var assignments = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Status == AssignmentStatus.NotStarted).Select(a => a.Id).ToListAsync());
        var folder = Path.Combine(Path.GetTempPath(), $"parportal-backup-{Guid.NewGuid():N}");
        var backup = Path.Combine(folder, "sao-luu.db");
        var restored = Path.Combine(folder, "khoi-phuc.db");
        try
        {
            using var stop = new CancellationTokenSource();
            var written = 0;
            var writer = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    await head.PostActionAsync(assignments[i % assignments.Count], "report", new() { ["Text"] = $"Sao lưu trong khi ghi {i}", ["Progress"] = "5" });
                    Interlocked.Increment(ref written);
                }
            });
            while (Volatile.Read(ref written) < 5)
            {
                await Task.Delay(20);
            }

            var output = new StringWriter();
            Assert.Equal(0, await SqliteFiles.BackupAsync(factory.DatabasePath, backup, output));
            while (Volatile.Read(ref written) < 10)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            await writer;

            // The snapshot holds whole transactions: each report with its audit entry, and no more than was written.
            var (reports, audits) = await CountsAsync(backup);
            Assert.True(reports >= 5, $"{reports} reports in the backup");
            Assert.Equal(reports, audits);
            Assert.True(reports < await factory.QueryAsync(db => db.ProgressReports.CountAsync(r => r.Text.StartsWith("Sao lưu trong khi ghi"))));
            Assert.Equal(2, await SqliteFiles.BackupAsync(factory.DatabasePath, backup, output)); // never overwrites a file

            // The running portal's own database is refused; a stopped one is restored.
            var before = new FileInfo(factory.DatabasePath).LastWriteTimeUtc;
            Assert.Equal(3, await SqliteFiles.RestoreAsync(backup, factory.DatabasePath, output));
            Assert.Contains("đang chạy", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(before, new FileInfo(factory.DatabasePath).LastWriteTimeUtc);
            Assert.Equal(0, await SqliteFiles.RestoreAsync(backup, restored, output));
            Assert.Equal("ok", await SqliteFiles.IntegrityAsync(restored));
            Assert.Equal((reports, audits), await CountsAsync(restored));

            // A file that is not a portal backup is refused.
            var junk = Path.Combine(folder, "rac.db");
            await File.WriteAllTextAsync(junk, "không phải cơ sở dữ liệu");
            Assert.Equal(2, await SqliteFiles.RestoreAsync(junk, Path.Combine(folder, "khac.db"), output));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(long Reports, long Audits)> CountsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM ProgressReports WHERE Text LIKE 'Sao lưu trong khi ghi %'),
                   (SELECT count(*) FROM AuditEntries WHERE EntityType = 'ProgressReport' AND Action = 'Created' AND Changes LIKE '%Sao lưu trong khi ghi %')
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
