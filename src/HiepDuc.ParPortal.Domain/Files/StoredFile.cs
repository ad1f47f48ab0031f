using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Files;

/// <summary>
/// An uploaded file (evidence for a report, a notice's signed PDF). The bytes live outside the web root under a
/// name derived from their SHA-256; the original name is kept here and only ever sent back as an attachment.
/// </summary>
public sealed class StoredFile : Entity
{
    private StoredFile()
    {
        OriginalName = StoredName = ContentType = Sha256 = UploadedByName = null!;
    }

    public StoredFile(string originalName, string storedName, string contentType, long length, string sha256, Actor by, DateTimeOffset at)
    {
        OriginalName = Guard.Required(originalName, "file.name");
        StoredName = storedName;
        ContentType = contentType;
        Length = length;
        Sha256 = sha256;
        UploadedByUserId = by.UserId;
        UploadedByName = by.Name;
        UploadedAt = at;
    }

    public string OriginalName { get; private set; }

    public string StoredName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public string? UploadedByUserId { get; private set; }

    public string UploadedByName { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Evidence attached to a report of this assignment (null for a notice's file).</summary>
    public int? AssignmentId { get; private set; }

    public int? ReportId { get; private set; }

    public int? NoticeId { get; private set; }

    public void AttachTo(Assignments.ProgressReport report)
    {
        ReportId = report.Id == 0 ? null : report.Id;
        Report = report;
        AssignmentId = report.Assignment.Id == 0 ? null : report.Assignment.Id;
        Assignment = report.Assignment;
    }

    public void AttachTo(Notices.ConclusionNotice notice)
    {
        Notice = notice;
    }

    public Assignments.ProgressReport? Report { get; private set; }

    public Assignments.Assignment? Assignment { get; private set; }

    public Notices.ConclusionNotice? Notice { get; private set; }
}
