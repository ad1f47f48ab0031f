using System.Net;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

public class The_office_records_directives_and_assigns_them(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public async Task A_new_notice_and_directive_go_to_every_commune_and_agency_in_one_step()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("mgr.office", Roles.DistrictOffice, "VPHDND"));

        var token = await office.AntiforgeryTokenAsync("/notices/new");
        var empty = await office.PostFormAsync("/notices/new", token, new() { ["Title"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Trích yếu là bắt buộc", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await office.PostFormAsync("/notices/new", token, new()
        {
            ["Number"] = "250/TB-UBND", ["IssuingBody"] = "UBND huyện Hiệp Đức", ["IssueDate"] = "2023-10-10", ["MeetingDate"] = "2023-10-06",
            ["Title"] = "Kết luận phiên thứ hai", ["FullText"] = "Toàn văn phiên thứ hai", ["ChairedBy"] = "Nguyễn Văn Nam",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var noticeId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], Inv);

        token = await office.AntiforgeryTokenAsync($"/notices/{noticeId}/directives/new");
        var incomplete = await office.PostFormAsync($"/notices/{noticeId}/directives/new", token, new()
        {
            ["Label"] = "2.đ", ["Title"] = "Rà soát TTHC", ["FullText"] = "Rà soát thủ tục hành chính", ["Deadline.Kind"] = "Month", ["Deadline.Month"] = "11",
        });
        Assert.Contains("Thời hạn chưa đủ thông tin", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tooFar = await office.PostFormAsync($"/notices/{noticeId}/directives/new", token, new()
        {
            ["Label"] = "2.đ", ["Title"] = "Rà soát TTHC", ["FullText"] = "Rà soát thủ tục hành chính", ["Deadline.Kind"] = "Date", ["Deadline.Date"] = "9999-12-31",
        });
        Assert.Contains("Hạn không được quá 5 năm kể từ hôm nay", await tooFar.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var beforeMeeting = await office.PostFormAsync($"/notices/{noticeId}/directives/new", token, new()
        {
            ["Label"] = "2.đ", ["Title"] = "Rà soát TTHC", ["FullText"] = "Rà soát thủ tục hành chính", ["Deadline.Kind"] = "Date", ["Deadline.Date"] = "2023-10-05",
        });
        Assert.Contains("Hạn không được trước ngày họp của thông báo (06/10/2023)", await beforeMeeting.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var directive = await office.PostFormAsync($"/notices/{noticeId}/directives/new", token, new()
        {
            ["Label"] = "2.đ", ["Title"] = "Rà soát TTHC", ["FullText"] = "Rà soát thủ tục hành chính thuộc thẩm quyền",
            ["Deadline.Kind"] = "Quarter", ["Deadline.Quarter"] = "4", ["Deadline.Year"] = "2023", ["Deadline.WrittenAs"] = "trong quý IV/2023",
            ["References"] = "Kế hoạch số 125/KH-UBND ngày 14/8/2023",
        });
        Assert.Equal(HttpStatusCode.Redirect, directive.StatusCode);
        var directiveId = int.Parse(directive.Headers.Location!.OriginalString.Split('/')[^2], Inv);

        var bhxh = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "BHXH").Select(u => u.Id).SingleAsync());
        token = await office.AntiforgeryTokenAsync($"/directives/{directiveId}/assign");
        var assign = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Role", "Implementing"),
            new("Groups", "kind:CommuneOrTown"), new("Groups", "kind:DistrictAgency"), new("UnitIds", bhxh.ToString(Inv)),
        };
        var assigned = await office.PostAsync(new Uri($"/directives/{directiveId}/assign", UriKind.Relative), new FormUrlEncodedContent(assign));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var again = await office.PostAsync(new Uri($"/directives/{directiveId}/assign", UriKind.Relative), new FormUrlEncodedContent(assign));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var assignments = await factory.QueryAsync(db => db.Assignments.Where(a => a.DirectiveId == directiveId).Select(a => new { a.Unit.Code, a.LastDayInForce }).ToListAsync());
        Assert.Equal(15, assignments.Count); // 11 communes/town + 3 agencies + BHXH, once each
        Assert.All(assignments, a => Assert.Equal(new DateOnly(2023, 12, 31), a.LastDayInForce));

        var list = await office.GetDocumentAsync($"/assignments?notice={noticeId}");
        Assert.Equal("15", list.QuerySelector("#total")!.TextContent);
        var reference = await factory.QueryAsync(db => db.Directives.AsNoTracking().Where(d => d.Id == directiveId).SelectMany(d => d.References).SingleAsync());
        Assert.Equal("125/KH-UBND", reference.Number);
    }

    [Fact]
    public async Task A_saved_group_assigns_its_units_and_a_cancelled_directive_cancels_its_open_work()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("grp.office", Roles.DistrictOffice, "VPHDND"));
        var (hiepHoa, queTho) = await factory.QueryAsync(async db => (
            await db.Units.Where(u => u.Code == "HIEPHOA").Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Code == "QUETHO").Select(u => u.Id).SingleAsync()));
        var token = await office.AntiforgeryTokenAsync("/admin/unit-groups");
        await office.PostAsync(new Uri("/admin/unit-groups", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Name", "Xã vùng cao"), new("UnitIds", hiepHoa.ToString(Inv)), new("UnitIds", queTho.ToString(Inv)),
        ]));
        var groupId = await factory.QueryAsync(db => db.UnitGroups.Where(g => g.Name == "Xã vùng cao").Select(g => g.Id).SingleAsync());

        var id = await factory.QueryAsync(db => db.Directives.Where(d => d.Label == "1").Select(d => d.Id).SingleAsync());
        token = await office.AntiforgeryTokenAsync($"/directives/{id}/assign");
        await office.PostAsync(new Uri($"/directives/{id}/assign", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Role", "Coordinating"), new("Groups", $"group:{groupId}"),
        ]));
        var roles = await factory.QueryAsync(db => db.Assignments.Where(a => a.DirectiveId == id).Select(a => new { a.Unit.Code, a.Role }).ToListAsync());
        Assert.Equal(3, roles.Count);
        Assert.Equal(2, roles.Count(r => r.Role == AssignmentRole.Coordinating));

        token = await office.AntiforgeryTokenAsync($"/directives/{id}");
        var cancelled = await office.PostFormAsync($"/directives/{id}/cancel", token, new() { ["Text"] = "Đã hoàn thành trong phiên họp khác" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.All(await factory.QueryAsync(db => db.Assignments.Where(a => a.DirectiveId == id).Select(a => a.Status).ToListAsync()), s => Assert.Equal(AssignmentStatus.Cancelled, s));
        Assert.Equal(3, await factory.QueryAsync(db => db.Assignments.CountAsync(a => a.DirectiveId == id))); // nothing deleted
        var page = await office.GetDocumentAsync($"/directives/{id}");
        Assert.Contains("Đã hoàn thành trong phiên họp khác", page.Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chairman_s_direction_on_a_directive_reaches_the_unit()
    {
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("dir.chairman", Roles.Chairman));
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("dir.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var id = await factory.QueryAsync(db => db.Directives.Where(d => d.Label == "3.b").Select(d => d.Id).SingleAsync());
        var token = await chairman.AntiforgeryTokenAsync($"/directives/{id}");
        var posted = await chairman.PostFormAsync($"/directives/{id}/direction", token, new() { ["Text"] = "Các xã niêm yết thư xin lỗi tại Bộ phận Một cửa trong tuần này" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var assignment = await factory.QueryAsync(db => db.Assignments.Where(a => a.DirectiveId == id && a.Unit.Code == "HIEPTHUAN").Select(a => a.Id).SingleAsync());
        var page = await head.GetDocumentAsync($"/assignments/{assignment}");
        Assert.Contains("niêm yết thư xin lỗi", page.QuerySelector("#directions")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hiep thuan")]
    [InlineData("HIỆP THUẬN")]
    [InlineData("Hiệp Thuận")]
    public async Task Search_ignores_diacritics_and_case(string q)
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("search.office", Roles.DistrictOffice, "VPHDND"));
        var doc = await office.GetDocumentAsync($"/assignments?q={Uri.EscapeDataString(q)}");
        var units = doc.QuerySelectorAll("#assignment-list tbody tr").Select(r => r.Children[1].Text()).Distinct().ToList();
        Assert.Equal(["Hiệp Thuận"], units);
        var directives = await office.GetDocumentAsync($"/directives?q={Uri.EscapeDataString("SO HOA")}");
        Assert.Contains(directives.QuerySelectorAll("#directive-list tbody tr"), r => r.Children[1].Text() == "3.c");
    }

    [Fact]
    public async Task Filters_live_in_the_query_string_and_overdue_only_follows_the_roll_up_rule()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("filter.office", Roles.DistrictOffice, "VPHDND"));
        var overdue = await office.GetDocumentAsync("/directives?overdue=true&notice=1");
        Assert.Equal(["3.d", "3.e"], overdue.QuerySelectorAll("#directive-list tbody tr").Select(r => r.Children[1].Text()).Order(StringComparer.Ordinal));

        var queLuu = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "QUELUU").Select(u => u.Id).SingleAsync());
        var late = await office.GetDocumentAsync($"/assignments?unit={queLuu}&timing=Overdue");
        Assert.Single(late.QuerySelectorAll("#assignment-list tbody tr"));
        var bad = await office.GetAsync(new Uri("/assignments?status=Nonsense&page=-3", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("không hợp lệ", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public class Editing_a_directive(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Editing_the_deadline_moves_the_assignments_and_a_stale_edit_is_refused()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("edit.office", Roles.DistrictOffice, "VPHDND"));
        var id = await factory.QueryAsync(db => db.Directives.Where(d => d.Label == "3.d").Select(d => d.Id).SingleAsync());
        var page = await office.GetDocumentAsync($"/directives/{id}/edit");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Dictionary<string, string> Form(string month) => new()
        {
            ["Label"] = "3.d", ["Title"] = "Ký số; tài khoản dịch vụ công", ["FullText"] = "Nội dung 3.d", ["Version"] = version,
            ["Deadline.Kind"] = "Month", ["Deadline.Month"] = month, ["Deadline.Year"] = "2023", ["Deadline.WrittenAs"] = $"trong tháng {month}/2023",
        };

        var first = await office.PostFormAsync($"/directives/{id}/edit", token, Form("10"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.All(await factory.QueryAsync(db => db.Assignments.Where(a => a.DirectiveId == id).Select(a => a.LastDayInForce).ToListAsync()), d => Assert.Equal(new DateOnly(2023, 10, 31), d));

        var stale = await office.PostFormAsync($"/directives/{id}/edit", token, Form("11"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var body = (await Html.ParseAsync(stale)).QuerySelector("[role=alert]")!.Text();
        Assert.Contains("người khác thay đổi", body, StringComparison.Ordinal);
        Assert.Contains("trong tháng 10/2023", body, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 10, 31), await factory.QueryAsync(db => db.Directives.Where(d => d.Id == id).Select(d => d.Deadline.LastDay).SingleAsync()));

        var timeline = (await office.GetDocumentAsync($"/directives/{id}")).QuerySelector("#timeline")!.Text();
        Assert.Contains("trong tháng 9/2023 → trong tháng 10/2023", timeline, StringComparison.Ordinal);
    }
}

public class Unfinished_work_is_carried_into_the_next_notice(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_unfinished_directive_follows_with_the_units_that_have_not_finished_once_only()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("carry.office", Roles.DistrictOffice, "VPHDND"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.ParPortalDbContext>();
            var done = await db.Assignments.SingleAsync(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d");
            var by = new Domain.Common.Actor(null, "Thử nghiệm");
            done.Submit(by, "Hoàn thành", new DateTimeOffset(2023, 9, 28, 9, 0, 0, TimeSpan.FromHours(7)));
            done.Confirm(by, new DateTimeOffset(2023, 9, 29, 9, 0, 0, TimeSpan.FromHours(7)));
            await db.SaveChangesAsync();
        }

        var token = await office.AntiforgeryTokenAsync("/notices/new");
        var created = await office.PostFormAsync("/notices/new", token, new()
        {
            ["IssuingBody"] = "UBND huyện Hiệp Đức", ["MeetingDate"] = "2023-10-30", ["Title"] = "Kết luận phiên thứ hai", ["FullText"] = "Toàn văn",
        });
        var second = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        for (var i = 0; i < 2; i++)
        {
            token = await office.AntiforgeryTokenAsync($"/notices/{second}");
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/notices/{second}/carry-over", token, new() { ["from"] = "1" })).StatusCode);
        }

        var carried = await factory.QueryAsync(db => db.Directives.Where(d => d.NoticeId == second)
            .Select(d => new { d.Label, Units = d.Assignments.Select(a => a.Unit.Code).ToList() }).ToListAsync());
        Assert.Equal(["TD.1", "TD.3.a", "TD.3.b", "TD.3.c", "TD.3.d", "TD.3.e"], carried.Select(c => c.Label));
        var d = carried.Single(c => c.Label == "TD.3.d");
        Assert.Equal(13, d.Units.Count);
        Assert.DoesNotContain("HIEPTHUAN", d.Units);
    }
}
