using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

public sealed class PortalBefore30September : IAsyncLifetime
{
    public KestrelPortalFactory Portal { get; } = new(ReminderRuns.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

[Collection(BrowserTests.Name)]
public sealed class The_bell_rings_for_3d_in_Chromium(ChromiumFixture chromium, PortalBefore30September shared) : IClassFixture<PortalBefore30September>
{
    [Fact]
    public async Task As_the_clock_passes_30_September_the_unit_head_sees_the_reminders_and_opens_the_assignment()
    {
        var portal = shared.Portal;
        var user = await portal.CreateUserAsync("ui.bell.hiepthuan", Roles.UnitHead, "HIEPTHUAN");
        foreach (var day in new[] { new DateOnly(2023, 9, 29), new DateOnly(2023, 9, 30), new DateOnly(2023, 10, 1) })
        {
            await portal.RunOnAsync(day);
        }

        var unread = (await portal.NotificationsOfAsync(user.Id)).Count;
        Assert.True(unread > 0);
        var d = await portal.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync());

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, portal, user);
        Assert.Equal(unread.ToString(System.Globalization.CultureInfo.InvariantCulture), (await page.Locator("#bell-count").InnerTextAsync()).Trim());

        await page.Locator("#bell").ClickAsync();
        await page.WaitForURLAsync("**/notifications");
        var overdue = page.Locator($"#notifications li[data-kind='{ReminderKind.Overdue}']").Filter(new() { HasText = "3.d" });
        Assert.Equal(1, await overdue.CountAsync());
        Assert.Equal("false", await overdue.GetAttributeAsync("data-read"));
        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("notifications"), FullPage = true });

        await overdue.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync($"**/assignments/{d}");
        Assert.Equal((unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (await page.Locator("#bell-count").InnerTextAsync()).Trim());
        await context.CloseAsync();
    }
}
