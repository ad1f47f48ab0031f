using System.Globalization;
using System.Net;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Notifications;

/// <summary>A person who is told: in the portal always, by e-mail when they have an address and want that kind.</summary>
public sealed record Recipient(string Id, string Name, string? Email, bool EmailOn, string MutedEmailKinds)
{
    public bool WantsEmail(ReminderKind kind) => EmailOn && !IsMuted(MutedEmailKinds, kind);

    /// <summary>Whether the stored list of kinds a person does not want by e-mail ("Overdue,Silent") holds <paramref name="kind"/>.</summary>
    public static bool IsMuted(string mutedEmailKinds, ReminderKind kind) =>
        mutedEmailKinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(kind.ToString());
}

/// <summary>
/// Writes notifications (the bell) and their e-mails (through the outbox) for reminders and for events alike. Texts are
/// in Vietnamese, whatever language the request that caused them used.
/// </summary>
public sealed class NotificationWriter(IOptionsMonitor<ReminderOptions> options, IOptionsMonitor<SmtpOptions> smtp, IOptionsMonitor<Infrastructure.AuthorityOptions> authority, IStringLocalizer<SharedResource> l)
{

    /// <summary>Active, unlocked users of a role (and unit): nobody deactivated or locked is told anything.</summary>
    public static Task<List<Recipient>> RecipientsAsync(ParPortalDbContext db, string role, int? unitId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Reachable(db, role, now)
            .Where(u => unitId == null || u.UnitId == unitId)
            .Select(u => new Recipient(u.Id, u.FullName, u.Email, u.EmailNotifications, u.MutedEmailKinds))
            .ToListAsync(cancellationToken);

    /// <summary>The active, unlocked users of a role in any of <paramref name="unitIds"/>, with their unit.</summary>
    public static async Task<List<(int UnitId, Recipient Recipient)>> UnitRecipientsAsync(ParPortalDbContext db, string role, IReadOnlyCollection<int> unitIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        unitIds.Count == 0 ? [] : (await Reachable(db, role, now)
            .Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value))
            .Select(u => new { UnitId = u.UnitId!.Value, R = new Recipient(u.Id, u.FullName, u.Email, u.EmailNotifications, u.MutedEmailKinds) })
            .ToListAsync(cancellationToken)).Select(x => (x.UnitId, x.R)).ToList();

    /// <summary>The given users, when they can be told (active, not locked out).</summary>
    public static Task<List<Recipient>> UsersAsync(ParPortalDbContext db, IReadOnlyCollection<string> userIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.IsActive && (u.LockoutEnd == null || u.LockoutEnd < now))
            .Select(u => new Recipient(u.Id, u.FullName, u.Email, u.EmailNotifications, u.MutedEmailKinds))
            .ToListAsync(cancellationToken);

    /// <summary>Who can be told: active, not locked out, in the role.</summary>
    private static IQueryable<PortalUser> Reachable(ParPortalDbContext db, string role, DateTimeOffset now) =>
        db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.LockoutEnd == null || u.LockoutEnd < now)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    /// <summary>Adds one notification per recipient (and the e-mails they want) to <paramref name="db"/>; the caller saves.</summary>
    public void Add(ParPortalDbContext db, IEnumerable<Recipient> recipients, ReminderKind kind, int? assignmentId, string title, string body, string link, DateTimeOffset now, string? eventKey = null)
    {
        var mail = !string.IsNullOrWhiteSpace(smtp.CurrentValue.Host);
        var url = options.CurrentValue.BaseUrl.TrimEnd('/') + link;
        foreach (var r in recipients)
        {
            db.Notifications.Add(new Notification(r.Id, kind, assignmentId, title, body, link, now, eventKey));
            if (mail && r.Email is { Length: > 0 } email && r.WantsEmail(kind))
            {
                var portal = authority.CurrentValue;
                var text = T("Mail_Text", r.Name, title, body, url, portal.PortalName);
                var html = $"<p>{WebUtility.HtmlEncode(T("Mail_Greeting", r.Name))}</p><p><strong>{WebUtility.HtmlEncode(title)}</strong></p><p>{WebUtility.HtmlEncode(body).Replace("\n", "<br>", StringComparison.Ordinal)}</p><p><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(T("Mail_Link"))}</a></p><p style=\"color:#666\">{WebUtility.HtmlEncode(T("Mail_Footer", portal.PortalName))}</p>";
                db.OutboxEmails.Add(new OutboxEmail(email, T("Mail_Subject", title, portal.ShortName), text, html, now));
            }
        }
    }

    /// <summary>A text from the resource files, in Vietnamese.</summary>
    public string T(string key, params object?[] args) =>
        Words.InVietnamese(() => args.Length == 0 ? l[key].Value : l[key, args!].Value);
}
