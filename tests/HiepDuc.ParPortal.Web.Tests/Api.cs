using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HiepDuc.ParPortal.Domain.Access;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

public static class ApiTokens
{
    /// <summary>Issues a token straight in the database, as the administrator's page does; returns its secret.</summary>
    public static Task<string> IssueAsync(this PortalFactory factory, string name, ApiScopes scopes, string? unitCode = null, TimeSpan? lifetime = null) =>
        factory.QueryAsync(async db =>
        {
            int? unit = unitCode is null ? null : await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
            var now = factory.Clock.GetUtcNow();
            var (token, secret) = ApiToken.Issue(name, scopes, unit, now + (lifetime ?? TimeSpan.FromDays(365)), new Actor("test", "Quản trị"), now);
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync();
            return secret;
        });

    public static HttpClient ApiClient(this PortalFactory factory, string? secret, string language = "vi")
    {
        var client = factory.NewClient();
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}

/// <summary>
/// The API (/api/v1) read and written with scoped tokens: the same rules as the pages, problems in the caller's
/// language, versions as entity tags, batches that are idempotent, tokens bound to a unit kept to it.
/// </summary>
public class The_api_serves_other_systems(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Reads_the_lists_with_the_pages_filters_a_page_at_a_time()
    {
        var api = factory.ApiClient(await factory.IssueAsync("Đọc toàn huyện", ApiScopes.Read));

        var notices = await (await api.GetAsync(new Uri("/api/v1/notices", UriKind.Relative))).JsonAsync();
        var notice = notices.GetProperty("items")[0];
        Assert.Equal("UBND huyện Hiệp Đức", notice.GetProperty("issuingBody").GetString());

        var one = await api.GetAsync(new Uri($"/api/v1/notices/{notice.GetProperty("id").GetInt32()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal($"\"{notice.GetProperty("version").GetInt64()}\"", one.Headers.ETag!.Tag);

        // The overdue filter is the rule of the assignment list: the seeded 3.d and 3.e fell due on 30/09/2023.
        var overdue = await (await api.GetAsync(new Uri("/api/v1/assignments?overdue=true&limit=200", UriKind.Relative))).JsonAsync();
        var expected = await factory.QueryAsync(db => db.Assignments.CountAsync(a => a.LastDayInForce < new DateOnly(2023, 10, 5) && a.Status != Domain.Assignments.AssignmentStatus.Completed && a.Status != Domain.Assignments.AssignmentStatus.Cancelled && a.Status != Domain.Assignments.AssignmentStatus.Submitted));
        Assert.Equal(expected, overdue.GetProperty("items").GetArrayLength());
        Assert.All(overdue.GetProperty("items").EnumerateArray(), a => Assert.Equal("overdue", a.GetProperty("timing").GetProperty("state").GetString()));

        // Cursor paging walks the whole list once, in order, without repeats.
        var seen = new List<int>();
        string? next = null;
        do
        {
            var page = await (await api.GetAsync(new Uri($"/api/v1/assignments?limit=7&sort=unit{(next is null ? "" : $"&after={next}")}", UriKind.Relative))).JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (next is not null);
        Assert.Equal(await factory.QueryAsync(db => db.Assignments.CountAsync()), seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var directives = await (await api.GetAsync(new Uri("/api/v1/directives?limit=3", UriKind.Relative))).JsonAsync();
        Assert.Equal(3, directives.GetProperty("items").GetArrayLength());
        var rest = await (await api.GetAsync(new Uri($"/api/v1/directives?after={directives.GetProperty("next").GetString()}", UriKind.Relative))).JsonAsync();
        Assert.Equal(await factory.QueryAsync(db => db.Directives.CountAsync()), 3 + rest.GetProperty("items").GetArrayLength());

        var units = await (await api.GetAsync(new Uri("/api/v1/units", UriKind.Relative))).JsonAsync();
        Assert.Contains(units.EnumerateArray(), u => u.GetProperty("code").GetString() == "HIEPTHUAN" && u.GetProperty("name").GetString()!.Contains("Hiệp Thuận", StringComparison.Ordinal));

        var figures = await (await api.GetAsync(new Uri("/api/v1/kpis/LATE_FILES/figures", UriKind.Relative))).JsonAsync();
        Assert.Contains(figures.GetProperty("district").EnumerateArray(), v => v.GetProperty("rate").GetDecimal() == 28.72m);
    }

    [Fact]
    public async Task A_batch_of_figures_is_all_or_nothing_and_the_same_key_sent_again_writes_nothing()
    {
        var api = factory.ApiClient(await factory.IssueAsync("Một cửa điện tử tỉnh", ApiScopes.Read | ApiScopes.KpiWrite));
        var before = await factory.QueryAsync(db => db.KpiMeasurements.CountAsync());

        // One wrong row (a numerator above its denominator, an unknown unit): nothing is written, each row named.
        var bad = new { figures = new object[] { Figure("HIEPTHUAN", 3, 40), Figure("HIEPTHUAN", 50, 40, "2023-08"), Figure("KHONGCO", 1, 2) } };
        var refused = await Post(api, "lo-1", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.JsonAsync();
        Assert.EndsWith("/invalid-figures", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal([2, 3], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).ToArray());
        Assert.Contains("không số liệu nào được ghi", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));

        // The batch corrected, under the same key (a failed batch keeps nothing): saved once.
        var good = new { figures = new object[] { Figure("HIEPTHUAN", 3, 40), Figure("QUETHO", 5, 50), Figure("BINHLAM", 0, 12) } };
        var saved = await Post(api, "lo-1", good);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(3, (await saved.JsonAsync()).GetProperty("written").GetInt32());
        Assert.Equal(before + 3, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));
        Assert.Equal(3, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync(m => m.Source == Domain.Kpis.MeasurementSource.Api)));

        // Sent again (a timeout, a retry): the same answer, nothing written twice.
        var replayed = await Post(api, "lo-1", good);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(3, (await replayed.JsonAsync()).GetProperty("written").GetInt32());
        Assert.Equal(before + 3, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));

        // The key again with another body is a mistake, said plainly; no key at all is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(api, "lo-1", new { figures = new object[] { Figure("HIEPTHUAN", 4, 40) } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(api, null, good)).StatusCode);

        // Every figure is in the audit trail under the token's name.
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.UserName == "API · Một cửa điện tử tỉnh" && a.EntityType == "KpiMeasurement")) >= 3);
    }

    [Fact]
    public async Task A_report_needs_the_version_it_was_read_at_and_a_stale_one_gets_412()
    {
        var unitToken = await factory.IssueAsync("Phần mềm xã Hiệp Thuận", ApiScopes.Read | ApiScopes.ReportsWrite, "HIEPTHUAN");
        var api = factory.ApiClient(unitToken);
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync());

        var read = await api.GetAsync(new Uri($"/api/v1/assignments/{id}", UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;

        var noIfMatch = await api.PostAsJsonAsync($"/api/v1/assignments/{id}/reports", new { text = "Đã rà soát 12 thủ tục", progress = 40 });
        Assert.Equal((HttpStatusCode)428, noIfMatch.StatusCode);

        var report = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assignments/{id}/reports") { Content = JsonContent.Create(new { text = "Đã rà soát 12 thủ tục", progress = 40 }) };
        report.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var saved = await api.SendAsync(report);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(40, (await saved.JsonAsync()).GetProperty("progress").GetInt32());
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);

        // The same old version again: someone (here, the first report) changed the record since.
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assignments/{id}/reports") { Content = JsonContent.Create(new { text = "Báo cáo cũ", progress = 20 }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await api.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(saved.Headers.ETag!.Tag, refused.Headers.ETag!.Tag);

        // The timeline names the token.
        Assert.True(await factory.QueryAsync(db => db.AssignmentEvents.AnyAsync(e => e.AssignmentId == id && e.ByName == "API · Phần mềm xã Hiệp Thuận")));
        Assert.Equal(1, await factory.QueryAsync(db => db.ProgressReports.CountAsync(r => r.AssignmentId == id && r.Text == "Đã rà soát 12 thủ tục")));
    }

    [Fact]
    public async Task The_document_system_sets_a_notice_s_number_and_date()
    {
        var api = factory.ApiClient(await factory.IssueAsync("Q-Office", ApiScopes.Read | ApiScopes.NoticesWrite), "en-US,en;q=0.9");
        var read = await api.GetAsync(new Uri("/api/v1/notices/1", UriKind.Relative));
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/notices/1/registration") { Content = JsonContent.Create(new { number = "215/TB-UBND", issueDate = "2023-09-01" }) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        var saved = await api.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("215/TB-UBND", await factory.QueryAsync(db => db.Notices.Where(n => n.Id == 1).Select(n => n.Number).SingleAsync()));

        // A date before the meeting breaks the notice's own rule: a problem, in English as asked.
        var early = new HttpRequestMessage(HttpMethod.Put, "/api/v1/notices/1/registration") { Content = JsonContent.Create(new { number = "215/TB-UBND", issueDate = "2020-01-01" }) };
        early.Headers.IfMatch.Add(saved.Headers.ETag!);
        var refused = await api.SendAsync(early);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var title = (await refused.JsonAsync()).GetProperty("title").GetString()!;
        Assert.DoesNotContain("ngày", title, StringComparison.Ordinal);
        Assert.Equal(title, (await refused.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Scopes_unit_binding_revocation_and_expiry_hold()
    {
        var reader = await factory.IssueAsync("Chỉ đọc", ApiScopes.Read);
        var hiepThuan = await factory.IssueAsync("Xã Hiệp Thuận", ApiScopes.Read | ApiScopes.ReportsWrite | ApiScopes.KpiWrite, "HIEPTHUAN");
        var other = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "QUETHO" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync());

        // No token, a wrong one, a cookie: 401 with a problem, in Vietnamese by default.
        var anonymous = await factory.ApiClient(null).GetAsync(new Uri("/api/v1/notices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("mã truy cập", (await anonymous.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ApiClient("hdpp_khongphaima").GetAsync(new Uri("/api/v1/notices", UriKind.Relative))).StatusCode);
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("api.office", Web.Authorization.Roles.DistrictOffice, "VPHDND"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await office.GetAsync(new Uri("/api/v1/notices", UriKind.Relative))).StatusCode);

        // A read token cannot write.
        var write = await factory.ApiClient(reader).PostAsJsonAsync("/api/v1/kpis/figures", new { figures = new object[] { Figure("HIEPTHUAN", 1, 2) } });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        // A token bound to Hiệp Thuận sees and changes Hiệp Thuận only.
        var bound = factory.ApiClient(hiepThuan);
        var list = await (await bound.GetAsync(new Uri("/api/v1/assignments?limit=200", UriKind.Relative))).JsonAsync();
        Assert.NotEmpty(list.GetProperty("items").EnumerateArray());
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.Contains("Hiệp Thuận", a.GetProperty("unitName").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await bound.GetAsync(new Uri($"/api/v1/assignments/{other}", UriKind.Relative))).StatusCode);
        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assignments/{other}/reports") { Content = JsonContent.Create(new { text = "x", progress = 10 }) };
        foreign.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.NotFound, (await bound.SendAsync(foreign)).StatusCode);
        var foreignFigure = new HttpRequestMessage(HttpMethod.Post, "/api/v1/kpis/figures") { Content = JsonContent.Create(new { figures = new object[] { Figure("QUETHO", 1, 2) } }) };
        foreignFigure.Headers.Add("Idempotency-Key", "x-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await bound.SendAsync(foreignFigure)).StatusCode);
        var boundFigures = await (await bound.GetAsync(new Uri("/api/v1/kpis/LATE_FILES/figures", UriKind.Relative))).JsonAsync();
        Assert.All(boundFigures.GetProperty("units").EnumerateArray(), f => Assert.Equal("HIEPTHUAN", f.GetProperty("unitCode").GetString()));
        var boundDirectives = await (await bound.GetAsync(new Uri("/api/v1/directives?limit=200", UriKind.Relative))).JsonAsync();
        var hiepThuanDirectives = await factory.QueryAsync(db => db.Directives.CountAsync(d => d.Assignments.Any(a => a.Unit.Code == "HIEPTHUAN")));
        Assert.Equal(hiepThuanDirectives, boundDirectives.GetProperty("items").GetArrayLength());

        // Revoked: refused from the next request on.
        await factory.QueryAsync(async db =>
        {
            var hash = ApiToken.HashOf(reader);
            var token = await db.ApiTokens.SingleAsync(t => t.Hash == hash);
            token.Revoke(new Actor("test", "Quản trị"), factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ApiClient(reader).GetAsync(new Uri("/api/v1/notices", UriKind.Relative))).StatusCode);

        // Expired: refused too; and "last used" was kept for the one that worked.
        var shortLived = await factory.IssueAsync("Ngắn hạn", ApiScopes.Read, lifetime: TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await factory.ApiClient(shortLived).GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);
        Assert.NotNull(await factory.QueryAsync(db => db.ApiTokens.Where(t => t.Name == "Ngắn hạn").Select(t => t.LastUsedAt).SingleAsync()));
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ApiClient(shortLived).GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_problem_not_a_page()
    {
        var response = await factory.ApiClient(await factory.IssueAsync("Đọc", ApiScopes.Read)).GetAsync(new Uri("/api/v1/khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    internal static object Figure(string unit, long numerator, long denominator, string period = "2023-09") =>
        new { kpi = "LATE_FILES", unit, period, numerator, denominator };

    private static Task<HttpResponseMessage> Post(HttpClient api, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/kpis/figures") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return api.SendAsync(request);
    }
}

/// <summary>Each token has its own budget of requests a minute; past it, 429 with Retry-After, and other tokens carry on.</summary>
public class The_api_limits_each_token(The_api_limits_each_token.Factory factory) : IClassFixture<The_api_limits_each_token.Factory>
{
    [Fact]
    public async Task Past_its_budget_a_token_gets_429_and_another_token_is_not_held_back()
    {
        var busy = factory.ApiClient(await factory.IssueAsync("Bận", ApiScopes.Read));
        var calm = factory.ApiClient(await factory.IssueAsync("Rảnh", ApiScopes.Read));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);
        }

        var limited = await busy.GetAsync(new Uri("/api/v1/units", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.EndsWith("/rate-limited", (await limited.JsonAsync()).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);
    }

    public sealed class Factory : PortalFactory
    {
        public Factory() => Settings["Api:RequestsPerMinute"] = "5";
    }
}
