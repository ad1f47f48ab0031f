using System.Globalization;
using System.Net;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The seeded notice of 31/08/2023 tracked on 08/12/2026, three years on: a notice recorded after the fact counts from
/// the day its work was given, an extension granted after the deadline keeps the lateness, only a confirmed objective
/// cause excuses it, and work with no deadline is never on time (docs/domain.md, "Lateness is a fact").
/// </summary>
public class Signals_stay_true_when_time_moves(PortalIn2026 factory) : IClassFixture<PortalIn2026>
{

    [Fact]
    public async Task A_notice_imported_three_years_late_counts_from_the_day_its_work_was_given()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.import", Roles.DistrictOffice, "VPHDND"));
        var preview = await A_notice_is_imported_from_its_text.Preview(office, NoticeSeed.OriginalText());
        // The notice gives no issue date: the meeting day is proposed, and the office may change it.
        Assert.Equal("2023-08-31", preview.QuerySelector("#GivenOn")!.GetAttribute("value"));

        var fields = A_notice_is_imported_from_its_text.Fields(preview.QuerySelector("#preview-form")!);
        fields.Add(new("AllowDuplicate", "true"));
        var before = await factory.QueryAsync(db => db.Assignments.CountAsync());

        // A day after today, or before the meeting, is refused and nothing is saved.
        foreach (var wrong in new[] { "2026-12-09", "2023-08-30" })
        {
            var refused = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative),
                new FormUrlEncodedContent(fields.Select(f => f.Key == "GivenOn" ? new KeyValuePair<string, string>("GivenOn", wrong) : f)));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Ngày giao việc không được", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await factory.QueryAsync(db => db.Assignments.CountAsync()));
        }

        var saved = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var imported = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

        var rows = await factory.QueryAsync(db => db.Assignments.Where(a => a.Directive.NoticeId == imported)
            .Select(a => new { a.Id, a.AssignedOn, a.HeardOn, a.Directive.Label, a.Unit.Code }).ToListAsync());
        Assert.All(rows, r => Assert.Equal(new DateOnly(2023, 8, 31), r.AssignedOn));
        Assert.All(rows, r => Assert.Equal(new DateOnly(2023, 8, 31), r.HeardOn));

        // The urgent 3.c of a commune is red and unanswered since 31/08/2023, not freshly given today.
        var c = rows.First(r => r.Label == "3.c" && r.Code == "BINHLAM");
        var page = await office.GetDocumentAsync($"/assignments/{c.Id}");
        Assert.Equal("UrgentUnanswered", page.QuerySelector("#assignment-facts [data-timing]")!.GetAttribute("data-timing"));
        Assert.Contains("1195 ngày", page.QuerySelector("#assignment-facts [data-timing]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("31/08/2023", page.QuerySelector("#assigned-on")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("08/12/2026", page.QuerySelector("#assigned-on")!.TextContent, StringComparison.Ordinal);

        // The dashboard's counters agree: no assignment of the import is "in term".
        var dashboard = await office.GetDocumentAsync($"/dashboard?notice={imported}");
        Assert.Equal("0", dashboard.QuerySelector("[data-tile='InTerm']")!.TextContent.Trim());
        Assert.Equal(rows.Count(r => r.Label == "3.c").ToString(CultureInfo.InvariantCulture), dashboard.QuerySelector("[data-tile='UrgentUnanswered']")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_extension_granted_three_years_late_keeps_the_lateness_until_an_objective_cause_is_confirmed()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("late.quetho", Roles.UnitHead, "QUETHO"));
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.office", Roles.DistrictOffice, "VPHDND"));
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "QUETHO" && a.Directive.Label == "3.d" && a.Directive.NoticeId == 1).Select(a => a.Id).SingleAsync());

        var asked = await head.PostActionAsync(id, "extension", new() { ["NewLastDay"] = "2026-12-31", ["Text"] = "Chờ phần mềm mới của thành phố" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var pending = await office.GetDocumentAsync($"/assignments/{id}");
        Assert.Contains("Đề nghị gia hạn đến 31/12/2026", pending.QuerySelector("#extension-pending")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("quá hạn 1165 ngày", pending.QuerySelector("#extension-pending")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(pending.QuerySelector("#decide-cause"));

        await office.PostActionAsync(id, "extension/decide", new() { ["Approve"] = "true" });
        var extended = await office.GetDocumentAsync($"/assignments/{id}");
        var badge = extended.QuerySelector("#assignment-facts [data-timing]")!;
        Assert.Equal("InTerm", badge.GetAttribute("data-timing"));
        Assert.Contains("đã trễ hạn 1165 ngày", badge.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gia hạn khi đã quá hạn 1165 ngày", extended.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);

        // The chairman's on-time rate and the ranking count it as late, not as on time.
        var dashboard = await office.GetDocumentAsync("/dashboard");
        Assert.Contains("0/1", dashboard.QuerySelector("[data-tile='on-time-of']")!.TextContent, StringComparison.Ordinal);

        // Completed in the new term: late, unless the office confirms an objective cause on confirming.
        await head.PostActionAsync(id, "submit", new() { ["Text"] = "Đã hoàn thành" });
        var notLate = await office.PostActionAsync(id, "confirm", new() { ["ObjectiveCause"] = new string('x', Assignment.MaxObjectiveCauseLength + 1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notLate.StatusCode);
        Assert.Equal(AssignmentStatus.Submitted, await factory.QueryAsync(db => db.Assignments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        await office.PostActionAsync(id, "confirm", new() { ["ObjectiveCause"] = "Sáp nhập đơn vị hành chính, chờ hệ thống của thành phố" });
        var done = await office.GetDocumentAsync($"/assignments/{id}");
        Assert.Equal("CompletedOnTime", done.QuerySelector("#assignment-facts [data-timing]")!.GetAttribute("data-timing"));
        Assert.Contains("nguyên nhân khách quan", done.QuerySelector("#assignment-facts [data-timing]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sáp nhập đơn vị hành chính", done.QuerySelector("#objective-cause")!.TextContent, StringComparison.Ordinal);
        var audited = await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Assignment" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Changes!.Contains("ObjectiveCause")));
        Assert.True(audited);
    }

    [Fact]
    public async Task Work_with_no_deadline_is_completed_without_a_deadline_and_left_out_of_the_on_time_rate()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("late.noivu", Roles.UnitHead, "NOIVU"));
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.office2", Roles.DistrictOffice, "VPHDND"));
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "NOIVU" && a.Directive.Label == "1" && a.Directive.NoticeId == 1).Select(a => a.Id).SingleAsync());
        var before = await office.GetDocumentAsync("/dashboard");
        var onTimeBefore = before.QuerySelector("[data-tile='on-time-of']")!.TextContent;

        await head.PostActionAsync(id, "submit", new() { ["Text"] = "Đã trình ký Quy chế" });
        await office.PostActionAsync(id, "confirm", []);

        var page = await office.GetDocumentAsync($"/assignments/{id}");
        var badge = page.QuerySelector("#assignment-facts [data-timing]")!;
        Assert.Equal("CompletedNoDeadline", badge.GetAttribute("data-timing"));
        Assert.Contains("Hoàn thành (không có hạn)", badge.TextContent, StringComparison.Ordinal);
        var after = await office.GetDocumentAsync("/dashboard");
        Assert.Equal(onTimeBefore, after.QuerySelector("[data-tile='on-time-of']")!.TextContent);
    }

    [Fact]
    public async Task The_figures_a_notice_states_are_saved_as_its_reference_figures_and_never_overwrite()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.figures", Roles.DistrictOffice, "VPHDND"));
        var text = "UBND HUYỆN HIỆP ĐỨC\nSố: 301/TB-UBND\nHiệp Đức, ngày 05 tháng 12 năm 2026\n\nTHÔNG BÁO\nKết luận về cải cách hành chính tháng 11 năm 2026\n\n"
            + "Ngày 04/12/2026, Chủ tịch UBND huyện chủ trì họp. Kết quả: trong tháng 11/2026, tỷ lệ hồ sơ trực tuyến toàn huyện đạt 62,5%.\n\n"
            + "Chủ tịch UBND huyện kết luận, giao nhiệm vụ như sau:\n\n"
            + "1. Giao phòng Nội vụ tiếp tục đôn đốc tiếp nhận hồ sơ trực tuyến, hoàn thành trong tháng 12/2026.\n"
            + "\nGiao Văn phòng HĐND&UBND huyện theo dõi, đôn đốc./.\n";
        var preview = await A_notice_is_imported_from_its_text.Preview(office, text);
        var figure = preview.QuerySelector(".import-figure[data-kpi='ONLINE_FILING']")!;
        Assert.NotNull(figure.QuerySelector("input[name$='.Keep'][checked]"));
        Assert.Equal("2026-11-01", figure.QuerySelector("input[name$='.From']")!.GetAttribute("value"));
        Assert.Equal("2026-11-30", figure.QuerySelector("input[name$='.To']")!.GetAttribute("value"));
        Assert.DoesNotContain("→ ONLINE_FILING", preview.QuerySelector("#preview-form")!.TextContent, StringComparison.Ordinal);

        var fields = A_notice_is_imported_from_its_text.Fields(preview.QuerySelector("#preview-form")!);
        fields.Add(new("ConfirmGaps", "true"));
        var saved = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var imported = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var stored = await factory.QueryAsync(db => db.KpiMeasurements.Where(m => m.NoticeId == imported).Select(m => new { m.Kpi.Code, m.UnitId, m.StatedRate, m.Period.Start, m.Period.End }).ToListAsync());
        var online = Assert.Single(stored);
        Assert.Equal(("ONLINE_FILING", (int?)null, (decimal?)62.5m, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (online.Code, online.UnitId, online.StatedRate, online.Start, online.End));

        // The same notice again, saved on purpose: the figure already stored is offered unticked, and ticked it is refused.
        var again = await A_notice_is_imported_from_its_text.Preview(office, text);
        Assert.Null(again.QuerySelector(".import-figure[data-kpi='ONLINE_FILING'] input[name$='.Keep'][checked]"));
        var second = A_notice_is_imported_from_its_text.Fields(again.QuerySelector("#preview-form")!);
        second.AddRange([new("ConfirmGaps", "true"), new("AllowDuplicate", "true"), new("Figures[0].Keep", "true")]);
        var refused = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(second));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("cổng không ghi đè", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync(m => m.Kpi.Code == "ONLINE_FILING" && m.UnitId == null && m.Period.Start == new DateOnly(2026, 11, 1))));
    }

    [Fact]
    public async Task KPI_figures_say_their_age_their_coverage_and_that_no_target_is_set()
    {
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("late.chairman", Roles.Chairman));
        var dashboard = await chairman.GetDocumentAsync("/dashboard");
        var panel = dashboard.QuerySelector("#kpi-panel")!;
        Assert.Contains("Chưa đặt mục tiêu", panel.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Không đặt", dashboard.Body!.TextContent, StringComparison.Ordinal);

        // Figures of 2023 read in 12/2026 are marked old, with their period.
        var late = panel.QuerySelector("tr[data-kpi='LATE_FILES']")!;
        Assert.Contains("Số liệu cũ: từ", late.QuerySelector("[data-stale-figure]")!.TextContent, StringComparison.Ordinal);
        // Each point of a trend says what it sums.
        Assert.Contains("28,72 % (số liệu toàn địa bàn)", late.QuerySelector(".trend")!.TextContent, StringComparison.Ordinal);

        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.kpis", Roles.DistrictOffice, "VPHDND"));
        Assert.NotNull((await office.GetDocumentAsync("/kpis")).QuerySelector("[data-stale-figure]"));
        Assert.DoesNotContain("Không đặt", File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "src", "HiepDuc.ParPortal.Web", "Resources", "Features", "Shared", "SharedResource.resx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Word_report_of_the_seed_three_years_on_is_read_in_three_pages()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.report", Roles.DistrictOffice, "VPHDND"));
        var bytes = await office.GetByteArrayAsync(new Uri("/reports/notices/1/report.docx", UriKind.Relative));
        List<string> paragraphs;
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            paragraphs = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        }

        // Silence is one line per directive and signal, naming the units, never 55 lines of "chưa báo cáo".
        var silence = paragraphs.Where(p => p.Contains("chưa báo cáo lần nào", StringComparison.Ordinal)).ToList();
        Assert.InRange(silence.Count, 1, 12);
        Assert.Contains(silence, p => p.StartsWith("- 3.a — ", StringComparison.Ordinal) && p.Contains("Bình Lâm", StringComparison.Ordinal) && p.Contains("Hiệp Hòa", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("báo cáo gần nhất: chưa báo cáo", StringComparison.Ordinal));
        // The KPIs 3.d sets a target for, with no figure yet, are listed as such.
        Assert.Contains(paragraphs, p => p.Contains("chưa có số liệu", StringComparison.Ordinal));

        var dir = Directory.CreateTempSubdirectory("parportal-report-");
        try
        {
            var docx = Path.Combine(dir.FullName, "bao-cao.docx");
            await File.WriteAllBytesAsync(docx, bytes);
            var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.First(File.Exists);
            await Processes.RunAsync(soffice, "--headless", "--norestore", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "pdf", "--outdir", dir.FullName, docx);
            var info = await Processes.RunAsync("/usr/bin/pdfinfo", Path.Combine(dir.FullName, "bao-cao.pdf"));
            var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(pages, 1, 3);
            await Processes.RunAsync("/usr/bin/pdftoppm", "-png", "-r", "60", Path.Combine(dir.FullName, "bao-cao.pdf"), Path.Combine(Paths.Screenshots, "bao-cao-2026-trang"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
