using System.Globalization;
using System.Xml;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Kpis;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Public;

public sealed record PublicNotice(int Id, string? Number, string IssuingBody, DateOnly? IssueDate, DateOnly MeetingDate, string? MeetingBody, string? Session, int Directives, int Completed, int Overdue)
{
    /// <summary>"Thông báo số 215/TB-UBND ngày 28/09/2023 của UBND huyện Hiệp Đức": the notice by its number, never by a person.</summary>
    public string NameIn(IStringLocalizer l) => Number is { } number
        ? l.GetString("Public_NoticeNamed", number, Format.Date(IssueDate ?? MeetingDate), IssuingBody).Value
        : l.GetString("Public_NoticeOfMeeting", Format.Date(MeetingDate), IssuingBody).Value;
}

public sealed record PublicDirective(int Id, string Label, string Title, string? DeadlineWritten, DateOnly? DeadlineInForce, IReadOnlyList<string> LeadUnits, DirectiveStanding Standing, int Assignments, int Completed, DateTimeOffset? LastChange);

/// <summary>A KPI's latest district value, with how many units it sums and where it comes from.</summary>
public sealed record PublicFigure(string Kpi, DateOnly Start, DateOnly End, decimal? Rate, RateQualifier Qualifier, KpiCoverage? Coverage, bool Sufficient, bool Stale = false);

public sealed record PublicIndexModel(IReadOnlyList<PublicNotice> Notices, IReadOnlyList<PublicFigure> Figures);

public sealed record PublicNoticeModel(PublicNotice Notice, IReadOnlyList<PublicDirective> Directives, IReadOnlyList<PublicFigure> Figures, DateOnly Today);

/// <summary>
/// The public progress page, for citizens and the press: only notices the office opened to it, and of them only the
/// directives, the lead units, the deadlines in force, the state and progress, and the KPI figures with their
/// coverage and source. No person's name, no report text, no file, nothing of a notice not opened. Anonymous,
/// cached a minute (emptied when the office opens or closes a notice), rate-limited per address.
/// </summary>
[AllowAnonymous]
[Route("cong-khai")]
[EnableRateLimiting(RateLimit)]
public sealed class PublicController(ParPortalDbContext db, PortalDay portalDay, IStringLocalizer<SharedResource> l) : Controller
{
    public const string CacheTag = "public";
    public const string CachePolicy = "public";
    public const string RateLimit = "public";

    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new PublicIndexModel(await NoticesAsync(null, cancellationToken), await FiguresAsync(cancellationToken)));

    [HttpGet("{id:int}")]
    [OutputCache(PolicyName = CachePolicy)]
    public async Task<IActionResult> Notice(int id, CancellationToken cancellationToken)
    {
        var notice = (await NoticesAsync(id, cancellationToken)).SingleOrDefault();
        if (notice is null)
        {
            return NotFound(); // not opened to the public: the same answer as a notice that does not exist
        }

        return View(new PublicNoticeModel(notice, await DirectivesAsync(id, cancellationToken), await FiguresAsync(cancellationToken), portalDay.Today().Today));
    }

    /// <summary>An Atom feed of the public directives, the most recently changed first.</summary>
    [HttpGet("feed.atom")]
    [OutputCache(PolicyName = CachePolicy)]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var notices = (await NoticesAsync(null, cancellationToken)).ToDictionary(n => n.Id);
        var today = portalDay.Today().Today;
        var entries = await db.Directives.AsNoTracking()
            .Where(d => d.Notice.IsPublic)
            .SelectExpanded(d => new
            {
                d.Id, d.NoticeId, d.Label, d.Title, d.Deadline.WrittenAs, d.RollupActive, d.RollupCompleted,
                Changed = d.Assignments.SelectMany(a => a.Events).Max(e => (DateTimeOffset?)e.At),
                Published = d.Notice.PublicSince,
            })
            .ToListAsync(cancellationToken);
        var ordered = entries.Select(e => (e, Updated: Max(e.Changed, e.Published) ?? DateTimeOffset.UnixEpoch))
            .OrderByDescending(x => x.Updated).Take(100).ToList();
        var standings = await db.StandingsAsync(ordered.Select(x => x.e.Id).ToList(), portalDay.Today(), cancellationToken);
        var site = $"{Request.Scheme}://{Request.Host}";
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, CultureInfo.CurrentUICulture.Name.StartsWith("vi", StringComparison.Ordinal) ? "vi" : "en");
            xml.WriteElementString("title", atom, l["Public_FeedTitle"]);
            xml.WriteElementString("id", atom, $"{site}/cong-khai");
            xml.WriteElementString("updated", atom, Atom(ordered.Count > 0 ? ordered[0].Updated : DateTimeOffset.UnixEpoch));
            Link(xml, atom, $"{site}/cong-khai", null);
            Link(xml, atom, $"{site}/cong-khai/feed.atom", "self");
            foreach (var (e, updated) in ordered)
            {
                var notice = notices[e.NoticeId];
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, $"{e.Label}. {e.Title}");
                xml.WriteElementString("id", atom, $"{site}/cong-khai/{e.NoticeId}#d-{e.Id}");
                xml.WriteElementString("updated", atom, Atom(updated));
                Link(xml, atom, $"{site}/cong-khai/{e.NoticeId}#d-{e.Id}", null);
                xml.WriteElementString("summary", atom, l.GetString("Public_FeedSummary", NoticeName(notice), l.Enum(standings[e.Id].Signal), e.RollupCompleted, e.RollupActive, e.WrittenAs ?? "—").Value);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        return File(stream.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private string NoticeName(PublicNotice n) => n.NameIn(l);

    private Task<List<PublicNotice>> NoticesAsync(int? id, CancellationToken cancellationToken)
    {
        var today = portalDay.Today().Today;
        var query = db.Notices.AsNoTracking().Where(n => n.IsPublic);
        if (id is { } one)
        {
            query = query.Where(n => n.Id == one);
        }

        return query.OrderByDescending(n => n.MeetingDate).ThenByDescending(n => n.Id).Take(200)
            .SelectExpanded(n => new PublicNotice(n.Id, n.Number, n.IssuingBody, n.IssueDate, n.MeetingDate, n.MeetingBody, n.Session,
                n.Directives.Count(d => !d.IsCancelled),
                n.Directives.Count(d => DirectiveRollup.StoredStateOn.Invoke(d, today) == DirectiveState.Completed),
                n.Directives.Count(d => DirectiveRollup.StoredStateOn.Invoke(d, today) == DirectiveState.Overdue)))
            .ToListAsync(cancellationToken);
    }

    private async Task<List<PublicDirective>> DirectivesAsync(int noticeId, CancellationToken cancellationToken)
    {
        var today = portalDay.Today().Today;
        var rows = await db.Directives.AsNoTracking().Where(d => d.NoticeId == noticeId).OrderBy(d => d.SortOrder)
            .SelectExpanded(d => new
            {
                d.Id, d.Label, d.Title, d.Deadline.WrittenAs, d.Deadline.LastDay, d.RollupActive, d.RollupCompleted,
                // The deadline in force: the lead units' (extended) last day, else the directive's own.
                InForce = d.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status != AssignmentStatus.Cancelled).Max(a => a.LastDayInForce),
                Leads = d.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status != AssignmentStatus.Cancelled).Select(a => a.Unit.ShortName ?? a.Unit.Name).ToList(),
                Changed = d.Assignments.SelectMany(a => a.Events).Max(e => (DateTimeOffset?)e.At),
            })
            .ToListAsync(cancellationToken);
        var standings = await db.StandingsAsync(rows.Select(r => r.Id).ToList(), portalDay.Today(), cancellationToken);
        return rows.Select(r => new PublicDirective(r.Id, r.Label, r.Title, r.WrittenAs, r.InForce ?? r.LastDay, r.Leads.Order(StringComparer.Ordinal).ToList(), standings[r.Id], r.RollupActive, r.RollupCompleted, r.Changed)).ToList();
    }

    private async Task<List<PublicFigure>> FiguresAsync(CancellationToken cancellationToken)
    {
        var threshold = portalDay.Settings.CoveragePercent;
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.Id).Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken);
        var series = await db.DistrictSeriesAsync(kpis.Select(k => k.Id).ToList(), threshold, cancellationToken);
        return kpis.Where(k => series[k.Id].Any())
            .Select(k => (k.Name, Latest: series[k.Id].OrderBy(v => v.End).Last()))
            .Select(x => new PublicFigure(x.Name, x.Latest.Start, x.Latest.End, x.Latest.Rate, x.Latest.Qualifier, x.Latest.Coverage, x.Latest.Sufficient,
                portalDay.Settings.FigureIsStale(x.Latest.End, portalDay.Today().Today)))
            .ToList();
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Atom(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter xml, string ns, string href, string? rel)
    {
        xml.WriteStartElement("link", ns);
        if (rel is not null)
        {
            xml.WriteAttributeString("rel", rel);
        }

        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
