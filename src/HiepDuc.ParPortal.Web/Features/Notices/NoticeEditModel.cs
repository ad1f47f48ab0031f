using System.ComponentModel.DataAnnotations;

namespace HiepDuc.ParPortal.Web.Features.Notices;

public sealed class NoticeEditModel
{
    /// <summary>Save it although a notice with the same identity exists: a different session on purpose.</summary>
    public bool AllowDuplicate { get; set; }

    /// <summary>The stored notice this one duplicates, when the save was refused for it (not bound from the form).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public int? DuplicateOf { get; set; }

    [StringLength(50, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_Number")]
    public string? Number { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_IssuingBody")]
    public string IssuingBody { get; set; } = string.Empty;

    [Display(Name = "Notice_IssueDate")]
    public DateOnly? IssueDate { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Notice_MeetingDate")]
    public DateOnly? MeetingDate { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(1000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_Meeting")]
    public string? MeetingBody { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_Session")]
    public string? Session { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_ChairedBy")]
    public string? ChairedBy { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_SignedBy")]
    public string? SignedBy { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200_000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_FullText")]
    public string FullText { get; set; } = string.Empty;

    [Display(Name = "Notice_SignedPdf")]
    public IFormFile? SignedPdf { get; set; }

    public long Version { get; set; }
}
