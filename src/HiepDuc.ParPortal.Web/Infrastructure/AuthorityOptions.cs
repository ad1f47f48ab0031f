namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>The level of government whose portal this is.</summary>
public enum AuthorityLevel
{
    Province,
    District,
    Commune,
}

/// <summary>
/// The issuing authority, as data (section <c>Authority</c>, in appsettings.json and on the settings page): its name,
/// level, the place in date lines, the portal's names and its steering committee. The notices it issues, the Word
/// report's header and date line, the page headers and the e-mails follow it, so that the same portal serves a
/// district or one of the new communes.
/// </summary>
public sealed class AuthorityOptions
{
    public const string Section = "Authority";

    /// <summary>"UBND huyện Hiệp Đức": the issuing body of its notices.</summary>
    public string Name { get; set; } = string.Empty;

    public AuthorityLevel Level { get; set; } = AuthorityLevel.District;

    /// <summary>The place in date lines: "Hiệp Đức, ngày … tháng … năm …".</summary>
    public string Place { get; set; } = string.Empty;

    /// <summary>The portal's name in page titles and e-mails.</summary>
    public string PortalName { get; set; } = string.Empty;

    /// <summary>The short name in the menu bar.</summary>
    public string ShortName { get; set; } = string.Empty;

    /// <summary>"Ban Chỉ đạo cải cách hành chính và chuyển đổi số huyện".</summary>
    public string SteeringBody { get; set; } = string.Empty;

    /// <summary>The code of the unit that is the authority's office (it issues the reports): "VPHDND".</summary>
    public string OfficeUnitCode { get; set; } = string.Empty;

    /// <summary>"huyện", "xã", "tỉnh": the word official texts use for the level ("Chủ tịch UBND huyện").</summary>
    public string LevelWord => Level switch
    {
        AuthorityLevel.Province => "tỉnh",
        AuthorityLevel.Commune => "xã",
        _ => "huyện",
    };
}
