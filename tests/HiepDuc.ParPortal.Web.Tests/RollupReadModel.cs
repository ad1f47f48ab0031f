using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>The stored roll-up deadline (Directive.RollupDueOn) behind the "overdue" filter always agrees with the roll-up rule.</summary>
public class The_stored_roll_up_deadline(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateTimeOffset At = new(2023, 9, 1, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Follows_every_change_of_the_assignments_and_gives_the_same_overdue_set_as_the_rule_on_any_day()
    {
        int withLead, withoutLead;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var units = await db.Units.OrderBy(u => u.Id).Take(3).ToListAsync();
            var notice = new ConclusionNotice("UBND huyện Hiệp Đức", "Dữ liệu thử nghiệm", new DateOnly(2023, 8, 20), "Dữ liệu thử nghiệm");
            db.Notices.Add(notice);
            var a = notice.AddDirective("1", "Có đơn vị chủ trì", "Nội dung", Deadline.OnDate(new DateOnly(2023, 9, 30)), null);
            a.Assign(units[0], AssignmentRole.Lead, At, Actor.System);
            a.Assign(units[1], AssignmentRole.Implementing, At, Actor.System, Deadline.OnDate(new DateOnly(2023, 9, 10)));
            a.Assign(units[2], AssignmentRole.Coordinating, At, Actor.System, Deadline.OnDate(new DateOnly(2023, 9, 5)));
            var b = notice.AddDirective("2", "Các đơn vị thực hiện", "Nội dung", Deadline.OnDate(new DateOnly(2023, 10, 15)), null);
            b.Assign(units[0], AssignmentRole.Implementing, At, Actor.System);
            b.Assign(units[1], AssignmentRole.Implementing, At, Actor.System, Deadline.OnDate(new DateOnly(2023, 10, 1)));
            await db.SaveChangesAsync();
            (withLead, withoutLead) = (a.Id, b.Id);
        }

        // New assignments: the lead decides for the first, the earliest implementing unit for the second.
        Assert.Equal(new DateOnly(2023, 9, 30), await DueOn(withLead));
        Assert.Equal(new DateOnly(2023, 10, 1), await DueOn(withoutLead));

        await Change(withLead, AssignmentRole.Lead, a => { a.Submit(Actor.System, "Đã xong", At.AddDays(20)); a.Confirm(Actor.System, At.AddDays(21)); });
        Assert.Null(await DueOn(withLead)); // the lead finished; the others do not decide the directive's timing
        await Change(withLead, AssignmentRole.Lead, a => a.Reopen(Actor.System, "Chưa đạt yêu cầu", At.AddDays(22)));
        Assert.Equal(new DateOnly(2023, 9, 30), await DueOn(withLead));
        await Change(withLead, AssignmentRole.Lead, a => a.Cancel(Actor.System, "Chuyển đơn vị khác", At.AddDays(23)));
        Assert.Equal(new DateOnly(2023, 9, 10), await DueOn(withLead)); // no lead any more: the implementing unit decides

        await Change(withoutLead, AssignmentRole.Implementing, a => a.SetDeadline(Deadline.OnDate(new DateOnly(2023, 9, 20)), Actor.System, At.AddDays(1)));
        Assert.Equal(new DateOnly(2023, 9, 20), await DueOn(withoutLead));

        // On any day, the stored column selects exactly the directives the roll-up rule calls overdue.
        var directives = await factory.QueryAsync(db => db.Directives.AsNoTracking().Include(d => d.Assignments).ToListAsync());
        var days = directives.SelectMany(d => d.Assignments).Select(a => a.LastDayInForce).OfType<DateOnly>().Distinct()
            .SelectMany(d => new[] { d, d.AddDays(1) }).Append(new DateOnly(2023, 10, 5)).Distinct().ToList();
        foreach (var today in days)
        {
            var day = new SignalDay(today);
            var byRule = directives.Where(d => DirectiveRollup.Compute(d.IsCancelled, d.Assignments.Select(a => new AssignmentSnapshot(a.Role, a.Status, a.Progress, a.TimingOn(day).State))).State == DirectiveState.Overdue)
                .Select(d => d.Id).Order().ToList();
            var byColumn = directives.Where(d => !d.IsCancelled && d.RollupDueOn < today).Select(d => d.Id).Order().ToList();
            Assert.Equal(byRule, byColumn);
        }
    }

    private Task<DateOnly?> DueOn(int directiveId) =>
        factory.QueryAsync(db => db.Directives.Where(d => d.Id == directiveId).Select(d => d.RollupDueOn).SingleAsync());

    private async Task Change(int directiveId, AssignmentRole role, Action<Assignment> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        change(await db.Assignments.FirstAsync(a => a.DirectiveId == directiveId && a.Role == role));
        await db.SaveChangesAsync();
    }
}
