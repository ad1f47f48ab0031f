using System.Net;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>The administrator reads every change: who, when, old → new, filtered and paged, each row linked to its record.</summary>
public class The_audit_trail_page(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Shows_a_report_with_its_author_and_old_and_new_values_and_filters_by_person_action_and_kind()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("audit.office", Roles.DistrictOffice, "VPHDND"));
        var head = await factory.CreateUserAsync("audit.head", Roles.UnitHead, "HIEPTHUAN");
        var headClient = await factory.SignedInAsync(head);
        var id = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d").Select(a => a.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await headClient.PostActionAsync(id, "report", new() { ["Text"] = "Đã đăng ký 40 tài khoản", ["Progress"] = "40" })).StatusCode);

        var admin = await factory.SignedInAsync(await factory.CreateUserAsync("audit.admin", Roles.Administrator));
        var page = await admin.GetDocumentAsync($"/admin/audit?kind=Assignment&action=Updated&person={Uri.EscapeDataString(head.UserName)}");
        var row = page.QuerySelectorAll("#audit tbody tr")[0];
        Assert.Contains($"Người dùng {head.UserName}", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/assignments/{id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Progress", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("NotStarted", row.TextContent, StringComparison.Ordinal); // old → new status
        Assert.Contains("InProgress", row.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("#audit tbody tr"), r => Assert.Contains("Phân công", r.TextContent, StringComparison.Ordinal));

        // Another person's changes are filtered out; an unknown filter value gets a 400, not a 500.
        var none = await admin.GetDocumentAsync("/admin/audit?person=khong-co-ai");
        Assert.NotNull(none.QuerySelector("#audit-empty"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri("/admin/audit?action=Dropped", UriKind.Relative))).StatusCode);

        // Paged by key: the next page starts below the last row shown.
        var all = await admin.GetDocumentAsync("/admin/audit");
        Assert.Equal(50, all.QuerySelectorAll("#audit tbody tr").Length);
        var next = all.QuerySelector("#audit-next")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(next);
        var lastFirst = long.Parse(all.QuerySelectorAll("#audit tbody tr")[^1].GetAttribute("data-audit")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(long.Parse(second.QuerySelector("#audit tbody tr")!.GetAttribute("data-audit")!, System.Globalization.CultureInfo.InvariantCulture) < lastFirst);

        // Nobody but the administrator reads it.
        Assert.NotEqual(HttpStatusCode.OK, (await office.GetAsync(new Uri("/admin/audit", UriKind.Relative))).StatusCode);
    }
}
