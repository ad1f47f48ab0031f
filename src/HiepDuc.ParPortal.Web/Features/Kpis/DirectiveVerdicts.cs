using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Directives;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Kpis;

/// <summary>Judges a directive's figure target from the data: the unit's (or the district's) rate for the period against the target.</summary>
public static class DirectiveVerdicts
{
    public static async Task<DataVerdict> JudgeAsync(ParPortalDbContext db, DirectiveTarget t, int coveragePercent, CancellationToken cancellationToken)
    {
        var kpi = await db.KpiDefinitions.AsNoTracking().Where(k => k.Id == t.KpiId).Select(k => k.Name).SingleAsync(cancellationToken);
        var unit = t.UnitId is null ? null : await db.Units.AsNoTracking().Where(u => u.Id == t.UnitId).Select(u => u.ShortName ?? u.Name).SingleOrDefaultAsync(cancellationToken);
        decimal? value;
        KpiCoverage? coverage = null;
        if (t.UnitId is { } unitId)
        {
            value = (await db.FiguresAsync(t.KpiId, t.Period, cancellationToken)).FirstOrDefault(f => f.UnitId == unitId)?.Rate;
        }
        else
        {
            var district = (await db.DistrictSeriesAsync([t.KpiId], coveragePercent, cancellationToken))[t.KpiId].FirstOrDefault(v => v.Start == t.Period.Start && v.End == t.Period.End);
            value = district?.Rate;
            coverage = district?.Coverage;
        }

        var reference = t.Reference is null ? null : await db.ReferenceAsync(t.KpiId, t.Reference, t.Period, cancellationToken);
        return new DataVerdict(t.KpiId, kpi, unit, t.Period, t.Kind, t.Value, value, reference, KpiMath.Judge(t.Kind, value, t.Value, reference, coverage, coveragePercent), coverage);
    }
}
