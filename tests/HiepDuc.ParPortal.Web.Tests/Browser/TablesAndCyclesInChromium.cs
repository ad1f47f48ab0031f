using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

/// <summary>
/// A notice whose tasks sit in a table, one of them a monthly report, goes from the office's paste to the unit head's
/// workspace; the office edits the words that name a KPI; the chairman reads them.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class A_table_notice_with_a_recurring_duty_in_Chromium(ChromiumFixture chromium, SharedKestrelPortal shared) : IClassFixture<SharedKestrelPortal>
{
    private const string Notice = """
        ỦY BAN NHÂN DÂN
        HUYỆN HIỆP ĐỨC
        Số: 142/TB-UBND
        Hiệp Đức, ngày 22 tháng 5 năm 2024

        THÔNG BÁO
        Kết luận của Chủ tịch UBND huyện tại cuộc họp Ban Chỉ đạo cải cách hành chính quý II năm 2024

        Ngày 20/5/2024, đồng chí Nguyễn Văn Nam - Chủ tịch UBND huyện chủ trì cuộc họp. Chủ tịch UBND huyện kết luận:

        2. Nhiệm vụ trọng tâm: giao các cơ quan, đơn vị thực hiện các nhiệm vụ sau:

        | TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Ghi chú |
        |---|---|---|---|---|---|
        | I | Cải cách hành chính | | | | |
        | 1 | Rà soát, công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa | Văn phòng HĐND&UBND huyện | UBND các xã, thị trấn | Tháng 6/2024 | |
        | II | Chuyển đổi số | | | | |
        | 1 | Kích hoạt tài khoản định danh điện tử mức 2 cho người dân | Công an huyện | UBND các xã, thị trấn | 30/6/2024 | |
        | | trên địa bàn, ưu tiên người cao tuổi | | | | |
        | 2 | Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực | Chi nhánh Văn phòng đăng ký đất đai huyện | | Hằng tháng, trước ngày 25 | Báo cáo về Văn phòng HĐND&UBND huyện |

        Giao Văn phòng HĐND&UBND huyện theo dõi, đôn đốc./.
        """;

    [Fact]
    public async Task The_office_imports_the_table_the_unit_head_sees_the_owed_cycle_and_the_KPI_words_are_edited()
    {
        var portal = shared.Portal;
        var office = await portal.CreateUserAsync("ui.table.office", Roles.DistrictOffice, "VPHDND");
        var head = await portal.CreateUserAsync("ui.table.land", Roles.UnitHead, "CNVPDKDD");
        var chairman = await portal.CreateUserAsync("ui.table.chair", Roles.Chairman, null);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, portal, office);

        await page.GotoAsync(portal.Url("/notices/import"));
        await page.Locator("#text").FillAsync(Notice);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc thông báo" }).ClickAsync();
        await page.Locator("#preview-form").WaitForAsync();
        Assert.Equal(["I.1", "II.1", "II.2"], await page.Locator(".import-task").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.label)"));
        var cycle = page.Locator(".import-task[data-label='II.2']");
        Assert.Equal("Recurring", await cycle.Locator("select[name$='.Deadline.Kind']").InputValueAsync());
        Assert.Equal("25", await cycle.Locator("input[name$='.Deadline.Day']").InputValueAsync());
        Assert.True(await page.Locator(".import-task[data-label='II.1'] tr[data-unit-text='Công an huyện'] input[name$='.Create']").IsCheckedAsync());
        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("import-table-preview"), FullPage = true });
        await page.Locator("#source").ScreenshotAsync(new() { Path = Pages.Screenshot("import-table-source") });
        await cycle.ScreenshotAsync(new() { Path = Pages.Screenshot("import-table-recurring-task") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông báo" }).ClickAsync();
        await page.Locator("#flash").WaitForAsync();
        var assignment = await portal.QueryAsync(db => db.Assignments.Where(a => a.Directive.Notice.Number == "142/TB-UBND" && a.Unit.Code == "CNVPDKDD")
            .Select(a => new { a.Id, a.CycleDueOn }).SingleAsync());
        Assert.NotNull(assignment.CycleDueOn);

        // The office names a KPI by one more word.
        var vneid = await portal.QueryAsync(db => db.KpiDefinitions.Where(k => k.Code == "VNEID").Select(k => k.Id).SingleAsync());
        await page.GotoAsync(portal.Url($"/kpis/{vneid}"));
        await page.Locator("#keywords summary").ClickAsync();
        await page.Locator("#keywords-text").FillAsync("VNeID\nđịnh danh điện tử\ncăn cước điện tử");
        await page.Locator("#keywords-form button").ClickAsync();
        await page.Locator("#flash").WaitForAsync();
        Assert.Contains("căn cước điện tử", await page.Locator("#keywords summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#keywords summary").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("kpi-keywords-office") });

        // The land registration branch's head sees the monthly duty and the day its report is due.
        await using var headContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var headPage = await headContext.NewPageAsync();
        await Pages.SignInAsync(headPage, portal, head);
        await headPage.GotoAsync(portal.Url($"/assignments/{assignment.Id}"));
        await headPage.ScreenshotAsync(new() { Path = Pages.Screenshot("recurring-duty-unit-head"), FullPage = true });
        var main = await headPage.Locator("main").InnerTextAsync();
        Assert.Contains("Hằng tháng, trước ngày 25", main, StringComparison.Ordinal);
        Assert.Contains(assignment.CycleDueOn!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), main, StringComparison.Ordinal);

        // The chairman reads the words, without the form.
        await using var chairContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var chairPage = await chairContext.NewPageAsync();
        await Pages.SignInAsync(chairPage, portal, chairman);
        await chairPage.GotoAsync(portal.Url($"/kpis/{vneid}"));
        Assert.Contains("căn cước điện tử", await chairPage.Locator("#keywords summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await chairPage.Locator("#keywords-form").CountAsync());
    }
}
