using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;

namespace HiepDuc.ParPortal.Domain.Tests;

public class A_directive_rolls_up_from_its_assignments
{
    private static AssignmentSnapshot S(AssignmentRole role, AssignmentStatus status, int progress, TimingState timing = TimingState.InTerm) =>
        new(role, status, progress, timing);

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
}

public class A_citation_is_read_into_its_parts
{
    [Fact]
    public void Plan_125_has_kind_number_date_and_issuer()
    {
        var r = DocumentReference.Parse("Kế hoạch số 125/KH-UBND ngày 14/8/2023 của UBND huyện");
        Assert.Equal(("Kế hoạch", "125/KH-UBND", new DateOnly(2023, 8, 14), "UBND huyện"), (r.Kind, r.Number, r.IssuedOn, r.IssuedBy));
    }

    [Fact]
    public void A_decision_without_the_word_so_still_gives_its_number()
    {
        var r = DocumentReference.Parse("Quyết định 3200/QĐ-UBND ngày 07/10/2019 của UBND tỉnh");
        Assert.Equal("3200/QĐ-UBND", r.Number);
        Assert.Equal(new DateOnly(2019, 10, 7), r.IssuedOn);
    }

    [Fact]
    public void Unknown_parts_stay_empty_and_the_text_is_kept()
    {
        var r = DocumentReference.Parse("Hướng dẫn của Sở Nội vụ");
        Assert.Null(r.Number);
        Assert.Null(r.IssuedOn);
        Assert.Equal("Hướng dẫn của Sở Nội vụ", r.Text);
    }
}

public class A_directive_is_edited_cancelled_and_directed_through_its_methods
{
    private static (ConclusionNotice Notice, Directive Directive) New()
    {
        var notice = new ConclusionNotice("UBND huyện Hiệp Đức", "Kết luận", new DateOnly(2023, 8, 31), "Toàn văn");
        var directive = notice.AddDirective("3.d", "Tài khoản", "Nội dung", Domain.Deadlines.Deadline.InMonth(2023, 9), null, TestData.Office, TestData.At(2023, 8, 31));
        directive.Assign(new Domain.Units.Unit("HIEPTHUAN", "UBND xã Hiệp Thuận", Domain.Units.UnitKind.CommuneOrTown), AssignmentRole.Implementing, TestData.At(2023, 8, 31), TestData.Office);
        return (notice, directive);
    }

    [Fact]
    public void Changing_the_deadline_moves_the_assignments_that_followed_it()
    {
        var (_, d) = New();
        d.Edit("3.d", "Tài khoản", "Nội dung", Domain.Deadlines.Deadline.InMonth(2023, 10), TestData.Office, TestData.At(2023, 9, 2));
        Assert.Equal(new DateOnly(2023, 10, 31), d.Assignments[0].LastDayInForce);
        Assert.Contains("trong tháng 9/2023 → trong tháng 10/2023", d.Events[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_already_in_the_notice_is_refused()
    {
        var (notice, d) = New();
        notice.AddDirective("3.e", "Khác", "Nội dung", Domain.Deadlines.Deadline.NotSet(), null);
        Assert.Throws<DomainException>(() => d.Edit("3.e", "Tài khoản", "Nội dung", d.Deadline, TestData.Office, TestData.At(2023, 9, 2)));
    }

    [Fact]
    public void Cancelling_keeps_the_history_and_cancels_open_assignments_with_the_reason()
    {
        var (_, d) = New();
        d.Cancel("Đã lồng ghép vào nhiệm vụ khác", TestData.Office, TestData.At(2023, 9, 3));
        Assert.True(d.IsCancelled);
        Assert.Equal(AssignmentStatus.Cancelled, d.Assignments[0].Status);
        Assert.Equal("Đã lồng ghép vào nhiệm vụ khác", d.Assignments[0].Events[^1].Text);
        Assert.Throws<DomainException>(() => d.Assign(new Domain.Units.Unit("QUELUU", "UBND xã Quế Lưu", Domain.Units.UnitKind.CommuneOrTown), AssignmentRole.Implementing, TestData.At(2023, 9, 4), TestData.Office));
    }

    [Fact]
    public void Directives_move_up_and_down_in_their_notice()
    {
        var (notice, d) = New();
        var e = notice.AddDirective("3.e", "Khác", "Nội dung", Domain.Deadlines.Deadline.NotSet(), null);
        notice.Move(e, -1, TestData.Office, TestData.At(2023, 9, 3));
        Assert.Equal([e, d], notice.Directives.OrderBy(x => x.SortOrder));
    }

    [Fact]
    public void The_same_unit_cannot_be_assigned_twice()
    {
        var (_, d) = New();
        var unit = d.Assignments[0].Unit;
        Assert.Throws<DomainException>(() => d.Assign(unit, AssignmentRole.Lead, TestData.At(2023, 9, 1), TestData.Office));
    }
}

public class KPI_scoring_and_flags
{
    [Theory]
    [InlineData(50.0, 100.0)]
    [InlineData(57.7, 100.0)]
    [InlineData(49.99, 99.98)]
    [InlineData(25.0, 50.0)]
    [InlineData(0.0, 0.0)]
    public void Online_filing_gets_full_766_points_from_50_percent_and_proportional_points_below(double rate, double points) =>
        Assert.Equal((decimal)points, KpiMath.Points((decimal)rate, 50m, 100m));

    [Theory]
    [InlineData(80.0, 100.0)]
    [InlineData(79.9, 99.88)]
    [InlineData(40.0, 50.0)]
    public void Digitisation_gets_full_points_from_80_percent(double rate, double points) =>
        Assert.Equal((decimal)points, KpiMath.Points((decimal)rate, 80m, 100m));

    [Fact]
    public void No_rule_or_no_value_gives_no_points()
    {
        Assert.Null(KpiMath.Points(60m, null, null));
        Assert.Null(KpiMath.Points(null, 50m, 100m));
    }

    [Fact]
    public void A_late_file_rate_that_falls_is_an_improvement()
    {
        Assert.True(KpiMath.Improved(7.83m, 28.72m, KpiDirection.LowerIsBetter));
        Assert.False(KpiMath.Improved(57.7m, 60m, KpiDirection.HigherIsBetter));
        Assert.Equal(-20.89m, KpiMath.Change(7.83m, 28.72m));
    }

    [Fact]
    public void Flags_find_zero_online_files_units_below_the_province_and_units_that_got_worse()
    {
        UnitFigure[] september = [new(1, 0, 40, null), new(2, 30, 100, null), new(3, 60, 100, null), new(4, null, null, 0m)];
        UnitFigure[] august = [new(1, 5, 40, null), new(2, 20, 100, null), new(3, 70, 100, null)];
        Assert.Equal([1], KpiFlags.ZeroNumerator(september));
        Assert.Equal([1, 2, 4], KpiFlags.BelowReference(september, 45m));
        Assert.Equal([1, 3], KpiFlags.Worsened(september, august, KpiDirection.HigherIsBetter));
    }

    [Fact]
    public void Correcting_a_figure_keeps_the_previous_values()
    {
        var kpi = new KpiDefinition("ONLINE", "Tỷ lệ trực tuyến", KpiKind.Rate, KpiDirection.HigherIsBetter, KpiScope.Both);
        var m = KpiMeasurement.Counted(kpi, 1, KpiPeriod.Month(2023, 9), 10, 40, MeasurementSource.Entered, Actor.System, DateTimeOffset.UnixEpoch);
        Assert.True(m.Correct(12, 40, "bổ sung", MeasurementSource.Imported, Actor.System, DateTimeOffset.UnixEpoch, kpi.Kind));
        Assert.False(m.Correct(12, 40, "bổ sung", MeasurementSource.Imported, Actor.System, DateTimeOffset.UnixEpoch, kpi.Kind));
        var previous = Assert.Single(m.Revisions);
        Assert.Equal((10L, 40L), (previous.Numerator!.Value, previous.Denominator!.Value));
        Assert.Equal(30m, m.Rate);
    }

    [Fact]
    public void The_district_rate_with_uneven_denominators_is_not_the_mean_of_unit_rates()
    {
        // Tân Bình 300/400 (75 %), Hiệp Thuận 0/20 (0 %), Quế Lưu 2/30 (6,67 %): mean of rates 27,22 %, district 302/450.
        var district = KpiMath.Aggregate([(300, 400), (0, 20), (2, 30)])!.Value;
        Assert.Equal(67.11m, Math.Round(district, 2));
        Assert.NotEqual(Math.Round((75m + 0m + 6.6667m) / 3, 2), Math.Round(district, 2));
    }
}
