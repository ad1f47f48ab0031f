using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using static HiepDuc.ParPortal.Domain.Tests.TestData;

namespace HiepDuc.ParPortal.Domain.Tests;

/// <summary>Each signal rule on the days around its threshold (docs/domain.md, "Signals").</summary>
public class Signals_change_exactly_at_their_thresholds
{
    private static readonly DateOnly Assigned = new(2023, 8, 31);

    [Theory]
    [InlineData(29, TimingState.NoDeadline)]
    [InlineData(30, TimingState.Stale)]
    [InlineData(31, TimingState.Stale)]
    public void Work_without_a_deadline_goes_stale_after_StaleDays_without_a_report(int days, TimingState state)
    {
        var a = NewAssignment(Deadline.NotSet());
        var timing = a.TimingOn(Assigned.AddDays(days));
        Assert.Equal(state, timing.State);
        Assert.Equal(state == TimingState.Stale ? days : 0, timing.Days);
        Assert.NotEqual(SignalColour.Green, timing.Colour);
    }

    [Theory]
    [InlineData(14, TimingState.NoDeadline)]
    [InlineData(15, TimingState.Stale)]
    [InlineData(29, TimingState.Stale)]
    [InlineData(30, TimingState.UrgentUnanswered)]
    public void Urgent_work_goes_amber_then_red_without_a_report(int days, TimingState state) =>
        Assert.Equal(state, NewAssignment(Deadline.NotSet(urgent: true, "Khẩn trương")).TimingOn(Assigned.AddDays(days)).State);

    [Fact]
    public void A_report_restarts_the_count()
    {
        var a = NewAssignment(Deadline.NotSet());
        a.Report(UnitHead, "Đang thực hiện", 20, At(2023, 9, 20));
        Assert.Equal(TimingState.NoDeadline, a.TimingOn(new DateOnly(2023, 10, 19)).State);
        Assert.Equal(TimingState.Stale, a.TimingOn(new DateOnly(2023, 10, 20)).State);
    }

    [Fact]
    public void The_thresholds_are_settings()
    {
        var a = NewAssignment(Deadline.NotSet());
        var settings = new SignalSettings { StaleDays = 10 };
        Assert.Equal(TimingState.NoDeadline, a.TimingOn(new SignalDay(Assigned.AddDays(9), settings)).State);
        Assert.Equal(TimingState.Stale, a.TimingOn(new SignalDay(Assigned.AddDays(10), settings)).State);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void A_unit_is_silent_from_the_assignment_day_when_it_never_reported_with_or_without_a_deadline(int days, bool silent)
    {
        foreach (var deadline in new[] { Deadline.NotSet(), Deadline.OnDate(new DateOnly(2024, 6, 30)) })
        {
            Assert.Equal(silent, AssignmentRules.Silent.Invoke(NewAssignment(deadline), new SignalDay(Assigned.AddDays(days))));
        }
    }

    [Fact]
    public void Submitted_work_is_never_silent()
    {
        var a = NewAssignment();
        a.Submit(UnitHead, "Xong", At(2023, 9, 1));
        Assert.False(AssignmentRules.Silent.Invoke(a, new SignalDay(new DateOnly(2024, 1, 1))));
    }

    [Theory]
    [InlineData("2023-09-29", OverdueBucket.None)]
    [InlineData("2023-10-01", OverdueBucket.UpTo30)]
    [InlineData("2023-10-30", OverdueBucket.UpTo30)]
    [InlineData("2023-10-31", OverdueBucket.From31To60)]
    [InlineData("2023-11-29", OverdueBucket.From31To60)]
    [InlineData("2023-11-30", OverdueBucket.From61To120)]
    [InlineData("2024-01-28", OverdueBucket.From61To120)]
    [InlineData("2024-01-29", OverdueBucket.Over120)]
    public void The_bucket_rule_and_the_days_agree_on_every_boundary(string today, OverdueBucket bucket)
    {
        var a = NewAssignment(); // last day 30/09/2023
        var day = new SignalDay(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(bucket, AssignmentRules.Bucket.Invoke(a, day));
        Assert.Equal(bucket, a.TimingOn(day).Bucket);
    }

    [Fact]
    public void Expected_progress_is_unknown_without_a_last_day_and_the_light_is_never_green_then()
    {
        Assert.Null(DirectiveRollup.ExpectedProgress(Assigned, null, new DateOnly(2026, 11, 29)));
        var fresh = DirectiveRollup.Compute(false, [new AssignmentSnapshot(AssignmentRole.Lead, AssignmentStatus.InProgress, 50, TimingState.NoDeadline)]);
        Assert.Equal(TrafficLight.Unknown, fresh.Light(null));
        var stale = DirectiveRollup.Compute(false, [new AssignmentSnapshot(AssignmentRole.Lead, AssignmentStatus.NotStarted, 0, TimingState.Stale)]);
        Assert.Equal(TrafficLight.Amber, stale.Light(null));
        var unanswered = DirectiveRollup.Compute(false, [new AssignmentSnapshot(AssignmentRole.Lead, AssignmentStatus.NotStarted, 0, TimingState.UrgentUnanswered)]);
        Assert.Equal(TrafficLight.Red, unanswered.Light(null));
    }

    [Theory]
    [InlineData(12, 16, 75, false)]
    [InlineData(13, 16, 81.25, true)]
    [InlineData(4, 5, 80, true)]
    public void An_aggregated_figure_is_judged_only_with_enough_coverage(int reporting, int expected, double percent, bool judged)
    {
        var coverage = new KpiCoverage(reporting, expected);
        Assert.Equal((decimal)percent, coverage.Percent);
        Assert.Equal(judged, coverage.IsSufficient(80));
        Assert.Equal(judged ? true : null, KpiMath.Judge(KpiTargetKind.AtLeast, 60m, 50m, null, coverage, 80));
        Assert.True(KpiMath.Judge(KpiTargetKind.AtLeast, 60m, 50m, null, null, 80)); // a district-wide figure is judged as given
    }
}
