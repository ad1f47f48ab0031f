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
    public async Task Office_assigns_the_unit_reports_is_returned_resubmits_and_the_chairman_directs_and_every_event_rings_the_right_bells()
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
        await Bells(1, 0, 0); // the new assignment reaches the unit's head, not the office that made it

        // Hiệp Thuận reports progress with a PDF, then reports completion.
        await head.GotoAsync(_portal.Url("/my-unit"));
        await head.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^4\\. Báo cáo kết quả số hóa") }).ClickAsync();
        await head.Locator("#report-text").FillAsync("Đã số hóa 120/200 hồ sơ");
        await head.Locator("#report-progress").FillAsync("60");
        await head.Locator("#report-files").SetInputFilesAsync(new FilePayload { Name = "so-hoa.pdf", MimeType = "application/pdf", Buffer = Web.Tests.The_follow_up_loop_for_directive_3d.PdfBytes });
        await head.Locator("#form-report button[type=submit]").ClickAsync();
        await head.Locator("#flash").WaitForAsync();
        Assert.Contains("so-hoa.pdf", await head.Locator("#reports").InnerTextAsync(), StringComparison.Ordinal);
        var assignmentUrl = head.Url;
        await Bells(1, 1, 0); // a progress report reaches the office
        await head.GotoAsync(assignmentUrl);

        // The unit asks for more time; the office grants it.
        await head.Locator("#ext-date").FillAsync("2023-11-15");
        await head.Locator("#ext-text").FillAsync("Chờ máy quét mới");
        await head.Locator("#form-extension button[type=submit]").ClickAsync();
        await head.Locator("#flash").WaitForAsync();
        await Bells(1, 2, 1); // the request reaches the office and the chairman, who may decide it
        await office.GotoAsync(assignmentUrl);
        await office.Locator("#form-decide button[value=true]").ClickAsync();
        await office.Locator("#flash").WaitForAsync();
        await Bells(2, 2, 1);
        await head.GotoAsync(assignmentUrl);
        await head.Locator("#submit-text").FillAsync("Đã số hóa 200/200 hồ sơ");
        await head.Locator("#form-submit button[type=submit]").ClickAsync();
        await head.Locator("#flash").WaitForAsync();
        await head.ScreenshotAsync(new() { Path = Pages.Screenshot("loop-2-unit-submitted"), FullPage = true });
        await Bells(2, 3, 1); // the submission reaches the office's bell and queue

        // The office finds it in the queue and returns it.
        await office.GotoAsync(_portal.Url("/review"));
        await office.Locator("#submitted a").First.ClickAsync();
        await office.Locator("#return-text").FillAsync("Thiếu biên bản bàn giao hồ sơ số hóa");
        await office.Locator("#form-return button[type=submit]").ClickAsync();
        await office.Locator("#flash").WaitForAsync();
        await Bells(3, 3, 1); // the return reaches the unit

        // The unit sees the reason and resubmits; the office confirms.
        await head.GotoAsync(assignmentUrl);
        Assert.Contains("Thiếu biên bản bàn giao hồ sơ số hóa", await head.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        await head.Locator("#submit-text").FillAsync("Bổ sung biên bản bàn giao");
        await head.Locator("#form-submit button[type=submit]").ClickAsync();
        await head.Locator("#flash").WaitForAsync();
        await Bells(3, 4, 1);
        await office.GotoAsync(assignmentUrl);
        await office.Locator("#form-confirm button[type=submit]").ClickAsync();
        await office.Locator("#flash").WaitForAsync();
        Assert.Equal("Completed", await office.Locator("#assignment-facts [data-status]").GetAttributeAsync("data-status"));
        await Bells(4, 4, 1); // the confirmation reaches the unit
        await office.ScreenshotAsync(new() { Path = Pages.Screenshot("loop-3-office-confirmed"), FullPage = true });

        // The chairman adds a direction on the directive; the unit reads it on its assignment.
        await chairman.GotoAsync(directiveUrl);
        await chairman.Locator("#direction-text").FillAsync("Các xã hoàn thành số hóa trước 31/10/2023");
        await chairman.Locator("#form-direction button[type=submit]").ClickAsync();
        await chairman.Locator("#directions").WaitForAsync();
        await chairman.ScreenshotAsync(new() { Path = Pages.Screenshot("loop-4-chairman-direction"), FullPage = true });
        await Bells(5, 5, 1); // the chairman's direction reaches the units concerned and the office
        await head.GotoAsync(assignmentUrl);
        Assert.Contains("hoàn thành số hóa trước 31/10/2023", await head.Locator("#directions").InnerTextAsync(), StringComparison.Ordinal);

        // Each notification opens the exact page it speaks of.
        await head.GotoAsync(_portal.Url("/notifications"));
        Assert.Contains("Mục 4 đã được xác nhận hoàn thành", await head.Locator("#notifications").InnerTextAsync(), StringComparison.Ordinal);

        async Task Bells(int headCount, int officeCount, int chairmanCount)
        {
            Assert.Equal(headCount, await Bell(head));
            Assert.Equal(officeCount, await Bell(office));
            Assert.Equal(chairmanCount, await Bell(chairman));
        }
    }

    /// <summary>The unread count on the bell, as the person sees it on their next page.</summary>
    private async Task<int> Bell(IPage page)
    {
        await page.GotoAsync(_portal.Url("/notifications"));
        var count = page.Locator("#bell-count");
        return await count.CountAsync() == 0 ? 0 : int.Parse((await count.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IPage> SignedInPage(TestUser user)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, _portal, user);
        return page;
    }
}
