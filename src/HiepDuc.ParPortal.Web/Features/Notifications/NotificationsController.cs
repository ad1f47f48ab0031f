using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Notifications;

public sealed record NotificationRow(long Id, ReminderKind Kind, string Title, string? Body, string? Link, DateTimeOffset At, bool Read);

public sealed class NotificationSettingsModel
{
    public bool EmailOn { get; set; }

    /// <summary>The kinds wanted by e-mail (every other kind is muted).</summary>
    public List<ReminderKind> Kinds { get; set; } = [];

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool HasEmail { get; set; }
}

public sealed record NotificationsModel(IReadOnlyList<NotificationRow> Items, bool EmailOn, bool HasEmail);

public sealed record ReminderAdminModel(ReminderOptions Options, int SilentDays, bool SmtpConfigured, IReadOnlyList<(DateOnly Day, ReminderKind Kind, int Count)> Recent, int Pending, int Failed)
{
    /// <summary>The run just made from this page, rule by rule.</summary>
    public ReminderRun? LastRun { get; init; }

    public int UrgentRedDays { get; init; }
}

/// <summary>Each user's notifications; and, for administrators, the reminder run on demand.</summary>
public sealed class NotificationsController(ParPortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/notifications")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId()!;
        var items = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(200)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.EmailNotifications, u.Email }).SingleAsync(cancellationToken);
        return View(new NotificationsModel(items, me.EmailNotifications, !string.IsNullOrEmpty(me.Email)));
    }

    [HttpPost("/notifications/{id:long}/read")]
    public async Task<IActionResult> Read(long id, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var n = await db.Notifications.SingleOrDefaultAsync(x => x.Id == id && x.UserId == userId, cancellationToken);
        if (n is null)
        {
            return NotFound();
        }

        n.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(Url.LocalOr(n.Link, Url.Action(nameof(Index))!));
    }

    [HttpPost("/notifications/read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        foreach (var n in await db.Notifications.Where(x => x.UserId == userId && x.ReadAt == null).ToListAsync(cancellationToken))
        {
            n.MarkRead(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Each user decides whether reminders also come by e-mail.</summary>
    [HttpPost("/notifications/email")]
    public async Task<IActionResult> Email(bool on, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.EmailNotifications = on;
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = l[on ? "Notifications_EmailOn" : "Notifications_EmailOff"].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>"Tùy chọn thông báo": e-mail on or off, and which kinds come by e-mail. The bell always shows everything.</summary>
    [HttpGet("/notifications/settings")]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.EmailNotifications, u.MutedEmailKinds, u.Email }).SingleAsync(cancellationToken);
        return View(new NotificationSettingsModel
        {
            EmailOn = me.EmailNotifications,
            HasEmail = !string.IsNullOrEmpty(me.Email),
            Kinds = EventAudience.Choosable.Where(k => !Recipient.IsMuted(me.MutedEmailKinds, k)).ToList(),
        });
    }

    [HttpPost("/notifications/settings")]
    public async Task<IActionResult> Settings(NotificationSettingsModel model, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.EmailNotifications = model.EmailOn;
        user.MutedEmailKinds = string.Join(',', EventAudience.Choosable.Where(k => !model.Kinds.Contains(k)));
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = l["NotificationPrefs_Saved"].Value;
        return RedirectToAction(nameof(Settings));
    }

    [HttpGet("/admin/reminders")]
    [Authorize(Policy = Policies.Administer)]
    public async Task<IActionResult> Admin([FromServices] Microsoft.Extensions.Options.IOptionsMonitor<ReminderOptions> options, [FromServices] Microsoft.Extensions.Options.IOptionsMonitor<SmtpOptions> smtp, [FromServices] Shared.PortalDay portalDay, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-14);
        var recent = await db.ReminderLogs.AsNoTracking().Where(r => r.At >= since)
            .GroupBy(r => new { r.Day, r.Kind }).Select(g => new { g.Key.Day, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        var pending = await db.OutboxEmails.CountAsync(e => e.SentAt == null && e.NextAttemptAt != null, cancellationToken);
        var failed = await db.OutboxEmails.CountAsync(e => e.SentAt == null && e.NextAttemptAt == null, cancellationToken);
        return View(new ReminderAdminModel(options.CurrentValue, portalDay.Settings.SilentDays, !string.IsNullOrWhiteSpace(smtp.CurrentValue.Host),
            recent.OrderByDescending(r => r.Day).ThenBy(r => r.Kind).Select(r => (r.Day, r.Kind, r.Count)).ToList(), pending, failed)
        {
            LastRun = TempData[LastRunKey] is string json ? System.Text.Json.JsonSerializer.Deserialize<ReminderRun>(json) : null,
            UrgentRedDays = portalDay.Settings.UrgentRedDays,
        });
    }

    public const string LastRunKey = "ReminderRun";

    [HttpPost("/admin/reminders/run")]
    [Authorize(Policy = Policies.Administer)]
    public async Task<IActionResult> Run([FromServices] ReminderJob job, [FromServices] OutboxSender sender, CancellationToken cancellationToken)
    {
        var run = await job.RunReportAsync(Domain.Common.PortalCalendar.Today(clock), cancellationToken);
        var (sent, failed) = await sender.SendDueAsync(cancellationToken);
        TempData[Flash.Key] = l.GetString("Reminders_Ran", run.Sent, sent, failed).Value;
        // What each rule found, sent, and when it fires next: shown once on the page the browser is sent back to.
        TempData[LastRunKey] = System.Text.Json.JsonSerializer.Serialize(run);
        return RedirectToAction(nameof(Admin));
    }
}
