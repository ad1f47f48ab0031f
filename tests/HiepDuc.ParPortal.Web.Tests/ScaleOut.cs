using System.Net;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Notifications;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Two app nodes on one database behave as one portal: a sign-in on one is good on the other, one node runs the reminders.</summary>
public sealed class Two_app_nodes_on_one_database : IDisposable
{
    private readonly PortalFactory _first = new();
    private readonly SecondNode _second;

    public Two_app_nodes_on_one_database() => _second = new SecondNode(_first.DatabasePath);

    [Fact]
    public async Task A_cookie_and_a_form_token_from_one_node_are_accepted_by_the_other()
    {
        var user = await _first.CreateUserAsync("node.head", Roles.UnitHead, "HIEPTHUAN");
        var one = Client(_first);
        var two = Client(_second);

        // Sign in on node one.
        var login = await one.GetAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = Cookie(login, "parportal.af");
        var token = Token(await login.Content.ReadAsStringAsync());
        var signIn = await Post(one, "/account/login", antiforgery, token, new() { ["UserName"] = user.UserName, ["Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = Cookie(signIn, "parportal.auth");

        // Node two reads node one's cookie: the Data Protection keys are in the database.
        Assert.NotEmpty(await _first.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DataProtectionKeys)));
        var page = await Get(two, "/my-unit", auth);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hiệp Thuận", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form served by node two is posted to node one.
        var form = await Get(two, "/account/change-password", auth);
        var formCookie = Cookie(form, "parportal.af");
        var posted = await Post(one, "/account/change-password", $"{auth}; {formCookie}", Token(await form.Content.ReadAsStringAsync()),
            new() { ["CurrentPassword"] = user.Password, ["NewPassword"] = "Mat-khau-nut-hai-2023!", ["ConfirmPassword"] = "Mat-khau-nut-hai-2023!" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task Only_the_node_holding_the_lease_runs_the_reminders_and_another_takes_over_when_it_stops()
    {
        async Task<bool> Take(PortalFactory node)
        {
            await using var scope = node.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Leases>().TryAcquireAsync(ReminderScheduler.LeaseName, ReminderScheduler.LeaseTime, $"node-{node.GetHashCode()}");
        }

        Assert.True(await Take(_first));
        Assert.False(await Take(_second));
        Assert.True(await Take(_first)); // renewing

        // Node one stops renewing; once the lease has run out, node two takes it and node one cannot.
        _second.Clock.Advance(ReminderScheduler.LeaseTime + TimeSpan.FromSeconds(1));
        Assert.True(await Take(_second));
        Assert.False(await Take(_first));
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static HttpClient Client(PortalFactory node) =>
        node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    private static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static Task<HttpResponseMessage> Get(HttpClient client, string url, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookies);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string url, string cookies, string token, Dictionary<string, string> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))) };
        request.Headers.Add("Cookie", cookies);
        return client.SendAsync(request);
    }

    private sealed class SecondNode(string database) : PortalFactory(DefaultNow, database);
}
