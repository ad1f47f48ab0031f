using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Audit;

/// <summary>The filters of the audit trail, in the query string so a filtered view can be bookmarked.</summary>
public sealed class AuditFilter
{
    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    public string? Person { get; set; }

    [RegularExpression("^(Created|Updated|Deleted)$", ErrorMessage = "Validation_Invalid")]
    public string? Action { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    public string? Kind { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Keyset paging: entries older than this id.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Validation_Range")]
    public long? Before { get; set; }
}

/// <summary>One changed field: its old and new values as the audit recorded them.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

public sealed record AuditRow(long Id, DateTimeOffset At, string? UserName, string Action, string EntityType, string? EntityId, string? Link, IReadOnlyList<AuditChange> Changes, string? Ip);

public sealed record AuditModel(AuditFilter Filter, IReadOnlyList<AuditRow> Rows, long? Next, IReadOnlyList<string> Kinds);

/// <summary>"Nhật ký thay đổi": every change to the portal's records, for the administrator.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AuditController(ParPortalDbContext db) : Controller
{
    public const int PageSize = 50;

    private const int MaxShown = 160;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            filter = new AuditFilter();
        }

        var q = db.AuditEntries.AsNoTracking();
        if (filter.Before is { } before)
        {
            q = q.Where(a => a.Id < before);
        }

        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var person = filter.Person.Trim();
            q = q.Where(a => a.UserName != null && a.UserName.Contains(person));
        }

        if (filter.Action is { } action)
        {
            q = q.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            q = q.Where(a => a.EntityType == filter.Kind);
        }

        if (filter.From is { } from)
        {
            var start = PortalCalendar.StartOf(from);
            q = q.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = PortalCalendar.StartOf(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }

        var entries = await q.OrderByDescending(a => a.Id).Take(PageSize + 1)
            .Select(a => new { a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes, a.IpAddress })
            .ToListAsync(cancellationToken);
        var rows = entries.Take(PageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, LinkTo(a.EntityType, a.EntityId), Changes(a.Changes), a.IpAddress))
            .ToList();

        // The kinds of record are the model's own, not a scan of the trail.
        var kinds = db.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.DisplayName()).Order(StringComparer.Ordinal).ToList();
        return View(new AuditModel(filter, rows, entries.Count > PageSize ? rows[^1].Id : null, kinds));
    }

    /// <summary>The page that shows the record, when it has one.</summary>
    private string? LinkTo(string entityType, string? id) => id is null ? null : entityType switch
    {
        "Assignment" => Url.Action(nameof(Assignments.AssignmentsController.Details), "Assignments", new { id }),
        "Directive" => Url.Action(nameof(Directives.DirectivesController.Details), "Directives", new { id }),
        "ConclusionNotice" => Url.Action(nameof(Notices.NoticesController.Details), "Notices", new { id }),
        "KpiDefinition" => Url.Action(nameof(Kpis.KpisController.Details), "Kpis", new { id }),
        "PortalUser" => Url.Action(nameof(Users.UsersController.Edit), "Users", new { id }),
        "Unit" => Url.Action(nameof(Units.UnitsController.Edit), "Units", new { id }),
        _ => null,
    };

    /// <summary>The audit's JSON ({"Field": {"old": …, "new": …}}) as rows of old → new.</summary>
    public static IReadOnlyList<AuditChange> Changes(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.EnumerateObject()
                .Select(p => new AuditChange(p.Name, Value(p.Value, "old"), Value(p.Value, "new")))
                .ToList();
        }
        catch (JsonException)
        {
            return [new AuditChange("?", null, json.Length > 200 ? json[..200] + "…" : json)];
        }

        static string? Value(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
                ? Short(v.ValueKind switch { JsonValueKind.Null => null, JsonValueKind.String => v.GetString(), _ => v.GetRawText() })
                : null;

        // Long texts (a notice's full text) are cut for the page; the trail keeps them whole.
        static string? Short(string? text) => text is { Length: > MaxShown } ? text[..MaxShown] + "…" : text;
    }
}
