using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using HiepDuc.ParPortal.Domain.Access;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Shared;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// One state per directive: the directive list, the notice page, the directive page, the directive workbook, the
/// dashboard (and its print view, the same page), the Word report, the public page and the API show the same signal
/// for every directive of the seeded notice with eleven weeks of activity, on three days — the day of the fixture, after
/// an extension ran out, and three years on.
/// </summary>
public class Every_surface_tells_the_same_directive_signal(ActivityPortal portal) : IClassFixture<ActivityPortal>
{
    [Fact]
    public async Task The_list_the_pages_the_workbook_the_dashboard_the_report_the_public_page_and_the_API_agree_for_every_directive()
    {
        await portal.AddActivityAsync();
        await portal.QueryAsync(async db =>
        {
            (await db.Notices.SingleAsync(n => n.Id == 1)).Publish(true, portal.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var l = portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var anonymous = portal.NewClient();
        var seen = new HashSet<DirectiveSignal>();

        var days = new[] { 0, 21, 1105 };
        for (var i = 0; i < days.Length; i++)
        {
            if (i > 0)
            {
                portal.Clock.Advance(TimeSpan.FromDays(days[i] - days[i - 1]));
            }

            // Sessions end after a day of the fake clock: each day signs in anew.
            var office = await portal.SignedInAsync(await portal.CreateUserAsync("sig.office", Roles.DistrictOffice, "VPHDND"));
            var chairman = await portal.SignedInAsync(await portal.CreateUserAsync("sig.chairman", Roles.Chairman));
            var today = Domain.Common.PortalCalendar.DateOf(portal.Clock.GetUtcNow());
            var day = new SignalDay(today);
            var expected = await portal.QueryAsync(async db => (await db.Directives.AsNoTracking().Include(d => d.Notice).Include(d => d.Assignments).Where(d => d.NoticeId == 1).ToListAsync())
                .ToDictionary(d => d.Id, d => (d.Label, Signal: DirectiveStanding.Of(
                    DirectiveRollup.Compute(d.IsCancelled, d.Assignments.Select(a => new AssignmentSnapshot(a.Role, a.Status, a.Progress, a.TimingOn(day).State))),
                    d.Notice.MeetingDate, d.Deadline.LastDay, today).Signal)));
            seen.UnionWith(expected.Values.Select(e => e.Signal));
            string Word(DirectiveSignal s) => l.Enum(s);

            // The directive list and the notice page.
            var list = await office.GetDocumentAsync("/directives?notice=1");
            foreach (var (id, e) in expected)
            {
                Assert.Equal(e.Signal.ToString(), list.QuerySelector($"tr[data-directive='{id}'] [data-signal]")!.GetAttribute("data-signal"));
            }

            var notice = await office.GetDocumentAsync("/notices/1");
            foreach (var e in expected.Values)
            {
                Assert.Equal(e.Signal.ToString(), notice.QuerySelector($"tr[data-label='{e.Label}'] [data-signal]")!.GetAttribute("data-signal"));
            }

            // Each directive's page, for the office and for a unit head who sees only a share of it.
            var head = await portal.SignedInAsync(await portal.CreateUserAsync($"sig.head{i}", Roles.UnitHead, "HIEPTHUAN"));
            var theirs = await portal.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN").Select(a => a.DirectiveId).ToListAsync());
            foreach (var (id, e) in expected)
            {
                Assert.Equal(e.Signal.ToString(), (await office.GetDocumentAsync($"/directives/{id}")).QuerySelector("[data-signal]")!.GetAttribute("data-signal"));
                if (theirs.Contains(id))
                {
                    Assert.Equal(e.Signal.ToString(), (await head.GetDocumentAsync($"/directives/{id}")).QuerySelector("[data-signal]")!.GetAttribute("data-signal"));
                }
            }

            // The dashboard, filtered by a unit kind or not: its lights are the directives' own.
            foreach (var url in new[] { "/dashboard?notice=1", "/dashboard?notice=1&kind=CommuneOrTown" })
            {
                var dashboard = await chairman.GetDocumentAsync(url);
                foreach (var (id, e) in expected.Where(x => x.Value.Signal != DirectiveSignal.Cancelled))
                {
                    Assert.Equal(e.Signal.ToString(), dashboard.QuerySelector($"#lights tr[data-directive='{id}'] [data-signal]")!.GetAttribute("data-signal"));
                }
            }

            // The directive workbook.
            var sheet = MiniExcel.Query(new MemoryStream(await office.GetByteArrayAsync(new Uri("/directives/export.xlsx?notice=1", UriKind.Relative))), useHeaderRow: true)
                .Cast<IDictionary<string, object?>>().ToList();
            foreach (var e in expected.Values)
            {
                Assert.Equal(Word(e.Signal), sheet.Single(r => Convert.ToString(r["Mục"], CultureInfo.InvariantCulture) == e.Label)["Tình trạng"]);
            }

            // The Word report: each directive's paragraph names the same signal.
            using (var doc = WordprocessingDocument.Open(new MemoryStream(await office.GetByteArrayAsync(new Uri("/reports/notices/1/report.docx", UriKind.Relative))), false))
            {
                var paragraphs = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
                foreach (var e in expected.Values.Where(x => x.Signal != DirectiveSignal.Cancelled))
                {
                    Assert.Contains(paragraphs, p => p.StartsWith($"{e.Label}. ", StringComparison.Ordinal) && p.Contains($": {Word(e.Signal)};", StringComparison.Ordinal));
                }
            }

            // The API.
            var api = portal.ApiClient(await portal.IssueAsync($"sig.api{i}", ApiScopes.Read));
            var json = JsonDocument.Parse(await (await api.GetAsync(new Uri("/api/v1/directives?notice=1&limit=100", UriKind.Relative))).Content.ReadAsStringAsync()).RootElement;
            foreach (var item in json.GetProperty("items").EnumerateArray())
            {
                Assert.Equal(expected[item.GetProperty("id").GetInt32()].Signal.ToString(), item.GetProperty("signal").GetString(), ignoreCase: true);
            }

            // The public page (cached for a minute, so read on the first day only).
            if (i == 0)
            {
                var page = await anonymous.GetDocumentAsync("/cong-khai/1");
                foreach (var (id, e) in expected)
                {
                    Assert.Equal(e.Signal.ToString(), page.QuerySelector($"#d-{id} [data-signal]")!.GetAttribute("data-signal"));
                }
            }
        }

        // The fixture shows more than one signal, in progress and finished.
        Assert.Contains(DirectiveSignal.Overdue, seen);
        Assert.Contains(DirectiveSignal.UrgentUnanswered, seen);
        Assert.True(seen.Count >= 3, string.Join(", ", seen));
    }
}
