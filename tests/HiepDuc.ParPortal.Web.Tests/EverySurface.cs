using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Notifications;
using HiepDuc.ParPortal.Web.Features.Shared;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The seed notice plus eleven weeks of activity — reports, an approved extension, a returned submission, a late
/// submission waiting, a completion, a cancelled lead — read on 29/11/2023 through every surface that shows it.
/// </summary>
public sealed class ActivityPortal : PortalFactory
{
    public static readonly DateTimeOffset Now = new(2023, 11, 29, 9, 0, 0, TimeSpan.FromHours(7));

    public ActivityPortal()
        : base(Now)
    {
    }

    private static DateTimeOffset At(int month, int day) => new(2023, month, day, 10, 0, 0, TimeSpan.FromHours(7));

    public async Task AddActivityAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var all = await db.Assignments.Include(a => a.Unit).Include(a => a.Directive).ToListAsync();
        Assignment Of(string label, string unit) => all.Single(a => a.Directive.Label == label && a.Unit.Code == unit);
        var office = new Actor("office", "Văn phòng");
        var head = new Actor("head", "Chủ tịch UBND xã");

        var extended = Of("3.d", "HIEPTHUAN");
        extended.Report(head, "Đã đăng ký 60 % tài khoản", 60, At(9, 10));
        extended.RequestExtension(head, new DateOnly(2023, 12, 15), "Chờ cấp chữ ký số", At(9, 11));
        extended.DecideExtension(office, approve: true, null, At(9, 12));

        var returned = Of("3.d", "QUELUU");
        returned.Submit(head, "Đã hoàn thành", At(9, 20));
        returned.Return(office, "Thiếu danh sách cán bộ", At(9, 22));

        var completed = Of("3.d", "BINHLAM");
        completed.Submit(head, "Đã hoàn thành", At(9, 25));
        completed.Confirm(office, At(9, 26));

        Of("3.d", "THANGPHUOC").Submit(head, "Hoàn thành muộn", At(10, 5));
        Of("3.e", "CNVPDKDD").Cancel(office, "Giao lại cho đơn vị khác", At(10, 1));
        Of("3.c", "VPHDND").Report(office, "Đã ban hành hướng dẫn số hóa", 40, At(11, 15));
        Of("1", "NOIVU").Report(head, "Đang hoàn chỉnh quy chế", 70, At(11, 10));
        Of("3.a", "HIEPHOA").Report(head, "Đã tuyên truyền ở 5 thôn", 30, At(11, 1));
        await db.SaveChangesAsync();
    }
}

public class Every_surface_tells_the_same_signal(ActivityPortal portal) : IClassFixture<ActivityPortal>
{
    private static readonly SignalDay Day = new(DateOnly.FromDateTime(ActivityPortal.Now.Date));

    [Fact]
    public async Task The_list_the_workspace_the_queue_the_dashboard_the_exports_the_report_and_the_reminders_agree_for_every_assignment()
    {
        await portal.AddActivityAsync();
        var expected = await portal.QueryAsync(async db => (await db.Assignments.AsNoTracking().Include(a => a.Unit).Include(a => a.Directive).ToListAsync())
            .ToDictionary(a => a.Id, a => (Assignment: a, Timing: a.TimingOn(Day))));

        // The fixture covers the signals this issue is about.
        var states = expected.Values.Select(e => e.Timing.State).ToHashSet();
        foreach (var state in new[] { TimingState.Overdue, TimingState.Stale, TimingState.UrgentUnanswered, TimingState.NoDeadline, TimingState.InTerm, TimingState.AwaitingConfirmation, TimingState.CompletedOnTime, TimingState.Cancelled })
        {
            Assert.Contains(state, states);
        }

        Assert.DoesNotContain(expected.Values, e => e.Assignment.LastDayInForce is null && e.Timing.State == TimingState.InTerm);

        var office = await portal.SignedInAsync(await portal.CreateUserAsync("every.office", Roles.DistrictOffice, "VPHDND"));

        // 1. The assignment list, page by page: state, days and the deadline in force.
        var listed = 0;
        for (var url = "/assignments"; url is not null;)
        {
            var doc = await office.GetDocumentAsync(url);
            var rows = doc.QuerySelectorAll("#assignment-list tbody tr[data-assignment]");
            foreach (var row in rows)
            {
                var (a, timing) = expected[int.Parse(row.GetAttribute("data-assignment")!, CultureInfo.InvariantCulture)];
                Assert.Equal(timing.State.ToString(), row.QuerySelector("[data-timing]")!.GetAttribute("data-timing"));
                Assert.Equal(Iso(a.LastDayInForce), row.QuerySelector(".deadline")!.GetAttribute("data-last-day") ?? string.Empty);
                listed++;
            }

            url = doc.QuerySelector("#next-page")?.GetAttribute("href");
        }

        Assert.Equal(expected.Count, listed);

        // 2. The workspace of two unit heads: one with an approved extension, one with returned work.
        foreach (var unit in new[] { "HIEPTHUAN", "QUELUU" })
        {
            var head = await portal.SignedInAsync(await portal.CreateUserAsync($"every.{unit.ToLowerInvariant()}", Roles.UnitHead, unit));
            var mine = (await head.GetDocumentAsync("/my-unit")).QuerySelectorAll("#my-assignments [data-assignment]");
            Assert.Equal(expected.Values.Count(e => e.Assignment.Unit.Code == unit), mine.Length);
            foreach (var item in mine)
            {
                var (a, timing) = expected[int.Parse(item.GetAttribute("data-assignment")!, CultureInfo.InvariantCulture)];
                Assert.Equal(timing.State.ToString(), item.QuerySelector("[data-timing]")!.GetAttribute("data-timing"));
                Assert.Equal(Iso(a.LastDayInForce), item.QuerySelector(".deadline")!.GetAttribute("data-last-day") ?? string.Empty);
            }
        }

        var hiepThuan = expected.Values.Single(e => e.Assignment.Unit.Code == "HIEPTHUAN" && e.Assignment.Directive.Label == "3.d");
        Assert.Equal(new DateOnly(2023, 12, 15), hiepThuan.Assignment.LastDayInForce);
        Assert.Equal(TimingState.InTerm, hiepThuan.Timing.State);

        // 3. The office's queue: silent work, with or without a deadline, from the assignment day when never reported.
        var queue = await office.GetDocumentAsync("/review");
        var silent = queue.QuerySelectorAll("#silent [data-assignment]").Select(e => int.Parse(e.GetAttribute("data-assignment")!, CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(expected.Values.Where(e => AssignmentRules.Silent.Invoke(e.Assignment, Day)).Select(e => e.Assignment.Id).Order(), silent);
        Assert.Contains(expected.Values, e => silent.Contains(e.Assignment.Id) && e.Assignment.LastDayInForce is null);
        Assert.Contains("Chưa báo cáo lần nào", queue.QuerySelector("#silent")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("31/08/2023 00:00", queue.QuerySelector("#silent")!.TextContent, StringComparison.Ordinal);

        // 4. The dashboard: every tile, every bucket, every heatmap cell; no directive green while its work is stale.
        var chairman = await portal.SignedInAsync(await portal.CreateUserAsync("every.chairman", Roles.Chairman));
        var dashboard = await chairman.GetDocumentAsync("/dashboard");
        foreach (var state in Enum.GetValues<TimingState>().Where(s => s != TimingState.Cancelled))
        {
            Assert.Equal(expected.Values.Count(e => e.Timing.State == state && !e.Assignment.Directive.IsCancelled).ToString(CultureInfo.InvariantCulture),
                dashboard.QuerySelector($"[data-tile='{state}']")!.TextContent);
        }

        foreach (var bucket in Enum.GetValues<OverdueBucket>().Where(b => b != OverdueBucket.None))
        {
            Assert.Equal(expected.Values.Count(e => e.Timing.Bucket == bucket).ToString(CultureInfo.InvariantCulture), dashboard.QuerySelector($"#buckets [data-bucket='{bucket}']")!.TextContent);
        }

        foreach (var cell in dashboard.QuerySelectorAll("#heatmap td[data-state]"))
        {
            var id = int.Parse(cell.QuerySelector("a")!.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture);
            Assert.Equal(expected[id].Timing.State.ToString(), cell.GetAttribute("data-state"));
        }

        Assert.DoesNotContain("Green", dashboard.QuerySelectorAll("#lights [data-light]").Select(e => e.GetAttribute("data-light")));

        // 5. The assignment workbook: the deadline in force, the state's words, its days and bucket, row by row.
        var l = portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var sheet = MiniExcel.Query(new MemoryStream(await office.GetByteArrayAsync(new Uri("/assignments/export.xlsx", UriKind.Relative))), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected.Count, sheet.Count);
        foreach (var row in sheet)
        {
            var (a, timing) = expected.Values.Single(e => e.Assignment.Directive.Label == Convert.ToString(row["Mục"], CultureInfo.InvariantCulture)
                && (e.Assignment.Unit.ShortName ?? e.Assignment.Unit.Name) == (string?)row["Đơn vị"]);
            Assert.Equal(a.LastDayInForce?.ToDateTime(TimeOnly.MinValue), row["Hạn cuối hiện hành"] as DateTime?);
            Assert.Equal(l.Enum(timing.State), row["Tình trạng thời hạn"]);
            Assert.Equal(timing.Days, Convert.ToInt32(row["Số ngày"], CultureInfo.InvariantCulture));
            Assert.Equal(timing.Bucket == OverdueBucket.None ? null : l.Enum(timing.Bucket), row["Khoảng quá hạn"] as string);
        }

        // 6. The Word report: every red or amber assignment of the notice, with the same words and days.
        string report;
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await office.GetByteArrayAsync(new Uri("/reports/notices/1/report.docx", UriKind.Relative))), false))
        {
            report = string.Join('\n', doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        }

        var attention = expected.Values.Where(e => e.Timing.Colour is SignalColour.Red or SignalColour.Amber && !e.Assignment.Directive.IsCancelled).ToList();
        Assert.NotEmpty(attention);
        foreach (var (a, timing) in attention)
        {
            var unit = (a.Unit.ShortName ?? a.Unit.Name).Replace("&", " và ", StringComparison.Ordinal); // an official document writes "và"
            // A unit that reported has a line of its own; units that never did are named together, one line per directive and signal.
            Assert.Contains(report.Split('\n'), line => line.StartsWith($"- {a.Directive.Label} — ", StringComparison.Ordinal)
                && line.Contains(l.Describe(timing), StringComparison.Ordinal) && line.Contains(unit, StringComparison.Ordinal));
        }

        // 7. A reminder run on the day: overdue reminders only for overdue work, silent ones only for silent work.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(Day.Today);
        }

        var sent = await portal.QueryAsync(db => db.ReminderLogs.Where(r => r.Day == Day.Today).ToListAsync());
        // 90 days after the meeting: the units that never reported hear of it (every SilentDays days).
        Assert.Equal(
            expected.Values.Where(e => AssignmentRules.Silent.Invoke(e.Assignment, Day) && (Day.Today.DayNumber - e.Assignment.HeardOn.DayNumber) % Day.Settings.SilentDays == 0)
                .Select(e => e.Assignment.Id).Order(),
            sent.Where(r => r.Kind == ReminderKind.Silent).Select(r => r.AssignmentId).Order());
        Assert.Contains(sent, r => r.Kind == ReminderKind.Silent && expected[r.AssignmentId].Assignment.LastDayInForce is null);
        foreach (var r in sent)
        {
            var (a, timing) = expected[r.AssignmentId];
            switch (r.Kind)
            {
                case ReminderKind.Overdue:
                    Assert.Equal(TimingState.Overdue, timing.State);
                    break;
                case ReminderKind.Silent:
                    Assert.True(AssignmentRules.Silent.Invoke(a, Day));
                    break;
                case ReminderKind.AwaitingConfirmation:
                    Assert.Equal(TimingState.AwaitingConfirmation, timing.State);
                    break;
            }
        }
    }

    private static string Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
