using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>
/// One figure of one KPI for one unit (or the whole district, <see cref="UnitId"/> null) and one period.
/// The rate is computed from numerator and denominator, never typed; a figure known only as a rate
/// (the notice's own) keeps its <see cref="StatedRate"/> and unknown parts, and never weighs an aggregate.
/// </summary>
public sealed class KpiMeasurement : VersionedEntity
{
    private readonly List<KpiRevision> _revisions = [];

    private KpiMeasurement()
    {
        Period = null!;
        RecordedBy = null!;
    }

    private KpiMeasurement(int kpiId, int? unitId, KpiPeriod period, MeasurementSource source, Actor by, DateTimeOffset at)
    {
        KpiId = kpiId;
        UnitId = unitId;
        Period = period;
        Source = source;
        RecordedBy = by.Name;
        RecordedAt = at;
    }

    public int KpiId { get; private set; }

    public KpiDefinition Kpi { get; private set; } = null!;

    public int? UnitId { get; private set; }

    /// <summary>The notice that reported this figure, when it came from one.</summary>
    public int? NoticeId { get; private set; }

    public KpiPeriod Period { get; private set; }

    public long? Numerator { get; private set; }

    public long? Denominator { get; private set; }

    /// <summary>A rate in percent the source gave without its parts.</summary>
    public decimal? StatedRate { get; private set; }

    public RateQualifier Qualifier { get; private set; }

    public MeasurementSource Source { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The longest note a figure keeps (the form, the import and the column say the same).</summary>
    public const int MaxNoteLength = 2000;

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsRateOnly => Numerator is null || Denominator is null;

    /// <summary>Earlier values of this figure, kept when it is corrected or re-imported.</summary>
    public IReadOnlyList<KpiRevision> Revisions => _revisions;

    /// <summary>The rate in percent: numerator ÷ denominator when both are known, else the stated rate.</summary>
    public decimal? Rate => KpiMath.Rate(Numerator, Denominator) ?? StatedRate;

    public static KpiMeasurement Counted(KpiDefinition kpi, int? unitId, KpiPeriod period, long numerator, long denominator, MeasurementSource source, Actor by, DateTimeOffset at, string? note = null)
    {
        var m = new KpiMeasurement(kpi.Id, unitId, period, source, by, at) { Kpi = kpi };
        m.SetCounts(numerator, denominator, kpi.Kind);
        m.Note = NoteOf(note);
        return m;
    }

    /// <summary>A figure known only as a rate (with the numerator when the source gives it, e.g. "no online file": 0).</summary>
    public static KpiMeasurement RateOnly(KpiDefinition kpi, int? unitId, KpiPeriod period, decimal rate, RateQualifier qualifier, MeasurementSource source, Actor by, DateTimeOffset at, string? note = null, long? numerator = null)
    {
        if (rate is < 0 or > 100)
        {
            throw new DomainException("kpi.rate");
        }

        if (numerator is < 0)
        {
            throw new DomainException("kpi.numerator");
        }

        return new KpiMeasurement(kpi.Id, unitId, period, source, by, at)
        {
            Kpi = kpi,
            StatedRate = rate,
            Qualifier = qualifier,
            Numerator = numerator,
            Note = NoteOf(note),
        };
    }

    /// <summary>Marks the figure as reported by a notice (its source document).</summary>
    public KpiMeasurement ReportedIn(int noticeId)
    {
        NoticeId = noticeId;
        Source = MeasurementSource.Notice;
        return this;
    }

    /// <summary>New counts for the same figure; the previous values go to <see cref="Revisions"/>. False when nothing changed.</summary>
    public bool Correct(long numerator, long denominator, string? note, MeasurementSource source, Actor by, DateTimeOffset at, KpiKind kind)
    {
        if (Numerator == numerator && Denominator == denominator && StatedRate is null && Note == NoteOf(note))
        {
            return false;
        }

        _revisions.Add(new KpiRevision(Numerator, Denominator, StatedRate, Note, Source, RecordedBy, RecordedAt));
        SetCounts(numerator, denominator, kind);
        StatedRate = null;
        Qualifier = RateQualifier.Exact;
        Note = NoteOf(note);
        Source = source;
        RecordedBy = by.Name;
        RecordedAt = at;
        return true;
    }

    private static string? NoteOf(string? note) =>
        Guard.Optional(note) is { Length: > MaxNoteLength } ? throw new DomainException("kpi.noteTooLong") : Guard.Optional(note);

    private void SetCounts(long numerator, long denominator, KpiKind kind)
    {
        if (numerator < 0 || denominator < 0)
        {
            throw new DomainException("kpi.negative");
        }

        if (kind != KpiKind.Count && numerator > denominator)
        {
            throw new DomainException("kpi.numeratorAboveDenominator");
        }

        Numerator = numerator;
        Denominator = denominator;
    }
}
