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
