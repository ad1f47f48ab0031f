using System.Net;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The dashboard and the lists are served from a per-user cache: a repeated read by the same person costs nothing, but
/// no one is ever served another person's page, another session's page, or a page older than the last change.
/// (A response served from the cache carries an <c>Age</c> header.)
/// </summary>
public class The_page_cache_serves_each_person_only_their_own_page(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<(string Body, bool Cached)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    [Fact]
    public async Task Two_unit_heads_of_different_units_each_get_their_own_workspace()
    {
        var hiepThuanUser = await factory.CreateUserAsync("pc.hiepthuan", Roles.UnitHead, "HIEPTHUAN");
        var hiepThuan = await factory.SignedInAsync(hiepThuanUser);
        var queLuu = await factory.SignedInAsync(await factory.CreateUserAsync("pc.queluu", Roles.UnitHead, "QUELUU"));

        var first = await GetAsync(hiepThuan, "/my-unit");
        var again = await GetAsync(hiepThuan, "/my-unit");
        Assert.False(first.Cached);
        Assert.True(again.Cached); // the same person, the same page: from the cache
        Assert.Equal(first.Body, again.Body);

        // The same address for another unit's head is never the first head's page.
        var other = await GetAsync(queLuu, "/my-unit");
        Assert.False(other.Cached);
        Assert.Contains("Quế Lưu", other.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hiệp Thuận", other.Body, StringComparison.Ordinal);
        Assert.Contains("Hiệp Thuận", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Quế Lưu", first.Body, StringComparison.Ordinal);
        Assert.True((await GetAsync(queLuu, "/my-unit")).Cached);
        Assert.NotEqual(first.Body, (await GetAsync(queLuu, "/my-unit")).Body);

        // The same person in another browser session gets a page of their own (its forms carry that session's tokens).
        var secondSession = await factory.SignedInAsync(hiepThuanUser);
        Assert.False((await GetAsync(secondSession, "/my-unit")).Cached);
    }

    [Fact]
    public async Task A_saved_change_is_seen_on_the_next_read()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("pc.office", Roles.DistrictOffice, "VPHDND"));
        var before = await GetAsync(office, "/directives");
        Assert.True((await GetAsync(office, "/directives")).Cached);

        // Any saved change of the portal's records moves the data version: the cached page is not served again.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var directive = await db.Directives.Include(d => d.Assignments).SingleAsync(d => d.Label == "1");
            directive.Edit(directive.Label, "Tiêu đề vừa sửa cho phép thử bộ nhớ đệm", directive.FullText, directive.Deadline, new Actor(null, "Văn phòng"), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var after = await GetAsync(office, "/directives");
        Assert.False(after.Cached);
        Assert.DoesNotContain("Tiêu đề vừa sửa cho phép thử bộ nhớ đệm", before.Body, StringComparison.Ordinal);
        Assert.Contains("Tiêu đề vừa sửa cho phép thử bộ nhớ đệm", after.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_cached_per_person_and_a_unit_head_is_still_refused_it()
    {
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("pc.chair", Roles.Chairman, null));
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("pc.head.dash", Roles.UnitHead, "BINHLAM"));
        Assert.False((await GetAsync(chairman, "/dashboard")).Cached);
        Assert.True((await GetAsync(chairman, "/dashboard")).Cached);

        // Authorization runs before the cache: the page the chairman's read put there never reaches a unit head.
        var refused = await head.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_or_read_notification_is_seen_on_the_bell_at_once()
    {
        var user = await factory.CreateUserAsync("pc.bell", Roles.UnitHead, "PHUOCGIA");
        var head = await factory.SignedInAsync(user);
        await GetAsync(head, "/my-unit");
        Assert.True((await GetAsync(head, "/my-unit")).Cached);

        // A reminder written for this person (no record of the work changes): the next read is a new page.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            db.Notifications.Add(new Domain.Notifications.Notification(user.Id, Domain.Notifications.ReminderKind.Silent, null, "Nhắc việc thử", null, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        Assert.False((await GetAsync(head, "/my-unit")).Cached);
    }
}
