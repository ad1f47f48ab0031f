using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

public sealed class SharedKestrelPortal : IAsyncLifetime
{
    public KestrelPortalFactory Portal { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

[Collection(BrowserTests.Name)]
public sealed class Each_role_signs_in_to_its_own_menu_and_landing_page(ChromiumFixture chromium, SharedKestrelPortal shared) : IClassFixture<SharedKestrelPortal>
{
    public static TheoryData<string, string?, string, string[]> RoleCases() => new()
    {
        { Roles.DistrictOffice, "VPHDND", "/review", ["review", "dashboard", "directives", "assignments", "kpis", "notices"] },
        { Roles.Chairman, null, "/dashboard", ["review", "dashboard", "directives", "assignments", "kpis", "notices"] },
        { Roles.UnitHead, "HIEPTHUAN", "/my-unit", ["my-unit", "unit-kpis", "notices"] },
        { Roles.Administrator, null, "/admin/users", ["dashboard", "directives", "assignments", "kpis", "notices", "admin-users", "admin-units", "admin-reminders", "admin-audit", "admin-reorganisations", "admin-api-tokens", "admin-settings"] },
    };

    [Theory]
    [MemberData(nameof(RoleCases))]
    public async Task Signs_in_and_sees_the_role_s_menu_and_landing_page(string role, string? unit, string landing, string[] menu)
    {
        var portal = shared.Portal;
        var user = await portal.CreateUserAsync($"ui.{role.ToLowerInvariant()}", role, unit);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        await Pages.SignInAsync(page, portal, user);

        Assert.EndsWith(landing, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var items = await page.Locator("#menu [data-menu]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.menu)");
        Assert.Equal(menu, items);
        Assert.Contains($"Người dùng {user.UserName}", await page.Locator("#current-user").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot($"landing-{role.ToLowerInvariant()}"), FullPage = true });

        // The menu fits on one line at 1280 px: every item on the same row, the bar one line high.
        var tops = await page.Locator("#menu > li").EvaluateAllAsync<double[]>("items => items.map(i => i.getBoundingClientRect().top)");
        Assert.Single(tops.Distinct());
        Assert.True(await page.Locator("header nav").EvaluateAsync<double>("n => n.getBoundingClientRect().height") < 70, "the navigation bar wraps");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the window");

        await page.Locator("#account-menu").ClickAsync();
        await page.Locator("#logout").ClickAsync();
        await page.WaitForURLAsync("**/account/login");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Vietnamese_message_next_to_the_form()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(shared.Portal.Url("/account/login"));
        await page.GetByLabel("Tên đăng nhập").FillAsync("khong.co.ai");
        await page.GetByLabel("Mật khẩu").FillAsync("Sai-mat-khau-9!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("không đúng", await page.Locator(".validation-summary-errors").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot("login-failed") });
    }
}
