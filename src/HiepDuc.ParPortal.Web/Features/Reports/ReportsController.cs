using System.Globalization;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Features.Dashboard;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Features.Reports;

/// <summary>What the office sends and files: the dashboard as a workbook, and the report on a notice as a Word document.</summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class ReportsController(ParPortalDbContext db, DashboardQueries dashboard, PortalDay portalDay, Microsoft.Extensions.Options.IOptionsMonitor<ReportOptions> reportOptions, Microsoft.Extensions.Options.IOptionsMonitor<Infrastructure.AuthorityOptions> authorityOptions, IStringLocalizer<SharedResource> l) : Controller
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("/reports/dashboard.xlsx")]
    public async Task<IActionResult> Dashboard([FromQuery] DashboardFilter filter, CancellationToken cancellationToken)
    {
        var m = await dashboard.LoadAsync(filter, portalDay.Today().Today, cancellationToken);
        var sheets = new Dictionary<string, object>
        {
            ["Tổng quan"] = Enum.GetValues<TimingState>().Select(c => new Dictionary<string, object?> { ["Tình trạng"] = l.Enum(c), ["Số lượt phân công"] = m.Total(c) }).ToList(),
            ["Đèn tín hiệu"] = m.Lights.Select(d => new Dictionary<string, object?>
            {
                ["Mục"] = d.Label, ["Nhiệm vụ"] = d.Title, ["Tín hiệu"] = l.Enum(d.Standing.Signal), ["Tiến độ (%)"] = d.Rollup.Progress,
                ["Cần đạt (%)"] = d.Expected is { } e ? e : l["Dashboard_ExpectedUnknown"].Value, ["Đơn vị quá hạn"] = string.Join(", ", d.OverdueUnits), ["Khẩn trương, chưa báo cáo"] = string.Join(", ", d.UnansweredUnits),
            }).ToList(),
            ["Quá hạn theo thời gian"] = Enum.GetValues<OverdueBucket>().Where(b => b != OverdueBucket.None).Select(b => new Dictionary<string, object?> { ["Số ngày quá hạn"] = l.Enum(b), ["Số lượt phân công"] = m.Buckets.GetValueOrDefault(b) }).ToList(),
            ["Xếp hạng đơn vị"] = m.Ranking.Select((u, i) => new Dictionary<string, object?>
            {
                ["Hạng"] = i + 1, ["Đơn vị"] = u.Unit, ["Đến hạn"] = u.Due, ["Đúng hạn"] = u.OnTime, ["Tỷ lệ đúng hạn (%)"] = u.OnTimeRate is { } r ? Math.Round(r, 2) : null,
                ["Quá hạn"] = u.Overdue, ["Số ngày chưa báo cáo"] = u.DaysSinceHeard, ["Đã từng báo cáo"] = u.EverReported ? l["Yes"].Value : l["Dashboard_NeverReported"].Value,
            }).ToList(),
            ["Chỉ tiêu"] = m.Kpis.Select(k => new Dictionary<string, object?>
            {
                ["Mã"] = k.Code, ["Chỉ tiêu"] = k.Name,
                ["Mốc ban đầu (%)"] = k.Baseline?.Rate is { } b ? Math.Round(b, 2) : null, ["Kỳ mốc"] = l.Period(k.Baseline?.Period),
                ["Mới nhất (%)"] = k.Latest?.Rate is { } x ? Math.Round(x, 2) : null, ["Kỳ mới nhất"] = l.Period(k.Latest?.Period),
                ["Đơn vị có số liệu"] = k.Latest is null ? null : l.Coverage(k.Latest.Coverage),
                ["Mục tiêu"] = l[$"KpiTargetKind_{k.TargetKind}"].Value, ["Đánh giá"] = Verdict(k.Met),
            }).ToList(),
        };
        return await WorkbookAsync(sheets, "bang-dieu-hanh.xlsx", cancellationToken);
    }

    [HttpGet("/reports/notices/{id:int}/report.docx")]
    public async Task<IActionResult> NoticeReport(int id, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new { n.Number, n.IssueDate, n.MeetingDate, n.Title, n.IssuingBody }).SingleOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }

        // An official document is written in Vietnamese, whatever language the reader's pages are in.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Infrastructure.WebSetup.Cultures[0];
        var day = portalDay.Today();
        var today = day.Today;
        var m = await dashboard.LoadAsync(new DashboardFilter { Notice = id }, today, cancellationToken);
        var authority = authorityOptions.CurrentValue;
        var office = await db.Units.Where(u => u.Code == authority.OfficeUnitCode).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) ?? $"Văn phòng HĐND&UBND {authority.LevelWord}";
        // Unfinished work that needs the chairman's attention: every signal in red or amber (overdue, urgent and
        // unreported, no recent report, due soon), by the same rule as the pages.
        var attention = Timing.StatesOf(SignalColour.Red, SignalColour.Amber);
        var openRows = await db.Assignments.Where(a => a.Directive.NoticeId == id && !a.Directive.IsCancelled)
            .WhereExpanded(a => attention.Contains(AssignmentRules.State.Invoke(a, day)))
            .OrderBy(a => a.Directive.SortOrder).ThenBy(a => a.Unit.Name)
            .ToRowsAsync(day, cancellationToken);
        var last = await db.LatestReportTextsAsync(db.Assignments.Where(a => a.Directive.NoticeId == id), cancellationToken);
        // What the units reported on each directive: each unit's latest report, newest first.
        var reportedRows = await db.Assignments.AsNoTracking().Where(a => a.Directive.NoticeId == id && a.LastReportAt != null)
            .Select(a => new { a.Id, a.DirectiveId, Unit = a.Unit.ShortName ?? a.Unit.Name, At = a.LastReportAt!.Value })
            .ToListAsync(cancellationToken);
        var reported = reportedRows.Where(r => last.ContainsKey(r.Id)).OrderByDescending(r => r.At)
            .ToLookup(r => r.DirectiveId, r => new Reports.ReportedWork(r.Unit, Domain.Common.PortalCalendar.DateOf(r.At), last[r.Id]));

        var signer = reportOptions.CurrentValue;
        var data = new NoticeReportData(
            notice.IssuingBody,
            office,
            authorityOptions.CurrentValue.Place,
            notice.Number,
            notice.IssueDate,
            notice.MeetingDate,
            today,
            m.Lights.Select(d => new ReportDirective(d.Label, d.Title, l.Enum(d.Standing.Signal), d.Rollup.Progress, d.Rollup.Completed, d.Rollup.Active, d.LateUnits)
            {
                Reported = reported[d.Id].ToList(),
            }).ToList(),
            // Every KPI with a figure, and every KPI with a target still waiting for one ("chưa có số liệu").
            m.Kpis.Where(k => k.Latest is not null || k.TargetKind != Domain.Kpis.KpiTargetKind.None).Select(k => k.Latest is null
                ? new ReportFigure(k.Name, "—", l["Report_NoFigure"].Value, "—", l[$"KpiTargetKind_{k.TargetKind}"].Value, l["Kpi_NoVerdict"].Value)
                : new ReportFigure(
                    k.Name,
                    $"{Format.Percent(k.Baseline?.Rate, k.Baseline?.Qualifier ?? Domain.Kpis.RateQualifier.Exact, "trên")} ({l.Period(k.Baseline?.Period)})",
                    $"{Format.Percent(k.Latest?.Rate, k.Latest?.Qualifier ?? Domain.Kpis.RateQualifier.Exact, "trên")} ({l.Period(k.Latest?.Period)})",
                    l.Coverage(k.Latest!.Coverage),
                    l[$"KpiTargetKind_{k.TargetKind}"].Value,
                    Verdict(k.Met))).ToList(),
            openRows.Select(r => new ReportUnfinished(r.DirectiveLabel, r.UnitName, l.Describe(r.Timing), last.GetValueOrDefault(r.Id))).ToList(),
            openRows.Select(r => r.UnitName).Distinct().OrderBy(u => u, StringComparer.Ordinal).ToList(),
            signer.SignerTitle,
            string.IsNullOrWhiteSpace(signer.SignerName) ? null : signer.SignerName.Trim(),
            authorityOptions.CurrentValue.LevelWord,
            Words.InVietnamese(() => l["Report_CopiesToLowerLevel"].Value));
        return File(Reports.NoticeReport.Build(data), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"bao-cao-thong-bao-ket-luan-{id}.docx");
    }

    private string Verdict(bool? met) => met switch
    {
        true => l["Kpi_Met"].Value,
        false => l["Kpi_NotMet"].Value,
        _ => l["Kpi_NoVerdict"].Value,
    };

    private async Task<FileStreamResult> WorkbookAsync(Dictionary<string, object> sheets, string name, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, Xlsx, name);
    }
}
