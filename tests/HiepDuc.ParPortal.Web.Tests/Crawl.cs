using System.Net;
using System.Text.RegularExpressions;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// Each role follows every link and every form it is shown, from its landing page, through a portal with work in every
/// state: nothing it is shown answers 404, 405, 403 or 500. A GET form is followed as a link; a POST form is sent
/// without its antiforgery token, so it is refused (400) before it changes anything, which proves its action exists
/// and admits the role. A refusal (403, or the access-denied page it sends a signed-in user to) counts as broken: a
/// page shows a link or a form only to whom its action admits.
/// </summary>
public partial class Every_link_and_form_leads_somewhere(ActivityPortal portal) : IClassFixture<ActivityPortal>
{
    [Fact]
    public async Task Nothing_any_role_is_shown_is_broken()
    {
        await portal.AddActivityAsync();
        var broken = new List<string>();
        var reached = new List<string>();
        foreach (var (role, unit) in new[] { (Roles.DistrictOffice, "VPHDND"), (Roles.Chairman, null), (Roles.UnitHead, "HIEPTHUAN"), (Roles.Administrator, (string?)null) })
        {
            var client = await portal.SignedInAsync(await portal.CreateUserAsync($"crawl.{role.ToLowerInvariant()}", role, unit));
            var pages = await CrawlAsync(client, role, broken);
            Assert.True(pages > 10, $"{role}: only {pages} pages reached");
            reached.Add($"{role}: {pages}");
        }

        Assert.True(broken.Count == 0, $"pages reached: {string.Join(", ", reached)}\n{string.Join('\n', broken)}");
    }

    /// <summary>
    /// Follows every link and form from the landing page as <paramref name="client"/>'s user; adds what is broken to
    /// <paramref name="broken"/> and hands each page read to <paramref name="read"/>. Returns the number of pages.
    /// </summary>
    public static async Task<int> CrawlAsync(HttpClient client, string role, List<string> broken, Action<string, AngleSharp.Dom.IDocument>? read = null)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var perShape = new Dictionary<string, int>(StringComparer.Ordinal);
        var posted = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>([("/", "(start)")]);
        var pages = 0;
        while (queue.Count > 0 && pages < 600)
        {
            var (url, from) = queue.Dequeue();
            if (!visited.Add(url) || !Admit(perShape, url))
            {
                continue;
            }

            pages++;
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (Broken(response.StatusCode) || Denied(response))
            {
                broken.Add($"{role}: GET {url} → {(int)response.StatusCode} (linked from {from})");
                continue;
            }

            if (response.Headers.Location is { } location)
            {
                if (Local(location.OriginalString) is { } next)
                {
                    queue.Enqueue((next, url));
                }

                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var doc = await Html.ParseAsync(response);
            read?.Invoke(url, doc);
            foreach (var href in doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Local(href) is { } next)
                {
                    queue.Enqueue((next, url));
                }
            }

            foreach (var form in doc.QuerySelectorAll("form"))
            {
                var action = Local(form.GetAttribute("action") ?? url) ?? url;
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                {
                    queue.Enqueue((action, url));
                }
                else if (posted.Add(Shape(action)))
                {
                    using var post = await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent([]));
                    if (post.StatusCode != HttpStatusCode.BadRequest || Denied(post))
                    {
                        broken.Add($"{role}: POST {action} → {(int)post.StatusCode}, not the antiforgery refusal (form on {url})");
                    }
                }
            }
        }

        return pages;
    }

    /// <summary>A signed-in user refused is sent to the access-denied page (the sign-in cookie's answer to a 403).</summary>
    private static bool Denied(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.StartsWith(Web.Features.Account.AccountController.DeniedPath, StringComparison.Ordinal) == true;

    private static bool Broken(HttpStatusCode status) =>
        status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.Forbidden || (int)status >= 500;

    /// <summary>A local address without its fragment; null for another site, a static file or a download of a file kept.</summary>
    private static string? Local(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("/lib/", StringComparison.Ordinal)
            || href.StartsWith("/css/", StringComparison.Ordinal) || href.StartsWith("/js/", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = href.IndexOf('#', StringComparison.Ordinal);
        return WebUtility.HtmlDecode(hash < 0 ? href : href[..hash]);
    }

    /// <summary>The same page with other records or filters is visited a few times, not hundreds.</summary>
    private static bool Admit(Dictionary<string, int> perShape, string url)
    {
        var shape = Shape(url);
        perShape[shape] = perShape.GetValueOrDefault(shape) + 1;
        return perShape[shape] <= 3;
    }

    private static string Shape(string url)
    {
        var (path, query) = url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? (url[..q], url[(q + 1)..]) : (url, string.Empty);
        var keys = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal);
        return $"{Number().Replace(path, "{n}")}?{string.Join('&', keys)}";
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
