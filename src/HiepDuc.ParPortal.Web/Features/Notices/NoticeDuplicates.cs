using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Notices;

public static class NoticeDuplicates
{
    /// <summary>The id of a stored notice that the given one would duplicate (<see cref="NoticeIdentity"/>), if any.</summary>
    public static Task<int?> DuplicateOfAsync(this ParPortalDbContext db, string? number, string issuingBody, DateOnly meetingDate, string fullText, CancellationToken cancellationToken) =>
        db.Notices.AsNoTracking()
            .Where(NoticeIdentity.Of(number, issuingBody, meetingDate, fullText).Matches())
            .OrderBy(n => n.Id)
            .Select(n => (int?)n.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
