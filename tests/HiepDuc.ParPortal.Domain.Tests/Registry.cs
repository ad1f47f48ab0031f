using HiepDuc.ParPortal.Domain.Parsing;
using HiepDuc.ParPortal.Domain.Units;

namespace HiepDuc.ParPortal.Domain.Tests;

/// <summary>The units of the seed, as the parser is fed them (codes as ids are irrelevant; ids 1–16).</summary>
internal static class Registry
{
    public static readonly IReadOnlyList<RegistryUnit> Units =
    [
        new(1, "VPHDND", "Văn phòng HĐND&UBND huyện", "VP HĐND&UBND", UnitKind.DistrictAgency),
        new(2, "NOIVU", "Phòng Nội vụ huyện", "Phòng Nội vụ", UnitKind.DistrictAgency),
        new(3, "CNVPDKDD", "Chi nhánh Văn phòng đăng ký đất đai huyện", "CN VP đăng ký đất đai", UnitKind.DistrictAgency),
        new(4, "BUUDIEN", "Bưu điện huyện (Bưu chính công ích)", "Bưu điện huyện", UnitKind.OtherBody),
        new(5, "BHXH", "Bảo hiểm xã hội huyện", "BHXH huyện", UnitKind.OtherBody),
        new(6, "TANBINH", "UBND thị trấn Tân Bình", "Tân Bình", UnitKind.CommuneOrTown),
        new(7, "BINHLAM", "UBND xã Bình Lâm", "Bình Lâm", UnitKind.CommuneOrTown),
        new(8, "BINHSON", "UBND xã Bình Sơn", "Bình Sơn", UnitKind.CommuneOrTown),
        new(9, "HIEPHOA", "UBND xã Hiệp Hòa", "Hiệp Hòa", UnitKind.CommuneOrTown),
        new(10, "HIEPTHUAN", "UBND xã Hiệp Thuận", "Hiệp Thuận", UnitKind.CommuneOrTown),
        new(11, "PHUOCGIA", "UBND xã Phước Gia", "Phước Gia", UnitKind.CommuneOrTown),
        new(12, "PHUOCTRA", "UBND xã Phước Trà", "Phước Trà", UnitKind.CommuneOrTown),
        new(13, "QUELUU", "UBND xã Quế Lưu", "Quế Lưu", UnitKind.CommuneOrTown),
        new(14, "QUETHO", "UBND xã Quế Thọ", "Quế Thọ", UnitKind.CommuneOrTown),
        new(15, "SONGTRA", "UBND xã Sông Trà", "Sông Trà", UnitKind.CommuneOrTown),
        new(16, "THANGPHUOC", "UBND xã Thăng Phước", "Thăng Phước", UnitKind.CommuneOrTown),
    ];

    public static readonly IReadOnlyList<KpiKeywords> Kpis =
    [
        new("PUBLIC_SERVICE_ACCOUNTS", ["tài khoản dịch vụ công"]),
        new("EGOV_SMART_APPS", ["Egov", "Smart Quảng Nam"]),
        new("ONLINE_FILING", ["hồ sơ trực tuyến", "trực tuyến"]),
        new("LATE_FILES", ["trễ hẹn", "trễ hạn"]),
        new("VNEID", ["VNeID", "định danh điện tử"]),
        new("BHXH_VERIFY", ["BHXH", "bảo hiểm xã hội"]),
        new("DIGITISATION", ["số hóa"]),
        new("PUBLIC_APOLOGY", ["xin lỗi"]),
    ];

    public static string Code(int id) => Units.Single(u => u.Id == id).Code;

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Notices", name));
}
