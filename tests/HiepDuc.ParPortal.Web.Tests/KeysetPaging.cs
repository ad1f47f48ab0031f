using System.Globalization;
using AngleSharp.Dom;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The directive list is paged by its sort key ("Trang sau" carries the last row's key), never by an offset, and
/// counts no further than it shows: walking the pages in each order yields every directive exactly once, in order.
/// </summary>
public class The_directive_list_pages_by_its_sort_key(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("notice")]
    [InlineData("deadline")]
    [InlineData("label")]
    public async Task Walking_the_pages_yields_every_directive_once_in_order(string sort)
    {
        await SeedAsync();
        var office = await factory.SignedInAsync(await factory.CreateUserAsync($"kp.office.{sort}", Roles.DistrictOffice, "VPHDND"));
        var seen = new List<int>();
        var url = $"/directives?sort={sort}";
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 20);
            var doc = await office.GetDocumentAsync(url);
            seen.AddRange(doc.QuerySelectorAll("#directive-list tbody tr").Select(r => int.Parse(r.GetAttribute("data-directive")!, CultureInfo.InvariantCulture)));
            Assert.Equal(pages == 0 ? "150" : doc.QuerySelector("#total")!.TextContent, doc.QuerySelector("#total")!.TextContent);
            url = doc.QuerySelector("#next-page")?.GetAttribute("href");
        }

        var expected = await factory.QueryAsync(async db =>
        {
            var all = await db.Directives.Select(d => new { d.Id, d.Notice.MeetingDate, d.NoticeId, d.SortOrder, d.Deadline.LastDay, d.Label }).ToListAsync();
            return (sort switch
            {
                "deadline" => all.OrderBy(d => d.LastDay is null).ThenBy(d => d.LastDay).ThenBy(d => d.Id),
                "label" => all.OrderBy(d => d.Label, StringComparer.Ordinal).ThenBy(d => d.Id),
                _ => all.OrderByDescending(d => d.MeetingDate).ThenByDescending(d => d.NoticeId).ThenBy(d => d.SortOrder),
            }).Select(d => d.Id).ToList();
        });
        Assert.Equal(expected, seen);
    }

    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>144 more directives in three notices (with labels and deadlines that tie), 150 in all.</summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            if (await db.Directives.CountAsync() >= 150)
            {
                return;
            }

            for (var n = 0; n < 3; n++)
            {
                var notice = new ConclusionNotice("UBND huyện Hiệp Đức", $"Kết luận thử phân trang {n}", new DateOnly(2024, 3, 1).AddDays(n % 2), $"Toàn văn {n}");
                for (var i = 0; i < 48; i++)
                {
                    var deadline = (i % 4) switch
                    {
                        0 => Deadline.NotSet(),
                        1 => Deadline.OnDate(new DateOnly(2024, 4, 1 + (i % 3))),
                        2 => Deadline.InMonth(2024, 5),
                        _ => Deadline.Ongoing(),
                    };
                    notice.AddDirective($"{(i % 7) + 1}.{(char)('a' + (i % 5))}{i}", $"Nhiệm vụ thử {n}-{i}", "Nội dung", deadline, null);
                }

                db.Notices.Add(notice);
            }

            await db.SaveChangesAsync();
        }
        finally
        {
            Once.Release();
        }
    }
}
