using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Parsing;

namespace HiepDuc.ParPortal.Domain.Tests;

/// <summary>The ways offices write a deadline, each read into its kind and last day.</summary>
public class Deadlines_are_read_as_offices_write_them
{
    private static Deadline Read(string phrase)
    {
        var text = $"""
            UBND HUYỆN HIỆP ĐỨC

            THÔNG BÁO
            Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban

            Ngày 31/8/2023, đồng chí Nguyễn Văn Nam - Chủ tịch UBND huyện chủ trì cuộc họp. Chủ tịch UBND huyện kết luận:

            1. Giao Phòng Nội vụ hoàn chỉnh quy chế làm việc, {phrase}.
            """;
        return NoticeParser.Parse(text, Registry.Units, Registry.Kpis).Tasks.Single().Deadline.Value;
    }

    [Theory]
    [InlineData("phấn đấu đến ngày 30/6/2024", "2024-06-30")]
    [InlineData("hoàn thành trước 31/5/2024", "2024-05-31")]
    [InlineData("chậm nhất là ngày 31/12/2023", "2023-12-31")]
    [InlineData("không quá ngày 15/11/2023", "2023-11-15")]
    [InlineData("hoàn thành trước ngày 20/10/2023", "2023-10-20")]
    public void A_day_however_it_is_introduced(string phrase, string lastDay)
    {
        var d = Read(phrase);
        Assert.Equal(DeadlineKind.Date, d.Kind);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), d.LastDay);
    }

    [Theory]
    [InlineData("trong tháng 10/2023", "2023-10-31")]
    [InlineData("hoàn thành trong tháng 2/2024", "2024-02-29")]
    public void A_month(string phrase, string lastDay)
    {
        var d = Read(phrase);
        Assert.Equal(DeadlineKind.Month, d.Kind);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), d.LastDay);
    }

    [Theory]
    [InlineData("báo cáo kết quả hằng tháng, trước ngày 25", "M25", "2023-09-25")]
    [InlineData("báo cáo trước ngày 20 hằng tháng", "M20", "2023-09-20")]
    [InlineData("báo cáo định kỳ hằng tháng", "M", "2023-09-30")] // assigned on 31/8, a report day: September's cycle first
    [InlineData("báo cáo định kỳ hằng quý", "Q", "2023-09-30")]
    [InlineData("báo cáo hằng quý, chậm nhất ngày 15 tháng cuối quý", "Q15", "2023-09-15")]
    [InlineData("định kỳ 6 tháng báo cáo kết quả", "H", "2023-12-31")]
    [InlineData("báo cáo 6 tháng một lần, trước ngày 10", "H10", "2023-12-10")]
    [InlineData("báo cáo trước ngày 15/12 hằng năm", "Y15.12", "2023-12-15")]
    [InlineData("tổng hợp báo cáo hằng tuần vào thứ Năm", "W4", "2023-09-07")] // 31/8/2023 is itself a Thursday
    [InlineData("cập nhật số liệu hàng tuần", "W", "2023-09-01")]
    public void A_recurring_duty(string phrase, string code, string firstDue)
    {
        var d = Read(phrase);
        Assert.Equal(DeadlineKind.Recurring, d.Kind);
        Assert.Equal(code, d.Recurrence!.Code);
        Assert.Null(d.LastDay);
        Assert.Equal(DateOnly.Parse(firstDue, System.Globalization.CultureInfo.InvariantCulture), d.FirstDueFrom(new DateOnly(2023, 8, 31)));
    }

    [Fact]
    public void A_dated_deadline_beside_a_recurring_report_is_the_deadline_and_a_recurring_day_beats_a_month()
    {
        Assert.Equal(DeadlineKind.Month, Read("triển khai trong tháng 10/2023, đưa vào kế hoạch hằng năm").Kind);
        Assert.Equal("M25", Read("từ tháng 10/2023, báo cáo hằng tháng trước ngày 25").Recurrence!.Code);
    }

    [Theory]
    [InlineData("đảm bảo tỷ lệ hồ sơ trực tuyến không thấp hơn 80%", "ONLINE_FILING:AtLeast:80")]
    [InlineData("đảm bảo tỷ lệ hồ sơ trực tuyến trên 50%", "ONLINE_FILING:Above:50")]
    [InlineData("giảm tỷ lệ hồ sơ trễ hẹn xuống dưới 5%", "LATE_FILES:Below:5")]
    [InlineData("tỷ lệ hồ sơ trễ hẹn không quá 5%", "LATE_FILES:AtMost:5")]
    [InlineData("tỷ lệ hồ sơ trực tuyến đạt ít nhất 60%", "ONLINE_FILING:AtLeast:60")]
    [InlineData("100% CB, CC, VC có tài khoản dịch vụ công", "PUBLIC_SERVICE_ACCOUNTS:Full:100")]
    public void A_target_keeps_the_meaning_of_its_words(string phrase, string expected)
    {
        var text = $"""
            UBND HUYỆN HIỆP ĐỨC

            THÔNG BÁO
            Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban

            Ngày 31/8/2023, đồng chí Nguyễn Văn Nam - Chủ tịch UBND huyện chủ trì cuộc họp. Chủ tịch UBND huyện kết luận:

            1. Giao Phòng Nội vụ {phrase} trong tháng 10/2023.
            """;
        var target = Assert.Single(NoticeParser.Parse(text, Registry.Units, Registry.Kpis).Tasks.Single().Targets);
        Assert.Equal(expected, $"{target.KpiCode}:{target.Kind}:{target.Value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
