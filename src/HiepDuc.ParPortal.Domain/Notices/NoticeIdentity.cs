using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Notices;

/// <summary>
/// What makes two notices the same notice (docs/domain.md, "Duplicate notices"): the same number from the same issuing
/// body; or, when the new one has no number, the same meeting date, issuing body and text. Compared folded (accents,
/// case and spacing do not count).
/// </summary>
public sealed record NoticeIdentity(string? NumberKey, string IssuerKey, DateOnly MeetingDate, string ContentKey)
{
    public static NoticeIdentity Of(string? number, string issuingBody, DateOnly meetingDate, string fullText)
    {
        var numberKey = VietnameseText.Fold(number);
        var content = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(VietnameseText.Fold(fullText))));
        return new NoticeIdentity(numberKey.Length == 0 ? null : numberKey, VietnameseText.Fold(issuingBody), meetingDate, content);
    }

    /// <summary>The stored notices this one would duplicate.</summary>
    public Expression<Func<ConclusionNotice, bool>> Matches()
    {
        var (number, issuer, meeting, content) = (NumberKey, IssuerKey, MeetingDate, ContentKey);
        return number != null
            ? n => n.IssuerKey == issuer && n.NumberKey == number
            : n => n.IssuerKey == issuer && n.MeetingDate == meeting && n.ContentKey == content;
    }
}
