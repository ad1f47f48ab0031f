using Deque.AxeCore.Playwright;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

/// <summary>The public page on a phone, the API reference and the token page, in Chromium: axe-clean, no console error.</summary>
[Collection(BrowserTests.Name)]
public sealed class The_public_page_and_the_api_pages_in_Chromium(ChromiumFixture chromium, SharedKestrelPortal shared) : IClassFixture<SharedKestrelPortal>
{
    [Fact]
    public async Task The_public_page_fits_a_phone_and_axe_finds_nothing_serious()
    {
        var portal = shared.Portal;
        await portal.QueryAsync(async db =>
        {
            (await db.Notices.SingleAsync(n => n.Id == 1)).Publish(true, portal.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 }, Locale = "vi-VN", IsMobile = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add($"{page.Url}: {m.Text}"); } };
        var problems = new List<string>();
        foreach (var (url, shot) in new[] { ("/cong-khai", "public-index-phone"), ("/cong-khai/1", "public-notice-phone"), ("/cong-khai/1?culture=en-US", "public-notice-phone-en") })
        {
            await page.GotoAsync(portal.Url(url));
            var result = await page.RunAxe();
            problems.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url}: {v.Id} ({v.Impact})"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{url} is wider than a phone");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot(shot), FullPage = true });
        }

        Assert.Equal(6, await page.Locator("#directives > li").CountAsync());
        Assert.Empty(problems);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_administrator_issues_a_token_once_and_the_reference_page_runs_under_its_policy()
    {
        var portal = shared.Portal;
        var admin = await portal.CreateUserAsync("ui.api.admin", Roles.Administrator);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add($"{page.Url}: {m.Text}"); } };
        await Pages.SignInAsync(page, portal, admin);

        await page.GotoAsync(portal.Url("/admin/api-tokens"));
        await page.GetByLabel("Tên (hệ thống dùng mã)").FillAsync("Một cửa điện tử tỉnh");
        await page.GetByLabel("kpi:write").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cấp mã" }).ClickAsync();
        var secret = await page.Locator("#secret").InputValueAsync();
        Assert.StartsWith("hdpp_", secret, StringComparison.Ordinal);
        Assert.Contains("read kpi:write", await page.Locator("#tokens").InnerTextAsync(), StringComparison.Ordinal);
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot("admin-api-tokens"), FullPage = true });

        // The secret is shown once: the list afterwards shows its first characters only.
        await page.GotoAsync(portal.Url("/admin/api-tokens"));
        Assert.Equal(0, await page.Locator("#secret").CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(portal.Url("/api/docs/"));
        await page.GetByText("/api/v1/notices/{id}").First.WaitForAsync(new() { Timeout = 20000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.Screenshot("api-reference") });
        Assert.Empty(errors); // nothing refused by the page's policy, nothing fetched from elsewhere
    }
}
