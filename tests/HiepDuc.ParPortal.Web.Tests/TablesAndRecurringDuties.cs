using System.Net;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.NoticeImport;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The importer saves a checked notice in one transaction, tested without HTTP; a recurring duty it saves owes one
/// report per month, and the reminders follow its cycles; a task table pasted from Word is previewed row by row.
/// </summary>
public class Tables_and_recurring_duties_reach_the_follow_up(ReminderPortal factory) : IClassFixture<ReminderPortal>
{
    private static ImportForm Form(string text, params ImportTask[] tasks) => new()
    {
        IssuingBody = "UBND huyện Hiệp Đức",
        Title = "Kết luận về chế độ báo cáo định kỳ",
        MeetingDate = new DateOnly(2023, 9, 19),
        FullText = text,
        Tasks = [.. tasks],
    };

    private static ImportTask Task(string label, params ImportUnit[] units) => new() { Include = true, Label = label, Title = $"Nhiệm vụ {label}", FullText = $"Nội dung nhiệm vụ {label}", Units = [.. units] };

    [Fact]
    public async Task The_importer_saves_all_or_nothing_and_a_monthly_duty_owes_a_report_each_month()
    {
        var head = await factory.CreateUserAsync("rc.hiepthuan", Roles.UnitHead, "HIEPTHUAN");
        var hiepThuan = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "HIEPTHUAN").Select(u => u.Id).SingleAsync());
        var police = new ImportUnit { UnitId = null, Text = "Trung tâm Y tế huyện", Role = AssignmentRole.Lead, Create = true };
        var monthly = Deadline.Recurring(Recurrence.Of(RecurrencePeriod.Monthly, 25), "hằng tháng, trước ngày 25");
        var by = new Actor(null, "Văn phòng");
        var notices = await factory.QueryAsync(db => db.Notices.CountAsync());

        // Two tasks labelled alike: the second directive is refused after the new unit was written — and nothing stays.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<NoticeImporter>();
            var clash = Form("Thông báo thử lưu dở", Task("1", police), Task("1", new ImportUnit { UnitId = hiepThuan, Role = AssignmentRole.Lead }));
            var ex = await Assert.ThrowsAsync<DomainException>(() => importer.SaveAsync(clash, new Dictionary<int, Deadline> { [0] = monthly, [1] = Deadline.NotSet() }, by, CancellationToken.None));
            Assert.Equal("directive.label.duplicate", ex.Code);
        }

        Assert.Equal(notices, await factory.QueryAsync(db => db.Notices.CountAsync()));
        Assert.False(await factory.QueryAsync(db => db.Units.AnyAsync(u => u.Name == "Trung tâm Y tế huyện")));

        // Saved properly on 20/09: Hiệp Thuận's monthly report is first owed on 25/09.
        int assignment;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<NoticeImporter>();
            var form = Form("Thông báo chế độ báo cáo", Task("1", police), Task("2", new ImportUnit { UnitId = hiepThuan, Role = AssignmentRole.Lead }));
            var id = await importer.SaveAsync(form, new Dictionary<int, Deadline> { [0] = Deadline.OnDate(new DateOnly(2023, 12, 31)), [1] = monthly }, by, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var saved = await db.Assignments.SingleAsync(a => a.Directive.NoticeId == id && a.UnitId == hiepThuan);
            Assert.Equal(DeadlineKind.Recurring, saved.Deadline.Kind);
            Assert.Equal(new DateOnly(2023, 9, 25), saved.LastDayInForce);
            Assert.True(await db.Units.AnyAsync(u => u.Name == "Trung tâm Y tế huyện"));
            assignment = saved.Id;
        }

        // September's report is missing on 26/09: overdue, and the unit head is reminded.
        await factory.RunOnAsync(new DateOnly(2023, 9, 26));
        Assert.Contains((new DateOnly(2023, 9, 26), ReminderKind.Overdue), (await factory.NotificationsOfAsync(head.Id)).Where(n => n.Assignment == assignment).Select(n => (n.Day, n.Kind)));

        // It arrives on 27/09: October's cycle is owed by 25/10 and the reminders follow it.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var a = await db.Assignments.SingleAsync(x => x.Id == assignment);
            a.Report(new Actor(head.Id, "Hiệp Thuận"), "Báo cáo tháng 9/2023", 10, new DateTimeOffset(2023, 9, 27, 9, 0, 0, ReminderRuns.Vietnam));
            await db.SaveChangesAsync();
            Assert.Equal(new DateOnly(2023, 10, 25), a.LastDayInForce);
        }

        for (var day = new DateOnly(2023, 9, 28); day <= new DateOnly(2023, 10, 18); day = day.AddDays(1))
        {
            await factory.RunOnAsync(day);
        }

        var after = (await factory.NotificationsOfAsync(head.Id)).Where(n => n.Assignment == assignment && n.Day >= new DateOnly(2023, 9, 28)).Select(n => (n.Day, n.Kind)).ToList();
        Assert.Contains((new DateOnly(2023, 10, 18), ReminderKind.DueIn7), after);
        Assert.DoesNotContain(after, n => n.Kind == ReminderKind.Overdue);
    }

    [Fact]
    public async Task A_task_table_pasted_from_Word_is_previewed_row_by_row_with_new_units_ticked()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("tb.office", Roles.DistrictOffice, "VPHDND"));
        var text = "UBND HUYỆN HIỆP ĐỨC\nSố: 176/TB-UBND\nHiệp Đức, ngày 14 tháng 6 năm 2024\n\nTHÔNG BÁO\nKết luận về cải cách hành chính\n\n"
            + "Chủ tịch UBND huyện kết luận, giao nhiệm vụ như sau:\n\n"
            + "STT\tNhiệm vụ\tThời hạn\tCơ quan chủ trì\tCơ quan phối hợp\n"
            + "I\tNhóm nhiệm vụ cải cách thủ tục hành chính\n"
            + "1\tCập nhật, công khai tiến độ giải quyết hồ sơ\ntrên Cổng dịch vụ công của tỉnh\tTrước 30/6/2024\tVăn phòng HĐND&UBND huyện\tBưu điện huyện\n"
            + "2\tBáo cáo kết quả giải quyết hồ sơ\tHằng tháng, trước ngày 25\tPhòng Nội vụ\tCông an huyện\n"
            + "\nGiao Văn phòng HĐND&UBND huyện theo dõi, đôn đốc./.\n";
        var preview = await A_notice_is_imported_from_its_text.Preview(office, text);
        Assert.Equal(["I.1", "I.2"], preview.QuerySelectorAll(".import-task").Select(t => t.GetAttribute("data-label")));
        Assert.NotNull(preview.QuerySelector("#meeting-guessed")); // no meeting date written: the issue date stands in, flagged

        var first = preview.QuerySelectorAll(".import-task")[0];
        Assert.Contains("trên Cổng dịch vụ công của tỉnh", first.QuerySelector("textarea[name$='.FullText']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2024-06-30", first.QuerySelector("input[name$='.Deadline.Date']")!.GetAttribute("value"));

        var second = preview.QuerySelectorAll(".import-task")[1];
        Assert.Equal("Recurring", second.QuerySelector("select[name$='.Deadline.Kind'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Monthly", second.QuerySelector("select[name$='.Deadline.Every'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("25", second.QuerySelector("input[name$='.Deadline.Day']")!.GetAttribute("value"));
        var police = second.QuerySelectorAll("tr").Single(r => r.GetAttribute("data-unit-text") == "Công an huyện");
        Assert.NotNull(police.QuerySelector("input[name$='.Create'][checked]"));
        Assert.Equal("Coordinating", police.QuerySelector("select[name$='.Role'] option[selected]")!.GetAttribute("value"));

        // Saved as it stands: the new unit is created, and the recurring duty keeps its cycles.
        var saved = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(A_notice_is_imported_from_its_text.Fields(preview.QuerySelector("#preview-form")!)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var duty = await factory.QueryAsync(db => db.Directives.Where(d => d.NoticeId == id && d.Label == "I.2").Select(d => new { d.Deadline.Kind, d.Deadline.RecurrenceCode }).SingleAsync());
        Assert.Equal((DeadlineKind.Recurring, "M25"), (duty.Kind, duty.RecurrenceCode));
        Assert.True(await factory.QueryAsync(db => db.Assignments.AnyAsync(a => a.Directive.NoticeId == id && a.Unit.Name == "Công an huyện" && a.Role == AssignmentRole.Coordinating)));
    }

    [Fact]
    public async Task The_words_that_name_a_KPI_are_data_the_office_edits_and_the_import_reads()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("kw.office", Roles.DistrictOffice, "VPHDND"));
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("kw.head", Roles.UnitHead, "BINHLAM"));
        var kpi = await factory.QueryAsync(db => db.KpiDefinitions.Where(k => k.Code == "VNEID").Select(k => new { k.Id, k.Keywords }).SingleAsync());
        Assert.Equal("VNeID\nđịnh danh điện tử", kpi.Keywords);
        const string notice = "THÔNG BÁO\nKết luận\n\nNgày 31/8/2023, đồng chí Nguyễn Văn Nam - Chủ tịch UBND huyện chủ trì. Kết luận:\n\n1. Giao Phòng Nội vụ vận động người dân kích hoạt căn cước điện tử, đạt ít nhất 80% trong tháng 10/2023.\n";
        var before = await A_notice_is_imported_from_its_text.Preview(office, notice);
        Assert.DoesNotContain("VNEID", before.QuerySelector(".import-task")!.TextContent, StringComparison.Ordinal);

        // A unit head cannot change the words.
        var headToken = await head.AntiforgeryTokenAsync("/my-unit");
        var denied = await head.PostFormAsync($"/kpis/{kpi.Id}/keywords", headToken, new() { ["keywords"] = "x" });
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var token = await office.AntiforgeryTokenAsync($"/kpis/{kpi.Id}");
        var saved = await office.PostFormAsync($"/kpis/{kpi.Id}/keywords", token, new() { ["keywords"] = "VNeID\nđịnh danh điện tử\ncăn cước điện tử\nCĂN CƯỚC ĐIỆN TỬ" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("VNeID\nđịnh danh điện tử\ncăn cước điện tử", await factory.QueryAsync(db => db.KpiDefinitions.Where(k => k.Id == kpi.Id).Select(k => k.Keywords).SingleAsync()));
        var after = await A_notice_is_imported_from_its_text.Preview(office, notice);
        // The preview names the KPI, never its code.
        var vneid = await factory.QueryAsync(db => db.KpiDefinitions.Where(k => k.Code == "VNEID").Select(k => k.Name).SingleAsync());
        Assert.Contains($"→ {vneid}", after.QuerySelector(".import-task")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("→ VNEID", after.QuerySelector(".import-task")!.TextContent, StringComparison.Ordinal);
        var entityId = kpi.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "KpiDefinition" && e.EntityId == entityId)));
    }
}
