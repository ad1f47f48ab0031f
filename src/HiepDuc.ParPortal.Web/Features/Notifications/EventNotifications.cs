using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Notifications;

/// <summary>
/// Every event of the follow-up loop reaches the people it concerns (<see cref="EventAudience"/>): a step of the save
/// pipeline, so no page can forget it. One notification per event and person (its <c>EventKey</c>); the person who
/// caused the event is not told of it. A fixed number of queries per save, whatever the number of events.
/// </summary>
public sealed class EventNotifications(NotificationWriter writer)
{
    public async Task AddAsync(ParPortalDbContext db, IReadOnlyList<AssignmentEvent> events, IReadOnlyList<DirectiveEvent> directions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var told = events.Where(e => EventAudience.Of(e.Kind) != Audience.None).ToList();
        directions = directions.Where(d => d.Kind == DirectiveEventKind.Direction).ToList();
        if (told.Count == 0 && directions.Count == 0)
        {
            return;
        }

        var assignmentIds = told.Select(e => e.AssignmentId).Distinct().ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => assignmentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.UnitId, Unit = a.Unit.ShortName ?? a.Unit.Name, a.Directive.Label, a.Directive.Title })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var directiveIds = directions.Select(d => d.DirectiveId).Distinct().ToList();
        var directives = await db.Directives.AsNoTracking().Where(d => directiveIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Label, d.Title, Units = d.Assignments.Where(a => a.Status != AssignmentStatus.Cancelled).Select(a => a.UnitId).ToList() })
            .ToDictionaryAsync(d => d.Id, cancellationToken);

        var unitIds = assignments.Values.Select(a => a.UnitId).Concat(directives.Values.SelectMany(d => d.Units)).Distinct().ToList();
        var heads = (await NotificationWriter.UnitRecipientsAsync(db, Roles.UnitHead, unitIds, now, cancellationToken)).ToLookup(h => h.UnitId, h => h.Recipient);
        var office = told.Any(e => EventAudience.Of(e.Kind).HasFlag(Audience.Office)) || directions.Count > 0
            ? await NotificationWriter.RecipientsAsync(db, Roles.DistrictOffice, null, now, cancellationToken)
            : [];

        foreach (var e in told)
        {
            var a = assignments[e.AssignmentId];
            var audience = EventAudience.Of(e.Kind);
            var recipients = (audience.HasFlag(Audience.UnitHeads) ? heads[a.UnitId] : [])
                .Concat(audience.HasFlag(Audience.Office) ? office : [])
                .Where(r => r.Id != e.ByUserId).DistinctBy(r => r.Id);
            var kind = EventAudience.KindOf(e.Kind);
            var title = writer.T($"Event_{e.Kind}", a.Unit, a.Label, e.NewLastDay is { } d ? Format.Date(d) : string.Empty);
            var body = $"{a.Label}. {a.Title}" + (e.Text is { Length: > 0 } text ? $"\n{e.ByName}: {text}" : $"\n{e.ByName}");
            writer.Add(db, recipients, kind, a.Id, title, body, $"/assignments/{a.Id}", now, $"a:{e.Id}");
        }

        foreach (var e in directions)
        {
            var d = directives[e.DirectiveId];
            var recipients = d.Units.SelectMany(u => heads[u]).Concat(office).Where(r => r.Id != e.ByUserId).DistinctBy(r => r.Id);
            writer.Add(db, recipients, ReminderKind.Direction, null, writer.T("Event_DirectiveDirection", d.Label), $"{d.Label}. {d.Title}\n{e.ByName}: {e.Text}",
                $"/directives/{d.Id}", now, $"d:{e.Id}");
        }
    }
}
