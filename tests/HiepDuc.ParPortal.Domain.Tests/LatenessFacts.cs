using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using static HiepDuc.ParPortal.Domain.Tests.TestData;

namespace HiepDuc.ParPortal.Domain.Tests;

/// <summary>
/// Signals that stay true when time moves (docs/domain.md, "Lateness is a fact"): work recorded after the fact counts
/// from the day it was given, an extension granted after the deadline does not erase the lateness, only a confirmed
/// objective cause excuses it, and work with no deadline is never "on time".
/// </summary>
public class Lateness_is_a_fact_kept_when_time_moves
{
    /// <summary>The day the notice of 31/08/2023 was typed into the portal, three years later.</summary>
    private static readonly DateTimeOffset Recorded = At(2026, 12, 8);

    private static readonly DateOnly Today = new(2026, 12, 8);

    private static Assignment RecordedLate(Deadline deadline, DateOnly? givenOn = null)
    {
        var notice = new ConclusionNotice("UBND huyện Hiệp Đức", "Kết luận", new DateOnly(2023, 8, 31), "Toàn văn");
        var directive = notice.AddDirective("3.d", "Tài khoản dịch vụ công", "Nội dung", deadline, null);
        return directive.Assign(new Unit("HIEPTHUAN", "UBND xã Hiệp Thuận", UnitKind.CommuneOrTown, "Hiệp Thuận"), AssignmentRole.Implementing,
            Recorded, Office, givenOn: givenOn ?? new DateOnly(2023, 8, 31));
    }

    [Fact]
    public void Work_recorded_after_the_fact_is_silent_since_the_day_it_was_given()
    {
        var a = RecordedLate(Deadline.NotSet(urgent: true, "Khẩn trương"));

        Assert.Equal(new DateOnly(2023, 8, 31), a.AssignedOn);
        Assert.Equal(new DateOnly(2023, 8, 31), a.HeardOn);
        Assert.Equal(PortalCalendar.DateOf(Recorded), PortalCalendar.DateOf(a.CreatedAt));
        var timing = a.TimingOn(Today);
        Assert.Equal(TimingState.UrgentUnanswered, timing.State);
        Assert.Equal(1195, timing.Days);
        Assert.True(AssignmentRules.Silent.Invoke(a, new SignalDay(Today)));
    }

    [Fact]
    public void Work_cannot_be_given_after_it_was_recorded_nor_before_its_meeting()
    {
        Assert.Equal("assignment.givenOn.future", Assert.Throws<DomainException>(() => RecordedLate(Deadline.NotSet(), new DateOnly(2026, 12, 9))).Code);
        Assert.Equal("assignment.givenOn.beforeMeeting", Assert.Throws<DomainException>(() => RecordedLate(Deadline.NotSet(), new DateOnly(2023, 8, 30))).Code);
    }

    [Fact]
    public void A_monthly_duty_recorded_years_later_owes_every_cycle_since_it_was_given()
    {
        // "báo cáo hằng tháng, trước ngày 25", given on 20/11/2023: the first report was due 25/11/2023.
        var a = RecordedLate(Deadline.Recurring(Recurrence.Parse("M25"), "hằng tháng, trước ngày 25"), new DateOnly(2023, 11, 20));

        Assert.Equal(new DateOnly(2023, 11, 25), a.LastDayInForce);
        var timing = a.TimingOn(Today);
        Assert.Equal(TimingState.Overdue, timing.State);
        Assert.Equal(1109, timing.Days);
        // 25/11/2023 … 25/11/2026: 37 report days have passed without a report.
        Assert.Equal(37, a.MissedCyclesOn(Today));
        Assert.Equal(0, RecordedLate(Deadline.InMonth(2023, 9, "trong tháng 9/2023")).MissedCyclesOn(Today));
    }

    [Fact]
    public void An_extension_granted_after_the_deadline_keeps_the_days_it_was_late()
    {
        var a = RecordedLate(Deadline.InMonth(2023, 9, "trong tháng 9/2023"));
        Assert.Equal(new Timing(TimingState.Overdue, 1165), a.TimingOn(Today));

        a.RequestExtension(UnitHead, new DateOnly(2026, 12, 31), "Chờ kinh phí", Recorded);
        a.DecideExtension(Office, approve: true, null, At(2026, 12, 10));

        var running = a.TimingOn(new DateOnly(2026, 12, 10));
        Assert.Equal(TimingState.InTerm, running.State);
        Assert.Equal(1165, running.LateDays);
        Assert.False(running.Excused);
        Assert.Equal(1165, a.Events[^1].LateDays);

        a.Submit(UnitHead, "Hoàn thành", At(2026, 12, 20));
        a.Confirm(Office, At(2026, 12, 21));
        Assert.Equal(new Timing(TimingState.CompletedLate, 1165, 1165), a.TimingOn(new DateOnly(2026, 12, 22)));
    }

    [Fact]
    public void An_extension_asked_before_the_deadline_is_no_lateness_even_when_decided_after_it()
    {
        var a = NewAssignment();
        a.RequestExtension(UnitHead, new DateOnly(2023, 10, 31), "Chờ hướng dẫn", At(2023, 9, 28));
        a.DecideExtension(Office, approve: true, null, At(2023, 10, 5));

        a.Submit(UnitHead, "Hoàn thành", At(2023, 10, 30));
        a.Confirm(Office, At(2023, 11, 2));
        Assert.Equal(new Timing(TimingState.CompletedOnTime), a.TimingOn(new DateOnly(2023, 11, 3)));
    }

    [Fact]
    public void Only_a_confirmed_objective_cause_excuses_lateness()
    {
        var excused = RecordedLate(Deadline.InMonth(2023, 9, "trong tháng 9/2023"));
        excused.RequestExtension(UnitHead, new DateOnly(2026, 12, 31), "Bão lũ", Recorded);
        excused.DecideExtension(Office, approve: true, null, At(2026, 12, 10), objectiveCause: "Bão số 9 làm hư hỏng trụ sở");
        excused.Submit(UnitHead, "Hoàn thành", At(2026, 12, 20));
        excused.Confirm(Office, At(2026, 12, 21));

        var timing = excused.TimingOn(new DateOnly(2026, 12, 22));
        Assert.Equal(TimingState.CompletedOnTime, timing.State);
        Assert.True(timing.Excused);
        Assert.Equal(1165, timing.LateDays);
        Assert.Equal("Bão số 9 làm hư hỏng trụ sở", excused.ObjectiveCause);
        Assert.Contains(excused.Events, e => e.Kind == AssignmentEventKind.ObjectiveCauseConfirmed);

        // Confirming late work may excuse it too; work that was not late has nothing to excuse.
        var late = NewAssignment();
        late.Submit(UnitHead, "Hoàn thành", At(2023, 10, 10));
        late.Confirm(Office, At(2023, 10, 11), objectiveCause: "Phần mềm của tỉnh ngừng hoạt động");
        Assert.Equal(TimingState.CompletedOnTime, late.TimingOn(new DateOnly(2023, 10, 12)).State);

        var onTime = NewAssignment();
        onTime.Submit(UnitHead, "Hoàn thành", At(2023, 9, 20));
        Assert.Equal("assignment.objectiveCause.notLate",
            Assert.Throws<DomainException>(() => onTime.Confirm(Office, At(2023, 9, 21), objectiveCause: "Không có gì")).Code);
        Assert.Equal(AssignmentStatus.Submitted, onTime.Status);
    }

    [Fact]
    public void Work_with_no_deadline_is_never_on_time()
    {
        var a = RecordedLate(Deadline.NotSet());
        a.Submit(UnitHead, "Đã hoàn thành", Recorded);
        a.Confirm(Office, Recorded);

        var timing = a.TimingOn(Today);
        Assert.Equal(TimingState.CompletedNoDeadline, timing.State);
        Assert.Equal(SignalColour.Neutral, timing.Colour);
    }

    [Fact]
    public void A_recurring_cycle_reported_late_is_late()
    {
        var a = NewAssignment(Deadline.Recurring(Recurrence.Parse("M25"), "hằng tháng, trước ngày 25"));
        a.Report(UnitHead, "Báo cáo tháng 9", 10, At(2023, 9, 28)); // three days after 25/09
        Assert.Equal(3, a.LateDays);
        a.Report(UnitHead, "Báo cáo tháng 10", 20, At(2023, 10, 20));
        Assert.Equal(3, a.LateDays);
        a.Submit(UnitHead, "Hoàn thành", At(2023, 10, 21));
        a.Confirm(Office, At(2023, 10, 22));
        Assert.Equal(TimingState.CompletedLate, a.TimingOn(new DateOnly(2023, 10, 23)).State);
    }
}

/// <summary>The period of a notice's figure is read only where the notice writes it.</summary>
public class A_figure_s_period_is_read_from_the_words_before_it
{
    private static readonly DateOnly Meeting = new(2023, 8, 31);

    [Theory]
    [InlineData("tỷ lệ hồ sơ trễ hẹn cuối năm 2022 là 28,72", "2022-01-01", "2022-12-31")]
    [InlineData("8 tháng đầu năm 2023 tỷ lệ trễ hẹn còn 7,83", "2023-01-01", "2023-08-31")]
    [InlineData("(từ 28,72%, đến nay còn 7,83", "2023-01-01", "2023-08-31")]
    [InlineData("đến tháng 8 năm 2023, tỷ lệ hồ sơ trực tuyến đạt 57,7", "2023-08-01", "2023-08-31")]
    [InlineData("trong tháng 7/2023 đạt 40", "2023-07-01", "2023-07-31")]
    [InlineData("từ đầu năm đến nay không phát sinh, đạt 0", "2023-01-01", "2023-08-31")]
    [InlineData("11 tháng đầu năm 2023 đạt 80", "2023-01-01", "2023-11-30", "2023-12-20")]
    public void Written_periods_are_read(string context, string start, string end, string? meeting = null)
    {
        var period = Parsing.FigurePeriods.Read(context, meeting is null ? Meeting : DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(period);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period!.Start, period.End));
    }

    [Theory]
    [InlineData("tỷ lệ xác thực đạt 98")]
    [InlineData("đến nay còn 7,83%); tỷ lệ phát sinh hồ sơ trực tuyến tăng nhanh (từ 0")] // another clause's period is not this figure's
    [InlineData("kế hoạch năm 2024 phấn đấu đạt 90")] // after the meeting: no figure of the notice
    public void Unwritten_or_future_periods_are_not_guessed(string context) =>
        Assert.Null(Parsing.FigurePeriods.Read(context, Meeting));
}

/// <summary>A repeating reminder fires on the first day of its wait and every N days after; the next day is said.</summary>
public class A_reminder_fires_on_its_cadence_and_says_when_next
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    [Theory]
    // Overdue: the first overdue day, then every 7 days.
    [InlineData(1, 7, 1, true, "2026-12-15")]
    [InlineData(1, 7, 2, false, "2026-12-14")]
    [InlineData(1, 7, 1165, false, "2026-12-13")]
    // Silent: day 30 of silence, then every 30 days.
    [InlineData(30, 30, 29, false, "2026-12-09")]
    [InlineData(30, 30, 60, true, "2027-01-07")]
    [InlineData(30, 30, 1195, false, "2026-12-13")]
    public void The_cadence_fires_on_its_days(int first, int every, int days, bool due, string next)
    {
        var cadence = new Domain.Notifications.ReminderCadence(first, every);
        Assert.Equal(due, cadence.IsDue(days));
        Assert.Equal(DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture), cadence.NextAfter(days, Today));
    }

    [Fact]
    public void Due_soon_fires_seven_three_and_one_days_before()
    {
        Assert.Equal(Today.AddDays(2), Domain.Notifications.ReminderCadence.NextDueSoon(5, Today));
        Assert.Equal(Today.AddDays(2), Domain.Notifications.ReminderCadence.NextDueSoon(3, Today));
        Assert.Null(Domain.Notifications.ReminderCadence.NextDueSoon(1, Today));
    }
}

/// <summary>A merger tells the truth: lateness before the effective date is the former unit's, and history keeps its units.</summary>
public class Work_carried_to_a_successor_keeps_what_happened_before
{
    private static readonly Unit VietAn = new("VIETAN", "UBND xã Việt An", UnitKind.CommuneOrTown, "Việt An");

    [Fact]
    public void Overdue_work_carried_over_inherits_its_lateness_and_its_history_names_the_former_unit()
    {
        var a = NewAssignment(); // Hiệp Thuận, 3.d, due 30/09/2023
        a.TransferTo(VietAn, "Sáp nhập theo Nghị quyết 147/NQ-HĐND", Office, At(2025, 7, 1));

        Assert.Equal(640, a.InheritedLateDays); // 30/09/2023 → 01/07/2025
        var timing = a.TimingOn(new DateOnly(2025, 7, 10));
        Assert.Equal(TimingState.Overdue, timing.State);
        Assert.Equal(640, timing.Inherited);
        Assert.Equal("Hiệp Thuận", a.Events[0].UnitName);
        Assert.Equal("Việt An", a.Events[^1].UnitName);
        Assert.Equal(640, a.Events[^1].LateDays);
    }

    [Fact]
    public void A_new_deadline_given_on_transfer_judges_the_successor_on_it_and_keeps_the_lateness()
    {
        var a = NewAssignment();
        a.TransferTo(VietAn, "Sáp nhập", Office, At(2025, 7, 1), newLastDay: new DateOnly(2025, 9, 30));

        Assert.Equal(new DateOnly(2025, 9, 30), a.LastDayInForce);
        var timing = a.TimingOn(new DateOnly(2025, 7, 10));
        Assert.Equal(TimingState.InTerm, timing.State);
        Assert.Equal(640, timing.LateDays);
        a.Submit(UnitHead, "Hoàn thành", At(2025, 9, 1));
        a.Confirm(Office, At(2025, 9, 2));
        Assert.Equal(TimingState.CompletedLate, a.TimingOn(new DateOnly(2025, 9, 3)).State);

        // Work not overdue keeps its own deadline; a new day in the past is refused.
        var onTime = NewAssignment(Deadline.InYear(2025, "trong năm 2025"));
        onTime.TransferTo(VietAn, "Sáp nhập", Office, At(2025, 7, 1), newLastDay: new DateOnly(2025, 9, 30));
        Assert.Equal(new DateOnly(2025, 12, 31), onTime.LastDayInForce);
        Assert.Equal(0, onTime.InheritedLateDays);
        Assert.Equal("assignment.transferDeadline", Assert.Throws<DomainException>(() =>
            NewAssignment().TransferTo(VietAn, "Sáp nhập", Office, At(2025, 7, 1), newLastDay: new DateOnly(2025, 6, 1))).Code);
    }
}

/// <summary>A successor's shares of one directive become one: the others merge into the one kept.</summary>
public class Shares_of_one_directive_become_one
{
    [Fact]
    public void Only_an_open_share_of_the_same_directive_and_unit_can_take_another()
    {
        var a = NewAssignment();
        Assert.Equal("assignment.merge", Assert.Throws<DomainException>(() => a.MergeInto(a, "Gộp", Office, At(2025, 7, 1))).Code);
        var other = NewAssignment();
        Assert.Equal("assignment.merge", Assert.Throws<DomainException>(() => a.MergeInto(other, "Gộp", Office, At(2025, 7, 1))).Code); // another directive, not saved
        Assert.Equal(AssignmentStatus.NotStarted, a.Status);
    }
}
