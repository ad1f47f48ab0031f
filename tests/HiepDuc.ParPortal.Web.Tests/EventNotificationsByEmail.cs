using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Each event reaches the bell always, and the mailbox only for the kinds the person wants by e-mail.</summary>
public class Event_notifications_follow_each_person_s_choices(Event_notifications_follow_each_person_s_choices.Factory factory) : IClassFixture<Event_notifications_follow_each_person_s_choices.Factory>
{
    [Fact]
    public async Task A_muted_kind_rings_the_bell_but_sends_no_e_mail_and_an_event_is_told_once()
    {
        var head = await factory.CreateUserAsync("mail.queluu", Roles.UnitHead, "QUELUU");
        await factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == head.Id);
            user.MutedEmailKinds = nameof(ReminderKind.Urged);
            return await db.SaveChangesAsync();
        });

        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "QUELUU" && a.Directive.Label == "3.b").Select(a => a.Id).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var a = await db.Assignments.SingleAsync(x => x.Id == id);
            var office = new Actor("office", "Văn phòng");
            a.Note(AssignmentEventKind.Urged, office, "Đề nghị báo cáo trước thứ Sáu", factory.Clock.GetUtcNow());
            a.SetDeadline(Deadline.OnDate(new DateOnly(2023, 11, 30)), office, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var (bell, mail) = await factory.QueryAsync(async db => (
            await db.Notifications.Where(n => n.UserId == head.Id && n.AssignmentId == id).Select(n => n.Kind).ToListAsync(),
            await db.OutboxEmails.Where(e => e.To == "mail.queluu@hiepduc.test").Select(e => e.Subject).ToListAsync()));
        Assert.Equal([ReminderKind.Urged, ReminderKind.DeadlineChanged], bell.Order());
        Assert.Single(mail);
        Assert.Contains("Thời hạn mục 3.b thay đổi", mail[0], StringComparison.Ordinal);

        // One notification per event and person, whatever saves again.
        var keys = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == head.Id && n.EventKey != null).Select(n => n.EventKey).ToListAsync());
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    public sealed class Factory : PortalFactory
    {
        public Factory() => Settings["Smtp:Host"] = "127.0.0.1"; // e-mails wait in the outbox; nothing is sent here
    }
}
