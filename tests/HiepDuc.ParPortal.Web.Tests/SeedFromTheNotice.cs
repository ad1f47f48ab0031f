using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

public class The_seed_is_faithful_and_idempotent(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Running_the_seed_again_changes_no_row_count()
    {
        _ = factory.Server; // start: migrate and seed once
        var before = await CountsAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NoticeSeed>().RunAsync();
        }

        Assert.Equal(before, await CountsAsync());
        // 16 units, 1 notice, 6 directives, 58 assignments, 9 KPIs, 10 figures.
        Assert.Equal([16, 1, 6, 58, 9, 10], before[..6]);
    }

    [Fact]
    public async Task The_database_file_is_the_factory_s_own_in_WAL_mode()
    {
        _ = factory.Server;
        Assert.True(File.Exists(factory.DatabasePath));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task Directives_carry_the_roles_and_deadlines_the_notice_wrote()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var directives = await db.Directives.Include(d => d.Assignments).ThenInclude(a => a.Unit).OrderBy(d => d.SortOrder).ToListAsync();

        var d = directives.Single(x => x.Label == "3.d");
        Assert.Equal(DeadlineKind.Month, d.Deadline.Kind);
        Assert.Equal("trong tháng 9/2023", d.Deadline.WrittenAs);
        Assert.Equal(new DateOnly(2023, 9, 30), d.Deadline.LastDay);
        Assert.All(d.Assignments, a => Assert.Equal(new DateOnly(2023, 9, 30), a.LastDayInForce));

        var c = directives.Single(x => x.Label == "3.c");
        Assert.True(c.Deadline.IsUrgent);
        Assert.Null(c.Deadline.LastDay);
        Assert.Equal(NoticeSeed.DistrictOfficeCode, c.Assignments.Single(a => a.Role == AssignmentRole.Lead).Unit.Code);
        Assert.Equal(NoticeSeed.InternalAffairsCode, c.Assignments.Single(a => a.Role == AssignmentRole.Coordinating).Unit.Code);

        var e = directives.Single(x => x.Label == "3.e");
        Assert.Equal(NoticeSeed.LandRegistrationCode, Assert.Single(e.Assignments).Unit.Code);

        Assert.Equal(NoticeSeed.InternalAffairsCode, Assert.Single(directives[0].Assignments).Unit.Code);
        Assert.All(directives.Where(x => x.Label is "3.a" or "3.b"), x => Assert.Equal(DeadlineKind.None, x.Deadline.Kind));
        Assert.DoesNotContain(directives.SelectMany(x => x.Assignments), a => a.Unit.Code is "BUUDIEN" or "BHXH");

        var office = await db.Units.SingleAsync(u => u.Code == NoticeSeed.DistrictOfficeCode);
        Assert.All(directives, x => Assert.Equal(office.Id, x.MonitoringUnitId));
    }

    [Fact]
    public async Task Rates_the_notice_gives_without_counts_keep_their_parts_unknown()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var figures = await db.KpiMeasurements.Include(m => m.Kpi).ToListAsync();

        var late = figures.Where(m => m.Kpi.Code == "LATE_FILES").OrderBy(m => m.Period.End).ToList();
        Assert.Equal([28.72m, 7.83m], late.Select(m => m.StatedRate!.Value));
        Assert.All(late, m => Assert.True(m.Numerator is null && m.Denominator is null));

        var bcci = figures.Single(m => m.Kpi.Code == "BCCI_HANDOVER");
        Assert.Equal((4L, 11L), (bcci.Numerator!.Value, bcci.Denominator!.Value));

        var vneid = figures.Single(m => m.Kpi.Code == "VNEID");
        Assert.Equal(RateQualifier.Above, vneid.Qualifier);

        var zeroOnline = figures.Where(m => m.Kpi.Code == "ONLINE_FILING" && m.UnitId != null).ToList();
        Assert.Equal(2, zeroOnline.Count);
        Assert.All(zeroOnline, m => Assert.Equal(0, m.Numerator));
        Assert.All(zeroOnline, m => Assert.Null(m.Denominator));
        Assert.All(figures, m => Assert.Equal(MeasurementSource.Notice, m.Source));
    }

    [Fact]
    public async Task Every_seeded_row_is_in_the_audit_trail()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.Equal(58, await db.AuditEntries.CountAsync(a => a.EntityType == "Assignment" && a.Action == "Created"));
        Assert.Equal(16, await db.AuditEntries.CountAsync(a => a.EntityType == "Unit" && a.Action == "Created" && a.EntityId != null));
    }

    private async Task<int[]> CountsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        return
        [
            await db.Units.CountAsync(), await db.Notices.CountAsync(), await db.Directives.CountAsync(), await db.Assignments.CountAsync(),
            await db.KpiDefinitions.CountAsync(), await db.KpiMeasurements.CountAsync(), await db.AssignmentEvents.CountAsync(), await db.AuditEntries.CountAsync(),
        ];
    }
}
