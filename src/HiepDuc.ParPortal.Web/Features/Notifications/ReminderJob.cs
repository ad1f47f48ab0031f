using System.Globalization;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Kpis;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Notifications;

/// <summary>
/// "Đôn đốc" without anyone having to remember: finds assignments due in 7, 3 and 1 days, overdue ones (on their first
/// overdue day and every N days after), silent units, submissions and extension requests waiting for the office,
/// and — on Mondays — the chairman's weekly digest. Each reminder is written once: (assignment, kind, day) is unique
/// in the database, so a second run, or a second server, skips what the first sent.
/// </summary>
public sealed class ReminderJob(
    ParPortalDbContext db,
    IOptionsMonitor<ReminderOptions> options,
    NotificationWriter writer,
    TimeProvider clock,
    PortalDay portalDay,
    Reorganisations.Reorganisations reorganisations,
    PortalLinks links,
    ILogger<ReminderJob> logger)
{
    public async Task<int> RunAsync(DateOnly today, CancellationToken cancellationToken = default) =>
        (await RunReportAsync(today, cancellationToken)).Sent;

    /// <summary>
    /// Runs the day's reminders and says, rule by rule, what they apply to, what fell due today and was sent, and the
    /// next day each rule fires for the rest (<see cref="ReminderCadence"/>): a run that sends nothing says why.
    /// </summary>
    public async Task<ReminderRun> RunReportAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        // A reorganisation due today moves its work first, so that the day's reminders go to the successor's heads.
        await reorganisations.ApplyDueAsync(cancellationToken);
        var o = options.CurrentValue;
        var signals = portalDay.On(today);
        var rules = new List<(ReminderKind Kind, List<(int Id, string Detail)> Due, int Matching, DateOnly? Next)>();

        void Rule(ReminderKind kind, IReadOnlyCollection<(int Id, int Days)> waits, ReminderCadence cadence) => rules.Add((kind,
            waits.Where(w => cadence.IsDue(w.Days)).Select(w => (w.Id, w.Days.ToString(CultureInfo.InvariantCulture))).ToList(),
            waits.Count,
            waits.Where(w => !cadence.IsDue(w.Days)).Select(w => (DateOnly?)cadence.NextAfter(w.Days, today)).Min()));

        // Due soon: 7, 3 and 1 days before the deadline in force.
        var horizon = today.AddDays(ReminderCadence.DueSoonDays.Max());
        var soon = await Live().WhereExpanded(a => AssignmentRules.Running.Invoke(a) && a.LastDayInForce > today && a.LastDayInForce <= horizon)
            .Select(a => new { a.Id, a.LastDayInForce }).ToListAsync(cancellationToken);
        foreach (var (days, kind) in new[] { (7, ReminderKind.DueIn7), (3, ReminderKind.DueIn3), (1, ReminderKind.DueIn1) })
        {
            var matching = soon.Where(a => a.LastDayInForce!.Value.DayNumber - today.DayNumber == days).Select(a => (a.Id, days.ToString(CultureInfo.InvariantCulture))).ToList();
            var next = kind == ReminderKind.DueIn7
                ? soon.Select(a => ReminderCadence.NextDueSoon(a.LastDayInForce!.Value.DayNumber - today.DayNumber, today)).Where(d => d is not null).Min()
                : null;
            rules.Add((kind, matching, kind == ReminderKind.DueIn7 ? soon.Count : matching.Count, next));
        }

        // Overdue: on the first overdue day and every OverdueEveryDays after.
        var overdue = await Live().WhereExpanded(a => AssignmentRules.State.Invoke(a, signals) == TimingState.Overdue)
            .Select(a => new { a.Id, a.LastDayInForce }).ToListAsync(cancellationToken);
        Rule(ReminderKind.Overdue, overdue.Select(a => (a.Id, today.DayNumber - a.LastDayInForce!.Value.DayNumber)).ToList(), new ReminderCadence(1, o.OverdueEveryDays));

        // Silent (with or without a deadline, counted from the day the work was given when the unit never reported): on
        // the day it becomes silent, then every SilentDays days.
        var silentDays = signals.Settings.SilentDays;
        var silent = await Live().WhereExpanded(a => AssignmentRules.Silent.Invoke(a, signals))
            .Select(a => new { a.Id, a.HeardOn }).ToListAsync(cancellationToken);
        Rule(ReminderKind.Silent, silent.Select(a => (a.Id, today.DayNumber - a.HeardOn.DayNumber)).ToList(), new ReminderCadence(silentDays, silentDays));

        var submitted = await Live().Where(a => a.Status == AssignmentStatus.Submitted).Select(a => new { a.Id, a.SubmittedOn }).ToListAsync(cancellationToken);
        Rule(ReminderKind.AwaitingConfirmation, submitted.Select(a => (a.Id, today.DayNumber - a.SubmittedOn!.Value.DayNumber)).ToList(), new ReminderCadence(o.WaitingDays, o.WaitingDays));

        // A request kept from before its day was stored is dated by its timeline entry.
        var asked = await Live().Where(a => a.Extension == ExtensionState.Pending)
            .Select(a => new { a.Id, a.ExtensionRequestedOn, At = a.Events.Where(e => e.Kind == AssignmentEventKind.ExtensionRequested).Max(e => (DateTimeOffset?)e.At) })
            .ToListAsync(cancellationToken);
        Rule(ReminderKind.ExtensionPending, asked.Select(a => (a.Id, On: a.ExtensionRequestedOn ?? (a.At is { } at ? PortalCalendar.DateOf(at) : (DateOnly?)null)))
                .Where(a => a.On is not null).Select(a => (a.Id, today.DayNumber - a.On!.Value.DayNumber)).ToList(),
            new ReminderCadence(o.WaitingDays, o.WaitingDays));

        var sent = 0;
        var runs = new List<ReminderRuleRun>();
        foreach (var (kind, due, matching, next) in rules)
        {
            var ruleSent = 0;
            foreach (var (id, detail) in due)
            {
                if (await SendAsync(id, kind, today, detail, cancellationToken))
                {
                    ruleSent++;
                }
            }

            sent += ruleSent;
            runs.Add(new ReminderRuleRun(kind, matching, due.Count, ruleSent, next));
        }

        var urgent = await UrgentToChairmanAsync(today, signals, cancellationToken);
        runs.Add(urgent);
        sent += urgent.Sent;

        if (today.DayOfWeek == DayOfWeek.Monday && await DigestAsync(today, cancellationToken))
        {
            sent++;
            runs.Add(new ReminderRuleRun(ReminderKind.WeeklyDigest, 1, 1, 1, today.AddDays(7)));
        }
        else
        {
            runs.Add(new ReminderRuleRun(ReminderKind.WeeklyDigest, 0, 0, 0, NextMonday(today)));
        }

        logger.LogInformation("Reminders for {Day}: {Candidates} due, {Sent} sent", today, runs.Sum(r => r.DueToday), sent);
        return new ReminderRun(today, runs, sent);
    }

    /// <summary>The next Monday after a day (the weekly digest's).</summary>
    private static DateOnly NextMonday(DateOnly day) => day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 6) % 7 + 1);

    /// <summary>
    /// The chairman hears of urgent work left unanswered: one message per directive, on the day its work turns red
    /// (<see cref="SignalSettings.UrgentRedDays"/> without a report) and every <see cref="SignalSettings.SilentDays"/> after.
    /// </summary>
    private async Task<ReminderRuleRun> UrgentToChairmanAsync(DateOnly today, SignalDay signals, CancellationToken cancellationToken)
    {
        var cadence = new ReminderCadence(signals.Settings.UrgentRedDays, signals.Settings.SilentDays);
        var urgent = (await Live().WhereExpanded(a => AssignmentRules.State.Invoke(a, signals) == TimingState.UrgentUnanswered)
                .Select(a => new { a.Id, a.DirectiveId, a.Directive.Label, a.Directive.Title, a.HeardOn }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.DirectiveId, a.Label, a.Title, Days: today.DayNumber - a.HeardOn.DayNumber)).ToList();
        var due = urgent.Where(a => cadence.IsDue(a.Days)).GroupBy(a => a.DirectiveId).ToList();
        var sent = 0;
        if (due.Count > 0)
        {
            var chairmen = await RecipientsAsync(Roles.Chairman, null, cancellationToken);
            foreach (var directive in due)
            {
                var first = directive.OrderBy(a => a.Id).First();
                var title = T("Reminder_UrgentUnanswered", first.Label, directive.Count());
                var body = $"{first.Label}. {first.Title}";
                if (await WriteAsync(new ReminderLog(first.Id, ReminderKind.UrgentUnanswered, today, clock.GetUtcNow()), chairmen, ReminderKind.UrgentUnanswered, null, title, body,
                    links.Directive(directive.Key), cancellationToken))
                {
                    sent++;
                }
            }
        }

        return new ReminderRuleRun(ReminderKind.UrgentUnanswered, urgent.Count, due.Count, sent,
            urgent.Where(a => !cadence.IsDue(a.Days)).Select(a => (DateOnly?)cadence.NextAfter(a.Days, today)).Min());
    }

    private IQueryable<Assignment> Live() => db.Assignments.AsNoTracking().Where(a => !a.Directive.IsCancelled);

    private async Task<bool> SendAsync(int assignmentId, ReminderKind kind, DateOnly today, string detail, CancellationToken cancellationToken)
    {
        var a = await db.Assignments.AsNoTracking().Where(x => x.Id == assignmentId).Select(x => new
        {
            x.Id, x.UnitId, Unit = x.Unit.Name, x.Directive.Label, x.Directive.Title, x.LastDayInForce, x.ExtensionRequestedTo,
        }).SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return false;
        }

        var toOffice = kind is ReminderKind.AwaitingConfirmation or ReminderKind.ExtensionPending;
        var recipients = await RecipientsAsync(toOffice ? Roles.DistrictOffice : Roles.UnitHead, toOffice ? null : a.UnitId, cancellationToken);
        var deadline = a.LastDayInForce is { } d ? Format.Date(d) : T("Reminder_NoDeadline");
        var title = kind switch
        {
            ReminderKind.DueIn7 or ReminderKind.DueIn3 or ReminderKind.DueIn1 => T("Reminder_DueSoon", a.Label, detail, deadline),
            ReminderKind.Overdue => T("Reminder_Overdue", a.Label, detail, deadline),
            ReminderKind.Silent => T("Reminder_Silent", a.Label, detail),
            ReminderKind.AwaitingConfirmation => T("Reminder_AwaitingConfirmation", a.Unit, a.Label, detail),
            _ => T("Reminder_ExtensionPending", a.Unit, a.Label, Format.Date(a.ExtensionRequestedTo), detail),
        };
        var body = T("Reminder_Body", a.Label, a.Title, a.Unit, deadline);
        return await WriteAsync(new ReminderLog(a.Id, kind, today, clock.GetUtcNow()), recipients, kind, a.Id, title, body, links.Assignment(a.Id), cancellationToken);
    }

    private async Task<bool> DigestAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var weekAgo = today.AddDays(-7);
        var since = clock.GetUtcNow().AddDays(-7);
        var signals = portalDay.On(today);
        var newlyOverdue = await Live().WhereExpanded(a => AssignmentRules.State.Invoke(a, signals) == TimingState.Overdue && a.LastDayInForce >= weekAgo)
            .CountAsync(cancellationToken);
        var completed = await Live().CountAsync(a => a.Status == AssignmentStatus.Completed && a.CompletedAt >= since, cancellationToken);
        var silentUnits = await Live().WhereExpanded(a => AssignmentRules.Silent.Invoke(a, signals))
            .Select(a => a.Unit.ShortName ?? a.Unit.Name).Distinct().ToListAsync(cancellationToken);
        var series = await db.DistrictSeriesAsync(null, signals.Settings.CoveragePercent, cancellationToken);
        var names = await db.KpiDefinitions.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        var kpiLines = series.Where(g => g.Count() >= 2).Select(g =>
        {
            var last = g.Last();
            var previous = g.ElementAt(g.Count() - 2);
            return $"- {names[g.Key]}: {Format.Percent(previous.Rate)} ({Words.ForRecord(l => l.Period(previous.Period))}) → {Format.Percent(last.Rate)} ({Words.ForRecord(l => l.Period(last.Period))})";
        }).ToList();
        var title = T("Digest_Title", Format.Date(today), newlyOverdue, completed);
        var body = string.Join('\n', new[]
        {
            T("Digest_NewlyOverdue", newlyOverdue),
            T("Digest_Completed", completed),
            T("Digest_Silent", signals.Settings.SilentDays, silentUnits.Count == 0 ? T("Digest_None") : string.Join(", ", silentUnits.Order(StringComparer.Ordinal))),
            T("Digest_Kpis"),
        }.Concat(kpiLines.Count == 0 ? [T("Digest_NoKpis")] : kpiLines));
        var recipients = await RecipientsAsync(Roles.Chairman, null, cancellationToken);
        return await WriteAsync(new ReminderLog(0, ReminderKind.WeeklyDigest, today, clock.GetUtcNow()), recipients, ReminderKind.WeeklyDigest, null, title, body, links.Dashboard(), cancellationToken);
    }

    private async Task<bool> WriteAsync(ReminderLog log, List<Recipient> recipients, ReminderKind kind, int? assignmentId, string title, string body, string link, CancellationToken cancellationToken)
    {
        db.ReminderLogs.Add(log);
        writer.Add(db, recipients, kind, assignmentId, title, body, link, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Already sent today (this job ran twice, or another server ran it): the unique key refused the copy.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private Task<List<Recipient>> RecipientsAsync(string role, int? unitId, CancellationToken cancellationToken) =>
        NotificationWriter.RecipientsAsync(db, role, unitId, clock.GetUtcNow(), cancellationToken);

    private string T(string key, params object?[] args) => writer.T(key, args);
}
