namespace HiepDuc.ParPortal.Domain.Units;

/// <summary>
/// Which unit stands for each unit today: itself, or — after mergers, renames and dissolutions, followed to the end
/// of the chain — its successor. Rankings, the heatmap and reports roll a former unit's work up into the unit that
/// stands for it; the work itself stays recorded where it was done.
/// </summary>
public sealed class UnitLineage
{
    private readonly Dictionary<int, int> _succeededBy;

    public UnitLineage(IEnumerable<(int Id, int? SucceededById)> units) =>
        _succeededBy = units.Where(u => u.SucceededById is not null).ToDictionary(u => u.Id, u => u.SucceededById!.Value);

    public bool IsEmpty => _succeededBy.Count == 0;

    public int CurrentOf(int unitId)
    {
        var current = unitId;
        for (var i = 0; i < 32 && _succeededBy.TryGetValue(current, out var next); i++)
        {
            current = next;
        }

        return current;
    }

    /// <summary>The former units whose work <paramref name="currentId"/> now stands for.</summary>
    public IReadOnlyList<int> FormerOf(int currentId) =>
        _succeededBy.Keys.Where(id => id != currentId && CurrentOf(id) == currentId).ToList();
}
