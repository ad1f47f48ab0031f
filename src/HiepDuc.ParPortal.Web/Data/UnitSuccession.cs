using HiepDuc.ParPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Data;

public static class UnitSuccession
{
    /// <summary>
    /// Which unit stands for each unit today (<see cref="UnitLineage"/>), read from the units that have been succeeded —
    /// none until a reorganisation, a handful after one.
    /// </summary>
    public static async Task<UnitLineage> LineageAsync(this ParPortalDbContext db, CancellationToken cancellationToken) =>
        new((await db.Units.AsNoTracking().Where(u => u.SucceededById != null).Select(u => new { u.Id, u.SucceededById }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.SucceededById)));
}
