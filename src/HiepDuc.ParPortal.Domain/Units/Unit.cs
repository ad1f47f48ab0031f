using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Units;

public enum UnitKind
{
    /// <summary>Cơ quan chuyên môn, đơn vị thuộc UBND huyện (phòng, văn phòng, chi nhánh đặt tại huyện).</summary>
    DistrictAgency,
    /// <summary>Xã, thị trấn.</summary>
    CommuneOrTown,
    /// <summary>Cơ quan, đơn vị khác: bưu điện, bảo hiểm xã hội… (ngành dọc, doanh nghiệp).</summary>
    OtherBody,
}

/// <summary>A district agency, a commune/town or another body that can be given work.</summary>
public sealed class Unit : VersionedEntity
{
    private Unit()
    {
        Code = Name = SearchKey = null!;
    }

    public Unit(string code, string name, UnitKind kind, string? shortName = null)
    {
        Code = NormalizeCode(code);
        Kind = kind;
        IsActive = true;
        Name = null!;
        SearchKey = null!;
        Rename(name, shortName);
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>A shorter form used in tables ("Hiệp Thuận" for "UBND xã Hiệp Thuận").</summary>
    public string? ShortName { get; private set; }

    public UnitKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Name and short name folded for accent-insensitive search.</summary>
    public string SearchKey { get; private set; }

    public string DisplayName => ShortName ?? Name;

    /// <summary>The unit that took this one's place (a merger, a rename, a dissolution); null while it stands.</summary>
    public int? SucceededById { get; private set; }

    /// <summary>The day this unit ceased: its successor's first day.</summary>
    public DateOnly? SucceededOn { get; private set; }

    /// <summary>A former unit ("(cũ)"): its history is kept and read; it is given no new work.</summary>
    public bool IsFormer => SucceededById is not null;

    /// <summary>Ends the unit on <paramref name="on"/>: <paramref name="successorId"/> takes its place.</summary>
    public void SucceedBy(int successorId, DateOnly on)
    {
        if (successorId == Id)
        {
            throw new DomainException("reorganisation.self");
        }

        SucceededById = successorId;
        SucceededOn = on;
        IsActive = false;
    }

    public void Rename(string name, string? shortName)
    {
        Name = Guard.Required(name, "unit.name");
        ShortName = Guard.Optional(shortName);
        SearchKey = VietnameseText.Fold($"{Name} {ShortName} {Code}");
    }

    public void ChangeKind(UnitKind kind) => Kind = kind;

    public void Deactivate() => IsActive = false;

    public void Activate()
    {
        if (IsFormer)
        {
            throw new DomainException("unit.former");
        }

        IsActive = true;
    }

    private static string NormalizeCode(string code)
    {
        var value = Guard.Required(code, "unit.code").ToUpperInvariant();
        if (value.Length > 32 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new DomainException("unit.code.format");
        }

        return value;
    }
}
