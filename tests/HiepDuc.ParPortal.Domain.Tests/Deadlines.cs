using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;

namespace HiepDuc.ParPortal.Domain.Tests;

public class A_deadline_knows_its_last_day
{
    [Theory]
    [InlineData(2023, 9, "2023-09-30")]
    [InlineData(2024, 2, "2024-02-29")]
    [InlineData(2023, 2, "2023-02-28")]
    [InlineData(2023, 12, "2023-12-31")]
    public void Month_deadline_ends_on_the_last_day_of_the_month(int year, int month, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Deadline.InMonth(year, month).LastDay);

    [Theory]
    [InlineData(1, "2023-03-31")]
    [InlineData(2, "2023-06-30")]
    [InlineData(3, "2023-09-30")]
    [InlineData(4, "2023-12-31")]
    public void Quarter_deadline_ends_on_the_last_day_of_the_quarter(int quarter, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Deadline.InQuarter(2023, quarter).LastDay);

    [Fact]
    public void Year_deadline_ends_on_31_December() => Assert.Equal(new DateOnly(2023, 12, 31), Deadline.InYear(2023).LastDay);

    [Fact]
    public void Date_deadline_ends_that_day() => Assert.Equal(new DateOnly(2023, 10, 15), Deadline.OnDate(new DateOnly(2023, 10, 15)).LastDay);

    [Fact]
    public void Ongoing_and_unset_deadlines_have_no_last_day()
    {
        Assert.Null(Deadline.Ongoing().LastDay);
        Assert.Null(Deadline.NotSet().LastDay);
        Assert.True(Deadline.NotSet(urgent: true).IsUrgent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_month_outside_1_to_12_is_refused(int month) =>
        Assert.Throws<DomainException>(() => Deadline.InMonth(2023, month));

    [Fact]
    public void A_quarter_outside_I_to_IV_is_refused() => Assert.Throws<DomainException>(() => Deadline.InQuarter(2023, 5));

    [Fact]
    public void The_words_of_the_notice_are_kept_as_written()
    {
        var d = Deadline.InMonth(2023, 9, "trong tháng 9/2023");
        Assert.Equal("trong tháng 9/2023", d.WrittenAs);
    }

    [Fact]
    public void A_stored_deadline_restores_to_an_equal_one()
    {
        foreach (var d in new[]
        {
            Deadline.InMonth(2023, 9, "trong tháng 9/2023"), Deadline.InQuarter(2023, 4), Deadline.InYear(2024),
            Deadline.OnDate(new DateOnly(2023, 10, 15), "trước ngày 15/10/2023"), Deadline.Ongoing(), Deadline.NotSet(true, "Khẩn trương"),
        })
        {
            Assert.Equal(d, Deadline.Restore(d.Kind, d.LastDay, d.IsUrgent, d.WrittenAs));
        }
    }
}

public class A_deadline_prints_itself_in_Vietnamese
{
    [Fact]
    public void Each_kind_reads_as_an_official_writes_it()
    {
        Assert.Equal("ngày 15/10/2023", Deadline.OnDate(new DateOnly(2023, 10, 15)).ToVietnamese());
        Assert.Equal("trong tháng 9/2023", Deadline.InMonth(2023, 9).ToVietnamese());
        Assert.Equal("trong quý IV/2023", Deadline.InQuarter(2023, 4).ToVietnamese());
        Assert.Equal("trong năm 2023", Deadline.InYear(2023).ToVietnamese());
        Assert.Equal("thường xuyên", Deadline.Ongoing().ToVietnamese());
        Assert.Equal("chưa xác định", Deadline.NotSet().ToVietnamese());
        Assert.Equal("khẩn trương (chưa xác định)", Deadline.NotSet(urgent: true).ToVietnamese());
    }
}
