using System.Globalization;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using static HiepDuc.ParPortal.Domain.Tests.TestData;

namespace HiepDuc.ParPortal.Domain.Tests;

/// <summary>
/// A recurring duty ("báo cáo hằng tháng, trước ngày 25") owes one report per period. Each cycle is due on its day, is
/// overdue when its report is missing after that day, and the same timing rules as any deadline read the owed cycle.
/// </summary>
public class Recurring_duties_owe_one_report_per_period
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    // Day 31 falls on each month's last day.
    [InlineData("M31", "2024-02-10", "2024-02-29")]
    [InlineData("M31", "2023-02-10", "2023-02-28")]
    [InlineData("M31", "2024-04-01", "2024-04-30")]
    [InlineData("M31", "2024-05-31", "2024-05-31")]
    // Days 29 and 30 in February.
    [InlineData("M29", "2023-02-01", "2023-02-28")]
    [InlineData("M29", "2024-02-01", "2024-02-29")]
    [InlineData("M30", "2024-02-15", "2024-02-29")]
    [InlineData("M30", "2023-02-15", "2023-02-28")]
    [InlineData("M30", "2024-03-01", "2024-03-30")]
    // "trước ngày 25 hằng tháng": this month's 25th, or next month's once it has passed.
    [InlineData("M25", "2024-01-25", "2024-01-25")]
    [InlineData("M25", "2024-01-26", "2024-02-25")]
    [InlineData("M25", "2024-12-26", "2025-01-25")]
    // Month end when no day is written.
    [InlineData("M", "2024-02-03", "2024-02-29")]
    // Quarterly: the quarter's last day, or day N of its last month.
    [InlineData("Q", "2024-01-05", "2024-03-31")]
    [InlineData("Q", "2024-04-01", "2024-06-30")]
    [InlineData("Q20", "2024-09-21", "2024-12-20")]
    [InlineData("Q31", "2024-07-01", "2024-09-30")]
    // Half-yearly: 30 June and 31 December.
    [InlineData("H", "2024-03-01", "2024-06-30")]
    [InlineData("H", "2024-07-01", "2024-12-31")]
    [InlineData("H15", "2024-06-16", "2024-12-15")]
    // Yearly: 31 December, or the day and month written.
    [InlineData("Y", "2024-03-01", "2024-12-31")]
    [InlineData("Y15.12", "2024-12-16", "2025-12-15")]
    [InlineData("Y29.2", "2025-01-01", "2025-02-28")]
    // Weekly: Friday unless a weekday is written (27/11/2026 is a Friday).
    [InlineData("W", "2026-11-23", "2026-11-27")]
    [InlineData("W", "2026-11-28", "2026-12-04")]
    [InlineData("W1", "2026-11-24", "2026-11-30")]
    [InlineData("W7", "2026-11-29", "2026-11-29")]
    public void The_first_cycle_is_due_on_its_day_even_at_the_end_of_a_short_month(string code, string assignedOn, string due) =>
        Assert.Equal(D(due), Recurrence.Parse(code).FirstDueFrom(D(assignedOn)));

    [Fact]
    public void Codes_round_trip_and_bad_days_are_refused()
    {
        foreach (var code in new[] { "M25", "M", "Q20", "H", "Y15.12", "W5" })
        {
            Assert.Equal(code, Recurrence.Parse(code).Code);
        }

        Assert.Equal("deadline.recurrence", Assert.Throws<DomainException>(() => Recurrence.Of(RecurrencePeriod.Weekly, 8)).Code);
        Assert.Equal("deadline.recurrence", Assert.Throws<DomainException>(() => Recurrence.Of(RecurrencePeriod.Monthly, 32)).Code);
        Assert.Equal("deadline.recurrence", Assert.Throws<DomainException>(() => Recurrence.Parse("X1")).Code);
        Assert.Equal("hằng tháng, trước ngày 25", Deadline.Recurring(Recurrence.Of(RecurrencePeriod.Monthly, 25)).ToVietnamese());
        Assert.Equal(Deadline.Recurring(Recurrence.Of(RecurrencePeriod.Quarterly)), Deadline.Restore(DeadlineKind.Recurring, null, false, null, "Q"));
    }

    [Fact]
    public void A_cycle_is_overdue_when_its_report_is_missing_after_its_day_and_a_report_moves_to_the_next()
    {
        // Assigned 31/08/2023, "hằng tháng, trước ngày 25": September's report is owed by 25/09.
        var a = NewAssignment(Deadline.Recurring(Recurrence.Of(RecurrencePeriod.Monthly, 25), "hằng tháng, trước ngày 25"));
        Assert.Null(a.Deadline.LastDay);
        Assert.Equal(D("2023-09-25"), a.CycleDueOn);
        Assert.Equal(D("2023-09-25"), a.LastDayInForce);
        Assert.Equal(TimingState.DueSoon, a.TimingOn(D("2023-09-20")).State);
        Assert.Equal(TimingState.Overdue, a.TimingOn(D("2023-09-26")).State);

        // September's report arrives late, on 02/10: October's cycle is owed next, by 25/10.
        a.Report(UnitHead, "Báo cáo tháng 9", 10, At(2023, 10, 2));
        Assert.Equal(D("2023-10-25"), a.LastDayInForce);
        Assert.Equal(TimingState.InTerm, a.TimingOn(D("2023-10-02")).State);
        Assert.Equal(D("2023-10-25"), a.Events[^1].NewLastDay);

        // October's report on time; a second report in the same window changes nothing.
        a.Report(UnitHead, "Báo cáo tháng 10", 20, At(2023, 10, 20));
        Assert.Equal(D("2023-11-25"), a.LastDayInForce);
        a.Report(UnitHead, "Bổ sung báo cáo tháng 10", 25, At(2023, 10, 24));
        Assert.Equal(D("2023-11-25"), a.LastDayInForce);
        Assert.Null(a.Events[^1].NewLastDay);

        // Silent through November, December and January: overdue since 26/11, in the 61–120 day bucket by February.
        Assert.Equal(OverdueBucket.From61To120, a.TimingOn(D("2024-02-10")).Bucket);

        // One report on 10/02 catches up: February's cycle is the one owed, by 25/02 — not the missed ones.
        a.Report(UnitHead, "Báo cáo bổ sung", 40, At(2024, 2, 10));
        Assert.Equal(D("2024-02-25"), a.LastDayInForce);
        Assert.True(AssignmentRules.Running.Invoke(a));
    }

    [Fact]
    public void An_extension_moves_the_owed_cycle_and_ends_with_its_report()
    {
        var a = NewAssignment(Deadline.Recurring(Recurrence.Of(RecurrencePeriod.Quarterly), "định kỳ hằng quý"));
        Assert.Equal(D("2023-09-30"), a.LastDayInForce);
        a.RequestExtension(UnitHead, D("2023-10-10"), "Chờ số liệu của Bưu điện", At(2023, 9, 25));
        a.DecideExtension(Office, true, null, At(2023, 9, 26));
        Assert.Equal(D("2023-10-10"), a.LastDayInForce);
        Assert.Equal(TimingState.DueSoon, a.TimingOn(D("2023-10-05")).State);

        // The third quarter's report, within the extension: the fourth quarter is owed, by 31/12; the extension is spent.
        a.Report(UnitHead, "Báo cáo quý III", 30, At(2023, 10, 8));
        Assert.Equal(D("2023-12-31"), a.LastDayInForce);
        Assert.Null(a.ExtendedTo);
    }

    [Fact]
    public void A_directive_made_recurring_sets_each_open_assignment_on_its_first_cycle()
    {
        var a = NewAssignment();
        a.SetDeadline(Deadline.Recurring(Recurrence.Of(RecurrencePeriod.Weekly)), Office, At(2026, 11, 24));
        Assert.Equal(D("2026-11-27"), a.CycleDueOn);
        Assert.Equal(D("2026-11-27"), a.LastDayInForce);
        a.SetDeadline(Deadline.InMonth(2026, 12), Office, At(2026, 11, 25));
        Assert.Null(a.CycleDueOn);
        Assert.Equal(D("2026-12-31"), a.LastDayInForce);
    }
}
