namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>Settings of the API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one token may make in a minute; more get 429 with <c>Retry-After</c>.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;
}
