using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>A figure the office tracks (late-file rate, online-filing rate…), with its target.</summary>
public sealed class KpiDefinition : VersionedEntity
{
    private KpiDefinition()
    {
        Code = Name = SearchKey = null!;
    }

    public KpiDefinition(string code, string name, KpiKind kind, KpiDirection direction, KpiScope scope)
    {
        Code = Guard.Required(code, "kpi.code").ToUpperInvariant();
        Name = null!;
        SearchKey = null!;
        Kind = kind;
        Direction = direction;
        Scope = scope;
        IsActive = true;
        Describe(name, null, null, null);
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public string? NumeratorLabel { get; private set; }

    public string? DenominatorLabel { get; private set; }

    public KpiKind Kind { get; private set; }

    public KpiDirection Direction { get; private set; }

    public KpiScope Scope { get; private set; }

    public KpiTargetKind TargetKind { get; private set; }

    /// <summary>The target value in percent (for rates) or units (for counts).</summary>
    public decimal? TargetValue { get; private set; }

    /// <summary>For "≥ reference": the reference series' code (the province average).</summary>
    public string? TargetReference { get; private set; }

    /// <summary>Where the target comes from ("Thông báo kết luận 31/08/2023, mục 3.d").</summary>
    public string? TargetSource { get; private set; }

    /// <summary>Decision 766/QĐ-TTg scoring: full <see cref="ScoreMax"/> points at or above <see cref="ScoreThreshold"/> %, else proportional.</summary>
    public decimal? ScoreThreshold { get; private set; }

    public decimal? ScoreMax { get; private set; }

    public bool IsActive { get; private set; }

    public string SearchKey { get; private set; }

    public void SetScoring(decimal? threshold, decimal? max)
    {
        if ((threshold is null) != (max is null) || threshold is <= 0 or > 100 || max is <= 0)
        {
            throw new DomainException("kpi.scoring");
        }

        ScoreThreshold = threshold;
        ScoreMax = max;
    }

    public decimal? Points(decimal? rate) => KpiMath.Points(rate, ScoreThreshold, ScoreMax);

    public void ChangeShape(KpiKind kind, KpiDirection direction, KpiScope scope)
    {
        Kind = kind;
        Direction = direction;
        Scope = scope;
    }

    public void Describe(string name, string? description, string? numeratorLabel, string? denominatorLabel)
    {
        Name = Guard.Required(name, "kpi.name");
        Description = Guard.Optional(description);
        NumeratorLabel = Guard.Optional(numeratorLabel);
        DenominatorLabel = Guard.Optional(denominatorLabel);
        SearchKey = VietnameseText.Fold($"{Code} {Name}");
    }

    public void SetTarget(KpiTargetKind kind, decimal? value, string? reference, string? source)
    {
        switch (kind)
        {
            case var k when k.NeedsValue() && value is null:
                throw new DomainException("kpi.target.value");
            case KpiTargetKind.AtLeastReference when string.IsNullOrWhiteSpace(reference):
                throw new DomainException("kpi.target.reference");
        }

        if (value is < 0 || (Kind != KpiKind.Count && value > 100))
        {
            throw new DomainException("kpi.target.range");
        }

        TargetKind = kind;
        TargetValue = kind == KpiTargetKind.Full ? 100m : kind.NeedsValue() ? value : null;
        TargetReference = kind == KpiTargetKind.AtLeastReference ? reference!.Trim() : null;
        TargetSource = Guard.Optional(source);
    }

    /// <summary>
    /// Words that name this KPI in a notice's sentences ("trễ hẹn", "trễ hạn"), one per line: the import links a figure
    /// target ("giảm tỷ lệ hồ sơ trễ hẹn xuống dưới 5%") to the KPI through them. Empty: the KPI's name is the only one.
    /// </summary>
    public string? Keywords { get; private set; }

    public IReadOnlyList<string> KeywordList => Keywords?.Split('\n') ?? [];

    /// <summary>Sets the words, each kept once (whatever its case or diacritics), at most 20 of at most 60 characters.</summary>
    public void SetKeywords(IEnumerable<string> words)
    {
        var kept = new List<string>();
        foreach (var word in words.Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            if (word.Length > 60)
            {
                throw new DomainException("kpi.keyword.length");
            }

            if (!kept.Any(k => VietnameseText.Fold(k) == VietnameseText.Fold(word)))
            {
                kept.Add(word);
            }
        }

        if (kept.Count > 20)
        {
            throw new DomainException("kpi.keyword.count");
        }

        Keywords = kept.Count == 0 ? null : string.Join('\n', kept);
    }

    /// <summary>
    /// The units that do not report this KPI (the post office for the late-file rate, for example), as their ids
    /// separated by commas: left out of its coverage ("3/14 đơn vị", not "3/16"). The office chooses them on the KPI's page.
    /// </summary>
    public string? CoverageExemptions { get; private set; }

    public IReadOnlyList<int> ExemptUnitIds => CoverageExemptions?.Split(',').Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList() ?? [];

    /// <summary>Sets the units left out of this KPI's coverage (each once, in id order).</summary>
    public void SetCoverageExemptions(IEnumerable<int> unitIds)
    {
        var ids = unitIds.Distinct().Order().ToList();
        if (ids.Any(id => id <= 0))
        {
            throw new DomainException("kpi.exemption");
        }

        CoverageExemptions = ids.Count == 0 ? null : string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void Deactivate() => IsActive = false;
}
