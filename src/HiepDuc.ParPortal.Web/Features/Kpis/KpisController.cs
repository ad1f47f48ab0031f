using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Kpis;

/// <summary>"Chỉ tiêu": the catalogue, each KPI's figures by unit and month, the monthly entry grid, each unit's KPIs.</summary>
public sealed class KpisController(ParPortalDbContext db, TimeProvider clock, PortalDay portalDay, ICurrentActor currentActor, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/kpis")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    [Authorize(Policy = Policies.ReadAll)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        var series = await db.DistrictSeriesAsync(null, portalDay.Settings.CoveragePercent, cancellationToken);
        var references = await db.ReferencesAsync(kpis, cancellationToken);
        var rows = new List<KpiListRow>();
        foreach (var k in kpis)
        {
            var values = series[k.Id].ToList();
            var latest = values.LastOrDefault();
            var reference = references(k, latest?.Period);
            rows.Add(new KpiListRow(k.Id, k.Code, k.Name, k.Kind, k.Direction, k.TargetKind, k.TargetValue, latest, values.FirstOrDefault(),
                latest?.Judge(k.TargetKind, k.TargetValue, reference))
            {
                LatestStale = latest is not null && portalDay.Settings.FigureIsStale(latest.End, clock.Today()),
            });
        }

        return View(rows);
    }

    [HttpGet("/kpis/{id:int}")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    [Authorize(Policy = Policies.ReadAll)]
    public async Task<IActionResult> Details(int id, [StringLength(16, ErrorMessage = "Validation_MaxLength")] string? period, CancellationToken cancellationToken)
    {
        var kpi = await db.KpiDefinitions.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kpi is null)
        {
            return NotFound();
        }

        var history = (await db.DistrictSeriesAsync([id], portalDay.Settings.CoveragePercent, cancellationToken))[id].ToList();
        var chosen = KpiFigures.ParseMonth(period) ?? history.LastOrDefault(h => h.Period.IsMonth)?.Period ?? PreviousMonth();
        var previous = KpiPeriod.Month(chosen.Start.AddMonths(-1).Year, chosen.Start.AddMonths(-1).Month);
        var figures = await db.FiguresAsync(id, chosen, cancellationToken);
        var before = (await db.FiguresAsync(id, previous, cancellationToken)).Where(f => f.UnitId != null).ToDictionary(f => f.UnitId!.Value);
        var reference = await db.ReferenceAsync(id, kpi.TargetReference ?? KpiReference.ProvinceAverage, chosen, cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive || figures.Select(f => f.UnitId).Contains(u.Id)).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new { u.Id, Name = u.ShortName ?? u.Name }).ToListAsync(cancellationToken);

        var byUnit = figures.Where(f => f.UnitId != null).ToDictionary(f => f.UnitId!.Value);
        var unitFigures = byUnit.Values.Select(f => f.AsUnitFigure()).ToList();
        var zero = KpiFlags.ZeroNumerator(unitFigures).ToHashSet();
        var below = KpiFlags.BelowReference(unitFigures, reference).ToHashSet();
        var worse = KpiFlags.Worsened(unitFigures, before.Values.Select(f => f.AsUnitFigure()), kpi.Direction).ToHashSet();
        var district = history.FirstOrDefault(h => h.Start == chosen.Start && h.End == chosen.End);
        var refs = await db.KpiReferences.AsNoTracking().Where(r => r.KpiId == id).OrderBy(r => r.Period.Start)
            .Select(r => new { r.Period.Start, r.Period.End, r.Rate }).ToListAsync(cancellationToken);

        return View(new KpiPageModel
        {
            Kpi = kpi,
            ActiveUnits = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new Work.Option(u.Id, u.Name)).ToListAsync(cancellationToken),
            Period = chosen,
            District = district,
            Reference = reference,
            Met = district?.Judge(kpi.TargetKind, kpi.TargetValue, reference),
            Units = units.Where(u => kpi.Scope != KpiScope.District || byUnit.ContainsKey(u.Id))
                .Select(u => new KpiUnitRow(u.Id, u.Name, byUnit.GetValueOrDefault(u.Id), before.GetValueOrDefault(u.Id)?.Rate, kpi.Points(byUnit.GetValueOrDefault(u.Id)?.Rate), zero.Contains(u.Id), below.Contains(u.Id), worse.Contains(u.Id)))
                .ToList(),
            History = history,
            References = refs.Select(r => (new KpiPeriod(r.Start, r.End), r.Rate)).ToList(),
        });
    }

    [HttpGet("/kpis/{id:int}/entry")]
    [Authorize(Policy = Policies.KpiWrite)]
    public async Task<IActionResult> Entry(int id, [StringLength(16, ErrorMessage = "Validation_MaxLength")] string? period, CancellationToken cancellationToken)
    {
        var kpi = await db.KpiDefinitions.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kpi is null)
        {
            return NotFound();
        }

        var chosen = KpiFigures.ParseMonth(period) ?? PreviousMonth();
        var figures = (await db.FiguresAsync(id, chosen, cancellationToken)).ToDictionary(f => f.UnitId ?? 0);
        var rows = await EntryUnitsAsync(kpi, cancellationToken);
        foreach (var row in rows)
        {
            if (figures.TryGetValue(row.UnitId ?? 0, out var f))
            {
                (row.Numerator, row.Denominator, row.Note, row.Version, row.Existing) = (f.Numerator, f.Denominator, f.Note, f.Version, true);
            }
        }

        return View(new EntryPageModel(kpi, chosen, new EntryModel { Period = KpiFigures.MonthKey(chosen), Rows = rows }));
    }

    /// <summary>Saves a month of figures for every unit at once — or nothing, if any row is wrong.</summary>
    [HttpPost("/kpis/{id:int}/entry")]
    [Authorize(Policy = Policies.KpiWrite)]
    public async Task<IActionResult> Entry(int id, EntryModel form, CancellationToken cancellationToken)
    {
        var kpi = await db.KpiDefinitions.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kpi is null)
        {
            return NotFound();
        }

        var period = KpiFigures.ParseMonth(form.Period);
        if (period is null)
        {
            ModelState.AddModelError(nameof(form.Period), l["Kpi_PeriodInvalid"]);
        }
        else if (period.Start > clock.Today())
        {
            ModelState.AddModelError(nameof(form.Period), l["Kpi_PeriodFuture"]);
        }

        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            if ((row.Numerator is null) != (row.Denominator is null))
            {
                ModelState.AddModelError($"Rows[{i}].Numerator", l.GetString("Kpi_BothParts", row.Unit).Value);
            }
            else if (row.Numerator > row.Denominator && kpi.Kind != KpiKind.Count)
            {
                ModelState.AddModelError($"Rows[{i}].Numerator", l.GetString("Kpi_NumeratorAboveDenominator", row.Unit).Value);
            }
        }

        if (!ModelState.IsValid || period is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new EntryPageModel(kpi, period, form));
        }

        var existing = await db.KpiMeasurements.Where(m => m.KpiId == id && m.Period.Start == period.Start && m.Period.End == period.End)
            .Include(m => m.Revisions).ToListAsync(cancellationToken);
        var by = currentActor.Actor;
        var now = clock.GetUtcNow();
        try
        {
            foreach (var row in form.Rows.Where(r => r.Numerator is not null))
            {
                var current = existing.SingleOrDefault(m => m.UnitId == row.UnitId);
                if (current is null)
                {
                    db.KpiMeasurements.Add(KpiMeasurement.Counted(kpi, row.UnitId, period, row.Numerator!.Value, row.Denominator!.Value, MeasurementSource.Entered, by, now, row.Note));
                }
                else
                {
                    db.Entry(current).Property(m => m.Version).OriginalValue = row.Version;
                    current.Correct(row.Numerator!.Value, row.Denominator!.Value, row.Note, MeasurementSource.Entered, by, now, kpi.Kind);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Concurrency_Changed"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new EntryPageModel(kpi, period, form));
        }

        TempData[Flash.Key] = l.GetString("Kpi_Saved", l.Period(period)).Value;
        return RedirectToAction(nameof(Details), new { id, period = KpiFigures.MonthKey(period) });
    }

    /// <summary>Records a reference value (the province average) for a month.</summary>
    [HttpPost("/kpis/{id:int}/reference")]
    [Authorize(Policy = Policies.KpiWrite)]
    public async Task<IActionResult> Reference(int id, [StringLength(16, ErrorMessage = "Validation_MaxLength")] string? period, [StringLength(32, ErrorMessage = "Validation_MaxLength")] string? rate, CancellationToken cancellationToken)
    {
        var kpi = await db.KpiDefinitions.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        var month = KpiFigures.ParseMonth(period);
        if (kpi is null)
        {
            return NotFound();
        }

        if (month is null || !KpiNumbers.TryParseRate(rate, out var value))
        {
            TempData[Flash.Key] = l["Kpi_ReferenceInvalid"].Value;
            return RedirectToAction(nameof(Details), new { id });
        }

        var series = kpi.TargetReference ?? KpiReference.ProvinceAverage;
        var existing = await db.KpiReferences.SingleOrDefaultAsync(r => r.KpiId == id && r.Series == series && r.Period.Start == month.Start && r.Period.End == month.End, cancellationToken);
        if (existing is null)
        {
            db.KpiReferences.Add(new KpiReference(id, series, month, value, null, currentActor.Actor, clock.GetUtcNow()));
        }
        else
        {
            existing.Set(value, null, currentActor.Actor, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = l.GetString("Kpi_ReferenceSaved", l.Period(month)).Value;
        return RedirectToAction(nameof(Details), new { id, period = KpiFigures.MonthKey(month) });
    }

    /// <summary>The units that do not report this KPI, left out of its coverage.</summary>
    [HttpPost("/kpis/{id:int}/exemptions")]
    [Authorize(Policy = Policies.KpiWrite)]
    public async Task<IActionResult> Exemptions(int id, List<int> units, CancellationToken cancellationToken)
    {
        var kpi = await db.KpiDefinitions.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kpi is null)
        {
            return NotFound();
        }

        var known = await db.Units.Where(u => u.IsActive && units.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        if (known.Count != units.Distinct().Count())
        {
            TempData[Flash.Key] = l["Users_UnitUnknown"].Value;
            return RedirectToAction(nameof(Details), null, new { id }, "exemptions");
        }

        kpi.SetCoverageExemptions(known);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = l.GetString("Kpi_ExemptionsSaved", known.Count).Value;
        return RedirectToAction(nameof(Details), null, new { id }, "exemptions");
    }

    /// <summary>The words that name this KPI in a notice's sentences, one per line: the import links figure targets through them.</summary>
    [HttpPost("/kpis/{id:int}/keywords")]
    [Authorize(Policy = Policies.KpiWrite)]
    public async Task<IActionResult> Keywords(int id, [StringLength(1300, ErrorMessage = "Domain_kpi.keyword.length")] string? keywords, CancellationToken cancellationToken)
    {
        var kpi = await db.KpiDefinitions.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kpi is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            kpi.SetKeywords((keywords ?? string.Empty).Split('\n'));
            await db.SaveChangesAsync(cancellationToken);
            TempData[Flash.Key] = l["Kpi_KeywordsSaved"].Value;
        }
        else
        {
            TempData[Flash.Key] = ModelState.Messages();
        }

        return RedirectToAction(nameof(Details), null, new { id }, "keywords");
    }

    /// <summary>All KPIs of one unit: a unit head reads their own unit's; the office, chairman and administrators any.</summary>
    [HttpGet("/units/{unitId:int}/kpis")]
    public async Task<IActionResult> Unit(int unitId, CancellationToken cancellationToken)
    {
        if (!User.SeesAllUnits() && User.GetUnitId() != unitId)
        {
            return Forbid();
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }

        var rows = await db.UnitLatestFiguresAsync(unitId, cancellationToken);
        return View(new UnitKpisModel(unitId, unit, rows));
    }

    private async Task<List<EntryRow>> EntryUnitsAsync(KpiDefinition kpi, CancellationToken cancellationToken)
    {
        if (kpi.Scope == KpiScope.District)
        {
            return [new EntryRow { UnitId = null, Unit = l["Figure_District"] }];
        }

        return await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new EntryRow { UnitId = u.Id, Unit = u.ShortName ?? u.Name }).ToListAsync(cancellationToken);
    }

    private KpiPeriod PreviousMonth()
    {
        var d = clock.Today().AddMonths(-1);
        return KpiPeriod.Month(d.Year, d.Month);
    }
}
