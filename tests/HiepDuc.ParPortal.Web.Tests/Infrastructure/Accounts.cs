using System.Net;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

public sealed record TestUser(string Id, string UserName, string Password);

/// <summary>Users made straight through the portal's UserManager, and clients signed in through the real login form.</summary>
public static class Accounts
{
    public const string Password = "Ki3m-thu-Mat-khau!";

    public static async Task<TestUser> CreateUserAsync(this PortalFactory factory, string userName, string role, string? unitCode = null, bool mustChangePassword = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var existing = await users.FindByNameAsync(userName);
        if (existing is not null)
        {
            return new TestUser(existing.Id, userName, Password);
        }

        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        int? unitId = unitCode is null ? null : await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        var user = new PortalUser { UserName = userName, MustChangePassword = mustChangePassword, LockoutEnabled = true };
        user.SetProfile($"Người dùng {userName}", $"{userName}@hiepduc.test", unitId);
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return new TestUser(user.Id, userName, Password);
    }

    /// <summary>A client with cookies over https://localhost, not following redirects.</summary>
    public static HttpClient NewClient(this PortalFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public static async Task<HttpClient> SignedInAsync(this PortalFactory factory, TestUser user)
    {
        var client = factory.NewClient();
        var response = await client.SignInAsync(user.UserName, user.Password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"sign-in of {user.UserName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password)
    {
        var token = await client.AntiforgeryTokenAsync("/account/login");
        return await client.PostFormAsync("/account/login", token, new() { ["UserName"] = userName, ["Password"] = password });
    }

    /// <summary>The antiforgery token of the first form on a page (bound to the client's current identity).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page)
    {
        var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        var doc = await Html.ParseAsync(response);
        return doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no antiforgery token on {page} ({(int)response.StatusCode})");
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string? token, Dictionary<string, string> fields)
    {
        var pairs = fields.ToList();
        if (token is not null)
        {
            pairs.Add(new("__RequestVerificationToken", token));
        }

        return client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(pairs));
    }

    /// <summary>Posts an action form of the assignment page as the browser would: token and version from the page, files as multipart.</summary>
    public static async Task<HttpResponseMessage> PostActionAsync(this HttpClient client, int assignmentId, string action, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetDocumentAsync($"/assignments/{assignmentId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? "0";
        var seen = page.QuerySelector("input[name=SeenEventId]")?.GetAttribute("value") ?? "0";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(version), "Version" },
            { new StringContent(seen), "SeenEventId" },
        };
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(file, "Files", name);
        }

        return await client.PostAsync(new Uri($"/assignments/{assignmentId}/{action}", UriKind.Relative), content);
    }

    public static async Task<T> QueryAsync<T>(this PortalFactory factory, Func<ParPortalDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ParPortalDbContext>());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
