using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Notifications;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>An SMTP server in the test process, on a free loopback port, keeping every message it receives.</summary>
public sealed class CapturingSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public CapturingSmtp()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("127.0.0.1").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = [];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }

            stream.Position = 0;
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A portal whose clock starts before the reminder tests' first day, optionally sending mail to an SMTP port on 127.0.0.1.</summary>
public class ReminderPortal : PortalFactory
{
    public ReminderPortal()
        : this(null)
    {
    }

    protected ReminderPortal(int? smtpPort)
        : base(ReminderRuns.Start)
    {
        if (smtpPort is { } port)
        {
            Settings["Smtp:Host"] = "127.0.0.1";
            Settings["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Smtp:Security"] = "None";
        }
    }
}

public static class ReminderRuns
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Before the first day the reminder tests run (the fake clock only moves forward).</summary>
    public static readonly DateTimeOffset Start = new(2023, 9, 20, 7, 0, 0, Vietnam);

    /// <summary>Moves the portal's clock to 08:00 of a day in Hiệp Đức and runs the day's reminders.</summary>
    public static async Task<int> RunOnAsync(this PortalFactory factory, DateOnly day)
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Vietnam));
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(day);
    }

    public static async Task<(int Sent, int Failed)> SendMailAsync(this PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync();
    }

    public static Task<List<(DateOnly Day, ReminderKind Kind, int? Assignment)>> NotificationsOfAsync(this PortalFactory factory, string userId) =>
        factory.QueryAsync(async db => (await db.Notifications.Where(n => n.UserId == userId).OrderBy(n => n.Id).Select(n => new { n.CreatedAt, n.Kind, n.AssignmentId }).ToListAsync())
            .Select(n => (PortalCalendar.DateOf(n.CreatedAt), n.Kind, n.AssignmentId)).ToList());
}

public class Reminders_come_on_the_right_days_and_only_then : IClassFixture<ReminderPortal>
{
    private readonly ReminderPortal _factory;

    public Reminders_come_on_the_right_days_and_only_then(ReminderPortal factory) => _factory = factory;

    [Fact]
    public async Task Walking_from_20_September_to_10_October_2023()
    {
        var f = _factory;
        var head = await f.CreateUserAsync("r.hiepthuan", Roles.UnitHead, "HIEPTHUAN");
        var queLuu = await f.CreateUserAsync("r.queluu", Roles.UnitHead, "QUELUU");
        var office = await f.CreateUserAsync("r.office", Roles.DistrictOffice, "VPHDND");
        var chairman = await f.CreateUserAsync("r.chairman", Roles.Chairman);
        var ids = await f.QueryAsync(db => db.Assignments.Where(a => a.Directive.NoticeId == 1).Select(a => new { a.Id, a.Unit.Code, a.Directive.Label }).ToListAsync());
        int Id(string unit, string label) => ids.Single(a => a.Code == unit && a.Label == label).Id;

        // Quế Lưu reports 3.b done on 25/09; the office has not confirmed it.
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var bId = Id("QUELUU", "3.b");
            var b = await db.Assignments.SingleAsync(a => a.Id == bId);
            b.Submit(new Actor(queLuu.Id, "Quế Lưu"), "Đã niêm yết xin lỗi", new DateTimeOffset(2023, 9, 25, 10, 0, 0, ReminderRuns.Vietnam));
            // ...and on 22/09 asked for more time on 3.d; nobody has decided yet.
            var extId = Id("QUELUU", "3.d");
            var ext = await db.Assignments.SingleAsync(a => a.Id == extId);
            ext.RequestExtension(new Actor(queLuu.Id, "Quế Lưu"), new DateOnly(2023, 10, 15), "Chờ cấp bổ sung chữ ký số", new DateTimeOffset(2023, 9, 22, 9, 0, 0, ReminderRuns.Vietnam));
            await db.SaveChangesAsync();
        }

        for (var day = new DateOnly(2023, 9, 20); day <= new DateOnly(2023, 10, 10); day = day.AddDays(1))
        {
            await f.RunOnAsync(day);
        }

        var mine = await f.NotificationsOfAsync(head.Id);
        var d = Id("HIEPTHUAN", "3.d");
        Assert.Equal(
            [
                (new DateOnly(2023, 9, 23), ReminderKind.DueIn7), (new DateOnly(2023, 9, 27), ReminderKind.DueIn3), (new DateOnly(2023, 9, 29), ReminderKind.DueIn1),
                (new DateOnly(2023, 9, 30), ReminderKind.Silent), (new DateOnly(2023, 10, 1), ReminderKind.Overdue), (new DateOnly(2023, 10, 8), ReminderKind.Overdue),
            ],
            mine.Where(n => n.Assignment == d).Select(n => (n.Day, n.Kind)));

        // A unit head hears only of their own unit's work.
        var own = ids.Where(a => a.Code == "HIEPTHUAN").Select(a => (int?)a.Id).ToHashSet();
        Assert.All(mine, n => Assert.Contains(n.Assignment, own));
        Assert.All(await f.NotificationsOfAsync(queLuu.Id), n => Assert.Contains(n.Assignment, ids.Where(a => a.Code == "QUELUU").Select(a => (int?)a.Id)));

        // The office hears of 3.b waiting for confirmation after 5 and 10 days; the chairman gets Monday's digest.
        Assert.Equal([new DateOnly(2023, 9, 30), new DateOnly(2023, 10, 5), new DateOnly(2023, 10, 10)],
            (await f.NotificationsOfAsync(office.Id)).Where(n => n.Kind == ReminderKind.AwaitingConfirmation).Select(n => n.Day));
        Assert.Equal([new DateOnly(2023, 9, 27), new DateOnly(2023, 10, 2), new DateOnly(2023, 10, 7)],
            (await f.NotificationsOfAsync(office.Id)).Where(n => n.Kind == ReminderKind.ExtensionPending).Select(n => n.Day));
        Assert.DoesNotContain(await f.NotificationsOfAsync(queLuu.Id), n => n.Kind is ReminderKind.ExtensionPending or ReminderKind.AwaitingConfirmation);
        Assert.Equal([new DateOnly(2023, 9, 25), new DateOnly(2023, 10, 2), new DateOnly(2023, 10, 9)],
            (await f.NotificationsOfAsync(chairman.Id)).Where(n => n.Kind == ReminderKind.WeeklyDigest).Select(n => n.Day));

        // Running a day again sends nothing twice.
        var before = await f.QueryAsync(db => db.Notifications.CountAsync());
        await using (var scope = f.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(new DateOnly(2023, 10, 1)));
        }

        Assert.Equal(before, await f.QueryAsync(db => db.Notifications.CountAsync()));
    }

}

public class Two_runs_at_once_send_each_reminder_once(ReminderPortal factory) : IClassFixture<ReminderPortal>
{
    [Fact]
    public async Task The_unique_key_in_the_database_refuses_the_second_copy()
    {
        await factory.CreateUserAsync("p.hiepthuan", Roles.UnitHead, "HIEPTHUAN");
        await factory.CreateUserAsync("p.land", Roles.UnitHead, "CNVPDKDD");
        var day = new DateOnly(2023, 10, 1);
        factory.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), ReminderRuns.Vietnam));

        async Task<int> Run()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(day);
        }

        var results = await Task.WhenAll(Run(), Run(), Run());
        var logs = await factory.QueryAsync(db => db.ReminderLogs.Where(r => r.Day == day).ToListAsync());
        Assert.Equal(logs.Count, results.Sum());
        Assert.Equal(logs.Count, logs.Select(l => (l.AssignmentId, l.Kind)).Distinct().Count());
        var notifications = await factory.QueryAsync(db => db.Notifications.Select(n => new { n.UserId, n.AssignmentId, n.Kind }).ToListAsync());
        Assert.Equal(notifications.Count, notifications.Distinct().Count());
        Assert.NotEmpty(notifications);
    }
}

public class Reminders_go_out_by_e_mail : IClassFixture<Reminders_go_out_by_e_mail.Factory>
{
    private readonly Factory _factory;

    public Reminders_go_out_by_e_mail(Factory factory) => _factory = factory;

    [Fact]
    public async Task A_real_SMTP_server_receives_the_reminders_for_3d_and_3e_as_the_clock_passes_30_September()
    {
        var f = _factory;
        var head = await f.CreateUserAsync("m.hiepthuan", Roles.UnitHead, "HIEPTHUAN");
        var land = await f.CreateUserAsync("m.land", Roles.UnitHead, "CNVPDKDD");
        var quiet = await f.CreateUserAsync("m.quiet", Roles.UnitHead, "HIEPTHUAN");
        var gone = await f.CreateUserAsync("m.gone", Roles.UnitHead, "HIEPTHUAN");
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var q = await users.FindByIdAsync(quiet.Id);
            q!.EmailNotifications = false;
            await users.UpdateAsync(q);
            var g = await users.FindByIdAsync(gone.Id);
            g!.IsActive = false;
            await users.UpdateAsync(g);
        }

        foreach (var day in new[] { new DateOnly(2023, 9, 29), new DateOnly(2023, 9, 30), new DateOnly(2023, 10, 1) })
        {
            await f.RunOnAsync(day);
        }

        var earlier = f.Smtp.Messages.Count; // the other test of this class may have sent mail first
        var (sent, failed) = await f.SendMailAsync();
        Assert.Equal(0, failed);
        Assert.True(sent > 0);
        var messages = f.Smtp.Messages.Skip(earlier).ToList();
        Assert.Equal(sent, messages.Count);

        var dId = await f.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.d").Select(a => a.Id).SingleAsync());
        var overdue = messages.Single(m => m.To.Mailboxes.Single().Address == "m.hiepthuan@hiepduc.test" && (m.Subject ?? string.Empty).Contains("3.d đã quá hạn 1 ngày", StringComparison.Ordinal));
        Assert.Contains("Kính gửi Người dùng m.hiepthuan", overdue.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Thời hạn: 30/09/2023", overdue.TextBody!, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/assignments/{dId}", overdue.TextBody!, StringComparison.Ordinal);
        Assert.Contains($"href=\"http://portal.test/assignments/{dId}\"", overdue.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains(messages, m => m.To.Mailboxes.Single().Address == "m.land@hiepduc.test" && (m.Subject ?? string.Empty).Contains("3.e", StringComparison.Ordinal));
        Assert.Contains(messages, m => (m.Subject ?? string.Empty).Contains("3.d còn 1 ngày đến hạn", StringComparison.Ordinal));

        // No e-mail to someone who switched it off (the bell still rings) nor to a deactivated account.
        Assert.DoesNotContain(messages, m => m.To.Mailboxes.Single().Address is "m.quiet@hiepduc.test" or "m.gone@hiepduc.test");
        Assert.NotEmpty(await f.NotificationsOfAsync(quiet.Id));
        Assert.Empty(await f.NotificationsOfAsync(gone.Id));
        Assert.Equal((0, 0), await f.SendMailAsync()); // nothing sent twice
    }

    [Fact]
    public async Task The_office_s_urge_reaches_the_unit_in_the_portal_and_by_e_mail()
    {
        var f = _factory;
        var head = await f.CreateUserAsync("u.songtra", Roles.UnitHead, "SONGTRA");
        var office = await f.SignedInAsync(await f.CreateUserAsync("u.office", Roles.DistrictOffice, "VPHDND"));
        var id = await f.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "SONGTRA" && a.Directive.Label == "3.c").Select(a => a.Id).SingleAsync());
        var response = await office.PostActionAsync(id, "urge", new() { ["Text"] = "Đề nghị báo cáo tiến độ số hóa trước thứ Sáu" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains((await f.NotificationsOfAsync(head.Id)), n => n.Kind == ReminderKind.Urged && n.Assignment == id);
        await f.SendMailAsync();
        Assert.Contains(f.Smtp.Messages, m => m.To.Mailboxes.Single().Address == "u.songtra@hiepduc.test" && (m.TextBody ?? string.Empty).Contains("trước thứ Sáu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_senders_at_once_deliver_each_e_mail_once()
    {
        var f = _factory;
        await f.CreateUserAsync("t.hiepthuan", Roles.UnitHead, "HIEPTHUAN");
        await f.CreateUserAsync("t.hiepthuan2", Roles.UnitHead, "HIEPTHUAN");
        var id = await f.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Directive.Label == "3.a").Select(a => a.Id).SingleAsync());
        await using (var scope = f.Services.CreateAsyncScope())
        {
            // The office urges: the event itself tells the unit's heads (in the portal and by e-mail).
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            (await db.Assignments.SingleAsync(a => a.Id == id)).Note(AssignmentEventKind.Urged, new Actor("office", "Văn phòng"), "Đề nghị khẩn trương triển khai", f.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var waiting = await f.QueryAsync(db => db.OutboxEmails.CountAsync(e => e.SentAt == null));
        Assert.True(waiting >= 2);
        var before = f.Smtp.Messages.Count;
        var results = await Task.WhenAll(f.SendMailAsync(), f.SendMailAsync(), f.SendMailAsync());
        Assert.Equal(waiting, results.Sum(r => r.Sent));
        Assert.Equal(waiting, f.Smtp.Messages.Count - before);
        Assert.Equal(0, await f.QueryAsync(db => db.OutboxEmails.CountAsync(e => e.SentAt == null)));
    }

    public sealed class Factory : ReminderPortal
    {
        public Factory()
            : this(new CapturingSmtp())
        {
        }

        private Factory(CapturingSmtp smtp)
            : base(smtp.Port)
        {
            Smtp = smtp;
            Settings["Reminders:BaseUrl"] = "http://portal.test";
        }

        public CapturingSmtp Smtp { get; }

        public override async ValueTask DisposeAsync()
        {
            await Smtp.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}

public class With_the_SMTP_server_down_reminders_still_appear_and_mail_is_retried : IClassFixture<With_the_SMTP_server_down_reminders_still_appear_and_mail_is_retried.Factory>
{
    private readonly Factory _factory;

    public With_the_SMTP_server_down_reminders_still_appear_and_mail_is_retried(Factory factory) => _factory = factory;

    [Fact]
    public async Task The_failure_is_recorded_with_a_later_retry_and_nothing_breaks()
    {
        var head = await _factory.CreateUserAsync("d.hiepthuan", Roles.UnitHead, "HIEPTHUAN");
        await _factory.RunOnAsync(new DateOnly(2023, 10, 1));
        Assert.NotEmpty(await _factory.NotificationsOfAsync(head.Id));

        var (sent, failed) = await _factory.SendMailAsync();
        Assert.Equal(0, sent);
        Assert.True(failed > 0);
        var mail = await _factory.QueryAsync(db => db.OutboxEmails.ToListAsync());
        Assert.All(mail, m =>
        {
            Assert.Null(m.SentAt);
            Assert.Equal(1, m.Attempts);
            Assert.True(m.NextAttemptAt > _factory.Clock.GetUtcNow());
            Assert.NotNull(m.LastError);
        });
        Assert.Equal((0, 0), await _factory.SendMailAsync()); // not yet time for the retry

        // The bell and the page still work.
        var client = await _factory.SignedInAsync(head);
        var page = await client.GetDocumentAsync("/notifications");
        Assert.NotEmpty(page.QuerySelectorAll("#notifications [data-read='false']"));
        Assert.NotNull(page.QuerySelector("#bell-count"));
    }

    public sealed class Factory : ReminderPortal
    {
        public Factory()
            : base(CapturingSmtp.FreePort()) // nobody listens there
        {
        }
    }
}
