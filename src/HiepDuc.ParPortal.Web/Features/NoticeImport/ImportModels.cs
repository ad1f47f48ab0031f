using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Parsing;
using HiepDuc.ParPortal.Web.Features.Shared;

namespace HiepDuc.ParPortal.Web.Features.NoticeImport;

/// <summary>The preview form: everything the parser found, editable, posted back to save.</summary>
public sealed class ImportForm
{
    /// <summary>Save although some tasks have no one to do them or a proposed unit is left unticked: on purpose.</summary>
    public bool ConfirmGaps { get; set; }

    /// <summary>The last save was refused for such gaps (not bound from the form).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool NeedsConfirmation { get; set; }

    /// <summary>Save it although a notice with the same identity exists: a different session on purpose.</summary>
    public bool AllowDuplicate { get; set; }

    /// <summary>The stored notice this one duplicates, when the save was refused for it (not bound from the form).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public int? DuplicateOf { get; set; }

    [StringLength(50, ErrorMessage = "Validation_MaxLength")]
    public string? Number { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_IssuingBody")]
    public string IssuingBody { get; set; } = string.Empty;

    public DateOnly? IssueDate { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Notice_MeetingDate")]
    public DateOnly? MeetingDate { get; set; }

    /// <summary>
    /// The day the units were given the work (<see cref="Domain.Assignments.Assignment.AssignedOn"/>): the issue date, else
    /// the meeting date, unless the office enters another. A notice recorded long after it was sent counts its silence,
    /// report cycles and lateness from this day, not from the day of the import.
    /// </summary>
    [Display(Name = "Assignment_AssignedOn")]
    public DateOnly? GivenOn { get; set; }

    /// <summary>The text gives no meeting date: the issue date was taken in its place, to be checked.</summary>
    public bool MeetingGuessed { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(1000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Notice_Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    public string? Session { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    public string? ChairedBy { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    public string? SignedBy { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200_000, ErrorMessage = "Validation_MaxLength")]
    public string FullText { get; set; } = string.Empty;

    public int? MonitoringUnitId { get; set; }

    public List<ImportTask> Tasks { get; set; } = [];

    /// <summary>The figures the notice states (its results), to be saved as its reference figures of the KPIs they name.</summary>
    public List<ImportFigure> Figures { get; set; } = [];
}

/// <summary>
/// One figure of the notice ("tỷ lệ hồ sơ trễ hẹn cuối năm 2022 là 28,72 %"): the KPI it names, its value, and the period
/// it speaks of — read where the notice writes it, otherwise dated by the office. Saved for the district as a whole, as a
/// rate with unknown parts, linked to the notice.
/// </summary>
public sealed class ImportFigure
{
    public bool Keep { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    public string Text { get; set; } = string.Empty;

    [StringLength(50, ErrorMessage = "Validation_MaxLength")]
    public string? KpiCode { get; set; }

    [Range(0, 100, ErrorMessage = "Validation_Range")]
    public decimal Value { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

public sealed class ImportTask
{
    public bool Include { get; set; } = true;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20, ErrorMessage = "Validation_MaxLength")]
    public string Label { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(500, ErrorMessage = "Validation_MaxLength")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20_000, ErrorMessage = "Validation_MaxLength")]
    public string FullText { get; set; } = string.Empty;

    public DeadlineInput Deadline { get; set; } = new();

    public bool DeadlineGuessed { get; set; }

    [StringLength(5000, ErrorMessage = "Validation_MaxLength")]
    public string? References { get; set; }

    public List<ImportUnit> Units { get; set; } = [];

    /// <summary>Figure targets as read ("100% CB, CC, VC"), each with the KPI it was linked to.</summary>
    public List<ImportTarget> Targets { get; set; } = [];
}

public sealed class ImportTarget
{
    public bool Keep { get; set; } = true;

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    public string Text { get; set; } = string.Empty;

    [StringLength(50, ErrorMessage = "Validation_MaxLength")]
    public string? KpiCode { get; set; }

    public Domain.Kpis.KpiTargetKind Kind { get; set; }

    public decimal? Value { get; set; }
}

public sealed class ImportUnit
{
    /// <summary>The registry unit, or empty for a name the registry does not know.</summary>
    public int? UnitId { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    public string? Text { get; set; }

    public AssignmentRole Role { get; set; }

    public bool Guessed { get; set; }

    /// <summary>For an unknown name: create it as a new unit (of this kind) when saving.</summary>
    public bool Create { get; set; }

    /// <summary>A name the registry does not know, ticked to become a new unit.</summary>
    public bool ToCreate => UnitId is null && Create && !string.IsNullOrWhiteSpace(Text);

    /// <summary>A name the registry does not know, neither mapped to a unit nor ticked to be created: it will be dropped.</summary>
    public bool Unticked => UnitId is null && !Create && !string.IsNullOrWhiteSpace(Text);

    /// <summary>Will be assigned when saving: a registry unit, or a new one.</summary>
    public bool Chosen => UnitId is not null || ToCreate;
}

public sealed record ImportSource(string Text, IReadOnlyList<(Span Span, string Kind, int Task)> Marks)
{
    /// <summary>The source with each mark as a &lt;mark&gt;; every piece of text is HTML-encoded.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent Render()
    {
        var html = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        var pos = 0;
        foreach (var (span, kind, task) in Marks)
        {
            html.Append(Text[pos..span.Start]);
            var classes = string.Join(' ', kind.Split(' ').Select(k => "src-" + k));
            html.AppendHtml($"<mark class=\"{classes}\" data-task=\"{task.ToString(System.Globalization.CultureInfo.InvariantCulture)}\">");
            html.Append(Text.Substring(span.Start, span.Length));
            html.AppendHtml("</mark>");
            pos = span.End;
        }

        html.Append(Text[pos..]);
        return html;
    }
}

public sealed record ImportPageModel(ImportForm Form, ImportSource? Source, IReadOnlyList<Work.Option> Units, IReadOnlyList<string> Notes)
{
    /// <summary>The KPIs by code, to name them (never their codes) on the preview.</summary>
    public IReadOnlyDictionary<string, string> Kpis { get; init; } = new Dictionary<string, string>();
}
