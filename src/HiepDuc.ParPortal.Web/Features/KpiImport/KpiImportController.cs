using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Kpis;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Features.KpiImport;

/// <summary>Writes checked rows: a new figure, or a correction of the one there (its earlier value kept as a revision).</summary>
public static class KpiImportWriter
{
    /// <summary>Adds or corrects one figure per row (nothing is saved here); returns how many were new or changed.</summary>
    public static async Task<int> ApplyAsync(ParPortalDbContext db, IReadOnlyCollection<ImportRow> rows, MeasurementSource source, Actor by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kpis = await db.KpiDefinitions.ToDictionaryAsync(k => k.Id, cancellationToken);
        var written = 0;
        // The figures the rows may replace, read in one query (not one per KPI and month).
        var kpiIds = rows.Select(r => r.KpiId).Distinct().ToList();
        var starts = rows.Select(r => r.Month).Distinct().ToList();
        var existing = (await db.KpiMeasurements.Include(m => m.Revisions)
                .Where(m => kpiIds.Contains(m.KpiId) && starts.Contains(m.Period.Start)).ToListAsync(cancellationToken))
            .ToLookup(m => (m.KpiId, m.Period.Start, m.Period.End));
        foreach (var group in rows.GroupBy(r => (r.KpiId, r.Month)))
        {
            var period = KpiPeriod.Month(group.Key.Month.Year, group.Key.Month.Month);
            var figures = existing[(group.Key.KpiId, period.Start, period.End)].ToDictionary(m => m.UnitId ?? 0);
            foreach (var row in group)
            {
                var current = figures.GetValueOrDefault(row.UnitId ?? 0);
                if (current is null)
                {
                    db.KpiMeasurements.Add(KpiMeasurement.Counted(kpis[row.KpiId], row.UnitId, period, row.Numerator, row.Denominator, source, by, now, row.Note));
                    written++;
                }
                else if (current.Correct(row.Numerator, row.Denominator, row.Note, source, by, now, kpis[row.KpiId].Kind))
                {
                    written++;
                }
            }
        }

        return written;
    }
}

public sealed record ImportChange(ImportRow Row, long? OldNumerator, long? OldDenominator)
{
    public bool IsNew => OldNumerator is null && OldDenominator is null;

    public bool IsUnchanged => OldNumerator == Row.Numerator && OldDenominator == Row.Denominator;
}

/// <summary>The import page; <see cref="ImportId"/> names the checked rows kept for the confirmation (<see cref="PendingImports"/>).</summary>
public sealed record ImportPageModel(IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportChange> Changes, string? ImportId, string? FileName);

/// <summary>KPI figures from CSV or XLSX: all-or-nothing, shown before they overwrite anything; and the same tables out.</summary>
public sealed class KpiImportController(
    ParPortalDbContext db,
    TimeProvider clock,
    PortalDay portalDay,
    ICurrentActor currentActor,
    PendingImports pending,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const long MaxUpload = 10 * 1024 * 1024;

    [HttpGet("/kpis/import")]
    [Authorize(Policy = Policies.KpiWrite)]
    public IActionResult Import() => View(new ImportPageModel([], [], null, null));

    [HttpPost("/kpis/import")]
    [Authorize(Policy = Policies.KpiWrite)]
    [RequestSizeLimit(MaxUpload + 65536)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        var csv = file?.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true;
        if (file is null || file.Length == 0 || file.Length > MaxUpload || !(csv || file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new ImportPageModel([new ImportError(0, l["Import_FileType"])], [], null, file?.FileName));
        }

        var kpis = await db.KpiDefinitions.AsNoTracking().Select(k => new KpiRef(k.Id, k.Code, k.Kind, k.Name)).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => new UnitRef(u.Id, u.Code, u.Name, u.ShortName)).ToListAsync(cancellationToken);
        await using var stream = file.OpenReadStream();
        var (rows, errors) = KpiImportReader.Read(stream, csv, kpis, units, clock.Today(), (key, args) => l.GetString(key, args).Value);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new ImportPageModel(errors, [], null, file.FileName));
        }

        var changes = await ChangesAsync(rows, cancellationToken);
        var importId = await pending.KeepAsync(currentActor.Actor.UserId, rows, cancellationToken);
        return View(new ImportPageModel([], changes, importId, file.FileName));
    }

    /// <summary>Applies a previewed import, in one transaction; earlier values are kept as revisions.</summary>
    [HttpPost("/kpis/import/confirm")]
    [Authorize(Policy = Policies.KpiWrite)]
    public async Task<IActionResult> Confirm([StringLength(32, ErrorMessage = "Validation_MaxLength")] string? importId, CancellationToken cancellationToken)
    {
        if (await pending.FindAsync(importId, currentActor.Actor.UserId, cancellationToken) is not { } rows)
        {
            // Confirmed already, expired, or not this user's: nothing is written; the office uploads the file again.
            TempData[Flash.Key] = l["Import_PreviewGone"].Value;
            return RedirectToAction(nameof(Import));
        }

        var written = await KpiImportWriter.ApplyAsync(db, rows, MeasurementSource.Imported, currentActor.Actor, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        pending.Remove(importId!);
        TempData[Flash.Key] = l.GetString("Import_Done", written, rows.Count - written).Value;
        return RedirectToAction(nameof(KpisController.Index), "Kpis");
    }

    [HttpGet("/kpis/template.xlsx")]
    [Authorize(Policy = Policies.KpiWrite)]
    public async Task<IActionResult> TemplateXlsx([StringLength(64, ErrorMessage = "Validation_MaxLength")] string? kpi, [StringLength(16, ErrorMessage = "Validation_MaxLength")] string? period, CancellationToken cancellationToken)
    {
        var rows = await TemplateRowsAsync(kpi, period, cancellationToken);
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Số liệu", cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-nhap-so-lieu-chi-tieu.xlsx");
    }

    [HttpGet("/kpis/template.csv")]
    [Authorize(Policy = Policies.KpiWrite)]
    public async Task<IActionResult> TemplateCsv([StringLength(64, ErrorMessage = "Validation_MaxLength")] string? kpi, [StringLength(16, ErrorMessage = "Validation_MaxLength")] string? period, CancellationToken cancellationToken)
    {
        var rows = (await TemplateRowsAsync(kpi, period, cancellationToken))
            .Select(r => r.ToDictionary(c => c.Key, c => Shared.CsvText.Safe(c.Value))).ToList();
        var stream = new MemoryStream();
        stream.Write(System.Text.Encoding.UTF8.Preamble);
        await stream.SaveAsAsync(rows, excelType: ExcelType.CSV, cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, "text/csv; charset=utf-8", "mau-nhap-so-lieu-chi-tieu.csv");
    }

    /// <summary>The figures as a workbook: one sheet of unit figures with real numbers, one of district values.</summary>
    [HttpGet("/kpis/export.xlsx")]
    [Authorize(Policy = Policies.ReadAll)]
    public async Task<IActionResult> Export([StringLength(64, ErrorMessage = "Validation_MaxLength")] string? kpi, [StringLength(16, ErrorMessage = "Validation_MaxLength")] string? period, CancellationToken cancellationToken)
    {
        var query = db.KpiMeasurements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kpi))
        {
            query = query.Where(m => m.Kpi.Code == kpi);
        }

        if (KpiFigures.ParseMonth(period) is { } p)
        {
            query = query.Where(m => m.Period.Start == p.Start && m.Period.End == p.End);
        }

        var figures = await query.OrderBy(m => m.Kpi.Code).ThenBy(m => m.Period.Start).ThenBy(m => m.UnitId)
            .Select(m => new
            {
                m.Kpi.Code, m.Kpi.Name, m.Period.Start, m.Period.End, m.Numerator, m.Denominator, m.StatedRate, m.Note,
                Unit = db.Units.Where(u => u.Id == m.UnitId).Select(u => new { u.Code, u.Name }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var series = await db.DistrictSeriesAsync(null, portalDay.Settings.CoveragePercent, cancellationToken);
        var names = await db.KpiDefinitions.AsNoTracking().ToDictionaryAsync(k => k.Id, k => (k.Code, k.Name), cancellationToken);
        // The authority as a whole, in the words of its level ("Toàn xã", "Toàn thành phố"): a document of record, in Vietnamese.
        var whole = Words.InVietnamese(() => l["Figure_District"].Value);
        var sheets = new Dictionary<string, object>
        {
            ["Số liệu"] = figures.Select(f => new Dictionary<string, object?>
            {
                [ImportColumns.Kpi] = f.Code,
                ["Tên chỉ tiêu"] = f.Name,
                [ImportColumns.UnitCode] = f.Unit?.Code,
                [ImportColumns.UnitName] = f.Unit?.Name ?? whole,
                [ImportColumns.Period] = Words.InVietnamese(() => l.Period(new KpiPeriod(f.Start, f.End))),
                ["Từ ngày"] = f.Start.ToDateTime(TimeOnly.MinValue),
                ["Đến ngày"] = f.End.ToDateTime(TimeOnly.MinValue),
                [ImportColumns.Numerator] = f.Numerator,
                [ImportColumns.Denominator] = f.Denominator,
                [ImportColumns.Rate] = KpiMath.Rate(f.Numerator, f.Denominator) is { } r ? Math.Round(r, 2) : f.StatedRate,
                [ImportColumns.Note] = f.Note,
            }).ToList(),
            [whole] = series.SelectMany(g => g.Select(v => new Dictionary<string, object?>
            {
                [ImportColumns.Kpi] = names[g.Key].Code,
                ["Tên chỉ tiêu"] = names[g.Key].Name,
                [ImportColumns.Period] = Words.InVietnamese(() => l.Period(v.Period)),
                [ImportColumns.Numerator] = v.Numerator,
                [ImportColumns.Denominator] = v.Denominator,
                [ImportColumns.Rate] = v.Rate is { } r ? Math.Round(r, 2) : null,
                ["Số đơn vị có số liệu"] = v.Coverage is { } c ? $"{c.Reporting}/{c.Expected}" : "Số liệu toàn huyện",
                ["Đánh giá được"] = v.Sufficient ? "Có" : "Chưa đủ số liệu",
            })).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "so-lieu-chi-tieu.xlsx");
    }

    private async Task<List<Dictionary<string, object?>>> TemplateRowsAsync(string? kpi, string? period, CancellationToken cancellationToken)
    {
        var month = KpiFigures.ParseMonth(period) ?? KpiPeriod.Month(clock.Today().AddMonths(-1).Year, clock.Today().AddMonths(-1).Month);
        var code = string.IsNullOrWhiteSpace(kpi) ? "ONLINE_FILING" : kpi.Trim().ToUpperInvariant();
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken);
        return units.Select(u => new Dictionary<string, object?>
        {
            [ImportColumns.Kpi] = code,
            [ImportColumns.UnitCode] = u.Code,
            [ImportColumns.UnitName] = u.Name,
            [ImportColumns.Period] = $"{month.Start.Month:00}/{month.Start.Year}",
            [ImportColumns.Numerator] = null,
            [ImportColumns.Denominator] = null,
            [ImportColumns.Note] = null,
        }).ToList();
    }

    private async Task<List<ImportChange>> ChangesAsync(List<ImportRow> rows, CancellationToken cancellationToken)
    {
        var kpiIds = rows.Select(r => r.KpiId).Distinct().ToList();
        var months = rows.Select(r => r.Month).Distinct().ToList();
        var existing = await db.KpiMeasurements.AsNoTracking()
            .Where(m => kpiIds.Contains(m.KpiId) && months.Contains(m.Period.Start))
            .Select(m => new { m.KpiId, m.UnitId, m.Period.Start, m.Period.End, m.Numerator, m.Denominator })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var old = existing.FirstOrDefault(e => e.KpiId == r.KpiId && e.UnitId == r.UnitId && e.Start == r.Month && e.End == r.Month.AddMonths(1).AddDays(-1));
            return new ImportChange(r, old?.Numerator, old?.Denominator);
        }).ToList();
    }
}
