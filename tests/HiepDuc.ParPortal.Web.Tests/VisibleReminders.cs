using System.Globalization;
using System.Net;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Notifications;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// Reminders the office can see and use, on the seed read on 08/12/2026: a run says rule by rule what it sent and when it
/// fires next; the queue urges many at once with one message per unit; the chairman's bell carries what is his.
/// </summary>
public class Reminders_the_office_can_see_and_use(PortalIn2026 factory) : IClassFixture<PortalIn2026>
{

    [Fact]
    public async Task A_run_that_sends_nothing_says_for_each_rule_what_it_found_and_the_next_day_it_fires()
    {
        var admin = await factory.SignedInAsync(await factory.CreateUserAsync("vis.admin", Roles.Administrator));
        var token = await admin.AntiforgeryTokenAsync("/admin/reminders");
        var ran = await admin.PostFormAsync("/admin/reminders/run", token, []);
        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        var page = await admin.GetDocumentAsync("/admin/reminders");

        // 31/08/2023 → 08/12/2026: 3.d and 3.e are 1165 days overdue, (1165 - 1) % 7 = 2, so they fire again on 13/12/2026.
        var overdue = page.QuerySelector("#reminder-run tr[data-rule='Overdue']")!;
        Assert.Equal("15", overdue.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.StartsWith("0", overdue.QuerySelectorAll("td")[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("13/12/2026", overdue.QuerySelectorAll("td")[4].TextContent.Trim());
        Assert.Contains("mỗi 7 ngày", overdue.TextContent, StringComparison.Ordinal);
        // Silent since 31/08/2023: day 1195, (1195 - 30) % 30 = 25, so 13/12/2026 too.
        var silent = page.QuerySelector("#reminder-run tr[data-rule='Silent']")!;
        Assert.Equal("13/12/2026", silent.QuerySelectorAll("td")[4].TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#reminder-run tr[data-rule='UrgentUnanswered']"));
    }

    [Fact]
    public async Task The_office_urges_many_at_once_and_each_unit_hears_once()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("vis.office", Roles.DistrictOffice, "VPHDND"));
        var binhLam = await factory.CreateUserAsync("vis.binhlam", Roles.UnitHead, "BINHLAM");
        var queLuu = await factory.CreateUserAsync("vis.queluu", Roles.UnitHead, "QUELUU");
        var queue = await office.GetDocumentAsync("/review");
        Assert.Contains(queue.QuerySelectorAll("#silent .silent-group legend"), l => l.TextContent.Contains("Bình Lâm", StringComparison.Ordinal));
        var byDirective = await office.GetDocumentAsync("/review?by=Directive");
        Assert.Contains(byDirective.QuerySelectorAll("#silent .silent-group legend"), l => l.TextContent.Contains("3.c.", StringComparison.Ordinal));

        var ids = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "BINHLAM" || a.Unit.Code == "QUELUU").Where(a => a.Directive.NoticeId == 1)
            .Select(a => new { a.Id, a.Unit.Code }).ToListAsync());
        var token = queue.QuerySelector("#form-urge-many input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = ids.Select(i => new KeyValuePair<string, string>("Ids", i.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        fields.AddRange([new("Text", "Đề nghị báo cáo trước ngày 15/12/2026"), new("By", "Unit"), new("__RequestVerificationToken", token)]);
        var posted = await office.PostAsync(new Uri("/review/urge", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        // One urging on each timeline; one notification per unit head, listing the unit's items.
        var idList = ids.Select(i => i.Id).ToList();
        Assert.Equal(ids.Count, await factory.QueryAsync(db => db.AssignmentEvents.CountAsync(e => idList.Contains(e.AssignmentId) && e.Kind == Domain.Assignments.AssignmentEventKind.Urged)));
        foreach (var (head, code) in new[] { (binhLam, "BINHLAM"), (queLuu, "QUELUU") })
        {
            var told = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == head.Id && n.Kind == ReminderKind.Urged).ToListAsync());
            var one = Assert.Single(told);
            Assert.Contains(ids.Count(i => i.Code == code).ToString(CultureInfo.InvariantCulture), one.Title, StringComparison.Ordinal);
            Assert.Contains("- 3.c.", one.Body, StringComparison.Ordinal);
        }

        // Nothing ticked: nothing is written, and the office is told why.
        var empty = await office.PostAsync(new Uri("/review/urge", UriKind.Relative), new FormUrlEncodedContent([new("Text", "x"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Equal(ids.Count, await factory.QueryAsync(db => db.AssignmentEvents.CountAsync(e => e.Kind == Domain.Assignments.AssignmentEventKind.Urged)));

        // A unit head may not urge.
        var headClient = await factory.SignedInAsync(binhLam);
        var headToken = await headClient.AntiforgeryTokenAsync("/my-unit");
        var denied = await headClient.PostAsync(new Uri("/review/urge", UriKind.Relative), new FormUrlEncodedContent([new("Ids", idList[0].ToString(CultureInfo.InvariantCulture)), new("Text", "x"), new("__RequestVerificationToken", headToken)]));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal(ids.Count, await factory.QueryAsync(db => db.AssignmentEvents.CountAsync(e => e.Kind == Domain.Assignments.AssignmentEventKind.Urged)));
    }

    [Fact]
    public async Task The_chairman_s_bell_carries_extension_requests_answers_to_his_directions_and_urgent_work_left_unanswered()
    {
        var chairmanUser = await factory.CreateUserAsync("vis.chairman", Roles.Chairman);
        var chairman = await factory.SignedInAsync(chairmanUser);
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("vis.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.b" && a.Directive.NoticeId == 1).Select(a => a.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await chairman.PostActionAsync(id, "direction", new() { ["Text"] = "Báo cáo số hồ sơ trễ hẹn đã xin lỗi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostActionAsync(id, "report", new() { ["Text"] = "Đã xin lỗi 12/12 hồ sơ trễ hẹn", ["Progress"] = "50" })).StatusCode);
        var directions = await factory.QueryAsync(db => db.AssignmentEvents.Where(e => e.AssignmentId == id && e.Kind == Domain.Assignments.AssignmentEventKind.Direction).Select(e => e.ByUserId).ToListAsync());
        Assert.Equal([chairmanUser.Id], directions);
        var extension = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d" && a.Directive.NoticeId == 1).Select(a => a.Id).SingleAsync());
        await head.PostActionAsync(extension, "extension", new() { ["NewLastDay"] = "2026-12-31", ["Text"] = "Chờ hướng dẫn của thành phố" });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // 3.c turned red (30 days unanswered) on 30/09/2023; every 30 days after, the chairman hears of it once per directive.
            var day = new DateOnly(2023, 8, 31).AddDays(30 + (30 * 38));
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(day);
        }

        var kinds = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == chairmanUser.Id).Select(n => new { n.Kind, n.Title }).ToListAsync());
        Assert.Contains(kinds, n => n.Kind == ReminderKind.Reported); // the answer to his direction
        Assert.Contains(kinds, n => n.Kind == ReminderKind.ExtensionRequested);
        var urgent = Assert.Single(kinds, n => n.Kind == ReminderKind.UrgentUnanswered);
        Assert.StartsWith("Mục 3.c:", urgent.Title, StringComparison.Ordinal);

        var bell = (await chairman.GetDocumentAsync("/notifications")).QuerySelector("#bell-count")!;
        Assert.Equal(kinds.Count.ToString(CultureInfo.InvariantCulture), bell.TextContent.Trim());
    }
}
