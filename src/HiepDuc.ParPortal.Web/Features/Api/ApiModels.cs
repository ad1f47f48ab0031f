using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;

namespace HiepDuc.ParPortal.Web.Features.Api;

public sealed record ApiNotice(int Id, string? Number, string IssuingBody, DateOnly? IssueDate, DateOnly MeetingDate, string Title, string? Session, string? ChairedBy, string? SignedBy, bool IsPublic, long Version)
{
    /// <summary>A notice as the API shows it, read in SQL.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<ConclusionNotice, ApiNotice>> Of = n =>
        new ApiNotice(n.Id, n.Number, n.IssuingBody, n.IssueDate, n.MeetingDate, n.Title, n.Session, n.ChairedBy, n.SignedBy, n.IsPublic, n.Version);
}

/// <summary>A deadline as the notice wrote it, with the last day it means (none for recurring or ongoing duties).</summary>
public sealed record ApiDeadline(Domain.Deadlines.DeadlineKind Kind, DateOnly? LastDay, bool Urgent, string? WrittenAs);

/// <summary>A directive: its state, and the one signal and light every page shows for it (<c>signal</c>, <c>light</c>).</summary>
public sealed record ApiDirective(int Id, int NoticeId, string Label, string Title, ApiDeadline Deadline, DirectiveState State, int Assignments, int Completed, DateOnly? DueOn,
    DirectiveSignal Signal = DirectiveSignal.NotAssigned, TrafficLight Light = TrafficLight.Unknown, int Progress = 0);

/// <summary>An assignment's timing: its state and days by the one rule, the lateness recorded before (an extension granted
/// after the deadline) and whether a confirmed objective cause excuses it.</summary>
public sealed record ApiTiming(TimingState State, int? Days, OverdueBucket Bucket, int LateDays = 0, bool Excused = false);

public sealed record ApiAssignment(
    int Id, int DirectiveId, string DirectiveLabel, string DirectiveTitle, int UnitId, string UnitName, AssignmentRole Role, AssignmentStatus Status, int Progress,
    ApiDeadline Deadline, DateOnly? LastDayInForce, DateOnly? ExtendedTo, ApiTiming Timing, DateTimeOffset? LastReportAt, long? Version = null, DateOnly? AssignedOn = null)
{
    /// <summary>An assignment as the API shows it: the row of the assignment list, its timing by the same rule.</summary>
    public static ApiAssignment Of(Shared.AssignmentRow r, long? version = null) => new(
        r.Id, r.DirectiveId, r.DirectiveLabel, r.DirectiveTitle, r.UnitId, r.UnitName, r.Role, r.Status, r.Progress,
        new ApiDeadline(r.Deadline.Kind, r.Deadline.LastDay, r.Deadline.IsUrgent, Shared.Words.ForRecord(l => Shared.Words.DeadlineAsWritten(l, r.Deadline))),
        r.LastDayInForce, r.ExtendedTo, new ApiTiming(r.Timing.State, r.Timing.Days, r.Timing.Bucket, r.Timing.LateDays, r.Timing.Excused), r.LastReportAt, version, r.AssignedOn);
}

public sealed record ApiUnit(int Id, string Code, string Name, string? ShortName, UnitKind Kind, bool IsActive);

public sealed record ApiKpi(int Id, string Code, string Name, string? Description, KpiKind Kind, KpiDirection Direction, string? NumeratorLabel, string? DenominatorLabel, decimal? Target, bool IsActive);

/// <summary>How many units gave a figure for a period, of those expected; <c>sufficient</c> against the portal's threshold.</summary>
public sealed record ApiCoverage(int Reporting, int Expected, decimal? Percent, bool Sufficient);

public sealed record ApiDistrictValue(string Period, long? Numerator, long? Denominator, decimal? Rate, bool RateOnly, ApiCoverage? Coverage);

public sealed record ApiUnitFigure(string Period, int? UnitId, string? UnitCode, long? Numerator, long? Denominator, decimal? Rate, MeasurementSource Source, string? Note, DateTimeOffset RecordedAt);

public sealed record ApiKpiFigures(ApiKpi Kpi, IReadOnlyList<ApiDistrictValue> District, IReadOnlyList<ApiUnitFigure> Units);

/// <summary>One KPI figure of a batch: the same columns as the import template.</summary>
public sealed record ApiFigureInput
{
    /// <summary>The KPI's code ("LATE_FILES").</summary>
    [StringLength(64, ErrorMessage = "Validation_MaxLength")]
    public string? Kpi { get; init; }

    /// <summary>The unit's code; none for the district's own figure.</summary>
    [StringLength(32, ErrorMessage = "Validation_MaxLength")]
    public string? Unit { get; init; }

    /// <summary>The month: "2023-09".</summary>
    [StringLength(16, ErrorMessage = "Validation_MaxLength")]
    public string? Period { get; init; }

    public long? Numerator { get; init; }

    public long? Denominator { get; init; }

    [StringLength(Domain.Kpis.KpiMeasurement.MaxNoteLength, ErrorMessage = "Validation_MaxLength")]
    public string? Note { get; init; }
}

public sealed record ApiFigureBatch(IReadOnlyList<ApiFigureInput>? Figures);

public sealed record ApiBatchResult(int Received, int Written, int Unchanged);

/// <summary>A progress report (<c>submit: false</c>, with a progress in per cent) or a submission of finished work.</summary>
public sealed record ApiReportInput
{
    [StringLength(8000, ErrorMessage = "Validation_MaxLength")]
    public string? Text { get; init; }

    public int? Progress { get; init; }

    public bool Submit { get; init; }
}

public sealed record ApiRegistrationInput
{
    [StringLength(ConclusionNotice.MaxNumberLength, ErrorMessage = "Validation_MaxLength")]
    public string? Number { get; init; }

    public DateOnly? IssueDate { get; init; }
}
