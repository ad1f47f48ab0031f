using HiepDuc.ParPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>
/// The words of the authority's level. A text that differs by level has one entry per level in the resource files,
/// named <c>{key}@{Level}</c> ("Role_DistrictOffice@Commune" = "Văn phòng HĐND&amp;UBND xã"); every lookup asks for the
/// level's entry first and falls back to the key's own. So a commune's portal never says "huyện", and no portal of
/// after 1 July 2025 offers "thị trấn", without any page knowing which words differ.
/// </summary>
public sealed class LevelLocalizer(IStringLocalizerFactory factory, IOptionsMonitor<AuthorityOptions> authority) : IStringLocalizer<SharedResource>
{
    public const char Separator = '@';

    private readonly IStringLocalizer inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => Find(name, key => inner[key]);

    public LocalizedString this[string name, params object[] arguments] => Find(name, key => inner[key, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        inner.GetAllStrings(includeParentCultures).Where(s => !s.Name.Contains(Separator, StringComparison.Ordinal));

    private LocalizedString Find(string name, Func<string, LocalizedString> lookup)
    {
        var level = lookup($"{name}{Separator}{authority.CurrentValue.Level}");
        return level.ResourceNotFound ? lookup(name) : new LocalizedString(name, level.Value, resourceNotFound: false, level.SearchedLocation);
    }
}
