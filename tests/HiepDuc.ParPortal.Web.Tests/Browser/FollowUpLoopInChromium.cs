using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

/// <summary>Office, unit head and chairman run the follow-up loop through the pages, as they would in a browser.</summary>
[Collection(BrowserTests.Name)]
public sealed class The_follow_up_loop_in_the_browser(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly KestrelPortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Office_assigns_the_unit_reports_is_returned_resubmits_and_the_chairman_directs()
    {
        var office = await SignedInPage(await _portal.CreateUserAsync("b.office", Roles.DistrictOffice, "VPHDND"));
        var head = await SignedInPage(await _portal.CreateUserAsync("b.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var chairman = await SignedInPage(await _portal.CreateUserAsync("b.chairman", Roles.Chairman));

        // The office records a new directive of the notice and gives it to every commune/town and agency.
        await office.GotoAsync(_portal.Url("/notices/1"));
        await office.GetByRole(AriaRole.Link, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await office.Locator("#Label").FillAsync("4");
        await office.Locator("#Title").FillAsync("Báo cáo kết quả số hóa hồ sơ");
        await office.Locator("#FullText").FillAsync("Các cơ quan, đơn vị báo cáo kết quả số hóa hồ sơ TTHC còn hiệu lực.");
        await office.Locator("#Deadline_Kind").SelectOptionAsync("Month");
        await office.Locator("#Deadline_Month").FillAsync("10");
        await office.Locator("#Deadline_Year").FillAsync("2023");
        await office.Locator("#directive-form button[type=submit]").ClickAsync();
        await office.WaitForURLAsync("**/assign");
        await office.Locator("#group-kind-CommuneOrTown").CheckAsync();
        await office.Locator("#group-kind-DistrictAgency").CheckAsync();
        await office.Locator("#assign-form button[type=submit]").ClickAsync();
        await office.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/directives/\\d+$"));
        Assert.Equal(14, await office.Locator("#assignments tbody tr").CountAsync());
        await office.ScreenshotAsync(new() { Path = Pages.Screenshot("loop-1-office-assigned"), FullPage = true });
        var directiveUrl = office.Url;

        // Hiệp Thuận reports progress with a PDF, then reports completion.
        await head.GotoAsync(_portal.Url("/my-unit"));
        await head.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^4\\. Báo cáo kết quả số hóa") }).ClickAsync();
        await head.Locator("#report-text").FillAsync("Đã số hóa 120/200 hồ sơ");
        await head.Locator("#report-progress").FillAsync("60");
        await head.Locator("#report-files").SetInputFilesAsync(new FilePayload { Name = "so-hoa.pdf", MimeType = "application/pdf", Buffer = Web.Tests.The_follow_up_loop_for_directive_3d.PdfBytes });
        await head.Locator("#form-report button[type=submit]").ClickAsync();
        await head.Locator("#flash").WaitForAsync();
        Assert.Contains("so-hoa.pdf", await head.Locator("#reports").InnerTextAsync(), StringComparison.Ordinal);
        await head.Locator("#submit-text").FillAsync("Đã số hóa 200/200 hồ sơ");
        await head.Locator("#form-submit button[type=submit]").ClickAsync();
        await head.Locator("#flash").WaitForAsync();
        await head.ScreenshotAsync(new() { Path = Pages.Screenshot("loop-2-unit-submitted"), FullPage = true });
        var assignmentUrl = head.Url;

        // The office finds it in the queue and returns it.
        await office.GotoAsync(_portal.Url("/review"));
        await office.Locator("#submitted a").First.ClickAsync();
        await office.Locator("#return-text").FillAsync("Thiếu biên bản bàn giao hồ sơ số hóa");
        await office.Locator("#form-return button[type=submit]").ClickAsync();
        await office.Locator("#flash").WaitForAsync();

        // The unit sees the reason and resubmits; the office confirms.
        await head.GotoAsync(assignmentUrl);
        Assert.Contains("Thiếu biên bản bàn giao hồ sơ số hóa", await head.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        await head.Locator("#submit-text").FillAsync("Bổ sung biên bản bàn giao");
        await head.Locator("#form-submit button[type=submit]").ClickAsync();
        await head.Locator("#flash").WaitForAsync();
        await office.GotoAsync(assignmentUrl);
        await office.Locator("#form-confirm button[type=submit]").ClickAsync();
        await office.Locator("#flash").WaitForAsync();
        Assert.Equal("Completed", await office.Locator("#assignment-facts [data-status]").GetAttributeAsync("data-status"));
        await office.ScreenshotAsync(new() { Path = Pages.Screenshot("loop-3-office-confirmed"), FullPage = true });

        // The chairman adds a direction on the directive; the unit reads it on its assignment.
        await chairman.GotoAsync(directiveUrl);
        await chairman.Locator("#direction-text").FillAsync("Các xã hoàn thành số hóa trước 31/10/2023");
        await chairman.Locator("#form-direction button[type=submit]").ClickAsync();
        await chairman.Locator("#directions").WaitForAsync();
        await chairman.ScreenshotAsync(new() { Path = Pages.Screenshot("loop-4-chairman-direction"), FullPage = true });
        await head.GotoAsync(assignmentUrl);
        Assert.Contains("hoàn thành số hóa trước 31/10/2023", await head.Locator("#directions").InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task<IPage> SignedInPage(TestUser user)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, _portal, user);
        return page;
    }
}
