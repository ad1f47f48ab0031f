using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;

namespace HiepDuc.ParPortal.Domain.Tests;

internal static class TestData
{
    public static readonly Actor Office = new("office-1", "Văn phòng");
    public static readonly Actor UnitHead = new("head-1", "Chủ tịch UBND xã Hiệp Thuận");
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>An instant given as local time in Asia/Ho_Chi_Minh.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) => new(year, month, day, hour, minute, 0, Vietnam);

    /// <summary>The meeting of 31/08/2023, when the test assignments are made.</summary>
    public static readonly DateTimeOffset Meeting = At(2023, 8, 31);

    /// <summary>The timing on a day with the default signal settings.</summary>
    public static Timing TimingOn(this Assignment a, DateOnly day) => AssignmentRules.TimingOn(a, new SignalDay(day));

    public static Assignment NewAssignment(Deadline? deadline = null, AssignmentRole role = AssignmentRole.Implementing)
    {
        var notice = new ConclusionNotice("UBND huyện Hiệp Đức", "Kết luận", new DateOnly(2023, 8, 31), "Toàn văn");
        var directive = notice.AddDirective("3.d", "Tài khoản dịch vụ công", "Nội dung", deadline ?? Deadline.InMonth(2023, 9, "trong tháng 9/2023"), null);
        return directive.Assign(new Unit("HIEPTHUAN", "UBND xã Hiệp Thuận", UnitKind.CommuneOrTown, "Hiệp Thuận"), role, Meeting, Office);
    }
}
