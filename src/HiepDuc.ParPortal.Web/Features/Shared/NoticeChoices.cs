using HiepDuc.ParPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>A notice as a filter offers it.</summary>
public sealed record NoticeChoice(int Id, string? Number, DateOnly MeetingDate);

/// <summary>The notices a filter's list offers: the latest ones, and the chosen one wherever it lies — not every notice ever recorded.</summary>
public static class NoticeChoices
{
    public const int Latest = 200;

    public static async Task<List<NoticeChoice>> LatestAsync(ParPortalDbContext db, int? chosen, CancellationToken cancellationToken)
    {
        var notices = await db.Notices.AsNoTracking().OrderByDescending(n => n.MeetingDate).ThenByDescending(n => n.Id).Take(Latest)
            .Select(n => new NoticeChoice(n.Id, n.Number, n.MeetingDate)).ToListAsync(cancellationToken);
        if (chosen is { } id && notices.All(n => n.Id != id))
        {
            notices.AddRange(await db.Notices.AsNoTracking().Where(n => n.Id == id).Select(n => new NoticeChoice(n.Id, n.Number, n.MeetingDate)).ToListAsync(cancellationToken));
        }

        return notices;
    }
}
