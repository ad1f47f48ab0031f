using HiepDuc.ParPortal.Domain.Common;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Shared;

public static class LocalizerExtensions
{
    /// <summary>The display name of an enum value: resource key "{EnumType}_{Value}".</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value)
        where T : struct, Enum => localizer[$"{typeof(T).Name}_{value}"];

    /// <summary>
    /// The words for a broken domain rule, in the reader's language: resource key "Domain_{code}", formatted with the
    /// rule's values (enum values by their own display names).
    /// </summary>
    public static string Domain(this IStringLocalizer localizer, DomainException error)
    {
        var args = error.Arguments
            .Select(a => a is Enum e ? localizer[$"{e.GetType().Name}_{e}"].Value : a)
            .ToArray();
        var text = localizer[$"Domain_{error.Code}"];
        return text.ResourceNotFound ? error.Code : string.Format(System.Globalization.CultureInfo.CurrentCulture, text.Value, args);
    }
}
