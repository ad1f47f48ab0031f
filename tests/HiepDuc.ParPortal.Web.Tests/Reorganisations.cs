using System.Net;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Notifications;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The three mergers Resolution 147/NQ-HĐND (23/4/2025) made in Hiệp Đức, applied to the seeded registry: drafted and
/// previewed by the office, one withdrawn before its date and drafted again, applied by the reminder run on the
/// effective date. Open work moves (one timeline event each) and is reminded to the successor's heads; finished work
/// and every former unit's history stay as they were.
/// </summary>
public class Three_mergers_carry_open_work_to_the_new_communes(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Effective = new(2023, 11, 1);
    private static readonly Actor Office = new("test", "Văn phòng");

    private static readonly (string Code, string Name, string Short, string[] From)[] Mergers =
    [
        ("XAHIEPDUC", "UBND xã Hiệp Đức", "Hiệp Đức", ["QUETAN", "TANBINH", "QUELUU"]),
        ("VIETAN", "UBND xã Việt An", "Việt An", ["THANGPHUOC", "BINHSON", "QUETHO", "BINHLAM"]),
        ("XAPHUOCTRA", "UBND xã Phước Trà (mới)", "Phước Trà (mới)", ["PHUOCTRA", "SONGTRA", "PHUOCGIA"]),
    ];

    private static readonly string[] FirstFormer = Mergers[0].From;

    private static readonly string[] AllFormer = Mergers.SelectMany(m => m.From).ToArray();

    [Fact]
    public async Task Open_work_moves_on_the_date_finished_work_stays_and_undo_works_before_it()
    {
        // Quế Tân is not named in the notice: the administrator adds it, as the registry stood before 2025.
        await factory.QueryAsync(async db =>
        {
            db.Units.Add(new Unit("QUETAN", "UBND xã Quế Tân", UnitKind.CommuneOrTown, "Quế Tân"));
            return await db.SaveChangesAsync();
        });
        var now = factory.Clock.GetUtcNow();
        await factory.QueryAsync(async db =>
        {
            var d = await db.Assignments.Include(a => a.Unit).Include(a => a.Directive).Where(a => a.Directive.Label == "3.d").ToDictionaryAsync(a => a.Unit.Code);
            d["QUELUU"].Report(Office, "Đã rà soát 20 tài khoản", 40, now);                   // in progress
            d["TANBINH"].Submit(Office, "Hoàn thành", now); d["TANBINH"].Confirm(Office, now);   // completed: stays
            d["THANGPHUOC"].Submit(Office, "Xong", now); d["THANGPHUOC"].Return(Office, "Thiếu danh sách", now); // returned
            d["BINHSON"].RequestExtension(Office, new DateOnly(2023, 12, 15), "Chờ cấp tài khoản", now);
            d["BINHSON"].DecideExtension(Office, true, null, now);                               // extended
            var kpi = await db.KpiDefinitions.SingleAsync(k => k.Code == "LATE_FILES");
            var queLuu = d["QUELUU"].UnitId;
            db.KpiMeasurements.Add(KpiMeasurement.Counted(kpi, queLuu, KpiPeriod.Month(2023, 9), 2, 30, MeasurementSource.Entered, Office, now));
            return await db.SaveChangesAsync();
        });
        var head = await factory.CreateUserAsync("head.queluu", Roles.UnitHead, "QUELUU");
        var headClient = await factory.SignedInAsync(head);
        var stampBefore = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "head.queluu").Select(u => u.SecurityStamp).SingleAsync());
        var officeUser = await factory.CreateUserAsync("reorg.office", Roles.DistrictOffice, "VPHDND");
        var office = await factory.SignedInAsync(officeUser);

        var openBefore = await factory.QueryAsync(db => db.Assignments.Where(a => AllFormer.Contains(a.Unit.Code))
            .Where(a => a.Status != AssignmentStatus.Completed && a.Status != AssignmentStatus.Cancelled).CountAsync());
        var closedBefore = await factory.QueryAsync(db => db.Assignments.Where(a => AllFormer.Contains(a.Unit.Code))
            .Where(a => a.Status == AssignmentStatus.Completed || a.Status == AssignmentStatus.Cancelled).Select(a => new { a.Id, a.UnitId }).ToListAsync());
        Assert.NotEmpty(closedBefore);
        var historyBefore = await factory.QueryAsync(db => db.AssignmentEvents.CountAsync());

        // Drafted and previewed by the office.
        var drafts = new List<int>();
        foreach (var merger in Mergers)
        {
            drafts.Add(await DraftAsync(office, merger));
        }

        var preview = await office.GetDocumentAsync($"/admin/reorganisations/{drafts[0]}");
        var movingFirst = await factory.QueryAsync(db => db.Assignments.CountAsync(a => FirstFormer.Contains(a.Unit.Code) && a.Status != AssignmentStatus.Completed && a.Status != AssignmentStatus.Cancelled));
        Assert.Equal(movingFirst, preview.QuerySelectorAll("#moving tbody tr").Length);
        Assert.Contains("head.queluu", preview.QuerySelector("#users")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hồ sơ trễ hẹn", preview.QuerySelector("#series")!.TextContent, StringComparison.Ordinal);

        // Approved; the third is withdrawn before its date (nothing changes) and drafted again.
        foreach (var id in drafts)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Post(office, $"/admin/reorganisations/{id}/schedule", id)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Post(office, $"/admin/reorganisations/{drafts[2]}/withdraw", drafts[2])).StatusCode);
        Assert.Equal(ReorganisationState.Withdrawn, await factory.QueryAsync(db => db.Reorganisations.Where(r => r.Id == drafts[2]).Select(r => r.State).SingleAsync()));
        Assert.Equal(openBefore, await factory.QueryAsync(db => db.Assignments.Where(a => AllFormer.Contains(a.Unit.Code))
            .CountAsync(a => a.Status != AssignmentStatus.Completed && a.Status != AssignmentStatus.Cancelled)));
        var again = await DraftAsync(office, Mergers[2] with { Code = "XAPHUOCTRA2" });
        Assert.Equal(HttpStatusCode.Redirect, (await Post(office, $"/admin/reorganisations/{again}/schedule", again)).StatusCode);

        // Before the date, the former communes are as they were: the head of Quế Lưu sees Quế Lưu's work, and the Word
        // report asks the chairman to urge Bình Lâm by its name.
        Assert.Contains("Bình Lâm", await ReportTextAsync(office), StringComparison.Ordinal);
        Assert.Contains("Quế Lưu", (await headClient.GetDocumentAsync("/my-unit")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(historyBefore, await factory.QueryAsync(db => db.AssignmentEvents.CountAsync()));

        // The effective date: the morning's reminder run applies the mergers before it reminds anyone.
        factory.Clock.Advance(new DateTimeOffset(2023, 11, 1, 8, 0, 0, TimeSpan.FromHours(7)) - factory.Clock.GetUtcNow());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(Effective);
        }

        office = await factory.SignedInAsync(officeUser); // four weeks later: a new session
        var successors = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "XAHIEPDUC" || u.Code == "VIETAN" || u.Code == "XAPHUOCTRA2").ToDictionaryAsync(u => u.Code, u => u.Id));
        Assert.Equal(0, await factory.QueryAsync(db => db.Assignments.Where(a => AllFormer.Contains(a.Unit.Code))
            .CountAsync(a => a.Status != AssignmentStatus.Completed && a.Status != AssignmentStatus.Cancelled)));
        var moved = await factory.QueryAsync(db => db.Assignments.Where(a => successors.Values.Contains(a.UnitId)).Select(a => new { a.Id, a.Status, a.OriginUnit.Code, a.UnitId, a.ExtendedTo, Events = a.Events.Count(e => e.Kind == AssignmentEventKind.Transferred) }).ToListAsync());
        Assert.Equal(openBefore, moved.Count);
        Assert.All(moved, m => Assert.Equal(1, m.Events));
        Assert.Contains(moved, m => m.Code == "THANGPHUOC" && m.Status == AssignmentStatus.Returned && m.UnitId == successors["VIETAN"]);
        Assert.Contains(moved, m => m.Code == "BINHSON" && m.ExtendedTo == new DateOnly(2023, 12, 15));
        Assert.Contains(moved, m => m.Code == "PHUOCGIA" && m.UnitId == successors["XAPHUOCTRA2"]);

        // Finished work stays with the unit that did it, and reads as before.
        foreach (var c in closedBefore)
        {
            Assert.Equal(c.UnitId, await factory.QueryAsync(db => db.Assignments.Where(a => a.Id == c.Id).Select(a => a.UnitId).SingleAsync()));
        }

        var done = await office.GetDocumentAsync($"/assignments/{closedBefore[0].Id}");
        Assert.Contains("Tân Bình", done.Body!.TextContent, StringComparison.Ordinal);

        // The former units are kept, ended on the date, succeeded; no new work can be given to them.
        var former = await factory.QueryAsync(db => db.Units.Where(u => AllFormer.Contains(u.Code)).ToListAsync());
        Assert.All(former, u => Assert.True(u.IsFormer && !u.IsActive && u.SucceededOn == Effective));
        Assert.Equal(2, await factory.QueryAsync(db => db.KpiMeasurements.Where(m => db.Units.Any(u => u.Id == m.UnitId && u.Code == "QUELUU") && m.Period.Start == new DateOnly(2023, 9, 1) && m.Source == MeasurementSource.Entered).Select(m => m.Numerator).SingleAsync()));

        // The head of Quế Lưu is moved to xã Hiệp Đức, with a new stamp (any session of theirs ends); signed in again,
        // the workspace is the successor's.
        Assert.NotEqual(stampBefore, await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "head.queluu").Select(u => u.SecurityStamp).SingleAsync()));
        var again2 = await factory.SignedInAsync(head);
        var workspace = (await again2.GetDocumentAsync("/my-unit")).Body!.TextContent;
        Assert.Contains("Hiệp Đức", workspace, StringComparison.Ordinal);
        Assert.Contains("chuyển từ Quế Lưu", workspace, StringComparison.Ordinal); // two shares of one directive, told apart by origin
        Assert.Equal(successors["XAHIEPDUC"], await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "head.queluu").Select(u => u.UnitId).SingleAsync()));

        // The day's reminders went to the successor's heads, and the carried work was told to them.
        var toldHead = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == head.Id).Select(n => new { n.Kind, n.Title, n.Body }).ToListAsync());
        // One message listing the work carried to the successor, not one per assignment.
        var carriedNote = Assert.Single(toldHead, n => n.Kind == Domain.Notifications.ReminderKind.Transferred);
        Assert.True(moved.Count(m => m.UnitId == successors["XAHIEPDUC"]) <= 1 || carriedNote.Body!.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)) > 1, carriedNote.Body);

        // History keeps the unit each event happened to: the work was given to Quế Lưu, then carried.
        var fromQueLuu = moved.First(m => m.Code == "QUELUU");
        var timeline = (await office.GetDocumentAsync($"/assignments/{fromQueLuu.Id}")).QuerySelectorAll("#timeline [data-kind]").ToList();
        Assert.Contains("Quế Lưu", timeline.Single(e => e.GetAttribute("data-kind") == "AssignmentEventKind_Assigned").TextContent, StringComparison.Ordinal);
        Assert.Contains("Hiệp Đức", timeline.Single(e => e.GetAttribute("data-kind") == "AssignmentEventKind_Transferred").TextContent, StringComparison.Ordinal);

        // Too late to withdraw now.
        Assert.Equal(HttpStatusCode.Redirect, (await Post(office, $"/admin/reorganisations/{drafts[0]}/withdraw", drafts[0])).StatusCode);
        Assert.Equal(ReorganisationState.Applied, await factory.QueryAsync(db => db.Reorganisations.Where(r => r.Id == drafts[0]).Select(r => r.State).SingleAsync()));

        // The Word report names the successors for the open work, the former communes no more.
        var report = await ReportTextAsync(office);
        var urge = report[report.IndexOf("Đề nghị Chủ tịch", StringComparison.Ordinal)..];
        Assert.Contains("Việt An", urge, StringComparison.Ordinal);
        Assert.DoesNotContain("Bình Lâm", urge, StringComparison.Ordinal);

        // The dashboard rolls the former communes up into their successors, in the ranking and the heatmap.
        var chairmanUser = await factory.CreateUserAsync("reorg.chairman", Roles.Chairman);
        var board = await (await factory.SignedInAsync(chairmanUser)).GetDocumentAsync("/dashboard");
        var ranking = board.QuerySelector("#ranking")!.TextContent;
        Assert.Contains("Việt An (gồm Bình Lâm, Bình Sơn, Quế Thọ, Thăng Phước)", ranking, StringComparison.Ordinal);
        var rankedNames = board.QuerySelectorAll("#ranking tbody tr[data-unit]").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Contains("Hiệp Thuận", rankedNames);
        Assert.DoesNotContain(rankedNames, n => n is "Quế Lưu" or "Bình Lâm" or "Sông Trà" or "Tân Bình");
        var heatmap = board.QuerySelector("#heatmap")!.TextContent;
        Assert.Contains("Hiệp Đức (gồm Quế Lưu, Quế Tân, Tân Bình)", heatmap, StringComparison.Ordinal);

        // The successor's KPI series continues its former units': before the date, their figures summed, with how many gave one.
        var series = await office.GetDocumentAsync($"/units/{successors["XAHIEPDUC"]}/kpis");
        Assert.Contains("đơn vị cũ", series.QuerySelector(".former-sum")!.TextContent, StringComparison.Ordinal);

        // The import knows the former names: a notice after the date that names Quế Lưu gives the work to xã Hiệp Đức and
        // says so; one from before keeps Quế Lưu and carries its open part over on saving.
        const string After = "THÔNG BÁO\nKết luận\n\nNgày 05/11/2023, Chủ tịch UBND huyện chủ trì. Kết luận:\n\n1. Giao UBND xã Quế Lưu rà soát hồ sơ tồn đọng, hoàn thành trong tháng 12/2023.\n";
        var mapped = await A_notice_is_imported_from_its_text.Preview(office, After);
        Assert.Contains("nay là UBND xã Hiệp Đức từ ngày 01/11/2023", mapped.QuerySelector("#import-notes")!.TextContent, StringComparison.Ordinal);
        var chosenUnits = mapped.QuerySelectorAll("select[name$='.UnitId'] option[selected]").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(successors["XAHIEPDUC"].ToString(System.Globalization.CultureInfo.InvariantCulture), chosenUnits);
        const string Before = "THÔNG BÁO\nKết luận\n\nNgày 20/10/2023, Chủ tịch UBND huyện chủ trì. Kết luận:\n\n1. Giao UBND xã Quế Lưu rà soát hồ sơ tồn đọng, hoàn thành trong tháng 12/2023.\n";
        var kept = await A_notice_is_imported_from_its_text.Preview(office, Before);
        Assert.Contains("thông báo có trước ngày đó nên nhiệm vụ ghi cho UBND xã Quế Lưu", kept.QuerySelector("#import-notes")!.TextContent, StringComparison.Ordinal);
        var saved = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(A_notice_is_imported_from_its_text.Fields(kept.QuerySelector("#preview-form")!)));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(saved)).QuerySelector("#errors")?.TextContent);
        var carried = await factory.QueryAsync(db => db.Assignments.Where(a => a.Directive.Notice.MeetingDate == new DateOnly(2023, 10, 20))
            .Select(a => new { Origin = a.OriginUnit.Code, Now = a.Unit.Code, Moved = a.Events.Any(e => e.Kind == AssignmentEventKind.Transferred) }).SingleAsync());
        Assert.Equal(("QUELUU", "XAHIEPDUC", true), (carried.Origin, carried.Now, carried.Moved));

        // The registry keeps the former units, marked and linked to their successor, and its successor to them.
        var admin = await factory.SignedInAsync(await factory.CreateUserAsync("reorg.admin", Roles.Administrator));
        var registry = await admin.GetDocumentAsync("/admin/units");
        var queLuuId = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "QUELUU").Select(u => u.Id).SingleAsync());
        var queLuu = registry.QuerySelector($"#unit-{queLuuId}")!.TextContent;
        Assert.Contains("(cũ)", queLuu, StringComparison.Ordinal);
        Assert.Contains("Kế thừa bởi UBND xã Hiệp Đức từ ngày 01/11/2023", string.Join(' ', queLuu.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var hiepDuc = registry.QuerySelector($"#unit-{successors["XAHIEPDUC"]}")!.TextContent;
        Assert.Contains("UBND xã Quế Lưu", hiepDuc, StringComparison.Ordinal);

        // The pages still open for everyone concerned.
        var chairman = await factory.SignedInAsync(chairmanUser);
        foreach (var page in new[] { "/dashboard", "/assignments", $"/assignments?unit={successors["VIETAN"]}", "/directives", "/reports/notices/1/report.docx", "/admin/reorganisations" })
        {
            var client = page.StartsWith("/admin", StringComparison.Ordinal) ? office : chairman;
            var answer = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{page}: {answer.StatusCode}");
        }
    }

    private static async Task<string> ReportTextAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync(new Uri("/reports/notices/1/report.docx", UriKind.Relative));
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Join('\n', doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private async Task<int> DraftAsync(HttpClient office, (string Code, string Name, string Short, string[] From) merger)
    {
        var codes = merger.From;
        var units = await factory.QueryAsync(db => db.Units.Where(u => codes.Contains(u.Code) && u.IsActive).Select(u => u.Id).ToListAsync());
        var token = await office.AntiforgeryTokenAsync("/admin/reorganisations");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Kind", "Merge"),
            new("Title", $"Sáp nhập thành {merger.Name}"), new("LegalBasis", "Nghị quyết số 147/NQ-HĐND ngày 23/4/2025"),
            new("EffectiveOn", "2023-11-01"), new("NewCode", merger.Code), new("NewName", merger.Name), new("NewShortName", merger.Short), new("NewKind", "CommuneOrTown"),
        };
        fields.AddRange(units.Select(u => new KeyValuePair<string, string>("Predecessors", u.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var response = await office.PostAsync(new Uri("/admin/reorganisations", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> Post(HttpClient client, string url, int id)
    {
        var version = await factory.QueryAsync(db => db.Reorganisations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var token = await client.AntiforgeryTokenAsync($"/admin/reorganisations/{id}");
        return await client.PostFormAsync(url, token, new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}

/// <summary>A split: Hiệp Hòa's open work shared between two units of standing, each assignment allotted on the preview.</summary>
public class A_split_allots_each_open_assignment_to_one_successor(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_assignment_goes_where_it_was_allotted_and_the_rest_to_the_main_successor()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("split.office", Roles.DistrictOffice, "VPHDND"));
        var ids = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "HIEPHOA" || u.Code == "HIEPTHUAN" || u.Code == "BINHLAM").ToDictionaryAsync(u => u.Code, u => u.Id));
        var token = await office.AntiforgeryTokenAsync("/admin/reorganisations");
        var created = await office.PostAsync(new Uri("/admin/reorganisations", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Kind", "Split"), new("Title", "Chia tách xã Hiệp Hòa"),
            new("EffectiveOn", "2023-10-05"), new("Predecessors", ids["HIEPHOA"].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("SuccessorId", ids["HIEPTHUAN"].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("OtherSuccessors", ids["BINHLAM"].ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var preview = await office.GetDocumentAsync($"/admin/reorganisations/{id}");
        var rows = preview.QuerySelectorAll("#moving tbody tr").Length;
        Assert.True(rows >= 2);
        var d3 = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPHOA" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync());
        var fields = A_notice_is_imported_from_its_text.Fields(preview.QuerySelector("#allot-form")!)
            .Select(f => f.Key == $"allot[{d3}]" ? new KeyValuePair<string, string>(f.Key, ids["BINHLAM"].ToString(System.Globalization.CultureInfo.InvariantCulture)) : f).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(new Uri($"/admin/reorganisations/{id}/allot", UriKind.Relative), new FormUrlEncodedContent(fields))).StatusCode);

        // Approved on its effective date: applied at once.
        var version = await factory.QueryAsync(db => db.Reorganisations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        token = await office.AntiforgeryTokenAsync($"/admin/reorganisations/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/admin/reorganisations/{id}/schedule", token, new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);
        // Open work moved, or merged into the successor's own share of the same directive (it reports once).
        var moved = await factory.QueryAsync(db => db.Assignments.Where(a => a.OriginUnitId == ids["HIEPHOA"]
                && ((a.Status != AssignmentStatus.Completed && a.Status != AssignmentStatus.Cancelled) || a.MergedIntoId != null))
            .Select(a => new { a.Id, a.UnitId, a.MergedIntoId, Kept = db.Assignments.Where(k => k.Id == a.MergedIntoId).Select(k => (int?)k.UnitId).FirstOrDefault() }).ToListAsync());
        Assert.Equal(rows, moved.Count);
        Assert.All(moved.Where(m => m.MergedIntoId != null), m => Assert.Equal(m.UnitId, m.Kept));
        Assert.Equal(ids["BINHLAM"], moved.Single(m => m.Id == d3).UnitId);
        Assert.All(moved.Where(m => m.Id != d3), m => Assert.Equal(ids["HIEPTHUAN"], m.UnitId));
        Assert.Equal(ReorganisationState.Applied, await factory.QueryAsync(db => db.Reorganisations.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
    }
}
