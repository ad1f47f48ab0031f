using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>
/// The validation summary only when there is something to say. ASP.NET's own renders an empty placeholder with an
/// inline <c>style="display:none"</c> for client-side validation, which the portal neither uses nor allows (the strict
/// CSP blocks it and shows a stray bullet): with no error, nothing is rendered at all.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryTagHelper : TagHelper
{
    /// <summary>After the framework's own validation summary.</summary>
    public override int Order => 1000;

    [HtmlAttributeName("asp-validation-summary")]
    public ValidationSummary Mode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        var any = Mode switch
        {
            ValidationSummary.All => state.ErrorCount > 0,
            ValidationSummary.ModelOnly => state.TryGetValue(string.Empty, out var model) && model.Errors.Count > 0,
            _ => false,
        };
        if (!any)
        {
            output.SuppressOutput();
        }
    }
}
