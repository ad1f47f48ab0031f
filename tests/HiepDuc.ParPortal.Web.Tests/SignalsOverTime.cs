using System.Globalization;
using System.Net;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The seeded notice of 31/08/2023 tracked on 08/12/2026, three years on: a notice recorded after the fact counts from
/// the day its work was given, an extension granted after the deadline keeps the lateness, only a confirmed objective
/// cause excuses it, and work with no deadline is never on time (docs/domain.md, "Lateness is a fact").
/// </summary>
public class Signals_stay_true_when_time_moves(Signals_stay_true_when_time_moves.Factory factory) : IClassFixture<Signals_stay_true_when_time_moves.Factory>
{
    public sealed class Factory : PortalFactory
    {
        public Factory()
            : base(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(7)))
        {
        }
    }

    [Fact]
    public async Task A_notice_imported_three_years_late_counts_from_the_day_its_work_was_given()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.import", Roles.DistrictOffice, "VPHDND"));
        var preview = await A_notice_is_imported_from_its_text.Preview(office, NoticeSeed.OriginalText());
        // The notice gives no issue date: the meeting day is proposed, and the office may change it.
        Assert.Equal("2023-08-31", preview.QuerySelector("#GivenOn")!.GetAttribute("value"));

        var fields = A_notice_is_imported_from_its_text.Fields(preview.QuerySelector("#preview-form")!);
        fields.Add(new("AllowDuplicate", "true"));
        var before = await factory.QueryAsync(db => db.Assignments.CountAsync());

        // A day after today, or before the meeting, is refused and nothing is saved.
        foreach (var wrong in new[] { "2026-12-09", "2023-08-30" })
        {
            var refused = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative),
                new FormUrlEncodedContent(fields.Select(f => f.Key == "GivenOn" ? new KeyValuePair<string, string>("GivenOn", wrong) : f)));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Ngày giao việc không được", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await factory.QueryAsync(db => db.Assignments.CountAsync()));
        }

        var saved = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var imported = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

        var rows = await factory.QueryAsync(db => db.Assignments.Where(a => a.Directive.NoticeId == imported)
            .Select(a => new { a.Id, a.AssignedOn, a.HeardOn, a.Directive.Label, a.Unit.Code }).ToListAsync());
        Assert.All(rows, r => Assert.Equal(new DateOnly(2023, 8, 31), r.AssignedOn));
        Assert.All(rows, r => Assert.Equal(new DateOnly(2023, 8, 31), r.HeardOn));

        // The urgent 3.c of a commune is red and unanswered since 31/08/2023, not freshly given today.
        var c = rows.First(r => r.Label == "3.c" && r.Code == "BINHLAM");
        var page = await office.GetDocumentAsync($"/assignments/{c.Id}");
        Assert.Equal("UrgentUnanswered", page.QuerySelector("#assignment-facts [data-timing]")!.GetAttribute("data-timing"));
        Assert.Contains("1195 ngày", page.QuerySelector("#assignment-facts [data-timing]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("31/08/2023", page.QuerySelector("#assigned-on")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("08/12/2026", page.QuerySelector("#assigned-on")!.TextContent, StringComparison.Ordinal);

        // The dashboard's counters agree: no assignment of the import is "in term".
        var dashboard = await office.GetDocumentAsync("/dashboard");
        Assert.Equal("0", dashboard.QuerySelector("[data-tile='InTerm']")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_extension_granted_three_years_late_keeps_the_lateness_until_an_objective_cause_is_confirmed()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("late.quetho", Roles.UnitHead, "QUETHO"));
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.office", Roles.DistrictOffice, "VPHDND"));
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "QUETHO" && a.Directive.Label == "3.d" && a.Directive.NoticeId == 1).Select(a => a.Id).SingleAsync());

        var asked = await head.PostActionAsync(id, "extension", new() { ["NewLastDay"] = "2026-12-31", ["Text"] = "Chờ phần mềm mới của thành phố" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var pending = await office.GetDocumentAsync($"/assignments/{id}");
        Assert.Contains("Đề nghị gia hạn đến 31/12/2026", pending.QuerySelector("#extension-pending")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("quá hạn 1165 ngày", pending.QuerySelector("#extension-pending")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(pending.QuerySelector("#decide-cause"));

        await office.PostActionAsync(id, "extension/decide", new() { ["Approve"] = "true" });
        var extended = await office.GetDocumentAsync($"/assignments/{id}");
        var badge = extended.QuerySelector("#assignment-facts [data-timing]")!;
        Assert.Equal("InTerm", badge.GetAttribute("data-timing"));
        Assert.Contains("đã trễ hạn 1165 ngày", badge.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gia hạn khi đã quá hạn 1165 ngày", extended.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);

        // The chairman's on-time rate and the ranking count it as late, not as on time.
        var dashboard = await office.GetDocumentAsync("/dashboard");
        Assert.Contains("0/1", dashboard.QuerySelector("[data-tile='on-time-of']")!.TextContent, StringComparison.Ordinal);

        // Completed in the new term: late, unless the office confirms an objective cause on confirming.
        await head.PostActionAsync(id, "submit", new() { ["Text"] = "Đã hoàn thành" });
        var notLate = await office.PostActionAsync(id, "confirm", new() { ["ObjectiveCause"] = new string('x', Assignment.MaxObjectiveCauseLength + 1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notLate.StatusCode);
        Assert.Equal(AssignmentStatus.Submitted, await factory.QueryAsync(db => db.Assignments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        await office.PostActionAsync(id, "confirm", new() { ["ObjectiveCause"] = "Sáp nhập đơn vị hành chính, chờ hệ thống của thành phố" });
        var done = await office.GetDocumentAsync($"/assignments/{id}");
        Assert.Equal("CompletedOnTime", done.QuerySelector("#assignment-facts [data-timing]")!.GetAttribute("data-timing"));
        Assert.Contains("nguyên nhân khách quan", done.QuerySelector("#assignment-facts [data-timing]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sáp nhập đơn vị hành chính", done.QuerySelector("#objective-cause")!.TextContent, StringComparison.Ordinal);
        var audited = await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Assignment" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Changes!.Contains("ObjectiveCause")));
        Assert.True(audited);
    }

    [Fact]
    public async Task Work_with_no_deadline_is_completed_without_a_deadline_and_left_out_of_the_on_time_rate()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("late.noivu", Roles.UnitHead, "NOIVU"));
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("late.office2", Roles.DistrictOffice, "VPHDND"));
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "NOIVU" && a.Directive.Label == "1" && a.Directive.NoticeId == 1).Select(a => a.Id).SingleAsync());
        var before = await office.GetDocumentAsync("/dashboard");
        var onTimeBefore = before.QuerySelector("[data-tile='on-time-of']")!.TextContent;

        await head.PostActionAsync(id, "submit", new() { ["Text"] = "Đã trình ký Quy chế" });
        await office.PostActionAsync(id, "confirm", []);

        var page = await office.GetDocumentAsync($"/assignments/{id}");
        var badge = page.QuerySelector("#assignment-facts [data-timing]")!;
        Assert.Equal("CompletedNoDeadline", badge.GetAttribute("data-timing"));
        Assert.Contains("Hoàn thành (không có hạn)", badge.TextContent, StringComparison.Ordinal);
        var after = await office.GetDocumentAsync("/dashboard");
        Assert.Equal(onTimeBefore, after.QuerySelector("[data-tile='on-time-of']")!.TextContent);
    }
}
