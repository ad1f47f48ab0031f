using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class The_dashboard_and_main_pages_in_Chromium(ChromiumFixture chromium, SharedKestrelPortal shared) : IClassFixture<SharedKestrelPortal>
{
    [Fact]
    public async Task The_chairman_sees_drawn_charts_and_the_page_prints_on_one_A4_page()
    {
        var portal = shared.Portal;
        await GeneratedWork.AddEveryStateAsync(portal);
        var page = await SignedIn(await portal.CreateUserAsync("ui.dash.chairman", Roles.Chairman));
        await page.GotoAsync(portal.Url("/dashboard"));
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && document.querySelectorAll('canvas[data-chart]').length > 0");

        var canvases = await page.Locator("canvas[data-chart]").CountAsync();
        Assert.True(canvases >= 2);
        var painted = await page.EvaluateAsync<int>(@"() => [...document.querySelectorAll('canvas[data-chart]')].filter(c => {
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) return true; }
            return false; }).length");
        Assert.Equal(canvases, painted);
        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("dashboard"), FullPage = true });

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { Path = Path.Combine(Paths.Screenshots, "dashboard-print.pdf"), Format = "A4", PrintBackground = true });
        Assert.False(await page.Locator("#filters").IsVisibleAsync());
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        Assert.Equal(1, pages); // the chairman's print view fits on one A4 page
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_issue_and_the_console_no_error_on_the_dashboard_lists_and_forms()
    {
        var portal = shared.Portal;
        var office = await SignedIn(await portal.CreateUserAsync("ui.axe.office", Roles.DistrictOffice, "VPHDND"));
        var head = await SignedIn(await portal.CreateUserAsync("ui.axe.head", Roles.UnitHead, "HIEPTHUAN"));
        var admin = await SignedIn(await portal.CreateUserAsync("ui.axe.admin", Roles.Administrator));
        var (assignment, directive, kpi) = await portal.QueryAsync(async db => (
            await db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync(),
            await db.Directives.Where(d => d.Label == "3.d").Select(d => d.Id).SingleAsync(),
            await db.KpiDefinitions.Where(k => k.Code == "ONLINE_FILING").Select(k => k.Id).SingleAsync()));

        var problems = new List<string>();
        var consoleErrors = new List<string>();
        foreach (var p in new[] { office, head, admin })
        {
            p.Console += (_, m) => { if (m.Type == "error") { consoleErrors.Add($"{p.Url}: {m.Text}"); } };
        }

        foreach (var (page, url) in new[]
        {
            (office, "/dashboard"), (office, "/directives"), (office, "/assignments"), (office, "/notices/1"), (office, $"/directives/{directive}"),
            (office, "/notices/new"), (office, $"/directives/{directive}/assign"), (office, $"/kpis/{kpi}"), (office, $"/kpis/{kpi}/entry?period=2023-09"),
            (office, "/review"), (head, "/my-unit"), (head, $"/assignments/{assignment}"), (office, "/kpis/import"),
            (admin, "/admin/audit"), (admin, "/admin/audit?kind=PortalUser"), (admin, "/admin/settings"), (head, "/notifications/settings"),
        })
        {
            await page.GotoAsync(portal.Url(url));
            var result = await page.RunAxe();
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{url}: {v.Id} ({v.Impact}) — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}"));
        }

        File.WriteAllLines(Path.Combine(Paths.Screenshots, "axe.txt"), problems);
        Assert.Empty(problems);
        Assert.Empty(consoleErrors); // no script error, no style blocked by the CSP, on any of these pages
    }

    [Fact]
    public async Task A_unit_head_reports_using_the_keyboard_only()
    {
        var portal = shared.Portal;
        var head = await SignedIn(await portal.CreateUserAsync("ui.kbd.head", Roles.UnitHead, "QUETHO"));
        var id = await portal.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "QUETHO" && a.Directive.Label == "3.a").Select(a => a.Id).SingleAsync());
        await head.GotoAsync(portal.Url($"/assignments/{id}"));
        await head.Locator("#report-text").FocusAsync();
        await head.Keyboard.TypeAsync("Đã tổ chức tuyên truyền tại 5 thôn");
        await head.Keyboard.PressAsync("Tab");
        await head.Keyboard.PressAsync("Control+A");
        await head.Keyboard.TypeAsync("40");
        await head.Keyboard.PressAsync("Tab"); // the file input
        await head.Keyboard.PressAsync("Tab"); // the button
        await head.Keyboard.PressAsync("Enter");
        await head.Locator("#flash").WaitForAsync();
        Assert.Contains("Đã tổ chức tuyên truyền tại 5 thôn", await head.Locator("#reports").InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task<IPage> SignedIn(TestUser user)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, shared.Portal, user);
        return page;
    }
}
