using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>The one-line message shown at the top of the next page ("Đã lưu…", or why nothing was).</summary>
public static class Flash
{
    public const string Key = "flash";

    /// <summary>Every message of an invalid model state, for an action that answers with its page rather than a form.</summary>
    public static string Messages(this ModelStateDictionary state) =>
        string.Join(" ", state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
}
