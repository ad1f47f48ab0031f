using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Assignments;

/// <summary>One entry of an assignment's timeline: who, when, what, the text.</summary>
public sealed class AssignmentEvent : Entity
{
    private AssignmentEvent()
    {
        ByName = null!;
    }

    internal AssignmentEvent(Assignment assignment, AssignmentEventKind kind, Actor by, DateTimeOffset at, string? text, AssignmentStatus statusAfter, ProgressReport? report, DateOnly? newLastDay, int? lateDays)
    {
        Assignment = assignment;
        Kind = kind;
        ByUserId = by.UserId;
        ByName = by.Name;
        At = at;
        Text = text;
        StatusAfter = statusAfter;
        Report = report;
        NewLastDay = newLastDay;
        LateDays = lateDays;
        // The unit the event happened to, as it was named then: after a reorganisation the work's history still reads
        // "Giao nhiệm vụ · Bình Lâm", not the successor's name.
        UnitName = assignment.Unit is { } unit ? unit.ShortName ?? unit.Name : null;
    }

    public int AssignmentId { get; private set; }

    public Assignment Assignment { get; private set; } = null!;

    public AssignmentEventKind Kind { get; private set; }

    public string? ByUserId { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Text { get; private set; }

    public AssignmentStatus StatusAfter { get; private set; }

    public int? ReportId { get; private set; }

    public ProgressReport? Report { get; private set; }

    /// <summary>For extension events: the date asked for or granted.</summary>
    public DateOnly? NewLastDay { get; private set; }

    /// <summary>
    /// For an extension granted after the deadline in force, and for a cycle of a recurring duty reported after its day:
    /// the days the work was late, recorded then ("gia hạn khi đã quá hạn 1165 ngày").
    /// </summary>
    public int? LateDays { get; private set; }

    /// <summary>The unit the event happened to, by its name at the time (null only for events recorded before it was kept).</summary>
    public string? UnitName { get; private set; }
}
