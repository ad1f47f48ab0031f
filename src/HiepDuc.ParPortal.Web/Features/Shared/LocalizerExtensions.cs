using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Shared;

public static class LocalizerExtensions
{
    /// <summary>The display name of an enum value: resource key "{EnumType}_{Value}".</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value)
        where T : struct, Enum => localizer[$"{typeof(T).Name}_{value}"];
}
