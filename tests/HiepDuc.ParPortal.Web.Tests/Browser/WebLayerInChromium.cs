using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

/// <summary>
/// The pages the web layer's one-place rules changed, walked in Chromium at a desktop's and a phone's width: the
/// chairman's review queue shows the silent units without the office's urging form, and the English notice page words
/// its periods and deadlines in English.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class The_web_layer_in_Chromium(ChromiumFixture chromium, SharedKestrelPortal shared) : IClassFixture<SharedKestrelPortal>
{
    public static TheoryData<int, int, string> Widths() => new() { { 1366, 900, "" }, { 390, 844, "-phone" } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_chairman_reads_the_silent_units_without_a_form_he_may_not_send(int width, int height, string suffix)
    {
        var chairman = await shared.Portal.CreateUserAsync($"walk.chairman{width}", Roles.Chairman);
        var office = await shared.Portal.CreateUserAsync($"walk.office{width}", Roles.DistrictOffice, "VPHDND");
        foreach (var (user, name) in new[] { (chairman, "chairman"), (office, "office") })
        {
            await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "vi-VN" });
            var page = await context.NewPageAsync();
            await Pages.SignInAsync(page, shared.Portal, user);
            await page.GotoAsync(shared.Portal.Url("/review"));
            Assert.True(await page.Locator("#silent .silent-group").CountAsync() > 0);
            Assert.Equal(name == "office" ? 1 : 0, await page.Locator("#form-urge-many").CountAsync());
            Assert.Equal(name == "office", await page.Locator("#silent input[type=checkbox]").CountAsync() > 0);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the window");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot($"review-{name}{suffix}") });
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_English_notice_page_words_its_periods_and_deadlines_in_English(int width, int height, string suffix)
    {
        var office = await shared.Portal.CreateUserAsync($"walk.english{width}", Roles.DistrictOffice, "VPHDND");
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, shared.Portal, office);
        await page.GotoAsync(shared.Portal.Url("/notices/1?culture=en-US&ui-culture=en-US"));
        var periods = await page.Locator("#figures tbody td:nth-child(3)").AllInnerTextsAsync();
        Assert.Contains(periods, p => p.Contains("2023", StringComparison.Ordinal));
        Assert.DoesNotContain(periods, p => p.Contains("tháng", StringComparison.Ordinal) || p.Contains("năm", StringComparison.Ordinal));
        var deadlines = await page.Locator("#directives .deadline").AllInnerTextsAsync();
        Assert.DoesNotContain(deadlines, d => d.Contains("trong", StringComparison.Ordinal) || d.Contains("ngày", StringComparison.Ordinal) || d.Contains("hằng", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot($"notice-english{suffix}"), FullPage = true });
    }
}

/// <summary>A commune's portal in Chromium: the office reads its dashboard and assigns work in the commune's words.</summary>
[Collection(BrowserTests.Name)]
public sealed class A_communes_portal_in_Chromium(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly KestrelPortalFactory portal = new();
    private int notice;

    public async Task InitializeAsync()
    {
        The_words_follow_the_authoritys_level.Authority.VietAn.Configure(portal);
        notice = await The_words_follow_the_authoritys_level.Authority.VietAn.AddWorkAsync(portal);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Theory]
    [MemberData(nameof(The_web_layer_in_Chromium.Widths), MemberType = typeof(The_web_layer_in_Chromium))]
    public async Task The_office_reads_and_assigns_in_the_words_of_a_commune(int width, int height, string suffix)
    {
        var office = await portal.CreateUserAsync($"vietan.office{width}", Roles.DistrictOffice, "VP");
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, portal, office);
        var directive = await portal.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Directives, d => d.NoticeId == notice));
        await page.GotoAsync(portal.Url($"/directives/{directive.Id}/assign"));
        var groups = await page.Locator("#assign-form").InnerTextAsync();
        Assert.Contains("Tất cả thôn, tổ dân phố", groups, StringComparison.Ordinal);
        Assert.Contains("Tất cả cơ quan, đơn vị thuộc UBND xã", groups, StringComparison.Ordinal);
        Assert.DoesNotContain("huyện", groups, StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot($"commune-assign{suffix}"), FullPage = true });
        await page.GotoAsync(portal.Url("/dashboard"));
        Assert.DoesNotContain("thị trấn", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the window");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot($"commune-dashboard{suffix}") });
    }
}
