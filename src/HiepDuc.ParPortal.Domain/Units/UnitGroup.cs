using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Units;

/// <summary>A saved selection of units ("Các xã vùng cao", "Đơn vị có bộ phận một cửa") to assign work in one step.</summary>
public sealed class UnitGroup : VersionedEntity
{
    private readonly List<UnitGroupMember> _members = [];

    private UnitGroup()
    {
        Name = null!;
    }

    public UnitGroup(string name, IEnumerable<int> unitIds)
    {
        Name = null!;
        Rename(name);
        SetMembers(unitIds);
        IsActive = true;
    }

    public string Name { get; private set; }

    public bool IsActive { get; private set; }

    public IReadOnlyList<UnitGroupMember> Members => _members;

    public void Rename(string name) => Name = Guard.Required(name, "unitGroup.name");

    public void SetMembers(IEnumerable<int> unitIds)
    {
        var ids = unitIds.Distinct().ToHashSet();
        if (ids.Count == 0)
        {
            throw new DomainException("unitGroup.empty");
        }

        _members.RemoveAll(m => !ids.Contains(m.UnitId));
        foreach (var id in ids.Where(id => _members.All(m => m.UnitId != id)))
        {
            _members.Add(new UnitGroupMember(id));
        }
    }

    public void Deactivate() => IsActive = false;
}

public sealed class UnitGroupMember
{
    private UnitGroupMember()
    {
    }

    internal UnitGroupMember(int unitId) => UnitId = unitId;

    public int UnitGroupId { get; private set; }

    public int UnitId { get; private set; }
}
