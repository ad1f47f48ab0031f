using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class The_notice_page_renders_in_Chromium(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly KestrelPortalFactory _portal = new();
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var user = await _portal.CreateUserAsync("vanphong", Authorization.Roles.DistrictOffice, "VPHDND");
        await Pages.SignInAsync(_page, _portal, user);
    }

    [Fact]
    public async Task The_office_opens_the_notice_and_sees_items_1_to_3e()
    {
        await _page.GotoAsync(_portal.Url("/notices"));
        await _page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("phiên thứ nhất") }).ClickAsync();

        await _page.WaitForURLAsync("**/notices/*");
        var labels = await _page.Locator("#directives tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.label)");
        Assert.Equal(["1", "3.a", "3.b", "3.c", "3.d", "3.e"], labels);
        Assert.Contains("28,72 %", await _page.Locator("#figures").InnerTextAsync(), StringComparison.Ordinal);

        var file = Path.Combine(Infrastructure.Paths.Screenshots, "notice-page.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000);
    }

    [Fact]
    public async Task The_notice_page_is_usable_on_a_phone()
    {
        await _page.SetViewportSizeAsync(360, 740);
        var failed = new List<string>();
        _page.RequestFailed += (_, r) => failed.Add(r.Url + " " + r.Failure);
        _page.Response += (_, r) => { if (r.Status >= 400) { failed.Add(r.Url + " " + r.Status); } };
        await _page.GotoAsync(_portal.Url("/notices/1"));
        Assert.Empty(failed);
        var bootstrapLoaded = await _page.EvaluateAsync<bool>("getComputedStyle(document.querySelector('.navbar')).display === 'flex'");
        Assert.True(bootstrapLoaded, "Bootstrap's stylesheet did not apply");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Infrastructure.Paths.Screenshots, "notice-page-phone.png") });
        var width = await _page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var wide = await _page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361 && !e.closest('.table-responsive')).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
        Assert.True(width <= 360, $"the page scrolls sideways at 360 px ({width} px): {wide}");
    }

    public async Task DisposeAsync()
    {
        await _page.CloseAsync();
        await _portal.DisposeAsync();
    }
}
