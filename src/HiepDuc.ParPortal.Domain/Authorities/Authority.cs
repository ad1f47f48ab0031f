using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Authorities;

/// <summary>
/// The level of government of an authority. Since 1 July 2025 local government has two tiers: the province or
/// centrally-run city, and below it the commune, ward or special zone. A district is kept for the records of before.
/// </summary>
public enum AuthorityLevel
{
    Province,
    District,
    Commune,
    City,
    Ward,
    SpecialZone,
}

/// <summary>
/// A people's committee whose chairman signs conclusion notices and whose office follows them up ("UBND xã Việt An"):
/// its code, name and level, the place its documents are dated from, the authority above it, the unit that is its
/// office, and the names the portal shows for it.
/// </summary>
public sealed class Authority : VersionedEntity
{
    public const int CodeLength = 32;
    public const int NameLength = 200;

    private Authority()
    {
        Code = Name = Place = OfficeUnitCode = PortalName = ShortName = SteeringBody = null!;
    }

    public Authority(string code, string name, AuthorityLevel level, string place, string officeUnitCode, string portalName, string shortName, string steeringBody, int? parentId = null)
    {
        Code = NormalizeCode(code);
        ParentId = parentId;
        Name = Place = OfficeUnitCode = PortalName = ShortName = SteeringBody = null!;
        Describe(name, level, place, officeUnitCode, portalName, shortName, steeringBody);
    }

    public string Code { get; private set; }

    /// <summary>"UBND xã Việt An": the issuing body of its notices.</summary>
    public string Name { get; private set; }

    public AuthorityLevel Level { get; private set; }

    /// <summary>The place in date lines: "Việt An, ngày … tháng … năm …".</summary>
    public string Place { get; private set; }

    /// <summary>The authority above it (a commune's city); none for a province or a city.</summary>
    public int? ParentId { get; private set; }

    /// <summary>The code of the unit that is its office (it issues the reports).</summary>
    public string OfficeUnitCode { get; private set; }

    public string PortalName { get; private set; }

    public string ShortName { get; private set; }

    /// <summary>"Ban Chỉ đạo cải cách hành chính và chuyển đổi số xã".</summary>
    public string SteeringBody { get; private set; }

    /// <summary>Sets what the office may change of its authority; each text is required.</summary>
    public void Describe(string name, AuthorityLevel level, string place, string officeUnitCode, string portalName, string shortName, string steeringBody)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("authority.level");
        }

        Name = Required(name, NameLength);
        Level = level;
        Place = Required(place, NameLength);
        OfficeUnitCode = Required(officeUnitCode, CodeLength).ToUpperInvariant();
        PortalName = Required(portalName, NameLength);
        ShortName = Required(shortName, NameLength);
        SteeringBody = Required(steeringBody, NameLength);
    }

    /// <summary>"HIEPDUC" from "Hiệp Đức": a code is capital letters, digits and "_" or "-", without accents.</summary>
    public static string NormalizeCode(string code)
    {
        var folded = new string(VietnameseText.Fold(code).ToUpperInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').ToArray());
        return folded.Length is 0 or > CodeLength ? throw new DomainException("authority.code") : folded;
    }

    private static string Required(string? text, int length) =>
        Guard.Required(text, "authority.text") is var value && value.Length <= length && !value.Any(char.IsControl)
            ? value
            : throw new DomainException("authority.text");
}
