using System.Net;
using System.Text;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Directive 3.d, end to end: Hiệp Thuận reports with a PDF, submits, is returned, resubmits, is confirmed.</summary>
public class The_follow_up_loop_for_directive_3d(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task Every_step_changes_the_state_timeline_and_audit_trail()
    {
        var hiepThuan = await factory.SignedInAsync(await factory.CreateUserAsync("loop.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("loop.office", Roles.DistrictOffice, "VPHDND"));
        var id = await AssignmentId("HIEPTHUAN", "3.d");

        // 1. Progress report with evidence.
        var report = await hiepThuan.PostActionAsync(id, "report", new() { ["Text"] = "Đã đăng ký 40/52 tài khoản dịch vụ công", ["Progress"] = "60" }, ("danh-sach.pdf", PdfBytes));
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        Assert.Equal((AssignmentStatus.InProgress, 60), await State(id));

        // 2. Report of completion: waits for the office.
        await hiepThuan.PostActionAsync(id, "submit", new() { ["Text"] = "52/52 CB, CC, VC đã có tài khoản; đã cài Egov, Smart Quảng Nam" });
        Assert.Equal(AssignmentStatus.Submitted, (await State(id)).Status);
        var queue = await office.GetDocumentAsync("/review");
        Assert.Contains(queue.QuerySelectorAll("#submitted [data-assignment]"), e => e.GetAttribute("data-assignment") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // 3. The office returns it with a reason, shown to the unit.
        await office.PostActionAsync(id, "return", new() { ["Text"] = "Thiếu danh sách cài đặt ứng dụng Smart Quảng Nam" });
        Assert.Equal(AssignmentStatus.Returned, (await State(id)).Status);
        var unitView = await hiepThuan.GetDocumentAsync($"/assignments/{id}");
        Assert.Contains("Thiếu danh sách cài đặt ứng dụng Smart Quảng Nam", unitView.QuerySelector("#timeline")!.Text(), StringComparison.Ordinal);

        // 4. Resubmitted (after the deadline: 05/10/2023) and confirmed: completed late.
        await hiepThuan.PostActionAsync(id, "submit", new() { ["Text"] = "Bổ sung danh sách" }, ("bo-sung.pdf", PdfBytes));
        await office.PostActionAsync(id, "confirm", new() { ["Text"] = "Đạt yêu cầu" });
        Assert.Equal(AssignmentStatus.Completed, (await State(id)).Status);

        var page = await office.GetDocumentAsync($"/assignments/{id}");
        Assert.Equal("CompletedLate", page.QuerySelector("#assignment-facts [data-timing]")!.GetAttribute("data-timing"));
        var kinds = page.QuerySelectorAll("#timeline [data-kind]").Select(e => e.GetAttribute("data-kind")).Reverse().ToList();
        Assert.Equal(["AssignmentEventKind_Assigned", "AssignmentEventKind_Reported", "AssignmentEventKind_Submitted", "AssignmentEventKind_Returned", "AssignmentEventKind_Submitted", "AssignmentEventKind_Confirmed"], kinds);
        Assert.Equal(2, page.QuerySelectorAll("#reports a[href^='/files/']").Length);

        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Assignment" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Updated").ToListAsync());
        Assert.True(audit.Count >= 5);
        Assert.Contains(audit, a => a.Changes!.Contains("\"Status\":{\"old\":\"Submitted\",\"new\":\"Returned\"}", StringComparison.Ordinal));

        // The lists follow: the office's queue no longer shows it; the directive counts one completion.
        Assert.DoesNotContain((await office.GetDocumentAsync("/review")).QuerySelectorAll("#submitted [data-assignment]"), e => e.GetAttribute("data-assignment") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var completed = await office.GetDocumentAsync("/assignments?status=Completed");
        Assert.Single(completed.QuerySelectorAll("#assignment-list tbody tr"));
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_is_refused_and_nothing_is_saved()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("exe.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var id = await AssignmentId("HIEPTHUAN", "3.a");
        var before = await State(id);
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

        var response = await head.PostActionAsync(id, "report", new() { ["Text"] = "Kèm tệp", ["Progress"] = "10" }, ("bao-cao.pdf", exe));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không đúng với phần mở rộng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await State(id));
        Assert.Equal(0, await factory.QueryAsync(db => db.Files.CountAsync(f => f.AssignmentId == id)));

        var html = await head.PostActionAsync(id, "report", new() { ["Text"] = "Kèm tệp", ["Progress"] = "10" }, ("trang.html", Encoding.UTF8.GetBytes("<script>alert(1)</script>")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, html.StatusCode);
    }

    [Fact]
    public async Task A_unit_head_cannot_download_another_unit_s_evidence_and_files_come_as_attachments()
    {
        var queLuu = await factory.SignedInAsync(await factory.CreateUserAsync("files.queluu", Roles.UnitHead, "QUELUU"));
        var hiepThuan = await factory.SignedInAsync(await factory.CreateUserAsync("files.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var id = await AssignmentId("QUELUU", "3.b");
        await queLuu.PostActionAsync(id, "report", new() { ["Text"] = "Đã niêm yết xin lỗi", ["Progress"] = "50" }, ("../../etc/xin-loi.pdf", PdfBytes));
        var file = await factory.QueryAsync(db => db.Files.SingleAsync(f => f.AssignmentId == id));
        Assert.Equal("xin-loi.pdf", file.OriginalName);

        var own = await queLuu.GetAsync(new Uri($"/files/{file.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(PdfBytes, await own.Content.ReadAsByteArrayAsync());

        var other = await hiepThuan.GetAsync(new Uri($"/files/{file.Id}", UriKind.Relative));
        Assert.StartsWith("/account/denied", other.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_head_cannot_report_on_another_unit_s_assignment()
    {
        var hiepThuan = await factory.SignedInAsync(await factory.CreateUserAsync("idor.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var queLuu = await AssignmentId("QUELUU", "3.c");
        var before = await State(queLuu);
        var ownToken = await hiepThuan.AntiforgeryTokenAsync($"/assignments/{await AssignmentId("HIEPTHUAN", "3.c")}");
        var response = await hiepThuan.PostFormAsync($"/assignments/{queLuu}/report", ownToken, new() { ["Text"] = "giả mạo", ["Progress"] = "100", ["Version"] = "0" });
        Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(before, await State(queLuu));
        Assert.Equal(0, await factory.QueryAsync(db => db.ProgressReports.CountAsync(r => r.AssignmentId == queLuu)));
    }

    [Fact]
    public async Task Two_people_acting_on_the_same_assignment_do_not_overwrite_each_other()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("cc.phuocgia", Roles.UnitHead, "PHUOCGIA"));
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("cc.office", Roles.DistrictOffice, "VPHDND"));
        var id = await AssignmentId("PHUOCGIA", "3.d");

        // The unit head opens the page; meanwhile the office records the unit's paper report; then the head reports from the stale page.
        var stale = await head.GetDocumentAsync($"/assignments/{id}");
        var version = stale.QuerySelector("#form-report input[name=Version]")!.GetAttribute("value")!;
        var seen = stale.QuerySelector("#form-report input[name=SeenEventId]")!.GetAttribute("value")!;
        await office.PostActionAsync(id, "paper-report", new() { ["Text"] = "Công văn báo cáo: đạt 30%", ["Progress"] = "30" });

        var token = stale.QuerySelector("#form-report input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await head.PostFormAsync($"/assignments/{id}/report", token, new() { ["Text"] = "Đã làm được 70%", ["Progress"] = "70", ["Version"] = version, ["SeenEventId"] = seen });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("người khác thay đổi", page.QuerySelector("#errors")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Công văn báo cáo: đạt 30%", page.QuerySelector("#conflict")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Đã làm được 70%", page.QuerySelector("#report-text")!.TextContent); // the input is kept
        Assert.Equal((AssignmentStatus.InProgress, 30), await State(id));

        // Retrying from the refreshed page works.
        var retry = await Html.ParseAsync(response);
        var again = await head.PostFormAsync($"/assignments/{id}/report", retry.QuerySelector("#form-report input[name=__RequestVerificationToken]")!.GetAttribute("value"), new()
        {
            ["Text"] = "Đã làm được 70%", ["Progress"] = "70",
            ["Version"] = retry.QuerySelector("#form-report input[name=Version]")!.GetAttribute("value")!,
            ["SeenEventId"] = retry.QuerySelector("#form-report input[name=SeenEventId]")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal((AssignmentStatus.InProgress, 70), await State(id));
    }

    [Fact]
    public async Task An_extension_is_asked_decided_and_moves_the_deadline_in_force()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("ext.songtra", Roles.UnitHead, "SONGTRA"));
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("ext.chairman", Roles.Chairman));
        var id = await AssignmentId("SONGTRA", "3.d");

        var asked = await head.PostActionAsync(id, "extension", new() { ["NewLastDay"] = "2023-10-20", ["Text"] = "Chờ cấp tài khoản cho cán bộ mới tuyển" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains((await chairman.GetDocumentAsync("/review")).QuerySelectorAll("#extensions [data-assignment]"), e => e.GetAttribute("data-assignment") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await chairman.PostActionAsync(id, "extension/decide", new() { ["Approve"] = "true", ["Text"] = "Đồng ý" });
        var lastDay = await factory.QueryAsync(db => db.Assignments.Where(a => a.Id == id).Select(a => new { a.LastDayInForce, a.Deadline.LastDay }).SingleAsync());
        Assert.Equal(new DateOnly(2023, 10, 20), lastDay.LastDayInForce);
        Assert.Equal(new DateOnly(2023, 9, 30), lastDay.LastDay);
        var page = await head.GetDocumentAsync($"/assignments/{id}");
        Assert.Equal("InTerm", page.QuerySelector("#assignment-facts [data-timing]")!.GetAttribute("data-timing")); // 15 days left
        Assert.Contains("20/10/2023", page.QuerySelector("#assignment-facts")!.Text(), StringComparison.Ordinal);
        Assert.Contains("30/09/2023", page.QuerySelector("#assignment-facts")!.Text(), StringComparison.Ordinal);
    }

    private Task<int> AssignmentId(string unit, string label) =>
        factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == unit && a.Directive.Label == label).Select(a => a.Id).SingleAsync());

    private Task<(AssignmentStatus Status, int Progress)> State(int id) =>
        factory.QueryAsync(async db => await db.Assignments.Where(a => a.Id == id).Select(a => new ValueTuple<AssignmentStatus, int>(a.Status, a.Progress)).SingleAsync());
}

public class A_directive_page_with_reports_made_in_the_same_instant(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Shows_the_newest_report_of_each_unit()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("same.instant", Roles.UnitHead, "TANBINH"));
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("same.office", Roles.DistrictOffice, "VPHDND"));
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "TANBINH" && a.Directive.Label == "3.a").Select(a => a.Id).SingleAsync());
        await head.PostActionAsync(id, "report", new() { ["Text"] = "Lần một", ["Progress"] = "20" });
        await head.PostActionAsync(id, "report", new() { ["Text"] = "Lần hai", ["Progress"] = "40" }); // the clock has not moved

        var directive = await factory.QueryAsync(db => db.Directives.Where(d => d.Label == "3.a").Select(d => d.Id).SingleAsync());
        var page = await office.GetDocumentAsync($"/directives/{directive}");
        var row = page.QuerySelectorAll("#assignments tbody tr").Single(r => r.Text().Contains("Tân Bình", StringComparison.Ordinal));
        Assert.Contains("Lần hai", row.Text(), StringComparison.Ordinal);
    }
}
