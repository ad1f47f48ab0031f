using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.ReadModel;
using HiepDuc.ParPortal.Web.Features.Kpis;
using System.Globalization;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Dashboard;

/// <summary>
/// The dashboard as a fixed set of aggregate queries, grouped in the database: the number of SQL commands does not
/// grow with the number of directives, assignments or units (a test counts them).
/// </summary>
public sealed class DashboardQueries(ParPortalDbContext db, DashboardSnapshots snapshots, TimeProvider clock, Shared.PortalDay portalDay, Microsoft.Extensions.Localization.IStringLocalizer<Shared.SharedResource> l)
{
    /// <summary>Figures older than this are recomputed even when this server changed nothing (another server may have).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The dashboard's figures, computed in SQL over every assignment and kept by <see cref="DashboardSnapshots"/> until
    /// this server saves anything (or <see cref="CacheFor"/> passes): the chairman's page is read far more often than the
    /// data changes. With <paramref name="mayLag"/> (the page, not the reports), a reader who finds the figures being
    /// recomputed waits at most <see cref="DashboardSnapshots.FreshWithin"/> and is otherwise shown the previous
    /// figures with the time they were computed.
    /// </summary>
    public Task<DashboardModel> LoadAsync(DashboardFilter filter, DateOnly today, CancellationToken cancellationToken, bool mayLag = false) =>
        snapshots.GetAsync(filter, today, mayLag, cancellationToken);

    internal async Task<DashboardModel> ComputeAsync(DashboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var day = portalDay.On(today);
        var notices = await Shared.NoticeChoices.LatestAsync(db, filter.Notice, cancellationToken);
        var lightsNotice = filter.Notice ?? notices.FirstOrDefault()?.Id;

        // Assignments by state and overdue bucket, and the units' standing: from the units' counters (the read model)
        // unless the filter names a notice or a span of deadlines, which select the assignments to read by index.
        var (states, buckets, runningLate, perUnit) = await CountAsync(filter.Notice is null && filter.From is null && filter.To is null
            ? await FromTalliesAsync(filter, day, cancellationToken)
            : await FromAssignmentsAsync(filter, day, cancellationToken), cancellationToken);

        // Directives by state: each directive's own stored roll-up, as the directive list it links to filters them.
        var directiveStates = (await db.Directives.AsNoTracking()
                .Where(d => filter.Notice == null || d.NoticeId == filter.Notice)
                .GroupBy(DirectiveRollup.StoredStateOn.With(today))
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);

        // Traffic lights for one notice (the chosen one, else the latest), with the units whose signal is red: read from
        // that notice's assignments only.
        var lit = lightsNotice is { } litNotice
            ? await db.Directives.AsNoTracking().Where(d => d.NoticeId == litNotice && !d.IsCancelled).OrderBy(d => d.SortOrder)
                .Select(d => new { d.Id, d.Label, d.Title, d.Notice.MeetingDate, d.Deadline.LastDay }).ToListAsync(cancellationToken)
            : [];
        var litIds = lit.Select(d => d.Id).ToList();
        var litRows = Rows(Filtered(filter).Where(a => litIds.Contains(a.DirectiveId)), day);
        // Each directive's own standing, whatever unit kind the page is filtered by: the same as every other surface.
        var standings = await db.StandingsAsync(litIds, day, cancellationToken);
        var red = Timing.StatesOf(SignalColour.Red);
        var redUnits = (await Rows(db.Assignments.AsNoTracking().Where(a => litIds.Contains(a.DirectiveId)), day).Where(r => red.Contains(r.State))
                .Select(r => new { r.DirectiveId, r.UnitName, r.State }).ToListAsync(cancellationToken))
            .ToLookup(r => (r.DirectiveId, r.State), r => r.UnitName);
        List<string> UnitsOf(int directive, TimingState state) => redUnits[(directive, state)].Distinct().OrderBy(u => u, StringComparer.Ordinal).ToList();
        var lights = lit.Select(d => new DirectiveLight(d.Id, d.Label, d.Title, standings[d.Id],
            UnitsOf(d.Id, TimingState.Overdue), UnitsOf(d.Id, TimingState.UrgentUnanswered))).ToList();

        // Unit ranking: on-time completions over everything with a deadline that fell due (OnTimeRate.OfUnit); days since
        // the unit was last heard of (its last report, else the day the work was given).
        var ranking = perUnit.Select(u => new UnitRank(u.UnitId, u.UnitName, u.Rate.Due, u.Rate.OnTime, u.Overdue, u.Rate.Percent,
                Math.Max(0, today.DayNumber - u.LastHeard.DayNumber), u.EverReported))
            .OrderByDescending(u => u.OnTimeRate ?? -1).ThenBy(u => u.Overdue).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();

        // Heatmap: communes/town × directives of the lit notice.
        // A successor's row gathers its former units' cells; where several meet, the most pressing shows.
        var lineage = await LineageAsync(cancellationToken);
        var cells = (await litRows.Where(r => r.UnitKind == UnitKind.CommuneOrTown)
            .Select(r => new { r.Id, r.UnitId, r.DirectiveId, r.State }).ToListAsync(cancellationToken))
            .Select(c => new { c.Id, UnitId = lineage.Lineage.CurrentOf(c.UnitId), c.DirectiveId, c.State })
            .GroupBy(c => (c.UnitId, c.DirectiveId))
            .Select(g => g.OrderBy(c => Timing.Rank(c.State)).ThenBy(c => c.Id).First())
            .ToList();
        var heatmap = new Heatmap(
            lit.Where(d => cells.Any(c => c.DirectiveId == d.Id)).Select(d => (d.Id, d.Label)).ToList(),
            cells.Select(c => c.UnitId).Distinct().Select(id => (id, lineage.NameOf(id))).OrderBy(u => u.Item2, StringComparer.Ordinal).ToList(),
            cells.ToDictionary(c => (c.UnitId, c.DirectiveId), c => new HeatCell(c.Id, c.State)));

        var (kpis, onlinePeriod, onlineByUnit, average, zero) = await KpiPanelAsync(day, cancellationToken);
        return new DashboardModel
        {
            Filter = filter,
            Today = today,
            ComputedAt = clock.GetUtcNow(),
            Notices = notices.Select(n => (n.Id, n.Number ?? Shared.Format.Date(n.MeetingDate))).ToList(),
            LightsNotice = lightsNotice,
            Assignments = states,
            RunningLate = runningLate,
            Settings = day.Settings,
            Directives = directiveStates,
            Buckets = buckets,
            Lights = lights,
            Ranking = ranking,
            Heatmap = heatmap,
            Kpis = kpis,
            OnlinePeriod = onlinePeriod,
            OnlineByUnit = onlineByUnit,
            ProvinceAverage = average,
            ZeroOnline = zero,
        };
    }

    /// <summary>The units' succession and the names rankings show: "Việt An (gồm Bình Lâm, Bình Sơn, …)".</summary>
    private async Task<(UnitLineage Lineage, Func<int, string> NameOf)> LineageAsync(CancellationToken cancellationToken)
    {
        var lineage = await db.LineageAsync(cancellationToken);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ShortName ?? u.Name, cancellationToken);
        return (lineage, id =>
        {
            var name = names.GetValueOrDefault(id, string.Empty);
            var former = lineage.FormerOf(id).Select(f => names.GetValueOrDefault(f, string.Empty)).Order(StringComparer.Ordinal).ToList();
            return former.Count == 0 ? name : l["Unit_Including", name, string.Join(", ", former)].Value;
        });
    }

    private sealed record UnitStanding(int UnitId, string UnitName, OnTimeRate Rate, int Overdue, DateOnly LastHeard, bool EverReported);

    /// <summary>Assignments of one unit in one state and bucket: how many, how many were reported on, when last heard of.</summary>
    private sealed record Group(int UnitId, TimingState State, OverdueBucket Bucket, bool LateBefore, int Count, int Reported, DateOnly LastHeard);

    /// <summary>The groups from the units' counters (<see cref="UnitTally"/>): one grouped read of the counters, whose
    /// number follows the units and their deadline days, not the assignments.</summary>
    private Task<List<Group>> FromTalliesAsync(DashboardFilter f, SignalDay day, CancellationToken cancellationToken)
    {
        var tallies = db.UnitTallies.AsNoTracking();
        if (f.Kind is { } kind)
        {
            tallies = tallies.Where(t => db.Units.Any(u => u.Id == t.UnitId && u.Kind == kind));
        }

        var stateOn = UnitTally.StateOn.With(day);
        var bucketOn = UnitTally.BucketOn.With(day);
        return tallies
            .SelectExpanded(t => new { t.UnitId, State = stateOn.Invoke(t), Bucket = bucketOn.Invoke(t), t.LateBefore, t.Count, t.Reported, t.LastHeardOn })
            .GroupBy(x => new { x.UnitId, x.State, x.Bucket, x.LateBefore })
            .Select(g => new Group(g.Key.UnitId, g.Key.State, g.Key.Bucket, g.Key.LateBefore, g.Sum(x => x.Count), g.Sum(x => x.Reported), g.Max(x => x.LastHeardOn)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The groups counted from the assignments the filter selects (a notice's, or those due in a span of days).</summary>
    private Task<List<Group>> FromAssignmentsAsync(DashboardFilter f, SignalDay day, CancellationToken cancellationToken) =>
        Rows(Filtered(f), day)
            .GroupBy(r => new { r.UnitId, r.State, r.Bucket, r.LateBefore })
            .Select(g => new Group(g.Key.UnitId, g.Key.State, g.Key.Bucket, g.Key.LateBefore, g.Count(), g.Count(r => r.LastReportAt != null), g.Max(r => r.HeardOn)))
            .ToListAsync(cancellationToken);

    /// <summary>Folds the groups into the totals by state and bucket and each unit's standing.</summary>
    private async Task<(Dictionary<TimingState, int>, Dictionary<OverdueBucket, int>, int RunningLate, List<UnitStanding>)> CountAsync(List<Group> groups, CancellationToken cancellationToken)
    {
        // A former unit's work counts for the unit that stands for it now (UnitLineage).
        var lineage = await LineageAsync(cancellationToken);
        groups = groups.Select(g => g with { UnitId = lineage.Lineage.CurrentOf(g.UnitId) }).ToList();
        var unitIds = groups.Select(g => g.UnitId).Distinct().ToList();
        var names = unitIds.ToDictionary(id => id, id => lineage.NameOf(id));
        var states = groups.GroupBy(g => g.State).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var buckets = groups.Where(g => g.Bucket != OverdueBucket.None).GroupBy(g => g.Bucket).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        int Count(IEnumerable<Group> g, TimingState state) => g.Where(x => x.State == state).Sum(x => x.Count);
        // Running work recorded late that is not overdue now (overdue work counts as overdue).
        int RunningLate(IEnumerable<Group> g) => g.Where(x => x.LateBefore && x.State != TimingState.Overdue).Sum(x => x.Count);
        var perUnit = groups.GroupBy(g => g.UnitId).Select(u => new UnitStanding(
            u.Key,
            names.GetValueOrDefault(u.Key, string.Empty),
            OnTimeRate.OfUnit(Count(u, TimingState.CompletedOnTime), Count(u, TimingState.CompletedLate), Count(u, TimingState.Overdue), RunningLate(u),
                Count(u, TimingState.UrgentUnanswered)),
            Count(u, TimingState.Overdue),
            u.Max(g => g.LastHeard),
            u.Sum(g => g.Reported) > 0)).ToList();
        return (states, buckets, RunningLate(groups), perUnit);
    }

    private IQueryable<Assignment> Filtered(DashboardFilter f)
    {
        var q = db.Assignments.AsNoTracking().Where(a => !a.Directive.IsCancelled);
        if (f.Notice is { } notice)
        {
            q = q.Where(a => a.Directive.NoticeId == notice);
        }

        if (f.Kind is { } kind)
        {
            q = q.Where(a => a.Unit.Kind == kind);
        }

        if (f.From is { } from)
        {
            q = q.Where(a => a.LastDayInForce >= from);
        }

        if (f.To is { } to)
        {
            q = q.Where(a => a.LastDayInForce <= to);
        }

        return q;
    }

    /// <summary>Each assignment with its state and overdue bucket on the day, by the rules of <see cref="AssignmentRules"/>, in SQL.</summary>
    private static IQueryable<DashboardRow> Rows(IQueryable<Assignment> q, SignalDay day) =>
        q.SelectExpanded(a => new DashboardRow
        {
            Id = a.Id,
            DirectiveId = a.DirectiveId,
            UnitId = a.UnitId,
            UnitName = a.Unit.ShortName ?? a.Unit.Name,
            UnitKind = a.Unit.Kind,
            Role = a.Role,
            Status = a.Status,
            Progress = a.Progress,
            LastReportAt = a.LastReportAt,
            HeardOn = a.HeardOn,
            LateBefore = AssignmentRules.RunningLate.Invoke(a),
            State = AssignmentRules.State.Invoke(a, day),
            Bucket = AssignmentRules.Bucket.Invoke(a, day),
        });

    private async Task<(List<KpiPanelRow>, KpiPeriod?, List<UnitRate>, decimal?, List<string>)> KpiPanelAsync(SignalDay day, CancellationToken cancellationToken)
    {
        var defs = await db.KpiDefinitions.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        var series = await db.DistrictSeriesAsync(null, day.Settings.CoveragePercent, cancellationToken);
        var references = await db.KpiReferences.AsNoTracking()
            .Select(r => new { r.KpiId, r.Series, r.Period.Start, r.Period.End, r.Rate }).ToListAsync(cancellationToken);
        var panel = defs.Select(k =>
        {
            var values = series[k.Id].ToList();
            var latest = values.LastOrDefault();
            var reference = latest is null ? null : references.FirstOrDefault(r => r.KpiId == k.Id && r.Series == k.TargetReference && r.Start == latest.Start && r.End == latest.End)?.Rate;
            return new KpiPanelRow(k.Id, k.Code, k.Name, k.Direction, values.FirstOrDefault(), latest, k.TargetKind, k.TargetValue,
                latest?.Judge(k.TargetKind, k.TargetValue, reference), values.TakeLast(12).ToList());
        }).ToList();

        // Online filing per unit for the latest month that has unit figures, against the province average.
        var online = defs.FirstOrDefault(k => k.Code == "ONLINE_FILING");
        if (online is null)
        {
            return (panel, null, [], null, []);
        }

        var month = await db.KpiMeasurements.AsNoTracking()
            .Where(m => m.KpiId == online.Id && m.UnitId != null && m.Period.Start.Day == 1)
            .OrderByDescending(m => m.Period.Start).Select(m => new { m.Period.Start, m.Period.End }).FirstOrDefaultAsync(cancellationToken);
        if (month is null)
        {
            return (panel, null, [], null, []);
        }

        var figures = await db.KpiMeasurements.AsNoTracking()
            .Where(m => m.KpiId == online.Id && m.UnitId != null && m.Period.Start == month.Start && m.Period.End == month.End)
            .Select(m => new { Unit = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.ShortName ?? u.Name).First(), m.Numerator, m.Denominator, m.StatedRate })
            .ToListAsync(cancellationToken);
        var average = references.FirstOrDefault(r => r.KpiId == online.Id && r.Series == KpiReference.ProvinceAverage && r.Start == month.Start && r.End == month.End)?.Rate;
        return (panel, new KpiPeriod(month.Start, month.End),
            figures.Select(f => new UnitRate(f.Unit, KpiMath.Rate(f.Numerator, f.Denominator) ?? f.StatedRate)).OrderBy(f => f.Rate ?? -1).ToList(),
            average,
            figures.Where(f => f.Numerator == 0).Select(f => f.Unit).OrderBy(u => u, StringComparer.Ordinal).ToList());
    }
}

public sealed class DashboardRow
{
    public int Id { get; init; }

    public int DirectiveId { get; init; }

    public int UnitId { get; init; }

    public string UnitName { get; init; } = string.Empty;

    public UnitKind UnitKind { get; init; }

    public AssignmentRole Role { get; init; }

    public AssignmentStatus Status { get; init; }

    public int Progress { get; init; }

    public DateTimeOffset? LastReportAt { get; init; }

    public DateOnly HeardOn { get; init; }

    /// <summary>Running work recorded late (<see cref="AssignmentRules.RunningLate"/>).</summary>
    public bool LateBefore { get; init; }

    public TimingState State { get; init; }

    public OverdueBucket Bucket { get; init; }
}
