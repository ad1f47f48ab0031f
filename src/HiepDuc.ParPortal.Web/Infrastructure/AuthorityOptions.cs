using HiepDuc.ParPortal.Domain.Authorities;

namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>
/// The issuing authority, as data (section <c>Authority</c>, in appsettings.json and on the settings page): its name,
/// level, the place in date lines, the portal's names and its steering committee. The notices it issues, the Word
/// report's header and date line, the page headers and the e-mails follow it, so that the same portal serves a
/// district or one of the new communes.
/// </summary>
public sealed class AuthorityOptions
{
    public const string Section = "Authority";

    /// <summary>"HIEPDUC": the authority's code (from its place name when none is given).</summary>
    public string Code { get; set; } = string.Empty;

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

    /// <summary>
    /// The levels an authority may be set to: those of the two-tier government, and the district only for a portal that
    /// is one already (its records are of before 1 July 2025); no authority of today is offered a level that no longer exists.
    /// </summary>
    public static IEnumerable<AuthorityLevel> LevelsOffered(AuthorityLevel current) =>
        new[] { AuthorityLevel.Province, AuthorityLevel.City, AuthorityLevel.Commune, AuthorityLevel.Ward, AuthorityLevel.SpecialZone }
            .Concat(current == AuthorityLevel.District ? [AuthorityLevel.District] : []);

    /// <summary>"huyện", "xã", "tỉnh": the word official texts use for the level ("Chủ tịch UBND huyện").</summary>
    public string LevelWord => Level switch
    {
        AuthorityLevel.Province => "tỉnh",
        AuthorityLevel.City => "thành phố",
        AuthorityLevel.Commune => "xã",
        AuthorityLevel.Ward => "phường",
        AuthorityLevel.SpecialZone => "đặc khu",
        _ => "huyện",
    };

    /// <summary>The authority's record as this configuration describes it: the first authority of a database upgraded from one.</summary>
    public Authority ToRecord() =>
        new(string.IsNullOrWhiteSpace(Code) ? Place : Code, Name, Level, Place, OfficeUnitCode, PortalName, ShortName, SteeringBody);

    /// <summary>The record as settings of this section: what the portal reads through <see cref="AuthorityOptions"/>.</summary>
    public static IEnumerable<(string Key, string Value)> SettingsOf(Authority record) =>
    [
        ($"{Section}:{nameof(Code)}", record.Code),
        ($"{Section}:{nameof(Name)}", record.Name),
        ($"{Section}:{nameof(Level)}", record.Level.ToString()),
        ($"{Section}:{nameof(Place)}", record.Place),
        ($"{Section}:{nameof(PortalName)}", record.PortalName),
        ($"{Section}:{nameof(ShortName)}", record.ShortName),
        ($"{Section}:{nameof(SteeringBody)}", record.SteeringBody),
        ($"{Section}:{nameof(OfficeUnitCode)}", record.OfficeUnitCode),
    ];
}
