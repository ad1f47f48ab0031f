using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Features.Reorganisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

/// <summary>
/// The 2025 merger of Bình Lâm, Bình Sơn, Quế Thọ and Thăng Phước into xã Việt An (Resolution 147/NQ-HĐND, effective
/// 01/07/2025), recorded in the portal after its date and applied at once.
/// </summary>
public static class Merger2025
{
    public static readonly DateOnly Effective = new(2025, 7, 1);

    public static readonly string[] Former = ["BINHLAM", "BINHSON", "QUETHO", "THANGPHUOC"];

    public static async Task ApplyAsync(PortalFactory portal, DateOnly? carriedDeadline = null)
    {
        await portal.QueryAsync(async db =>
        {
            var predecessors = await db.Units.Where(u => Former.Contains(u.Code)).ToListAsync();
            var vietAn = new Unit("VIETAN", "UBND xã Việt An", UnitKind.CommuneOrTown, "Việt An");
            var by = new Actor(null, "Văn phòng");
            var r = Reorganisation.Draft(ReorganisationKind.Merge, "Sáp nhập xã Bình Lâm, Bình Sơn, Quế Thọ, Thăng Phước thành xã Việt An",
                "Nghị quyết 147/NQ-HĐND", Effective, vietAn, predecessors, by, portal.Clock.GetUtcNow());
            db.Reorganisations.Add(r);
            await db.SaveChangesAsync();
            r.SetCarriedDeadline(carriedDeadline);
            r.Schedule(by, portal.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Reorganisations>().ApplyDueAsync(CancellationToken.None);
    }
}
