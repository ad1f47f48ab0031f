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
    ILogger<ReminderJob> logger)
{
    public async Task<int> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        // A reorganisation due today moves its work first, so that the day's reminders go to the successor's heads.
        await reorganisations.ApplyDueAsync(cancellationToken);
        var o = options.CurrentValue;
        var signals = portalDay.On(today);
        var due = new List<(int Id, ReminderKind Kind, string Detail)>();
        foreach (var (days, kind) in new[] { (7, ReminderKind.DueIn7), (3, ReminderKind.DueIn3), (1, ReminderKind.DueIn1) })
        {
            var day = today.AddDays(days);
            due.AddRange((await Live().WhereExpanded(a => AssignmentRules.Running.Invoke(a) && a.LastDayInForce == day).Select(a => a.Id).ToListAsync(cancellationToken))
                .Select(id => (id, kind, days.ToString(CultureInfo.InvariantCulture))));
        }

        var overdue = await Live().WhereExpanded(a => AssignmentRules.State.Invoke(a, signals) == TimingState.Overdue)
            .Select(a => new { a.Id, a.LastDayInForce }).ToListAsync(cancellationToken);
        due.AddRange(overdue.Select(a => (a.Id, Days: today.DayNumber - a.LastDayInForce!.Value.DayNumber))
            .Where(a => (a.Days - 1) % o.OverdueEveryDays == 0)
            .Select(a => (a.Id, ReminderKind.Overdue, a.Days.ToString(CultureInfo.InvariantCulture))));

        // Silent (with or without a deadline, counted from the assignment when the unit never reported): on the day it
        // becomes silent, then every SilentDays days.
        var silentDays = signals.Settings.SilentDays;
        var silent = await Live().WhereExpanded(a => AssignmentRules.Silent.Invoke(a, signals))
            .Select(a => new { a.Id, a.HeardOn }).ToListAsync(cancellationToken);
        due.AddRange(silent.Select(a => (a.Id, Days: today.DayNumber - a.HeardOn.DayNumber))
            .Where(a => Every(a.Days, silentDays))
            .Select(a => (a.Id, ReminderKind.Silent, a.Days.ToString(CultureInfo.InvariantCulture))));

        var submitted = await Live().Where(a => a.Status == AssignmentStatus.Submitted).Select(a => new { a.Id, a.SubmittedOn }).ToListAsync(cancellationToken);
        due.AddRange(submitted.Select(a => (a.Id, Days: today.DayNumber - a.SubmittedOn!.Value.DayNumber))
            .Where(a => Every(a.Days, o.WaitingDays))
            .Select(a => (a.Id, ReminderKind.AwaitingConfirmation, a.Days.ToString(CultureInfo.InvariantCulture))));

        var asked = await Live().Where(a => a.Extension == ExtensionState.Pending)
            .Select(a => new { a.Id, Asked = a.Events.Where(e => e.Kind == AssignmentEventKind.ExtensionRequested).Max(e => (DateTimeOffset?)e.At) })
            .ToListAsync(cancellationToken);
        due.AddRange(asked.Where(a => a.Asked is not null).Select(a => (a.Id, Days: today.DayNumber - PortalCalendar.DateOf(a.Asked!.Value).DayNumber))
            .Where(a => Every(a.Days, o.WaitingDays))
            .Select(a => (a.Id, ReminderKind.ExtensionPending, a.Days.ToString(CultureInfo.InvariantCulture))));

        var sent = 0;
        foreach (var (id, kind, detail) in due)
        {
            if (await SendAsync(id, kind, today, detail, cancellationToken))
            {
                sent++;
            }
        }

        if (today.DayOfWeek == DayOfWeek.Monday && await DigestAsync(today, cancellationToken))
        {
            sent++;
        }

        logger.LogInformation("Reminders for {Day}: {Candidates} due, {Sent} sent", today, due.Count, sent);
        return sent;
    }

    /// <summary>A repeating reminder falls due on day <paramref name="every"/> of a wait, then every <paramref name="every"/> days.</summary>
    private static bool Every(int days, int every) => days >= every && days % every == 0;

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
        return await WriteAsync(new ReminderLog(a.Id, kind, today, clock.GetUtcNow()), recipients, kind, a.Id, title, body, $"/assignments/{a.Id}", cancellationToken);
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
            return $"- {names[g.Key]}: {Format.Percent(previous.Rate)} ({previous.Period.ToVietnamese()}) → {Format.Percent(last.Rate)} ({last.Period.ToVietnamese()})";
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
        return await WriteAsync(new ReminderLog(0, ReminderKind.WeeklyDigest, today, clock.GetUtcNow()), recipients, ReminderKind.WeeklyDigest, null, title, body, "/dashboard", cancellationToken);
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
