using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Features.Work;

public sealed record Option(int Id, string Name);

/// <summary>A page of the list; <see cref="Total"/> is counted up to <see cref="WorkController.TotalCap"/> only, <see cref="Next"/> is the cursor of the next page.</summary>
public sealed record WorkListModel(WorkFilter Filter, IReadOnlyList<AssignmentRow> Rows, int Total, int? Next, IReadOnlyList<Option> Notices, IReadOnlyList<Option> Units)
{
    public bool TotalCapped => Total > WorkController.TotalCap;
}

/// <summary>The assignment list with filters, sorting and paging; a unit head's list holds only their unit's rows.</summary>
public sealed class WorkController(ParPortalDbContext db, PortalDay portalDay, IStringLocalizer<SharedResource> l) : Controller
{
    public const int PageSize = 50;

    /// <summary>The list counts its rows up to this many (shown "1.000+" beyond).</summary>
    public const int TotalCap = 1000;
    public const int ExportLimit = 100_000;

    /// <summary>The filtered list as a workbook: Vietnamese headers, real dates and numbers.</summary>
    [HttpGet("/assignments/export.xlsx")]
    public async Task<IActionResult> Export([FromQuery] WorkFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var day = portalDay.Today();
        var rows = await db.Assignments.VisibleTo(User).Apply(filter, day).Take(ExportLimit).ToRowsAsync(day, cancellationToken);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["Thông báo ngày"] = r.MeetingDate.ToDateTime(TimeOnly.MinValue),
            ["Mục"] = r.DirectiveLabel,
            ["Nhiệm vụ"] = r.DirectiveTitle,
            ["Đơn vị"] = r.UnitName,
            ["Vai trò"] = l.Enum(r.Role),
            ["Trạng thái"] = l.Enum(r.Status),
            ["Tiến độ (%)"] = r.Progress,
            ["Thời hạn (như văn bản)"] = l.DeadlineAsWritten(r.Deadline),
            ["Hạn cuối hiện hành"] = r.LastDayInForce?.ToDateTime(TimeOnly.MinValue),
            ["Gia hạn"] = r.ExtendedTo is null ? null : l["Yes"].Value,
            ["Tình trạng thời hạn"] = l.Enum(r.Timing.State),
            ["Số ngày"] = r.Timing.Days,
            ["Khoảng quá hạn"] = r.Timing.Bucket == OverdueBucket.None ? null : l.Enum(r.Timing.Bucket),
            ["Báo cáo gần nhất"] = r.LastReportAt is { } at ? PortalCalendar.LocalTime(at).DateTime : null,
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["Phân công"] = sheet }, cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, Reports.ReportsController.Xlsx, "phan-cong.xlsx");
    }

    [HttpGet("/assignments")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PageCache.Policy)]
    public async Task<IActionResult> Assignments([FromQuery] WorkFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            filter = new WorkFilter();
        }

        var day = portalDay.Today();
        var query = db.Assignments.VisibleTo(User).Apply(filter, day);
        // No count over the table: the total is counted up to a cap, and the page is read from its cursor on.
        var total = await query.Take(TotalCap + 1).CountAsync(cancellationToken);
        var cursor = filter.After is { } after
            ? await db.Assignments.AsNoTracking().Where(a => a.Id == after)
                .Select(a => new WorkCursor(a.Id, a.Unit.Name, a.Directive.Notice.MeetingDate, a.Directive.SortOrder, a.Status, a.LastDayInForce))
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var rows = await query.After(filter, cursor).Take(PageSize + 1).ToRowsAsync(day, cancellationToken);
        var next = rows.Count > PageSize ? rows[PageSize - 1].Id : (int?)null;
        var notices = (await NoticeChoices.LatestAsync(db, filter.Notice, cancellationToken))
            .Select(n => new Option(n.Id, n.Number is null ? Format.Date(n.MeetingDate) : $"{n.Number} ({Format.Date(n.MeetingDate)})"))
            .ToList();
        var units = User.SeesAllUnits()
            ? await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new Option(u.Id, u.ShortName ?? u.Name)).ToListAsync(cancellationToken)
            : [];
        return View(new WorkListModel(filter, rows.Take(PageSize).ToList(), total, next, notices, units));
    }
}
