using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The 2025 merger into Việt An recorded on 08/12/2026, with a new deadline for the overdue work it carries: the
/// successor is judged from then on, the former units' lateness stays recorded and shown, the successor's head hears
/// once, and its KPI panel continues the former units' figures.
/// </summary>
public class A_merger_recorded_late_tells_the_truth(PortalIn2026 factory) : IClassFixture<PortalIn2026>
{

    [Fact]
    public async Task Carried_overdue_work_gets_its_new_deadline_keeps_the_former_units_lateness_and_the_successor_hears_once()
    {
        var head = await factory.CreateUserAsync("truth.quetho", Roles.UnitHead, "QUETHO");
        await factory.QueryAsync(async db =>
        {
            var kpi = await db.KpiDefinitions.SingleAsync(k => k.Code == "LATE_FILES");
            var queTho = await db.Units.Where(u => u.Code == "QUETHO").Select(u => u.Id).SingleAsync();
            // A figure still reported under the former name after the merger.
            db.KpiMeasurements.Add(KpiMeasurement.Counted(kpi, queTho, KpiPeriod.Month(2026, 10), 3, 40, MeasurementSource.Entered, new Actor(null, "Văn phòng"), factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        await Merger2025.ApplyAsync(factory, carriedDeadline: new DateOnly(2026, 12, 31));

        // Việt An carries the four former communes' shares of 3.d as one assignment, reported once; the others are merged into it.
        var shares = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "VIETAN" && a.Directive.Label == "3.d" && a.Directive.NoticeId == 1)
            .Select(a => new { a.Id, a.MergedIntoId, a.Status, a.LastDayInForce, a.LateDays, a.InheritedLateDays }).ToListAsync());
        Assert.Equal(4, shares.Count);
        var carried = Assert.Single(shares, a => a.MergedIntoId == null);
        Assert.All(shares.Where(a => a != carried), a => Assert.Equal((carried.Id, AssignmentStatus.Cancelled), (a.MergedIntoId!.Value, a.Status)));
        Assert.Equal(new DateOnly(2026, 12, 31), carried.LastDayInForce);
        Assert.Equal(640, carried.InheritedLateDays); // 30/09/2023 → 01/07/2025: the former unit's
        Assert.Equal(640, carried.LateDays);

        var client = await factory.SignedInAsync(head);
        var page = await client.GetDocumentAsync($"/assignments/{carried.Id}");
        var badge = page.QuerySelector("#assignment-facts [data-timing]")!;
        Assert.Equal("InTerm", badge.GetAttribute("data-timing"));
        Assert.Contains("đã trễ hạn 640 ngày", badge.TextContent, StringComparison.Ordinal);
        // Its history holds each former commune's, each marked with its unit.
        var given = page.QuerySelectorAll("#timeline [data-kind='AssignmentEventKind_Assigned']").Select(e => e.TextContent).ToList();
        Assert.Equal(4, given.Count);
        foreach (var commune in new[] { "Bình Lâm", "Bình Sơn", "Quế Thọ", "Thăng Phước" })
        {
            Assert.Contains(given, g => g.Contains(commune, StringComparison.Ordinal));
        }

        Assert.Single((await client.GetDocumentAsync("/my-unit")).QuerySelectorAll("#my-assignments [data-assignment]"), e => e.TextContent.Contains("3.d.", StringComparison.Ordinal));
        var mergedPage = await client.GetDocumentAsync($"/assignments/{shares.First(a => a.MergedIntoId != null).Id}");
        Assert.Equal($"/assignments/{carried.Id}", mergedPage.QuerySelector("#merged-into a")!.GetAttribute("href"));

        var told = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == head.Id && n.Kind == ReminderKind.Transferred).ToListAsync());
        var one = Assert.Single(told);
        Assert.True(one.Body!.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)) >= 4, one.Body);

        // The successor's panel continues the former units' series.
        var workspace = await client.GetDocumentAsync("/my-unit");
        Assert.NotNull(workspace.QuerySelector("#my-kpis [data-kpi='LATE_FILES']"));
    }
}

/// <summary>Units that do not report a KPI are taken out of its coverage, by the office, audited.</summary>
public class A_KPI_s_coverage_leaves_out_the_units_that_do_not_report_it(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_post_office_and_social_insurance_left_out_of_the_late_file_rate_make_the_coverage_of_fourteen()
    {
        var (kpi, exempt) = await factory.QueryAsync(async db =>
        {
            var k = await db.KpiDefinitions.SingleAsync(x => x.Code == "LATE_FILES");
            var units = await db.Units.Where(u => u.Code == "HIEPTHUAN" || u.Code == "QUELUU").Select(u => u.Id).ToListAsync();
            foreach (var u in units)
            {
                db.KpiMeasurements.Add(KpiMeasurement.Counted(k, u, KpiPeriod.Month(2023, 9), 2, 40, MeasurementSource.Entered, new Actor(null, "Văn phòng"), factory.Clock.GetUtcNow()));
            }

            await db.SaveChangesAsync();
            return (k.Id, await db.Units.Where(u => u.Code == "BUUDIEN" || u.Code == "BHXH").Select(u => u.Id).ToListAsync());
        });
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("cov.office", Roles.DistrictOffice, "VPHDND"));
        Assert.Contains("2/16 đơn vị", (await office.GetDocumentAsync($"/kpis/{kpi}?period=2023-09")).Body!.TextContent, StringComparison.Ordinal);

        var token = await office.AntiforgeryTokenAsync($"/kpis/{kpi}");
        var fields = exempt.Select(id => new KeyValuePair<string, string>("units", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(new("__RequestVerificationToken", token));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await office.PostAsync(new Uri($"/kpis/{kpi}/exemptions", UriKind.Relative), new FormUrlEncodedContent(fields))).StatusCode);

        var page = await office.GetDocumentAsync($"/kpis/{kpi}?period=2023-09");
        Assert.Contains("2/14 đơn vị", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bưu điện", page.QuerySelector("#exemptions summary")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "KpiDefinition" && e.Changes!.Contains("CoverageExemptions"))));

        // A unit that does not exist is refused, and nothing changes.
        var again = await office.AntiforgeryTokenAsync($"/kpis/{kpi}");
        await office.PostAsync(new Uri($"/kpis/{kpi}/exemptions", UriKind.Relative), new FormUrlEncodedContent([new("units", "99999"), new("__RequestVerificationToken", again)]));
        Assert.Contains("2/14 đơn vị", (await office.GetDocumentAsync($"/kpis/{kpi}?period=2023-09")).Body!.TextContent, StringComparison.Ordinal);
    }
}
