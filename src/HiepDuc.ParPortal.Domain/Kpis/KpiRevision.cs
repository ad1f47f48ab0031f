namespace HiepDuc.ParPortal.Domain.Kpis;

/// <summary>A figure as it was before a correction: kept so that nobody's number silently disappears.</summary>
public sealed class KpiRevision
{
    private KpiRevision()
    {
        RecordedBy = null!;
    }

    internal KpiRevision(long? numerator, long? denominator, decimal? statedRate, string? note, MeasurementSource source, string recordedBy, DateTimeOffset recordedAt)
    {
        Numerator = numerator;
        Denominator = denominator;
        StatedRate = statedRate;
        Note = note;
        Source = source;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }

    public int MeasurementId { get; private set; }

    public long? Numerator { get; private set; }

    public long? Denominator { get; private set; }

    public decimal? StatedRate { get; private set; }

    public string? Note { get; private set; }

    public MeasurementSource Source { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
