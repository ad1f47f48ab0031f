using HiepDuc.ParPortal.Domain.Parsing;

namespace HiepDuc.ParPortal.Domain.Tests;

/// <summary>Who an item gives work to, as offices phrase it; and the closing sentence names the monitoring unit.</summary>
public class Units_are_read_as_offices_write_them
{
    [Theory]
    [InlineData("Phòng Nội vụ phối hợp Văn phòng HĐND&UBND huyện rà soát quy chế làm việc.", "NOIVU:Lead VPHDND:Coordinating")]
    [InlineData("Giao Phòng Nội vụ tổng hợp, báo cáo kết quả qua Văn phòng HĐND&UBND huyện trước ngày 20/10/2023.", "NOIVU:Lead")]
    [InlineData("Giao Phòng Nội vụ hướng dẫn việc đánh giá cán bộ của các cơ quan, đơn vị trong tháng 10/2023.", "NOIVU:Lead")]
    [InlineData("Các xã Hiệp Thuận, Quế Lưu, Bình Lâm khẩn trương nhập dữ liệu hộ tịch.", "BINHLAM:Implementing HIEPTHUAN:Implementing QUELUU:Implementing")]
    public void Each_item_gives_work_to_the_units_it_means_and_the_closing_sentence_sets_the_monitor(string item, string expected)
    {
        var text = $"""
            UBND HUYỆN HIỆP ĐỨC

            THÔNG BÁO
            Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban

            Ngày 31/8/2023, đồng chí Nguyễn Văn Nam - Chủ tịch UBND huyện chủ trì cuộc họp. Chủ tịch UBND huyện kết luận:

            1. {item}

            Giao Văn phòng HĐND&UBND huyện theo dõi, đôn đốc việc thực hiện./.
            """;
        var p = NoticeParser.Parse(text, Registry.Units, Registry.Kpis);
        var task = Assert.Single(p.Tasks);
        Assert.Equal(expected, string.Join(' ', task.Units.Select(u => $"{Registry.Code(u.UnitId!.Value)}:{u.Role}").Order(StringComparer.Ordinal)));
        Assert.Equal("VPHDND", Registry.Code(p.MonitoringUnitId.Value!.Value));
        Assert.DoesNotContain("theo dõi, đôn đốc", task.FullText, StringComparison.Ordinal);
    }
}
