using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using Microsoft.Extensions.Time.Testing;
using static HiepDuc.ParPortal.Domain.Tests.TestData;

namespace HiepDuc.ParPortal.Domain.Tests;

public class Timing_is_derived_from_today_the_deadline_in_force_and_the_state
{
    // Directive 3.d: "trong tháng 9/2023" — last day 30/09/2023.
    [Theory]
    [InlineData("2023-09-22", TimingState.InTerm, 8)]
    [InlineData("2023-09-23", TimingState.InTerm, 7)]
    [InlineData("2023-09-24", TimingState.DueSoon, 6)]
    [InlineData("2023-09-30", TimingState.DueSoon, 0)]
    [InlineData("2023-10-01", TimingState.Overdue, 1)]
    [InlineData("2023-10-31", TimingState.Overdue, 31)]
    public void Open_work_is_in_term_due_soon_or_overdue(string today, TimingState state, int days)
    {
        var timing = NewAssignment().TimingOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(state, timing.State);
        Assert.Equal(days, timing.Days);
    }

    [Theory]
    [InlineData(1, OverdueBucket.UpTo30)]
    [InlineData(30, OverdueBucket.UpTo30)]
    [InlineData(31, OverdueBucket.From31To60)]
    [InlineData(60, OverdueBucket.From31To60)]
    [InlineData(61, OverdueBucket.From61To120)]
    [InlineData(120, OverdueBucket.From61To120)]
    [InlineData(121, OverdueBucket.Over120)]
    public void Overdue_work_falls_in_age_buckets(int days, OverdueBucket bucket) =>
        Assert.Equal(bucket, new Timing(TimingState.Overdue, days).Bucket);

    [Fact]
    public void Ongoing_and_unset_deadlines_are_never_overdue_but_go_stale_without_reports()
    {
        var assigned = PortalCalendar.DateOf(Meeting);
        Assert.Equal(TimingState.NoDeadline, NewAssignment(Deadline.Ongoing()).TimingOn(assigned).State);
        Assert.Equal(TimingState.NoDeadline, NewAssignment(Deadline.NotSet(urgent: true)).TimingOn(assigned).State);

        var far = new DateOnly(2030, 1, 1);
        Assert.Equal(TimingState.Stale, NewAssignment(Deadline.Ongoing()).TimingOn(far).State);
        Assert.Equal(TimingState.UrgentUnanswered, NewAssignment(Deadline.NotSet(urgent: true)).TimingOn(far).State);
    }

    [Fact]
    public void A_submission_at_23_30_in_Vietnam_on_the_last_day_is_on_time_even_if_confirmed_late()
    {
        var a = NewAssignment();
        a.Submit(UnitHead, "Hoàn thành", At(2023, 9, 30, 23, 30)); // 16:30 UTC on 30/09
        a.Confirm(Office, At(2023, 10, 12));                        // the office's own delay does not count

        var timing = a.TimingOn(new DateOnly(2023, 10, 20));
        Assert.Equal(TimingState.CompletedOnTime, timing.State);
    }

    [Fact]
    public void A_submission_at_00_30_in_Vietnam_the_next_day_is_one_day_late_though_still_30_September_in_UTC()
    {
        var a = NewAssignment();
        var submitted = At(2023, 10, 1, 0, 30);
        Assert.Equal(30, submitted.UtcDateTime.Day);
        a.Submit(UnitHead, "Hoàn thành", submitted);
        a.Confirm(Office, At(2023, 10, 2));

        var timing = a.TimingOn(new DateOnly(2023, 10, 20));
        Assert.Equal(TimingState.CompletedLate, timing.State);
        Assert.Equal(1, timing.Days);
    }

    [Fact]
    public void Submitted_work_awaiting_confirmation_shows_the_timing_it_would_have_if_confirmed_now()
    {
        var a = NewAssignment();
        a.Submit(UnitHead, "Hoàn thành", At(2023, 9, 28));
        var timing = a.TimingOn(new DateOnly(2023, 10, 15));
        Assert.Equal(TimingState.AwaitingConfirmation, timing.State);
        Assert.False(timing.AwaitingLate);

        var late = NewAssignment();
        late.Submit(UnitHead, "Hoàn thành", At(2023, 10, 3));
        Assert.Equal(new Timing(TimingState.AwaitingConfirmation, 3), late.TimingOn(new DateOnly(2023, 10, 15)));
    }

    [Fact]
    public void Returned_work_is_judged_on_its_final_accepted_submission()
    {
        var a = NewAssignment();
        a.Submit(UnitHead, "Hoàn thành", At(2023, 9, 28));
        a.Return(Office, "Thiếu minh chứng", At(2023, 9, 29));
        Assert.Equal(TimingState.Overdue, a.TimingOn(new DateOnly(2023, 10, 3)).State);
        a.Submit(UnitHead, "Bổ sung minh chứng", At(2023, 10, 4));
        a.Confirm(Office, At(2023, 10, 5));
        var timing = a.TimingOn(new DateOnly(2023, 10, 20));
        Assert.Equal(TimingState.CompletedLate, timing.State);
        Assert.Equal(4, timing.Days);
    }

    [Fact]
    public void An_approved_extension_moves_the_deadline_in_force_and_keeps_the_original()
    {
        var a = NewAssignment();
        a.RequestExtension(UnitHead, new DateOnly(2023, 10, 15), "Chờ danh sách cán bộ mới", At(2023, 9, 25));
        Assert.Equal(ExtensionState.Pending, a.Extension);
        Assert.Equal(new DateOnly(2023, 9, 30), a.LastDayInForce);

        a.DecideExtension(Office, approve: true, null, At(2023, 9, 26));
        Assert.Equal(new DateOnly(2023, 10, 15), a.LastDayInForce);
        Assert.Equal(new DateOnly(2023, 9, 30), a.Deadline.LastDay);

        a.Submit(UnitHead, "Hoàn thành", At(2023, 10, 10));
        a.Confirm(Office, At(2023, 10, 11));
        Assert.Equal(TimingState.CompletedOnTime, a.TimingOn(new DateOnly(2023, 10, 20)).State);
    }

    [Fact]
    public void A_rejected_extension_leaves_the_deadline_and_needs_a_reason()
    {
        var a = NewAssignment();
        a.RequestExtension(UnitHead, new DateOnly(2023, 10, 15), "Lý do", At(2023, 9, 25));
        Assert.Throws<DomainException>(() => a.DecideExtension(Office, approve: false, null, At(2023, 9, 26)));
        a.DecideExtension(Office, approve: false, "Không có căn cứ", At(2023, 9, 26));
        Assert.Equal(new DateOnly(2023, 9, 30), a.LastDayInForce);
        Assert.Equal(TimingState.Overdue, a.TimingOn(new DateOnly(2023, 10, 2)).State);
    }

    [Fact]
    public void An_extension_must_move_the_deadline_later()
    {
        var a = NewAssignment();
        Assert.Throws<DomainException>(() => a.RequestExtension(UnitHead, new DateOnly(2023, 9, 29), "x", At(2023, 9, 25)));
    }

    [Fact]
    public void An_extension_reaches_at_most_five_years_ahead()
    {
        var a = NewAssignment();
        var far = Assert.Throws<DomainException>(() => a.RequestExtension(UnitHead, new DateOnly(9999, 12, 31), "x", At(2023, 9, 25)));
        Assert.Equal("assignment.extension.tooFar", far.Code);
        Assert.Throws<DomainException>(() => a.RequestExtension(UnitHead, new DateOnly(2028, 9, 26), "x", At(2023, 9, 25)));
        a.RequestExtension(UnitHead, new DateOnly(2028, 9, 25), "Dự án kéo dài", At(2023, 9, 25));
        Assert.Equal(ExtensionState.Pending, a.Extension);
    }

    [Fact]
    public void Today_is_the_calendar_day_in_Asia_Ho_Chi_Minh()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 9, 30, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2023, 10, 1), clock.Today());
    }
}
