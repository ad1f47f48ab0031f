using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>The API speaks Vietnamese unless the caller's <c>Accept-Language</c> prefers English.</summary>
public static class ApiCulture
{
    public static ProviderCultureResult? FromAcceptLanguage(HttpRequest request)
    {
        var ranked = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in ranked)
        {
            var tag = language.Value.Value ?? string.Empty;
            if (tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase))
            {
                return new ProviderCultureResult("vi-VN");
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return new ProviderCultureResult("en-US");
            }
        }

        return new ProviderCultureResult("vi-VN");
    }
}
