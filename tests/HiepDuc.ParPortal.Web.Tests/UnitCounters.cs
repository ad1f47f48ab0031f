using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.ReadModel;
using HiepDuc.ParPortal.Web.Infrastructure;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The units' counters and the directives' stored roll-ups are kept by the save pipeline in the same transaction as
/// every change of an assignment or a directive. After random sequences of the follow-up loop's actions they equal a
/// full recomputation, and on any day the timing derived from the counters' stored days equals the timing of the
/// assignments themselves, state by state and bucket by bucket, unit by unit.
/// </summary>
public class The_unit_counters_never_drift_from_the_assignments(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Actor Office = new(null, "Văn phòng");

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task After_a_random_sequence_of_actions_the_counters_equal_a_full_recount_and_give_the_same_timing(int seed)
    {
        var rng = new Random(seed);
        var at = new DateTimeOffset(2023, 9, 5, 9, 0, 0, TimeSpan.FromHours(7));
        for (var step = 0; step < 60; step++)
        {
            at = at.AddDays(rng.Next(0, 6));
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var assignments = await db.Assignments.Include(a => a.Directive).Where(a => !a.Directive.IsCancelled).ToListAsync();
            var a = assignments[rng.Next(assignments.Count)];
            try
            {
                Act(db, a, rng, at);
                if (step % 9 == 0)
                {
                    // Several changes in one save.
                    Act(db, assignments[rng.Next(assignments.Count)], rng, at);
                }

                if (step % 13 == 5)
                {
                    await NewWorkAsync(db, rng, at);
                }

                if (step == 40)
                {
                    a.Directive.Cancel("Không còn phù hợp", Office, at);
                }

                await db.SaveChangesAsync();
            }
            catch (DomainException)
            {
                // Not allowed in the assignment's state: nothing is saved.
            }
        }

        var (stored, fresh, drifted) = await factory.QueryAsync(async db => (
            await db.UnitTallies.AsNoTracking().ToListAsync(),
            await UnitTally.ComputeAsync(db, null, CancellationToken.None),
            await DirectiveRollups.Drifted(db.Directives).CountAsync()));
        Assert.Equal(0, drifted);
        Assert.True(fresh.Count > 10);
        Assert.Equal(0, UnitTally.Drift(stored, fresh));

        // The timing the counters give equals the assignments' own, on days before, inside and long after the sequence.
        foreach (var today in new[] { new DateOnly(2023, 8, 1), new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 24), new DateOnly(2024, 3, 1), new DateOnly(2026, 1, 1) })
        {
            var day = new SignalDay(today);
            var (fromCounters, fromAssignments) = await factory.QueryAsync(async db =>
            {
                var stateOn = UnitTally.StateOn.With(day);
                var bucketOn = UnitTally.BucketOn.With(day);
                var counters = await db.UnitTallies.AsNoTracking()
                    .SelectExpanded(t => new { t.UnitId, State = stateOn.Invoke(t), Bucket = bucketOn.Invoke(t), t.Count })
                    .ToListAsync();
                var state = AssignmentRules.State.With(day);
                var bucket = AssignmentRules.Bucket.With(day);
                var rows = await db.Assignments.AsNoTracking().Where(x => !x.Directive.IsCancelled)
                    .SelectExpanded(x => new { x.UnitId, State = state.Invoke(x), Bucket = bucket.Invoke(x) })
                    .ToListAsync();
                return (
                    counters.GroupBy(c => (c.UnitId, c.State, c.Bucket)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
                    rows.GroupBy(r => (r.UnitId, r.State, r.Bucket)).ToDictionary(g => g.Key, g => g.Count()));
            });
            Assert.Equal(fromAssignments.OrderBy(k => k.Key).ToList(), fromCounters.OrderBy(k => k.Key).ToList());
        }
    }

    /// <summary>
    /// Parallel writers on one SQLite file, each with its own context, report on and change the assignments of a few
    /// units at once (so their saves touch the same counters): afterwards the counters equal a full recount, and no
    /// counter is stored twice.
    /// </summary>
    [Fact]
    public async Task Parallel_saves_that_touch_the_same_counters_leave_them_equal_to_a_recount()
    {
        var units = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "HIEPTHUAN" || u.Code == "QUELUU" || u.Code == "BINHLAM").Select(u => u.Id).ToListAsync());
        var ids = await factory.QueryAsync(db => db.Assignments.Where(a => units.Contains(a.UnitId) && !a.Directive.IsCancelled).Select(a => a.Id).ToListAsync());
        var saved = 0;
        async Task Writer(int seed)
        {
            var rng = new Random(seed);
            var at = new DateTimeOffset(2023, 10, 1, 9, 0, 0, TimeSpan.FromHours(7));
            for (var step = 0; step < 25; step++)
            {
                at = at.AddHours(rng.Next(1, 30));
                await using var scope = factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
                var pick = ids[rng.Next(ids.Count)];
                var a = await db.Assignments.Include(x => x.Directive).SingleAsync(x => x.Id == pick);
                try
                {
                    Act(db, a, rng, at);
                    await db.SaveChangesAsync();
                    Interlocked.Increment(ref saved);
                }
                catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
                {
                    // Not allowed in its state, or another writer changed it first: nothing of this save is kept.
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Writer(100 + i))));

        Assert.True(saved > 20, $"only {saved} saves went through");
        var (stored, fresh) = await factory.QueryAsync(async db => (await db.UnitTallies.AsNoTracking().ToListAsync(), await UnitTally.ComputeAsync(db, null, CancellationToken.None)));
        Assert.Equal(stored.Count, stored.Select(t => t.KeyText).Distinct().Count());
        Assert.All(stored, t => Assert.Equal(t.Key.Text, t.KeyText));
        Assert.Equal(0, UnitTally.Drift(stored, fresh));
    }

    [Fact]
    public async Task A_counter_cannot_be_stored_twice()
    {
        var copy = await factory.QueryAsync(db => db.UnitTallies.AsNoTracking().FirstAsync());
        var twin = new UnitTally
        {
            UnitId = copy.UnitId, Status = copy.Status, Settled = copy.Settled, LastDayInForce = copy.LastDayInForce, HeardOn = copy.HeardOn,
            IsUrgent = copy.IsUrgent, LateBefore = copy.LateBefore, KeyText = copy.KeyText, Count = copy.Count, Reported = copy.Reported, LastHeardOn = copy.LastHeardOn,
        };
        await Assert.ThrowsAsync<DbUpdateException>(() => factory.QueryAsync(db =>
        {
            db.UnitTallies.Add(twin);
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Rebuild_reports_and_corrects_a_tampered_counter()
    {
        await factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE UnitTallies SET Count = Count + 1 WHERE Id = (SELECT MIN(Id) FROM UnitTallies)"));
        var output = new StringWriter();
        Assert.Equal(0, await PortalCommands.RunAsync(factory.Services, ["rebuild-read-model"], output));
        Assert.Contains("unit counters: 2 drifted", output.ToString(), StringComparison.Ordinal); // the wrong counter gone, the right one back

        var again = new StringWriter();
        await PortalCommands.RunAsync(factory.Services, ["rebuild-read-model"], again);
        Assert.Contains("unit counters: 0 drifted", again.ToString(), StringComparison.Ordinal);
    }

    private static void Act(ParPortalDbContext db, Assignment a, Random rng, DateTimeOffset at)
    {
        var unit = new Actor(null, "Đơn vị");
        switch (rng.Next(9))
        {
            case 0 or 1:
                a.Report(unit, "Đang triển khai", rng.Next(0, 100), at);
                break;
            case 2:
                a.Submit(unit, "Đã hoàn thành", at);
                break;
            case 3:
                a.Confirm(Office, at);
                break;
            case 4:
                a.Return(Office, "Bổ sung hồ sơ", at);
                break;
            case 5:
                a.Cancel(Office, "Không còn phù hợp", at);
                break;
            case 6:
                a.Reopen(Office, "Làm lại", at);
                break;
            case 7:
                a.SetDeadline(rng.Next(3) switch
                {
                    0 => Deadline.OnDate(PortalCalendar.DateOf(at).AddDays(rng.Next(-40, 40))),
                    1 => Deadline.NotSet(urgent: true),
                    _ => Deadline.NotSet(),
                }, Office, at);
                break;
            default:
                a.RequestExtension(unit, (a.LastDayInForce ?? PortalCalendar.DateOf(at)).AddDays(rng.Next(1, 30)), "Cần thêm thời gian", at);
                a.DecideExtension(Office, rng.Next(2) == 0, null, at);
                break;
        }
    }

    private static async Task NewWorkAsync(ParPortalDbContext db, Random rng, DateTimeOffset at)
    {
        var directives = await db.Directives.Where(d => !d.IsCancelled).Select(d => d.Id).ToListAsync();
        var id = directives[rng.Next(directives.Count)];
        var directive = await db.Directives.Include(d => d.Assignments).SingleAsync(d => d.Id == id);
        var taken = directive.Assignments.Select(x => x.UnitId).ToList();
        if (await db.Units.Where(u => !taken.Contains(u.Id)).OrderBy(u => u.Id).FirstOrDefaultAsync() is not { } unit)
        {
            return;
        }

        directive.Assign(unit, AssignmentRole.Implementing, at, Office, Deadline.OnDate(PortalCalendar.DateOf(at).AddDays(rng.Next(-10, 30))));
    }
}
