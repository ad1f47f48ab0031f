using System.Net;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Bad input gets a 4xx with the error page, never a 500; an address to go back to is always a valid header.</summary>
public class Malformed_requests_get_a_4xx_never_a_500(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_NUL_in_a_field_or_too_many_fields_gets_400_and_the_error_page()
    {
        var client = factory.NewClient();
        var token = await client.AntiforgeryTokenAsync("/account/login");
        var nul = await client.PostFormAsync("/account/login", token, new() { ["UserName"] = "a\0b", ["Password"] = "x" });
        var many = await client.PostFormAsync("/account/login", token, Enumerable.Range(0, 2100).ToDictionary(i => $"f{i}", _ => "v"));
        foreach (var response in new[] { nul, many })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("400", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_return_address_with_non_ASCII_characters_is_percent_encoded_and_the_sign_in_holds()
    {
        var client = factory.NewClient();
        var token = await client.AntiforgeryTokenAsync("/account/login");
        var culture = await client.PostFormAsync("/culture", token, new() { ["culture"] = "vi-VN", ["returnUrl"] = "/assignments\u00bf" });
        Assert.Equal("/assignments%C2%BF", culture.Headers.Location!.OriginalString);

        var user = await factory.CreateUserAsync("ascii.office", Roles.DistrictOffice, "VPHDND");
        token = await client.AntiforgeryTokenAsync("/account/login");
        var login = await client.PostFormAsync("/account/login", token, new() { ["UserName"] = user.UserName, ["Password"] = user.Password, ["ReturnUrl"] = "/assignments?q=Hiệp" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/assignments?q=Hi%E1%BB%87p", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/assignments?q=Hi%E1%BB%87p", UriKind.Relative))).StatusCode);

        var control = await client.PostFormAsync("/culture", await client.AntiforgeryTokenAsync("/assignments"), new() { ["culture"] = "vi-VN", ["returnUrl"] = "/a\u0007b" });
        Assert.Equal("/", control.Headers.Location!.OriginalString);
    }
}
