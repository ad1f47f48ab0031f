namespace HiepDuc.ParPortal.Web.Authorization;

/// <summary>The portal's roles. Display names come from resources ("Role_{name}").</summary>
public static class Roles
{
    /// <summary>Quản trị hệ thống: users, units, roles, settings.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Văn phòng HĐND&amp;UBND huyện: records notices, assigns, reviews, confirms, enters KPIs, urges.</summary>
    public const string DistrictOffice = nameof(DistrictOffice);

    /// <summary>Thủ trưởng cơ quan, đơn vị / Chủ tịch UBND xã: their own unit's assignments.</summary>
    public const string UnitHead = nameof(UnitHead);

    /// <summary>Lãnh đạo UBND huyện: reads everything, adds directions, decides extensions.</summary>
    public const string Chairman = nameof(Chairman);

    public static readonly IReadOnlyList<string> All = [Administrator, DistrictOffice, UnitHead, Chairman];
}
