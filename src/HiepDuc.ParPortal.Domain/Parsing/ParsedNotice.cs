using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;

namespace HiepDuc.ParPortal.Domain.Parsing;

/// <summary>A unit of the registry, as the parser is given it.</summary>
public sealed record RegistryUnit(int Id, string Code, string Name, string? ShortName, UnitKind Kind);

/// <summary>Words that point at a KPI of the catalogue ("tài khoản dịch vụ công" → PUBLIC_SERVICE_ACCOUNTS).</summary>
public sealed record KpiKeywords(string Code, IReadOnlyList<string> Keywords);

/// <summary>Where in the source text a value was read.</summary>
public readonly record struct Span(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>A value with its source span and whether the parser is sure of it (false: a guess to check).</summary>
public sealed record Found<T>(T Value, Span? Span, bool Certain);

public sealed record ParsedUnit(int? UnitId, string Text, AssignmentRole Role, Span? Span, bool Certain);

public sealed record ParsedReference(DocumentReference Reference, Span Span);

public sealed record ParsedTarget(string? KpiCode, KpiTargetKind Kind, decimal? Value, string Text, Span Span);

public sealed record ParsedTask(
    string Label,
    Found<string> Title,
    string FullText,
    Span Span,
    Found<Deadline> Deadline,
    IReadOnlyList<ParsedUnit> Units,
    IReadOnlyList<ParsedReference> References,
    IReadOnlyList<ParsedTarget> Targets);

/// <summary>A figure read from a section that reports results: a note or a KPI value, never a task.</summary>
public sealed record ParsedFigure(string Context, decimal Value, Span Span, string? KpiCode);

public sealed record ParsedNotice(
    string Text,
    Found<string?> IssuingBody,
    Found<string?> Number,
    Found<DateOnly?> IssueDate,
    Found<string?> Place,
    Found<string?> Title,
    Found<DateOnly?> MeetingDate,
    Found<string?> Session,
    Found<string?> ChairedBy,
    Found<string?> SignedBy,
    Found<int?> MonitoringUnitId,
    IReadOnlyList<ParsedTask> Tasks,
    IReadOnlyList<ParsedFigure> Figures,
    IReadOnlyList<Found<string>> UnknownUnits);
