namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>
/// The answer given to an API write sent with an <c>Idempotency-Key</c>: the same key from the same token, with the
/// same body, gets the same answer again and writes nothing; with another body it is refused (422). Kept
/// <see cref="KeptFor"/>, then forgotten by the reminder run's housekeeping.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 100;

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public IdempotentRequest(int tokenId, string key, string requestHash, int statusCode, string body, DateTimeOffset createdAt)
    {
        TokenId = tokenId;
        Key = key;
        RequestHash = requestHash;
        StatusCode = statusCode;
        Body = body;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int TokenId { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 of the request body, hex.</summary>
    public string RequestHash { get; private set; }

    public int StatusCode { get; private set; }

    /// <summary>The JSON answer.</summary>
    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
