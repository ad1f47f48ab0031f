using System.Net;
using System.Xml.Linq;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The public progress page shows what the office opened to it and nothing private: private text is planted in every
/// place the portal keeps it (report texts, urgings, directions, evidence files, people's names, a notice not opened)
/// and searched for in the public pages and the feed.
/// </summary>
public class The_public_page_shows_progress_and_nothing_private(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ReportSecret = "BAO-CAO-RIENG-7731 nội dung báo cáo";
    private const string UrgeSecret = "DON-DOC-RIENG-5512";
    private const string DirectionSecret = "CHI-DAO-RIENG-9090";
    private const string FileSecret = "minh-chung-rieng-4242.pdf";
    private const string PrivateNotice = "THONG-BAO-KIN-1188";
    private const string PrivateDirective = "NHIEM-VU-KIN-3377";

    [Fact]
    public async Task Only_opened_notices_appear_and_no_private_text_reaches_the_pages_or_the_feed()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("pub.office", Roles.DistrictOffice, "VPHDND"));
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("pub.head", Roles.UnitHead, "HIEPTHUAN"));
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("pub.chairman", Roles.Chairman));
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostActionAsync(id, "report", new() { ["Text"] = ReportSecret, ["Progress"] = "60" }, (FileSecret, The_follow_up_loop_for_directive_3d.PdfBytes))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostActionAsync(id, "urge", new() { ["Text"] = UrgeSecret })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chairman.PostActionAsync(id, "direction", new() { ["Text"] = DirectionSecret })).StatusCode);
        await factory.QueryAsync(async db =>
        {
            var notice = new ConclusionNotice("UBND huyện Hiệp Đức", PrivateNotice, new DateOnly(2023, 9, 20), PrivateNotice + " toàn văn");
            notice.AddDirective("1", PrivateDirective, PrivateDirective, Deadline.OnDate(new DateOnly(2023, 12, 31)), null, new Domain.Common.Actor(null, "Hệ thống"), factory.Clock.GetUtcNow());
            db.Notices.Add(notice);
            return await db.SaveChangesAsync();
        });
        var privateId = await factory.QueryAsync(db => db.Notices.Where(n => n.Title == PrivateNotice).Select(n => n.Id).SingleAsync());

        var visitor = factory.NewClient();
        Assert.Contains("Chưa có thông báo nào được công khai", await (await visitor.GetAsync(new Uri("/cong-khai", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/cong-khai/1", UriKind.Relative))).StatusCode);

        // The office opens the seeded notice; the cached "nothing yet" page is gone at once.
        var token = await office.AntiforgeryTokenAsync("/notices/1");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/notices/1/public", token, new() { ["open"] = "true" })).StatusCode);

        var index = await (await visitor.GetAsync(new Uri("/cong-khai", UriKind.Relative))).Content.ReadAsStringAsync();
        var notice1 = await visitor.GetAsync(new Uri("/cong-khai/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, notice1.StatusCode);
        var page = await notice1.Content.ReadAsStringAsync();
        var feed = await (await visitor.GetAsync(new Uri("/cong-khai/feed.atom", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/cong-khai/{privateId}", UriKind.Relative))).StatusCode);

        // What it shows: the directives, their lead units, deadlines, states and progress, and the figures with their source.
        var document = await Html.ParseAsync(notice1);
        Assert.Equal(await factory.QueryAsync(db => db.Directives.CountAsync(d => d.NoticeId == 1)), document.QuerySelectorAll("#directives > li").Length);
        Assert.Contains("Quá hạn", page, StringComparison.Ordinal); // 3.d and 3.e fell due on 30/09/2023
        Assert.Contains("7,83 %", page, StringComparison.Ordinal); // the late-file rate as the notice last stated it
        Assert.Contains("Theo thông báo kết luận", page, StringComparison.Ordinal);
        var entries = XDocument.Parse(feed).Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")).ToList();
        Assert.Equal(await factory.QueryAsync(db => db.Directives.CountAsync(d => d.NoticeId == 1)), entries.Count);

        // What it never shows.
        var people = await factory.QueryAsync(db => db.Users.Select(u => u.FullName).ToListAsync());
        var seeded = await factory.QueryAsync(db => db.Notices.Where(n => n.Id == 1).Select(n => new { n.ChairedBy, n.SignedBy, n.Title }).SingleAsync());
        var secrets = new[] { ReportSecret, UrgeSecret, DirectionSecret, FileSecret, PrivateNotice, PrivateDirective, seeded.Title }
            .Concat(people).Concat(new[] { seeded.ChairedBy, seeded.SignedBy }).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
        Assert.Contains("Nguyễn Văn Nam", seeded.Title, StringComparison.Ordinal); // the seeded title names the chairman: the page must not show it
        foreach (var (name, body) in new[] { ("/cong-khai", index), ("/cong-khai/1", page), ("feed", feed) })
        {
            foreach (var secret in secrets.Append("Nguyễn Văn Nam").Append("/files/"))
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{name} shows \"{secret}\"");
            }
        }

        // Closed again: gone from the page, the list and the feed at once.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/notices/1/public", token, new() { ["open"] = "false" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/cong-khai/1", UriKind.Relative))).StatusCode);
        Assert.Empty(XDocument.Parse(await (await visitor.GetAsync(new Uri("/cong-khai/feed.atom", UriKind.Relative))).Content.ReadAsStringAsync()).Root!
            .Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ConclusionNotice" && a.Changes!.Contains("IsPublic"))));
    }
}
