using System.Net;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>A unit head of Hiệp Thuận sees Hiệp Thuận's work and nothing of Quế Lưu's, whatever id they type.</summary>
public class A_unit_head_sees_only_their_own_unit(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private HttpClient _hiepThuan = null!;

    public async Task InitializeAsync() =>
        _hiepThuan = await factory.SignedInAsync(await factory.CreateUserAsync("chutich.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lands_on_the_unit_s_own_assignments_only()
    {
        var landing = await _hiepThuan.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("/my-unit", landing.Headers.Location?.OriginalString);

        var doc = await _hiepThuan.GetDocumentAsync("/my-unit");
        var ids = doc.QuerySelectorAll("#my-assignments [data-assignment]").Select(e => int.Parse(e.GetAttribute("data-assignment")!, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var own = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN").Select(a => a.Id).ToListAsync());
        Assert.Equal(own.ToHashSet(), ids);
        Assert.Equal(4, ids.Count); // 3.a, 3.b, 3.c, 3.d
        Assert.Contains("UBND xã Hiệp Thuận", doc.Body!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Quế Lưu", doc.Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_open_an_assignment_of_Que_Luu_by_changing_the_id()
    {
        var queLuu = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "QUELUU" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync());
        var response = await _hiepThuan.GetAsync(new Uri($"/assignments/{queLuu}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var own = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await _hiepThuan.GetAsync(new Uri($"/assignments/{own}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Cannot_open_a_directive_not_assigned_to_the_unit()
    {
        var e = await factory.QueryAsync(db => db.Directives.Where(d => d.Label == "3.e").Select(d => d.Id).SingleAsync());
        var response = await _hiepThuan.GetAsync(new Uri($"/directives/{e}", UriKind.Relative));
        Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_directive_shows_only_the_unit_s_own_row_and_timeline()
    {
        var d = await factory.QueryAsync(db => db.Directives.Where(x => x.Label == "3.d").Select(x => x.Id).SingleAsync());
        var doc = await _hiepThuan.GetDocumentAsync($"/directives/{d}");
        var row = Assert.Single(doc.QuerySelectorAll("#assignments tbody tr"));
        Assert.Contains("Hiệp Thuận", row.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Quế Lưu", doc.QuerySelector("#timeline")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Quế Lưu", doc.QuerySelector("#assignments")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notice_page_shows_no_other_unit_s_assignments()
    {
        var doc = await _hiepThuan.GetDocumentAsync("/notices/1");
        var directives = doc.QuerySelector("#directives")!.Text();
        Assert.DoesNotContain("Quế Lưu", directives, StringComparison.Ordinal);
        Assert.DoesNotContain("14 đơn vị", directives, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Office_lists_and_administration_are_closed_to_a_unit_head()
    {
        foreach (var url in new[] { "/directives", "/dashboard", "/admin/users", "/admin/units" })
        {
            var response = await _hiepThuan.GetAsync(new Uri(url, UriKind.Relative));
            Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }
}
