using System.Globalization;
using System.Net;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Infrastructure;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Nothing a user enters can stop the portal: the seed and start-up never assume that user data is unique.</summary>
public class Duplicated_notices_never_stop_the_portal
{
    [SqliteFact]
    public async Task After_a_notice_is_saved_twice_on_purpose_and_its_rows_copied_in_the_database_the_portal_restarts_and_every_command_runs()
    {
        using var first = new PortalFactory();
        var office = await first.SignedInAsync(await first.CreateUserAsync("dup.office", Roles.DistrictOffice, "VPHDND"));

        // Through the import page, on purpose, as another session.
        var preview = await A_notice_is_imported_from_its_text.Preview(office, NoticeSeed.OriginalText());
        var fields = A_notice_is_imported_from_its_text.Fields(preview.QuerySelector("#preview-form")!);
        fields.Add(new("AllowDuplicate", "true"));
        var saved = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // And behind the portal's back: the seed notice's row and its directives, copied in SQL.
        await first.QueryAsync(async db =>
        {
            await CopyRowAsync(db, "Notices", "Id = 1", new Dictionary<string, string>());
            await CopyRowAsync(db, "Directives", "NoticeId = 1", new Dictionary<string, string> { ["NoticeId"] = "(SELECT MAX(Id) FROM Notices)" });
            return 0;
        });
        Assert.Equal(3, await first.QueryAsync(db => db.Notices.CountAsync(n => n.MeetingDate == NoticeSeed.MeetingDate)));

        // Restart on the same database: migrate, seed, warm the dashboard.
        using var restarted = new Restarted(first.DatabasePath);
        var chairman = await restarted.SignedInAsync(await restarted.CreateUserAsync("dup.chairman", Roles.Chairman));
        foreach (var page in new[] { "/dashboard", "/notices", "/directives", "/assignments", "/review", "/kpis", "/reports/notices/1/report.docx" })
        {
            var response = await (page == "/review" ? office : chairman).GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
        }

        // The seed added nothing twice: still one set of figures and targets.
        Assert.Equal(10, await restarted.QueryAsync(db => db.KpiMeasurements.CountAsync(m => m.Source == Domain.Kpis.MeasurementSource.Notice)));
        Assert.Equal(3, await restarted.QueryAsync(db => db.DirectiveTargets.CountAsync(t => db.Directives.Any(d => d.Id == t.DirectiveId && d.NoticeId == 1))));

        // Every command.
        var file = Path.GetTempFileName();
        var backup = Path.Combine(Path.GetTempPath(), $"parportal-dup-{Guid.NewGuid():N}.db");
        try
        {
            await File.WriteAllTextAsync(file, NoticeSeed.OriginalText());
            Assert.Equal(0, await PortalCommands.RunAsync(restarted.Services, ["create-user", "--username", "dup.cli", "--name", "Chủ tịch UBND xã Hiệp Thuận", "--role", "UnitHead", "--unit", "HIEPTHUAN"], TextWriter.Null));
            Assert.Equal(0, await PortalCommands.RunAsync(restarted.Services, ["seed-demo-users"], TextWriter.Null));
            Assert.Equal(0, await PortalCommands.RunAsync(restarted.Services, ["parse-notice", "--file", file], TextWriter.Null));
            Assert.Equal(0, await PortalCommands.RunAsync(restarted.Services, ["backup", "--to", backup], TextWriter.Null));
        }
        finally
        {
            File.Delete(file);
            File.Delete(backup);
        }
    }

    /// <summary>Inserts a copy of the matching rows, with every column but the key.</summary>
    private static async Task CopyRowAsync(ParPortalDbContext db, string table, string where, Dictionary<string, string> overrides)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var columns = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'Id'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var v) ? v : $"\"{c}\""));
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = string.Create(CultureInfo.InvariantCulture, $"INSERT INTO \"{table}\" ({list}) SELECT {values} FROM \"{table}\" WHERE {where}");
            Assert.True(await insert.ExecuteNonQueryAsync() >= 1);
        }
    }

    private sealed class Restarted(string database) : PortalFactory(DefaultNow, database);
}
