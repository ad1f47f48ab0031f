using System.ComponentModel.DataAnnotations;

namespace HiepDuc.ParPortal.Web.Features.Assignments;

/// <summary>The posted fields of any action on the assignment page; each action checks the ones it needs.</summary>
public sealed class AssignmentActionForm
{
    [StringLength(8000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Action_Text")]
    public string? Text { get; set; }

    [Range(0, 100, ErrorMessage = "Validation_Range")]
    [Display(Name = "Progress")]
    public int? Progress { get; set; }

    [Display(Name = "Action_NewLastDay")]
    public DateOnly? NewLastDay { get; set; }

    public bool Approve { get; set; }

    /// <summary>Confirming late work or deciding a late extension: the objective cause that excuses the lateness, if any.</summary>
    [StringLength(HiepDuc.ParPortal.Domain.Assignments.Assignment.MaxObjectiveCauseLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Action_ObjectiveCause")]
    public string? ObjectiveCause { get; set; }

    /// <summary>For a paper report: true when it reports the work done.</summary>
    public bool Completion { get; set; }

    /// <summary>The version the user saw; a different current version means someone changed the record meanwhile.</summary>
    public long Version { get; set; }

    /// <summary>The newest timeline entry the user saw, to show what changed since.</summary>
    public int SeenEventId { get; set; }

    public List<IFormFile> Files { get; set; } = [];
}

public enum AssignmentAction
{
    Report,
    Submit,
    RequestExtension,
    Confirm,
    Return,
    Cancel,
    PaperReport,
    DecideExtension,
    Direction,
    Urge,
}
