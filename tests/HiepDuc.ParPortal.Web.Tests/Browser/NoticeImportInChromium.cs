using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class The_office_imports_a_notice_in_Chromium(ChromiumFixture chromium, SharedKestrelPortal shared) : IClassFixture<SharedKestrelPortal>
{
    private const string Notice = """
        UBND HUYỆN HIỆP ĐỨC
        Số: 22/TB-UBND
        Hiệp Đức, ngày 05 tháng 10 năm 2023

        THÔNG BÁO
        Kết luận của Chủ tịch UBND huyện tại cuộc họp về số hóa hồ sơ

        Ngày 04/10/2023, đồng chí Nguyễn Văn Nam - Chủ tịch UBND huyện chủ trì cuộc họp. Chủ tịch UBND huyện kết luận:

        1. Yêu cầu các cơ quan, đơn vị:
        a) Giao Phòng Nội vụ chủ trì, phối hợp với Bưu điện huyện hướng dẫn số hóa hồ sơ trước ngày 31/10/2023.
        b) Trung tâm Hành chính công rà soát quy trình tiếp nhận hồ sơ trong tháng 11/2023.
        """;

    [Fact]
    public async Task The_office_pastes_corrects_a_guessed_unit_and_saves()
    {
        var portal = shared.Portal;
        var user = await portal.CreateUserAsync("ui.import.office", Roles.DistrictOffice, "VPHDND");
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, portal, user);

        await page.GotoAsync(portal.Url("/notices"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập thông báo kết luận từ văn bản" }).ClickAsync();
        await page.Locator("#text").FillAsync(Notice);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc thông báo" }).ClickAsync();
        await page.Locator("#preview-form").WaitForAsync();
        Assert.Equal(2, await page.Locator(".import-task").CountAsync());
        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("import-preview"), FullPage = true });

        // Item b names a body the registry does not know: the office maps it to the district office instead.
        var unknown = page.Locator(".import-task[data-label='1.b'] tr[data-unit-text='Trung tâm Hành chính công']");
        await unknown.Locator("select[name$='.UnitId']").SelectOptionAsync(new SelectOptionValue { Label = "Văn phòng HĐND&UBND huyện" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông báo" }).ClickAsync();
        await page.Locator("#flash").WaitForAsync();
        Assert.Contains("22/TB-UBND", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var saved = await portal.QueryAsync(db => db.Directives.Where(d => d.Notice.Number == "22/TB-UBND").OrderBy(d => d.SortOrder)
            .Select(d => new { d.Label, d.Deadline.LastDay, Units = d.Assignments.Select(a => a.Unit.Code + ":" + a.Role).ToList() }).ToListAsync());
        Assert.Equal(["1.a", "1.b"], saved.Select(d => d.Label));
        Assert.Equal(new DateOnly(2023, 10, 31), saved[0].LastDay);
        Assert.Equal(["BUUDIEN:Coordinating", "NOIVU:Lead"], saved[0].Units.Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(2023, 11, 30), saved[1].LastDay);
        Assert.Equal(["VPHDND:Lead"], saved[1].Units);
    }

    [Fact]
    public async Task A_proposed_unit_left_unticked_asks_for_confirmation_before_saving()
    {
        var portal = shared.Portal;
        var user = await portal.CreateUserAsync("ui.import.gaps", Roles.DistrictOffice, "VPHDND");
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, portal, user);

        await page.GotoAsync(portal.Url("/notices/import"));
        await page.Locator("#text").FillAsync(Notice.Replace("22/TB-UBND", "23/TB-UBND", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc thông báo" }).ClickAsync();
        await page.Locator("#preview-form").WaitForAsync();
        var unknown = page.Locator(".import-task[data-label='1.b'] tr[data-unit-text='Trung tâm Hành chính công']");
        await unknown.Locator("input[type=checkbox][name$='.Create']").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông báo" }).ClickAsync();

        await page.Locator("#confirm-gaps").WaitForAsync();
        Assert.Contains("chưa có đơn vị chủ trì hoặc thực hiện", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(db => db.Notices.CountAsync(n => n.Number == "23/TB-UBND")));
        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("import-confirm-gaps"), FullPage = true });

        await page.Locator("#ConfirmGaps").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông báo" }).ClickAsync();
        await page.Locator("#flash").WaitForAsync();
        Assert.Equal(1, await portal.QueryAsync(db => db.Notices.CountAsync(n => n.Number == "23/TB-UBND")));
    }
}
