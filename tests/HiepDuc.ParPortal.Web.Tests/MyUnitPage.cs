using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.MyUnit;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

public class A_unit_with_more_work_than_the_landing_page_shows(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Sees_the_most_urgent_first_and_a_link_to_the_full_list()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var unit = await db.Units.SingleAsync(u => u.Code == "HIEPTHUAN");
            var notice = new ConclusionNotice("UBND huyện Hiệp Đức", "Dữ liệu thử nghiệm", new DateOnly(2023, 6, 1), "Dữ liệu thử nghiệm");
            db.Notices.Add(notice);
            for (var i = 0; i < MyUnitController.Shown + 10; i++)
            {
                // Later items are due earlier, so the most urgent are the last ones added.
                var d = notice.AddDirective($"{i + 1}", $"Nhiệm vụ {i + 1}", "Nội dung", Deadline.OnDate(new DateOnly(2024, 12, 31).AddDays(-i)), null);
                d.Assign(unit, AssignmentRole.Lead, new DateTimeOffset(2023, 6, 1, 8, 0, 0, TimeSpan.FromHours(7)), Actor.System);
            }

            await db.SaveChangesAsync();
        }

        var head = await factory.SignedInAsync(await factory.CreateUserAsync("many.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var page = await head.GetDocumentAsync("/my-unit");
        var total = await factory.QueryAsync(db => db.Assignments.CountAsync(a => a.Unit.Code == "HIEPTHUAN"));
        Assert.Equal(MyUnitController.Shown, page.QuerySelectorAll("#my-assignments [data-assignment]").Length);
        Assert.Contains($"trong tổng số {total}", page.QuerySelector("#my-more")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/assignments", page.QuerySelector("#my-more a")!.GetAttribute("href"));
        var shown = page.QuerySelectorAll("#my-assignments [data-assignment] a").Select(a => a.TextContent).ToList();
        Assert.DoesNotContain(shown, t => t.StartsWith("1. Nhiệm vụ 1", StringComparison.Ordinal)); // due last, left for the full list
    }
}

public class A_unit_head_s_landing_page(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Gives_each_task_its_next_action_and_shows_the_unit_s_latest_figures()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("land.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var (reported, submitted) = await factory.QueryAsync(async db => (
            await db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.a").Select(a => a.Id).SingleAsync(),
            await db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync()));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await head.PostActionAsync(submitted, "submit", new() { ["Text"] = "Đã hoàn thành" })).StatusCode);

        var page = await head.GetDocumentAsync("/my-unit");
        var open = page.QuerySelector($"[data-assignment='{reported}']")!;
        Assert.Equal("Report", open.GetAttribute("data-next"));
        Assert.Equal($"/assignments/{reported}#form-report", open.QuerySelector("a.next-action")!.GetAttribute("href"));
        var waiting = page.QuerySelector($"[data-assignment='{submitted}']")!;
        Assert.Equal("AwaitConfirmation", waiting.GetAttribute("data-next"));
        Assert.Null(waiting.QuerySelector("a.next-action"));

        // The notice's own figure for Hiệp Thuận: no online file in 8 months.
        var online = page.QuerySelector("#my-kpis [data-kpi='ONLINE_FILING']")!;
        Assert.Contains("0 %", online.TextContent, StringComparison.Ordinal);
    }
}
