using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Assignments;

public enum ProgressReportKind
{
    Progress,
    /// <summary>"Báo cáo hoàn thành": the unit says the work is done.</summary>
    Completion,
}

/// <summary>A unit's report on an assignment: text, progress, and (later) evidence files.</summary>
public sealed class ProgressReport : Entity
{
    private ProgressReport()
    {
        Text = ReportedByName = null!;
    }

    internal ProgressReport(Assignment assignment, ProgressReportKind kind, string text, int progress, Actor by, DateTimeOffset at, bool receivedOnPaper)
    {
        Assignment = assignment;
        Kind = kind;
        Text = Guard.Required(text, "report.text");
        Progress = progress;
        ReportedByUserId = by.UserId;
        ReportedByName = by.Name;
        ReportedAt = at;
        ReceivedOnPaper = receivedOnPaper;
    }

    public int AssignmentId { get; private set; }

    public Assignment Assignment { get; private set; } = null!;

    public ProgressReportKind Kind { get; private set; }

    public string Text { get; private set; }

    public int Progress { get; private set; }

    public string? ReportedByUserId { get; private set; }

    public string ReportedByName { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>Recorded by the office on behalf of a unit that sent it on paper.</summary>
    public bool ReceivedOnPaper { get; private set; }
}
