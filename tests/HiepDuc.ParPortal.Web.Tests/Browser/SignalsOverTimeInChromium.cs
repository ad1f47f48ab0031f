using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

/// <summary>
/// The seed read on 08/12/2026 after the 2025 merger of Bình Lâm, Bình Sơn, Quế Thọ and Thăng Phước into Việt An
/// (recorded after its effective date): the office, the merged commune's head and the chairman walk the pages this
/// change touched, at 1366 px and at 390 px, with no console error and the bell in sight on a phone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class Signals_over_time_in_Chromium(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly KestrelPortalFactory _portal = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(7)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_office_the_merged_commune_and_the_chairman_read_true_signals_on_a_desktop_and_a_phone()
    {
        await Merger2025.ApplyAsync(_portal);

        // The office records one more 2023 notice — the seed's text again, as another session — through the import page.
        var office = await _portal.CreateUserAsync("walk.office", Roles.DistrictOffice, "VPHDND");
        var importing = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "vi-VN" });
        var importPage = await importing.NewPageAsync();
        await Pages.SignInAsync(importPage, _portal, office);
        await importPage.GotoAsync(_portal.Url("/notices/import"));
        await importPage.Locator("#text").FillAsync(Data.Seed.NoticeSeed.OriginalText());
        await importPage.Locator("#import-notice-form button[type=submit]").ClickAsync();
        await importPage.Locator("#GivenOn").WaitForAsync();
        Assert.Equal("2023-08-31", await importPage.Locator("#GivenOn").InputValueAsync());
        await importPage.ScreenshotAsync(new() { Path = Pages.Screenshot("walk-office-import-preview-1366"), FullPage = true });
        await importPage.Locator("#preview-form button[type=submit]").Last.ClickAsync();
        await importPage.Locator("#AllowDuplicate").CheckAsync();
        await importPage.Locator("#preview-form button[type=submit]").Last.ClickAsync();
        await importPage.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/notices/\\d+$"));
        var imported = importPage.Url.Split('/')[^1];
        await importing.CloseAsync();

        var carried = await _portal.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "VIETAN" && a.MergedIntoId == null && a.Directive.Label == "3.d" && a.Directive.NoticeId == 1).Select(a => a.Id).SingleAsync());
        var admin = await _portal.CreateUserAsync("walk.admin", Roles.Administrator);
        var head = await _portal.CreateUserAsync("walk.vietan", Roles.UnitHead, "VIETAN");
        var chairman = await _portal.CreateUserAsync("walk.chairman", Roles.Chairman);

        var walks = new (string Who, TestUser User, string[] Pages)[]
        {
            ("office", office, ["/review", "/review?by=Directive", $"/assignments/{carried}", "/dashboard", "/notices/1", $"/notices/{imported}", $"/dashboard?notice={imported}", "/directives?notice=1", "/kpis"]),
            ("admin", admin, ["/admin/reminders"]),
            ("vietan", head, ["/my-unit", $"/assignments/{carried}", "/notifications"]),
            ("chairman", chairman, ["/dashboard", "/notifications"]),
        };
        foreach (var width in new[] { 1366, 390 })
        {
            foreach (var (who, user, pages) in walks)
            {
                var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "vi-VN" });
                var page = await context.NewPageAsync();
                var errors = new List<string>();
                page.Console += (_, m) =>
                {
                    if (m.Type == "error")
                    {
                        errors.Add(m.Text);
                    }
                };
                await Pages.SignInAsync(page, _portal, user);
                if (who == "admin")
                {
                    await page.GotoAsync(_portal.Url("/admin/reminders"));
                    await page.Locator("#run-reminders").ClickAsync();
                    await page.Locator("#reminder-run").WaitForAsync();
                }

                foreach (var path in pages)
                {
                    if (!(who == "admin" && path == "/admin/reminders"))
                    {
                        var response = await page.GotoAsync(_portal.Url(path));
                        Assert.True(response!.Ok, $"{who} {path}: {response.Status}");
                    }

                    // The bell and its count stay in sight, on a phone too, outside the collapsed menu.
                    Assert.True(await page.Locator("#bell").IsVisibleAsync(), $"{who} {path} at {width}px: the bell is hidden");
                    var name = $"walk-{who}-{path.Trim('/').Replace('/', '-').Replace('?', '-').Replace('=', '-')}-{width}";
                    await page.ScreenshotAsync(new() { Path = Pages.Screenshot(name), FullPage = true });
                    await page.ScreenshotAsync(new() { Path = Pages.Screenshot(name + "-top") }); // what the first screen shows
                }

                Assert.Empty(errors);
                await context.CloseAsync();
            }
        }
    }
}
