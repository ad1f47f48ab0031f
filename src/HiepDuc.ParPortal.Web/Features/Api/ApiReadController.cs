using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Directives;
using HiepDuc.ParPortal.Web.Features.Kpis;
using HiepDuc.ParPortal.Web.Features.Shared;
using HiepDuc.ParPortal.Web.Features.Work;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>
/// The API's reads (scope <c>read</c>): the same lists as the pages, with the same filters and rules, a page at a
/// time from a cursor. A token bound to a unit sees that unit's assignments, directives and figures only.
/// </summary>
[Route("api/v1")]
[Tags("Đọc dữ liệu / Read")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class ApiReadController(ParPortalDbContext db, PortalDay portalDay, IStringLocalizer<SharedResource> l) : ApiController(l)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Notices, the newest first.</summary>
    [HttpGet("notices")]
    public async Task<ActionResult<ApiPage<ApiNotice>>> Notices([Range(1, int.MaxValue, ErrorMessage = "Validation_Range")] int? after, [Range(1, MaxLimit, ErrorMessage = "Validation_Range")] int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        var query = db.Notices.AsNoTracking();
        if (after is { } a)
        {
            query = query.Where(n => n.Id < a);
        }

        var page = await query.OrderByDescending(n => n.Id).Take(limit + 1)
            .Select(ApiNotice.Of)
            .ToListAsync(cancellationToken);
        return Paged(page, limit, n => n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [HttpGet("notices/{id:int}")]
    public async Task<ActionResult<ApiNotice>> Notice(int id, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.AsNoTracking().Where(n => n.Id == id)
            .Select(ApiNotice.Of)
            .SingleOrDefaultAsync(cancellationToken);
        return notice is null ? NotFoundProblem() : Tagged(notice, notice.Version);
    }

    /// <summary>Directives, with the filters of the directive list (<c>notice</c>, <c>unit</c>, <c>overdue</c>, <c>q</c>, <c>sort</c>) and its state roll-up.</summary>
    [HttpGet("directives")]
    public async Task<ActionResult<ApiPage<ApiDirective>>> Directives([FromQuery] DirectiveFilter filter, [Range(1, MaxLimit, ErrorMessage = "Validation_Range")] int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        if (BoundUnit is { } unit)
        {
            filter.Unit = unit;
        }

        var today = portalDay.Today().Today;
        var page = await db.Directives.AsNoTracking().Apply(filter, today).Take(limit + 1)
            .SelectExpanded(d => new
            {
                d.Id, d.NoticeId, d.Notice.MeetingDate, d.SortOrder, d.Label, d.Title,
                d.Deadline.Kind, d.Deadline.LastDay, d.Deadline.IsUrgent, d.Deadline.WrittenAs,
                State = DirectiveRollup.StoredStateOn.Invoke(d, today), d.RollupActive, d.RollupCompleted, d.RollupDueOn,
            })
            .ToListAsync(cancellationToken);
        var standings = await db.StandingsAsync(page.Take(limit).Select(d => d.Id).ToList(), portalDay.Today(), cancellationToken);
        var items = page.Take(limit).Select(d => new ApiDirective(d.Id, d.NoticeId, d.Label, d.Title, new ApiDeadline(d.Kind, d.LastDay, d.IsUrgent, d.WrittenAs),
            d.State, d.RollupActive, d.RollupCompleted, d.RollupDueOn, standings[d.Id].Signal, standings[d.Id].Light, standings[d.Id].Rollup.Progress)).ToList();
        var next = page.Count > limit && page[limit - 1] is var last
            ? new DirectiveCursor(last.MeetingDate, last.NoticeId, last.SortOrder, last.LastDay, last.Id, last.Label).For(filter.Sort)
            : null;
        return new ApiPage<ApiDirective>(items, next);
    }

    /// <summary>Assignments, with the filters of the assignment list (<c>notice</c>, <c>unit</c>, <c>status</c>, <c>timing</c>, <c>overdue</c>, <c>from</c>, <c>to</c>, <c>q</c>, <c>sort</c>, <c>after</c>).</summary>
    [HttpGet("assignments")]
    public async Task<ActionResult<ApiPage<ApiAssignment>>> Assignments([FromQuery] WorkFilter filter, [Range(1, MaxLimit, ErrorMessage = "Validation_Range")] int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        var day = portalDay.Today();
        var cursor = filter.After is { } after
            ? await db.Assignments.AsNoTracking().Where(a => a.Id == after)
                .Select(a => new WorkCursor(a.Id, a.Unit.Name, a.Directive.Notice.MeetingDate, a.Directive.SortOrder, a.Status, a.LastDayInForce))
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var rows = await db.Assignments.VisibleTo(User).Apply(filter, day).After(filter, cursor).Take(limit + 1).ToRowsAsync(day, cancellationToken);
        return Paged(rows.Select(r => ApiAssignment.Of(r)).ToList(), limit, a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [HttpGet("assignments/{id:int}")]
    public async Task<ActionResult<ApiAssignment>> Assignment(int id, CancellationToken cancellationToken)
    {
        var one = db.Assignments.VisibleTo(User).Where(a => a.Id == id);
        var row = (await one.ToRowsAsync(portalDay.Today(), cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return NotFoundProblem(); // another unit's assignment is not shown to a bound token, nor said to exist
        }

        var version = await one.Select(a => a.Version).SingleAsync(cancellationToken);
        return Tagged(ApiAssignment.Of(row, version), version);
    }

    [HttpGet("units")]
    public async Task<ActionResult<IReadOnlyList<ApiUnit>>> Units(CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new ApiUnit(u.Id, u.Code, u.Name, u.ShortName, u.Kind, u.IsActive))
            .ToListAsync(cancellationToken);

    [HttpGet("kpis")]
    public async Task<ActionResult<IReadOnlyList<ApiKpi>>> Kpis(CancellationToken cancellationToken) =>
        await db.KpiDefinitions.AsNoTracking().OrderBy(k => k.Id).Select(Kpi).ToListAsync(cancellationToken);

    /// <summary>
    /// A KPI's figures: the district's value per period with its coverage (how many units gave figures), and the
    /// units' own figures — a bound token gets only its unit's. <c>from</c> and <c>to</c> are months ("2023-09").
    /// </summary>
    [HttpGet("kpis/{code}/figures")]
    public async Task<ActionResult<ApiKpiFigures>> Figures([StringLength(64, ErrorMessage = "Validation_MaxLength")] string code, [StringLength(7, ErrorMessage = "Validation_MaxLength")][RegularExpression(@"^\d{4}-\d{2}$", ErrorMessage = "Validation_Invalid")] string? from, [StringLength(7, ErrorMessage = "Validation_MaxLength")][RegularExpression(@"^\d{4}-\d{2}$", ErrorMessage = "Validation_Invalid")] string? to, CancellationToken cancellationToken)
    {
        var kpi = await db.KpiDefinitions.AsNoTracking().Where(k => k.Code == code).Select(Kpi).SingleOrDefaultAsync(cancellationToken);
        if (kpi is null)
        {
            return NotFoundProblem();
        }

        var first = KpiFigures.ParseMonth(from)?.Start ?? DateOnly.MinValue;
        var last = KpiFigures.ParseMonth(to)?.End ?? DateOnly.MaxValue;
        var threshold = portalDay.Settings.CoveragePercent;
        var district = (await db.DistrictSeriesAsync([kpi.Id], threshold, cancellationToken))[kpi.Id]
            .Where(v => v.Start >= first && v.End <= last)
            .Select(v => new ApiDistrictValue(PeriodText(v.Start, v.End), v.Numerator, v.Denominator, Round(v.Rate), v.RateOnly,
                v.Coverage is { } c ? new ApiCoverage(c.Reporting, c.Expected, c.Percent is { } p ? Math.Round(p, 1) : null, c.IsSufficient(threshold)) : null))
            .ToList();
        var figures = db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpi.Id && m.UnitId != null && m.Period.Start >= first && m.Period.End <= last);
        if (BoundUnit is { } unit)
        {
            figures = figures.Where(m => m.UnitId == unit);
        }

        var units = await figures.OrderBy(m => m.Period.Start).ThenBy(m => m.UnitId)
            .Select(m => new { m.Period.Start, m.Period.End, m.UnitId, Code = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Code).FirstOrDefault(), m.Numerator, m.Denominator, m.StatedRate, m.Source, m.Note, m.RecordedAt })
            .Take(10_000)
            .ToListAsync(cancellationToken);
        return new ApiKpiFigures(kpi, district, units.Select(m => new ApiUnitFigure(PeriodText(m.Start, m.End), m.UnitId, m.Code, m.Numerator, m.Denominator,
            Round(KpiMath.Rate(m.Numerator, m.Denominator) ?? m.StatedRate), m.Source, m.Note, m.RecordedAt)).ToList());
    }

    private static readonly System.Linq.Expressions.Expression<Func<KpiDefinition, ApiKpi>> Kpi = k =>
        new ApiKpi(k.Id, k.Code, k.Name, k.Description, k.Kind, k.Direction, k.NumeratorLabel, k.DenominatorLabel, k.TargetValue, k.IsActive);

    /// <summary>"2023-09" for a month, "2023-01-01/2023-09-30" for any other span.</summary>
    private static string PeriodText(DateOnly start, DateOnly end) =>
        start.Day == 1 && end == start.AddMonths(1).AddDays(-1)
            ? start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
            : FormattableString.Invariant($"{start:yyyy-MM-dd}/{end:yyyy-MM-dd}");

    /// <summary>A rate in per cent to two decimals, as the pages show it.</summary>
    private static decimal? Round(decimal? rate) => rate is { } r ? Math.Round(r, 2, MidpointRounding.AwayFromZero) : null;

    private static ApiPage<T> Paged<T>(List<T> page, int limit, Func<T, string> cursorOf) =>
        new(page.Take(limit).ToList(), page.Count > limit ? cursorOf(page[limit - 1]) : null);
}
