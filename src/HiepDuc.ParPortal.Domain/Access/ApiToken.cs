using System.Security.Cryptography;
using System.Text;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Access;

/// <summary>What an API token may do.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,

    /// <summary><c>read</c>: notices, directives, assignments, units, KPIs and figures.</summary>
    Read = 1,

    /// <summary><c>kpi:write</c>: KPI figures in batches.</summary>
    KpiWrite = 2,

    /// <summary><c>reports:write</c>: progress reports and submissions of the token's own unit.</summary>
    ReportsWrite = 4,

    /// <summary><c>notices:write</c>: a notice's number and signing date, as the document system gives them.</summary>
    NoticesWrite = 8,
}

/// <summary>
/// A credential another system uses on the API (<c>/api/v1</c>): named, scoped, optionally bound to one unit, with an
/// expiry. Only a hash of the secret is kept; the secret itself is shown once, when the token is issued.
/// </summary>
public sealed class ApiToken : Entity
{
    public const int MaxNameLength = 100;

    /// <summary>How far ahead a token may expire.</summary>
    public const int MaxLifetimeDays = 730;

    /// <summary>The secret's fixed beginning, so that a leaked token is recognisable in logs and code scanners.</summary>
    public const string SecretPrefix = "hdpp_";

    private ApiToken()
    {
        Name = Hash = Prefix = CreatedBy = null!;
    }

    public string Name { get; private set; }

    public ApiScopes Scopes { get; private set; }

    /// <summary>The unit the token speaks for: it sees and changes that unit's work only. Null: the whole district.</summary>
    public int? UnitId { get; private set; }

    /// <summary>SHA-256 of the secret, hex.</summary>
    public string Hash { get; private set; }

    /// <summary>The secret's first characters, shown in lists so the administrator can tell tokens apart.</summary>
    public string Prefix { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    /// <summary>Issues a token; the secret is returned once and never stored.</summary>
    public static (ApiToken Token, string Secret) Issue(string name, ApiScopes scopes, int? unitId, DateTimeOffset expiresAt, Actor by, DateTimeOffset at)
    {
        name = Guard.Required(name, "apiToken.name");
        if (name.Length > MaxNameLength)
        {
            throw new DomainException("apiToken.nameTooLong");
        }

        if (scopes == ApiScopes.None || (scopes & ~All) != 0)
        {
            throw new DomainException("apiToken.scopes");
        }

        if (scopes.HasFlag(ApiScopes.ReportsWrite) && unitId is null)
        {
            // A report is a unit's word: a token that writes reports speaks for one unit.
            throw new DomainException("apiToken.reportsNeedUnit");
        }

        if (expiresAt <= at || expiresAt > at.AddDays(MaxLifetimeDays))
        {
            throw new DomainException("apiToken.expiry");
        }

        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            Name = name,
            Scopes = scopes,
            UnitId = unitId,
            Hash = HashOf(secret),
            Prefix = secret[..(SecretPrefix.Length + 6)],
            CreatedAt = at,
            CreatedBy = by.Name,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public const ApiScopes All = ApiScopes.Read | ApiScopes.KpiWrite | ApiScopes.ReportsWrite | ApiScopes.NoticesWrite;

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public bool Allows(ApiScopes scope) => (Scopes & scope) == scope;

    public void Revoke(Actor by, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = at;
        RevokedBy = by.Name;
    }

    /// <summary>The scopes as the API names them: "read kpi:write".</summary>
    public static string Describe(ApiScopes scopes) => string.Join(' ', new[]
    {
        scopes.HasFlag(ApiScopes.Read) ? "read" : null,
        scopes.HasFlag(ApiScopes.KpiWrite) ? "kpi:write" : null,
        scopes.HasFlag(ApiScopes.ReportsWrite) ? "reports:write" : null,
        scopes.HasFlag(ApiScopes.NoticesWrite) ? "notices:write" : null,
    }.Where(s => s is not null));
}
