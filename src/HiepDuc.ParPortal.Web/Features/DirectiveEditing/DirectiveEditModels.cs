using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Features.Shared;

namespace HiepDuc.ParPortal.Web.Features.DirectiveEditing;

public sealed class DirectiveEditModel
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Directive_Label")]
    public string Label { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(500, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Directive_ShortTitle")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20_000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Directive_FullText")]
    public string FullText { get; set; } = string.Empty;

    [StringLength(5000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "References")]
    public string? References { get; set; }

    public DeadlineInput Deadline { get; set; } = new();

    public long Version { get; set; }
}

public sealed class AssignModel
{
    public AssignmentRole Role { get; set; } = AssignmentRole.Implementing;

    public List<int> UnitIds { get; set; } = [];

    /// <summary>"kind:CommuneOrTown", "kind:DistrictAgency", "group:{id}".</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>False: the directive's deadline; true: <see cref="Deadline"/>.</summary>
    public bool OwnDeadline { get; set; }

    public DeadlineInput Deadline { get; set; } = new();
}

public sealed class TextModel
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(8000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Action_Text")]
    public string Text { get; set; } = string.Empty;
}

public sealed record UnitChoice(int Id, string Name, Domain.Units.UnitKind Kind, bool AlreadyAssigned);

public sealed record GroupChoice(string Key, string Name, int Count);

public sealed record AssignPageModel(int DirectiveId, string Label, string Title, AssignModel Form, IReadOnlyList<UnitChoice> Units, IReadOnlyList<GroupChoice> Groups);
