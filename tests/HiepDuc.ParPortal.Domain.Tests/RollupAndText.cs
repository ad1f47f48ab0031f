using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;

namespace HiepDuc.ParPortal.Domain.Tests;

public class A_directive_rolls_up_from_its_assignments
{
    private static AssignmentSnapshot S(AssignmentRole role, AssignmentStatus status, int progress, TimingState timing = TimingState.InTerm) =>
        new(role, status, progress, new Timing(timing, 3));

    [Fact]
    public void Progress_is_the_weighted_mean_with_the_lead_counting_twice()
    {
        var r = DirectiveRollup.Compute(false, [S(AssignmentRole.Lead, AssignmentStatus.InProgress, 80), S(AssignmentRole.Coordinating, AssignmentStatus.InProgress, 20)]);
        Assert.Equal(60, r.Progress); // (2×80 + 20) / 3
        Assert.Equal(DirectiveState.InProgress, r.State);
    }

    [Fact]
    public void Completed_when_every_non_cancelled_assignment_is_completed()
    {
        var r = DirectiveRollup.Compute(false, [S(AssignmentRole.Lead, AssignmentStatus.Completed, 100, TimingState.CompletedOnTime), S(AssignmentRole.Implementing, AssignmentStatus.Cancelled, 0, TimingState.Cancelled)]);
        Assert.Equal(DirectiveState.Completed, r.State);
        Assert.Equal(100, r.Progress);
    }

    [Fact]
    public void Overdue_when_the_lead_is_overdue_but_not_when_only_a_coordinator_is()
    {
        Assert.Equal(DirectiveState.Overdue, DirectiveRollup.Compute(false, [S(AssignmentRole.Lead, AssignmentStatus.InProgress, 10, TimingState.Overdue), S(AssignmentRole.Coordinating, AssignmentStatus.InProgress, 10)]).State);
        Assert.Equal(DirectiveState.InProgress, DirectiveRollup.Compute(false, [S(AssignmentRole.Lead, AssignmentStatus.InProgress, 10), S(AssignmentRole.Coordinating, AssignmentStatus.InProgress, 10, TimingState.Overdue)]).State);
    }

    [Fact]
    public void Without_a_lead_any_overdue_implementing_unit_makes_the_directive_overdue()
    {
        var r = DirectiveRollup.Compute(false, [S(AssignmentRole.Implementing, AssignmentStatus.Completed, 100, TimingState.CompletedOnTime), S(AssignmentRole.Implementing, AssignmentStatus.NotStarted, 0, TimingState.Overdue)]);
        Assert.Equal(DirectiveState.Overdue, r.State);
        Assert.Equal(1, r.Overdue);
        Assert.Equal(50, r.Progress);
    }

    [Fact]
    public void Unassigned_and_cancelled_directives_say_so()
    {
        Assert.Equal(DirectiveState.NotAssigned, DirectiveRollup.Compute(false, []).State);
        Assert.Equal(DirectiveState.Cancelled, DirectiveRollup.Compute(true, [S(AssignmentRole.Lead, AssignmentStatus.InProgress, 10)]).State);
    }
}

public class Search_ignores_Vietnamese_diacritics_and_case
{
    [Theory]
    [InlineData("Hiệp Thuận")]
    [InlineData("HIỆP THUẬN")]
    [InlineData("hiep thuan")]
    [InlineData("  Hiệp   Thuận ")]
    public void Every_spelling_of_Hiep_Thuan_folds_to_the_same_key(string text) => Assert.Equal("hiep thuan", VietnameseText.Fold(text));

    [Fact]
    public void D_with_stroke_folds_to_d() => Assert.Equal("van phong dang ky dat dai", VietnameseText.Fold("Văn phòng đăng ký ĐẤT ĐAI"));
}

public class KPI_arithmetic_sums_parts_never_averages_rates
{
    [Fact]
    public void District_rate_is_sum_of_numerators_over_sum_of_denominators()
    {
        // Unit A: 1/10 = 10 %, unit B: 90/100 = 90 %. Mean of rates would be 50 %; the district rate is 91/110.
        var rate = KpiMath.Aggregate([(1, 10), (90, 100)]);
        Assert.Equal(82.73m, Math.Round(rate!.Value, 2));
    }

    [Fact]
    public void A_figure_known_only_as_a_rate_never_weighs_the_aggregate()
    {
        Assert.Equal(50m, KpiMath.Aggregate([(5, 10), (0, null)]));
        Assert.Null(KpiMath.Aggregate([(null, null)]));
    }

    [Theory]
    [InlineData(KpiTargetKind.AtLeast, 50.0, 50.0, null, true)]
    [InlineData(KpiTargetKind.AtLeast, 49.99, 50.0, null, false)]
    [InlineData(KpiTargetKind.AtMost, 7.83, 10.0, null, true)]
    [InlineData(KpiTargetKind.Full, 99.9, null, null, false)]
    [InlineData(KpiTargetKind.Full, 100, null, null, true)]
    [InlineData(KpiTargetKind.AtLeastReference, 40, null, 38.5, true)]
    [InlineData(KpiTargetKind.AtLeastReference, 38, null, 38.5, false)]
    public void Targets_are_met_or_not(KpiTargetKind kind, double value, double? target, double? reference, bool met) =>
        Assert.Equal(met, KpiMath.MeetsTarget(kind, (decimal)value, (decimal?)target, (decimal?)reference));

    [Fact]
    public void A_numerator_above_its_denominator_is_refused_for_a_rate()
    {
        var kpi = new KpiDefinition("ONLINE", "Tỷ lệ trực tuyến", KpiKind.Rate, KpiDirection.HigherIsBetter, KpiScope.Both);
        Assert.Throws<DomainException>(() => KpiMeasurement.Counted(kpi, 1, KpiPeriod.Month(2023, 9), 11, 10, MeasurementSource.Entered, Actor.System, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Periods_print_as_the_notice_writes_them()
    {
        Assert.Equal("tháng 8/2023", KpiPeriod.Month(2023, 8).ToVietnamese());
        Assert.Equal("năm 2022", KpiPeriod.Year(2022).ToVietnamese());
        Assert.Equal("8 tháng đầu năm 2023", KpiPeriod.YearToMonth(2023, 8).ToVietnamese());
        Assert.Equal("đến ngày 31/08/2023", KpiPeriod.AsOf(new DateOnly(2023, 8, 31)).ToVietnamese());
    }
}
