using System.Net;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// Every MVC action the app exposes, tried by each role and by an anonymous visitor, against a table of what each
/// may do. An action missing from the table fails the test, so a new page cannot ship without a decision on who
/// may use it. POSTs carry no antiforgery token: an allowed role gets 400 from the antiforgery check (and nothing
/// is written); a refused one is stopped before that. Assignment actions are authorized on the record itself, so
/// they get a valid token and an empty form: an allowed role is refused by validation (422), nothing is written.
/// </summary>
public class Every_action_admits_exactly_the_roles_it_should(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Columns: anonymous, administrator, district office, chairman, unit head (Hiệp Thuận, on its own records).
    // A = allowed, L = sent to sign in, F = forbidden.
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["GET /"] = "LAAAA",
        ["GET /notices"] = "LAAAA",
        ["GET /notices/{id:int}"] = "LAAAA",
        ["GET /directives"] = "LAAAF",
        ["GET /directives/{id:int}"] = "LAAAA",
        ["GET /assignments/{id:int}"] = "LAAAA",
        ["GET /assignments"] = "LAAAA",
        ["POST /assignments/{id:int}/report"] = "LFFFA",
        ["POST /assignments/{id:int}/submit"] = "LFFFA",
        ["POST /assignments/{id:int}/extension"] = "LFFFA",
        ["POST /assignments/{id:int}/confirm"] = "LFAFF",
        ["POST /assignments/{id:int}/return"] = "LFAFF",
        ["POST /assignments/{id:int}/cancel"] = "LFAFF",
        ["POST /assignments/{id:int}/paper-report"] = "LFAFF",
        ["POST /assignments/{id:int}/urge"] = "LFAFF",
        ["POST /assignments/{id:int}/extension/decide"] = "LFAAF",
        ["POST /assignments/{id:int}/direction"] = "LFFAF",
        ["GET /files/{id:int}"] = "LAAAA",
        ["GET /review"] = "LFAAF",
        ["POST /review/urge"] = "LFAFF",
        ["GET /notices/new"] = "LFAFF",
        ["POST /notices/new"] = "LFAFF",
        ["GET /notices/{id:int}/edit"] = "LFAFF",
        ["POST /notices/{id:int}/edit"] = "LFAFF",
        ["POST /notices/{id:int}/directives/{directiveId:int}/move"] = "LFAFF",
        ["GET /notices/{noticeId:int}/directives/new"] = "LFAFF",
        ["POST /notices/{noticeId:int}/carry-over"] = "LFAFF",
        ["GET /notices/import"] = "LFAFF",
        ["GET /notifications"] = "LAAAA",
        ["POST /notifications/{id:long}/read"] = "LAAAA",
        ["POST /notifications/read-all"] = "LAAAA",
        ["POST /notifications/email"] = "LAAAA",
        ["GET /notifications/settings"] = "LAAAA",
        ["POST /notifications/settings"] = "LAAAA",
        ["GET /admin/reminders"] = "LAFFF",
        ["POST /admin/reminders/run"] = "LAFFF",
        ["GET /admin/audit"] = "LAFFF",
        ["GET /admin/settings"] = "LAFFF",
        ["POST /admin/settings"] = "LAFFF",
        ["POST /notices/import"] = "LFAFF",
        ["POST /notices/import/save"] = "LFAFF",
        ["POST /notices/{noticeId:int}/directives/new"] = "LFAFF",
        ["GET /directives/{id:int}/edit"] = "LFAFF",
        ["POST /directives/{id:int}/edit"] = "LFAFF",
        ["POST /directives/{id:int}/cancel"] = "LFAFF",
        ["POST /directives/{id:int}/direction"] = "LFFAF",
        ["GET /directives/{id:int}/assign"] = "LFAFF",
        ["POST /directives/{id:int}/assign"] = "LFAFF",
        ["GET /admin/unit-groups"] = "LAAFF",
        ["GET /kpis"] = "LAAAF",
        ["GET /kpis/{id:int}"] = "LAAAF",
        ["GET /kpis/{id:int}/entry"] = "LAAFF",
        ["POST /kpis/{id:int}/entry"] = "LAAFF",
        ["POST /kpis/{id:int}/reference"] = "LAAFF",
        ["POST /kpis/{id:int}/keywords"] = "LAAFF",
        ["POST /kpis/{id:int}/exemptions"] = "LAAFF",
        ["GET /units/{unitId:int}/kpis"] = "LAAAA",
        ["GET /kpis/import"] = "LAAFF",
        ["POST /kpis/import"] = "LAAFF",
        ["POST /kpis/import/confirm"] = "LAAFF",
        ["GET /kpis/template.xlsx"] = "LAAFF",
        ["GET /kpis/template.csv"] = "LAAFF",
        ["GET /kpis/export.xlsx"] = "LAAAF",
        ["GET /reports/dashboard.xlsx"] = "LAAAF",
        ["GET /reports/notices/{id:int}/report.docx"] = "LAAAF",
        ["GET /assignments/export.xlsx"] = "LAAAA",
        ["GET /directives/export.xlsx"] = "LAAAF",
        ["POST /admin/unit-groups"] = "LAAFF",
        ["POST /admin/unit-groups/{id:int}/deactivate"] = "LAAFF",
        ["GET /my-unit"] = "LFFFA",
        ["GET /dashboard"] = "LAAAF",
        ["GET /account/login"] = "AAAAA",
        ["POST /account/login"] = "AAAAA",
        ["POST /account/logout"] = "LAAAA",
        ["GET /account/change-password"] = "LAAAA",
        ["POST /account/change-password"] = "LAAAA",
        ["GET /account/denied"] = "AAAAA",
        ["GET /Error/{status:int?}"] = "AAAAA",
        ["POST /culture"] = "AAAAA",
        ["GET /admin/users"] = "LAFFF",
        ["GET /admin/users/new"] = "LAFFF",
        ["POST /admin/users/new"] = "LAFFF",
        ["GET /admin/users/{id}"] = "LAFFF",
        ["POST /admin/users/{id}"] = "LAFFF",
        ["POST /admin/users/{id}/lock"] = "LAFFF",
        ["POST /admin/users/{id}/unlock"] = "LAFFF",
        ["POST /admin/users/{id}/end-sessions"] = "LAFFF",
        ["POST /admin/users/{id}/deactivate"] = "LAFFF",
        ["POST /admin/users/{id}/activate"] = "LAFFF",
        ["POST /admin/users/{id}/reset-password"] = "LAFFF",
        ["GET /admin/units"] = "LAFFF",
        ["GET /admin/units/new"] = "LAFFF",
        ["POST /admin/units/new"] = "LAFFF",
        ["GET /admin/units/{id:int}"] = "LAFFF",
        ["POST /admin/units/{id:int}"] = "LAFFF",
        ["POST /admin/units/{id:int}/deactivate"] = "LAFFF",
        ["POST /admin/units/{id:int}/activate"] = "LAFFF",
        ["GET /admin/reorganisations"] = "LAAFF",
        ["POST /admin/reorganisations"] = "LAAFF",
        ["GET /admin/reorganisations/{id:int}"] = "LAAFF",
        ["POST /admin/reorganisations/{id:int}/schedule"] = "LAAFF",
        ["POST /admin/reorganisations/{id:int}/withdraw"] = "LAAFF",
        ["POST /admin/reorganisations/{id:int}/allot"] = "LAAFF",
        ["POST /admin/reorganisations/{id:int}/carried-deadline"] = "LAAFF",
        ["GET /admin/api-tokens"] = "LAFFF",
        ["POST /admin/api-tokens"] = "LAFFF",
        ["POST /admin/api-tokens/{id:int}/revoke"] = "LAFFF",
        ["POST /notices/{id:int}/public"] = "LFAFF",
        ["GET /cong-khai"] = "AAAAA",
        ["GET /cong-khai/{id:int}"] = "AAAAA",
        ["GET /cong-khai/feed.atom"] = "AAAAA",

        // The API never reads the cookie: a signed-in browser gets 401 like anyone without a token (below, with tokens).
        ["GET /api/v1/notices"] = "LLLLL",
        ["GET /api/v1/notices/{id:int}"] = "LLLLL",
        ["GET /api/v1/directives"] = "LLLLL",
        ["GET /api/v1/assignments"] = "LLLLL",
        ["GET /api/v1/assignments/{id:int}"] = "LLLLL",
        ["GET /api/v1/units"] = "LLLLL",
        ["GET /api/v1/kpis"] = "LLLLL",
        ["GET /api/v1/kpis/{code}/figures"] = "LLLLL",
        ["POST /api/v1/kpis/figures"] = "LLLLL",
        ["POST /api/v1/assignments/{id:int}/reports"] = "LLLLL",
        ["PUT /api/v1/notices/{id:int}/registration"] = "LLLLL",
    };

    // The API, by token. Columns: no token, read, kpi:write alone, reports:write with read (bound to Hiệp Thuận, on its
    // own assignment), notices:write alone, a revoked read token. A = allowed, L = 401, F = 403.
    private static readonly Dictionary<string, string> ExpectedApi = new()
    {
        ["GET /api/v1/notices"] = "LAFAFL",
        ["GET /api/v1/notices/{id:int}"] = "LAFAFL",
        ["GET /api/v1/directives"] = "LAFAFL",
        ["GET /api/v1/assignments"] = "LAFAFL",
        ["GET /api/v1/assignments/{id:int}"] = "LAFAFL",
        ["GET /api/v1/units"] = "LAFAFL",
        ["GET /api/v1/kpis"] = "LAFAFL",
        ["GET /api/v1/kpis/{code}/figures"] = "LAFAFL",
        ["POST /api/v1/kpis/figures"] = "LFAFFL",
        ["POST /api/v1/assignments/{id:int}/reports"] = "LFFAFL",
        ["PUT /api/v1/notices/{id:int}/registration"] = "LFFFAL",
    };

    /// <summary>The pages ask the same policies as the actions: a view that checks a role would restate the table.</summary>
    [Fact]
    public void No_view_checks_a_role()
    {
        var found = WebSources.Scan(WebSources.Views(), WebSources.RoleChecks);
        Assert.True(found.Count == 0, string.Join('\n', found));
        Assert.Single(WebSources.RoleChecks("planted", "@if (User.IsInRole(Roles.Chairman))\n{\n}"));
    }

    [Fact]
    public void Every_action_has_an_entry_in_the_table()
    {
        var actions = Actions().Select(a => a.Key).ToHashSet();
        Assert.Empty(actions.Except(Expected.Keys).Select(k => $"no entry for {k}"));
        Assert.Empty(Expected.Keys.Except(actions).Select(k => $"entry for an action that no longer exists: {k}"));
    }

    [Fact]
    public async Task Each_role_gets_what_the_table_says_and_nothing_more()
    {
        var office = await factory.CreateUserAsync("matrix.office", Roles.DistrictOffice, "VPHDND");
        var principals = new[]
        {
            factory.NewClient(),
            await factory.SignedInAsync(await factory.CreateUserAsync("matrix.admin", Roles.Administrator)),
            await factory.SignedInAsync(office),
            await factory.SignedInAsync(await factory.CreateUserAsync("matrix.chairman", Roles.Chairman)),
            await factory.SignedInAsync(await factory.CreateUserAsync("matrix.hiepthuan", Roles.UnitHead, "HIEPTHUAN")),
        };
        var ids = await factory.QueryAsync(async db => new Ids(
            (await db.Directives.SingleAsync(d => d.Label == "3.d")).Id,
            (await db.Assignments.SingleAsync(a => a.Directive.Label == "3.d" && a.Unit.Code == "HIEPTHUAN")).Id,
            (await db.Units.SingleAsync(u => u.Code == "HIEPTHUAN")).Id,
            office.Id));

        var tokens = new List<string>();
        foreach (var client in principals)
        {
            tokens.Add(await client.AntiforgeryTokenAsync("/account/login"));
        }

        var failures = new List<string>();
        foreach (var (key, method, pattern) in Actions())
        {
            var url = Url(pattern, ids);
            for (var p = 0; p < principals.Length; p++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent(pattern.StartsWith("/assignments/", StringComparison.Ordinal)
                        ? [new("__RequestVerificationToken", tokens[p])]
                        : []);
                }

                var response = await principals[p].SendAsync(request);
                var outcome = Classify(response);
                if (outcome != Expected[key][p])
                {
                    failures.Add($"{key} as {"anonymous,admin,office,chairman,unit head".Split(',')[p]}: expected {Expected[key][p]}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Each_token_gets_what_its_scopes_and_unit_allow_and_nothing_more()
    {
        var apiActions = Actions().Where(a => a.Pattern.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.Empty(apiActions.Select(a => a.Key).Except(ExpectedApi.Keys).Select(k => $"no API entry for {k}"));
        var revoked = await factory.IssueAsync("matrix.revoked", Domain.Access.ApiScopes.Read);
        await factory.QueryAsync(async db =>
        {
            var hash = Domain.Access.ApiToken.HashOf(revoked);
            (await db.ApiTokens.SingleAsync(t => t.Hash == hash)).Revoke(new Domain.Common.Actor(null, "matrix"), factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var clients = new[]
        {
            factory.ApiClient(null),
            factory.ApiClient(await factory.IssueAsync("matrix.read", Domain.Access.ApiScopes.Read)),
            factory.ApiClient(await factory.IssueAsync("matrix.kpi", Domain.Access.ApiScopes.KpiWrite)),
            factory.ApiClient(await factory.IssueAsync("matrix.reports", Domain.Access.ApiScopes.Read | Domain.Access.ApiScopes.ReportsWrite, "HIEPTHUAN")),
            factory.ApiClient(await factory.IssueAsync("matrix.notices", Domain.Access.ApiScopes.NoticesWrite)),
            factory.ApiClient(revoked),
        };
        var ids = await factory.QueryAsync(async db => new Ids(
            (await db.Directives.SingleAsync(d => d.Label == "3.d")).Id,
            (await db.Assignments.SingleAsync(a => a.Directive.Label == "3.d" && a.Unit.Code == "HIEPTHUAN")).Id,
            (await db.Units.SingleAsync(u => u.Code == "HIEPTHUAN")).Id,
            string.Empty));
        var failures = new List<string>();
        foreach (var (key, method, pattern) in apiActions)
        {
            for (var c = 0; c < clients.Length; c++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Url(pattern, ids));
                if (method != "GET")
                {
                    // An empty body: an allowed token is refused by validation, nothing is written.
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await clients[c].SendAsync(request);
                var outcome = Classify(response);
                if (outcome != ExpectedApi[key][c] || (int)response.StatusCode >= 500)
                {
                    failures.Add($"{key} with {"no token,read,kpi:write,reports:write (bound),notices:write,revoked".Split(',')[c]}: expected {ExpectedApi[key][c]}, got {outcome} ({(int)response.StatusCode})");
                }
            }
        }

        Assert.Empty(failures);
    }

    private static char Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.Contains("/account/login", StringComparison.Ordinal) => 'L',
            HttpStatusCode.Redirect when location.Contains("/account/denied", StringComparison.Ordinal) => 'F',
            HttpStatusCode.Forbidden => 'F',
            HttpStatusCode.Unauthorized => 'L',
            _ => 'A',
        };
    }

    private static string Url(string pattern, Ids ids) => pattern
        .Replace("/directives/{id:int}", $"/directives/{ids.Directive}", StringComparison.Ordinal)
        .Replace("/assignments/{id:int}", $"/assignments/{ids.Assignment}", StringComparison.Ordinal)
        .Replace("/files/{id:int}", "/files/999999", StringComparison.Ordinal)
        .Replace("/notices/{id:int}", "/notices/1", StringComparison.Ordinal)
        .Replace("/notices/{noticeId:int}", "/notices/1", StringComparison.Ordinal)
        .Replace("{directiveId:int}", ids.Directive.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("/admin/unit-groups/{id:int}", "/admin/unit-groups/999999", StringComparison.Ordinal)
        .Replace("/admin/units/{id:int}", $"/admin/units/{ids.Unit}", StringComparison.Ordinal)
        .Replace("/admin/users/{id}", $"/admin/users/{ids.User}", StringComparison.Ordinal)
        .Replace("/kpis/{id:int}", "/kpis/1", StringComparison.Ordinal)
        .Replace("/units/{unitId:int}", $"/units/{ids.Unit}", StringComparison.Ordinal)
        .Replace("/notifications/{id:long}", "/notifications/999999", StringComparison.Ordinal)
        .Replace("/admin/api-tokens/{id:int}", "/admin/api-tokens/999999", StringComparison.Ordinal)
        .Replace("/admin/reorganisations/{id:int}", "/admin/reorganisations/999999", StringComparison.Ordinal)
        .Replace("/cong-khai/{id:int}", "/cong-khai/1", StringComparison.Ordinal)
        .Replace("/kpis/{code}", "/kpis/LATE_FILES", StringComparison.Ordinal)
        .Replace("{status:int?}", "404", StringComparison.Ordinal);

    private sealed record Ids(int Directive, int Assignment, int Unit, string User);

    private IEnumerable<(string Key, string Method, string Pattern)> Actions()
    {
        var sources = factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
            {
                continue;
            }

            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                yield return ($"{method} {pattern}", method, pattern);
            }
        }
    }
}
