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
public sealed class EventNotifications(NotificationWriter writer, PortalLinks links)
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
            .Select(a => new { a.Id, a.UnitId, a.DirectiveId, Unit = a.Unit.ShortName ?? a.Unit.Name, a.Directive.Label, a.Directive.Title })
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
        var chairmen = told.Any(e => EventAudience.Of(e.Kind).HasFlag(Audience.Chairman))
            ? await NotificationWriter.RecipientsAsync(db, Roles.Chairman, null, now, cancellationToken)
            : [];
        // Those who gave a direction on the reported work, on the assignment or on its directive: told of its answers.
        var answered = told.Where(e => EventAudience.Of(e.Kind).HasFlag(Audience.DirectionAuthors)).Select(e => e.AssignmentId).Distinct().ToList();
        var answeredDirectives = answered.Select(id => assignments[id].DirectiveId).Distinct().ToList();
        var authors = answered.Count == 0 ? [] : (await db.AssignmentEvents.AsNoTracking()
                .Where(e => answered.Contains(e.AssignmentId) && e.Kind == AssignmentEventKind.Direction && e.ByUserId != null)
                .Select(e => new { Id = e.AssignmentId, e.ByUserId }).ToListAsync(cancellationToken))
            .Concat((await db.DirectiveEvents.AsNoTracking()
                    .Where(e => answeredDirectives.Contains(e.DirectiveId) && e.Kind == DirectiveEventKind.Direction && e.ByUserId != null)
                    .Select(e => new { e.DirectiveId, e.ByUserId }).ToListAsync(cancellationToken))
                .SelectMany(e => answered.Where(id => assignments[id].DirectiveId == e.DirectiveId).Select(id => new { Id = id, e.ByUserId })))
            .Distinct().ToList();
        var authorIds = authors.Select(x => x.ByUserId!).Distinct().ToList();
        var authorRecipients = authorIds.Count == 0 ? [] : (await NotificationWriter.UsersAsync(db, authorIds, now, cancellationToken)).ToDictionary(r => r.Id);
        var authorsOf = authors.Where(x => authorRecipients.ContainsKey(x.ByUserId!)).ToLookup(x => x.Id, x => authorRecipients[x.ByUserId!]);

        IEnumerable<Recipient> RecipientsOf(AssignmentEvent e, int unitId) =>
            (EventAudience.Of(e.Kind) is var audience && audience.HasFlag(Audience.UnitHeads) ? heads[unitId] : [])
                .Concat(audience.HasFlag(Audience.Office) ? office : [])
                .Concat(audience.HasFlag(Audience.Chairman) ? chairmen : [])
                .Concat(audience.HasFlag(Audience.DirectionAuthors) ? authorsOf[e.AssignmentId] : [])
                .Where(r => r.Id != e.ByUserId).DistinctBy(r => r.Id);

        // Several urgings (or transfers) of one unit's work in one save: one message to each of its people, listing them.
        var coalesced = told.Where(e => EventAudience.Coalesces(e.Kind))
            .GroupBy(e => (e.Kind, assignments[e.AssignmentId].UnitId)).Where(g => g.Count() > 1).ToList();
        foreach (var g in coalesced)
        {
            var first = g.OrderBy(e => e.Id).First();
            var items = g.Select(e => assignments[e.AssignmentId]).OrderBy(a => a.Label, StringComparer.Ordinal).ToList();
            var title = writer.T($"Event_{g.Key.Kind}_Many", items[0].Unit, items.Count);
            var body = string.Join('\n', items.Select(a => $"- {a.Label}. {a.Title}")) + (first.Text is { Length: > 0 } text ? $"\n{first.ByName}: {text}" : $"\n{first.ByName}");
            writer.Add(db, RecipientsOf(first, g.Key.UnitId), EventAudience.KindOf(g.Key.Kind), null, title, body, links.MyUnit(), now, $"a:{first.Id}");
        }

        foreach (var e in told.Except(coalesced.SelectMany(g => g)))
        {
            var a = assignments[e.AssignmentId];
            var kind = EventAudience.KindOf(e.Kind);
            var title = writer.T($"Event_{e.Kind}", a.Unit, a.Label, e.NewLastDay is { } d ? Format.Date(d) : string.Empty);
            var body = $"{a.Label}. {a.Title}" + (e.Text is { Length: > 0 } text ? $"\n{e.ByName}: {text}" : $"\n{e.ByName}");
            writer.Add(db, RecipientsOf(e, a.UnitId), kind, a.Id, title, body, links.Assignment(a.Id), now, $"a:{e.Id}");
        }

        foreach (var e in directions)
        {
            var d = directives[e.DirectiveId];
            var recipients = d.Units.SelectMany(u => heads[u]).Concat(office).Where(r => r.Id != e.ByUserId).DistinctBy(r => r.Id);
            writer.Add(db, recipients, ReminderKind.Direction, null, writer.T("Event_DirectiveDirection", d.Label), $"{d.Label}. {d.Title}\n{e.ByName}: {e.Text}",
                links.Directive(d.Id), now, $"d:{e.Id}");
        }
    }
}
