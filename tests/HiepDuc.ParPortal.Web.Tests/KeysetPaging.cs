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

    [Theory]
    [InlineData("deadline", false)]
    [InlineData("deadline", true)]
    [InlineData("unit", false)]
    [InlineData("unit", true)]
    [InlineData("directive", false)]
    [InlineData("directive", true)]
    [InlineData("status", false)]
    [InlineData("status", true)]
    public async Task Walking_the_assignment_list_yields_every_assignment_once_in_order(string sort, bool desc)
    {
        await SeedAsync();
        var office = await factory.SignedInAsync(await factory.CreateUserAsync($"kp.work.{sort}.{desc}", Roles.DistrictOffice, "VPHDND"));
        var seen = new List<int>();
        var url = $"/assignments?sort={sort}&desc={desc}";
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 40);
            var doc = await office.GetDocumentAsync(url);
            seen.AddRange(doc.QuerySelectorAll("#assignment-list tbody tr[data-assignment]").Select(r => int.Parse(r.GetAttribute("data-assignment")!, CultureInfo.InvariantCulture)));
            url = doc.QuerySelector("#next-page")?.GetAttribute("href");
        }

        var expected = await factory.QueryAsync(db =>
        {
            var q = Features.Work.WorkQueries.Apply(db.Assignments, new Features.Work.WorkFilter { Sort = sort, Desc = desc }, new Domain.Assignments.SignalDay(new DateOnly(2024, 1, 1)));
            return q.Select(a => a.Id).ToListAsync();
        });
        Assert.True(expected.Count > 2 * Features.Work.WorkController.PageSize);
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

            var units = await db.Units.OrderBy(u => u.Id).ToListAsync();
            var by = new Domain.Common.Actor(null, "Văn phòng");
            var at = new DateTimeOffset(2024, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
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
                    var directive = notice.AddDirective($"{(i % 7) + 1}.{(char)('a' + (i % 5))}{i}", $"Nhiệm vụ thử {n}-{i}", "Nội dung", deadline, null);
                    // Assignments for the assignment list's pages: units, statuses and deadlines that tie.
                    for (var u = 0; u < i % 3; u++)
                    {
                        var assignment = directive.Assign(units[(i + u) % units.Count], u == 0 ? Domain.Assignments.AssignmentRole.Lead : Domain.Assignments.AssignmentRole.Coordinating, at, by);
                        if ((i + u) % 4 == 1)
                        {
                            assignment.Report(by, "Đang làm", 40, at);
                        }
                    }
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
