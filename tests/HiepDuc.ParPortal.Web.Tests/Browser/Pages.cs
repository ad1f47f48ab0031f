using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

public static class Pages
{
    /// <summary>Signs in through the real login form, as a person would.</summary>
    public static async Task SignInAsync(IPage page, KestrelPortalFactory portal, TestUser user)
    {
        await page.GotoAsync(portal.Url("/account/login"));
        await page.GetByLabel("Tên đăng nhập").FillAsync(user.UserName);
        await page.GetByLabel("Mật khẩu").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"sign-in of {user.UserName} failed");
        }
    }

    public static string Screenshot(string name) => Path.Combine(Paths.Screenshots, name + ".png");
}
