using Microsoft.AspNetCore.WebUtilities;

namespace HiepDuc.ParPortal.Web.Features.Shared;

public static class QueryLinks
{
    /// <summary>The current URL with one query parameter replaced: filters stay in the query string when paging or sorting.</summary>
    public static string With(this HttpRequest request, string key, string? value)
    {
        var values = request.Query.Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        if (!string.IsNullOrEmpty(value))
        {
            values.Add(new(key, value));
        }

        return QueryHelpers.AddQueryString(request.Path, values);
    }
}
