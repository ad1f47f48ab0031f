using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using System.Net;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Bench;
using HiepDuc.ParPortal.Web.Infrastructure;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

public class The_speed_data_generator(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [SqliteFact]
    public async Task Writes_a_marked_database_with_every_status_that_the_pages_read()
    {
        _ = factory.Services; // migrate and seed
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await BenchData.GenerateAsync(scope.ServiceProvider, factory.DatabasePath, 0.01, TextWriter.Null));
        }

        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            Assert.True(BenchData.IsBenchDatabase(connection));
        }

        var counts = await factory.QueryAsync(async db => new
        {
            Notices = await db.Notices.CountAsync(n => n.Title.StartsWith("[Dữ liệu thử nghiệm]")),
            Directives = await db.Directives.CountAsync(),
            Assignments = await db.Assignments.CountAsync(),
            Statuses = await db.Assignments.Select(a => a.Status).Distinct().CountAsync(),
            Reports = await db.ProgressReports.CountAsync(),
            Figures = await db.KpiMeasurements.CountAsync(),
            WithRollup = await db.Directives.CountAsync(d => d.RollupDueOn != null),
            RollupAsRuled = await db.Directives.Where(d => d.RollupDueOn != null)
                .SelectExpanded(d => new { d.RollupDueOn, Ruled = AssignmentRules.RollupDueOn.Invoke(d) })
                .CountAsync(x => x.RollupDueOn == x.Ruled),
        });
        Assert.Equal(20, counts.Notices);
        Assert.True(counts.Directives >= 100);
        Assert.True(counts.Assignments >= 1000);
        Assert.Equal(6, counts.Statuses);
        Assert.True(counts.Reports >= 2000);
        Assert.True(counts.Figures >= 2000);
        Assert.True(counts.WithRollup > 0);
        Assert.Equal(counts.WithRollup, counts.RollupAsRuled); // the bulk load fills the overdue read model too

        // The generated rows read back through the portal's own pages.
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("bench.reader", Roles.Chairman));
        var someAssignment = await factory.QueryAsync(db => db.Assignments.OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        foreach (var page in new[] { "/dashboard", "/directives", "/directives?sort=deadline", "/assignments", "/kpis", "/notices", $"/assignments/{someAssignment}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await chairman.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
        }
    }

    [SqliteFact]
    public void Refuses_to_write_into_an_existing_file()
    {
        var existing = Path.GetTempFileName();
        try
        {
            var ex = Assert.Throws<StartupException>(() => BenchData.Parse(["--database", existing]));
            Assert.Contains("đã có", ex.Message, StringComparison.Ordinal);
            Assert.Throws<StartupException>(() => BenchData.Parse(["--scale", "1"]));
        }
        finally
        {
            File.Delete(existing);
        }
    }
}
