using System.ComponentModel.DataAnnotations;
using System.Text;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Parsing;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Notices;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.NoticeImport;

/// <summary>
/// "Nhập thông báo": paste or upload a notice, check what the parser found (every field editable, every source
/// highlighted), save. Nothing is written before the office saves; leaving the preview leaves no trace.
/// </summary>
[Authorize(Policy = Policies.OfficeWork)]
public sealed class NoticeImportController(ParPortalDbContext db, NoticeReading reading, NoticeImporter importer, ICurrentActor currentActor, TimeProvider clock, Microsoft.Extensions.Options.IOptionsMonitor<Infrastructure.AuthorityOptions> authority, IStringLocalizer<SharedResource> l) : Controller
{
    public const long MaxUpload = 5 * 1024 * 1024;

    [HttpGet("/notices/import")]
    public IActionResult Import() => View();

    [HttpPost("/notices/import")]
    [RequestSizeLimit(MaxUpload + 65536)]
    public async Task<IActionResult> Import([StringLength(500000, ErrorMessage = "Validation_MaxLength")] string? text, IFormFile? file, CancellationToken cancellationToken)
    {
        string source;
        try
        {
            source = file is { Length: > 0 } ? await ReadAsync(file, cancellationToken) : text ?? string.Empty;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            ModelState.AddModelError(string.Empty, l["NoticeImport_Unreadable"]);
            return View();
        }

        if (string.IsNullOrWhiteSpace(source) || source.Length > 200_000)
        {
            ModelState.AddModelError(string.Empty, l["NoticeImport_Empty"]);
            return View();
        }

        var (parsed, _) = await reading.ReadAsync(source, cancellationToken);
        var form = FromParsed(parsed);
        await UntickStoredFiguresAsync(form, cancellationToken);
        var notes = await SuccessorsAsync(form, cancellationToken);
        return View("Preview", await PageAsync(form, Marks(parsed), cancellationToken, notes));
    }

    [HttpPost("/notices/import/save")]
    public async Task<IActionResult> Save(ImportForm form, CancellationToken cancellationToken)
    {
        var included = form.Tasks.Select((t, i) => (Task: t, Index: i)).Where(x => x.Task.Include).ToList();
        foreach (var (task, i) in form.Tasks.Select((t, i) => (t, i)).Where(x => !x.t.Include))
        {
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"Tasks[{i}].", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }

        var deadlines = included.ToDictionary(x => x.Index, x => x.Task.Deadline.ToDeadline(ModelState, $"Tasks[{x.Index}].Deadline", l, clock.Today(), form.MeetingDate));
        await CheckFiguresAsync(form, cancellationToken);
        if (form.GivenOn is not { } givenOn)
        {
            ModelState.AddModelError(nameof(form.GivenOn), l.GetString("Validation_Required", l["Assignment_AssignedOn"]).Value);
        }
        else if (givenOn > Assignment.LatestGivenOn(form.IssueDate ?? form.MeetingDate, clock.Today()))
        {
            ModelState.AddModelError(nameof(form.GivenOn), l["Domain_assignment.givenOn.future"]);
        }
        else if (form.MeetingDate is { } meeting && givenOn < meeting)
        {
            ModelState.AddModelError(nameof(form.GivenOn), l["Domain_assignment.givenOn.beforeMeeting"]);
        }

        foreach (var dup in included.GroupBy(x => x.Task.Label.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            ModelState.AddModelError($"Tasks[{dup.First().Index}].Label", l.GetString("NoticeImport_DuplicateLabel", dup.Key).Value);
        }

        var unitIds = included.SelectMany(x => x.Task.Units).Where(u => u.UnitId is not null).Select(u => u.UnitId!.Value).Distinct().ToList();
        // Checked per task here for the message; the importer checks again inside its transaction.
        // A former unit may be named by a notice of the time before it was succeeded (its open work is carried on saving).
        var met = form.MeetingDate ?? DateOnly.MaxValue;
        var active = (await db.Units.Where(u => unitIds.Contains(u.Id) && (u.IsActive || (u.SucceededById != null && u.SucceededOn > met))).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (task, i) in included)
        {
            if (task.Units.Any(u => u.UnitId is { } id && !active.Contains(id)))
            {
                ModelState.AddModelError($"Tasks[{i}].Units", l["Users_UnitUnknown"]);
            }
        }

        // What the reading could not settle is saved only on purpose: a task nobody will do (no lead and no implementing
        // unit) or a proposed unit left unticked. An unread deadline is flagged on the preview; "no deadline" is legitimate.
        if (ModelState.IsValid && !form.ConfirmGaps)
        {
            foreach (var (task, i) in included)
            {
                if (!task.Units.Any(u => u.Chosen && u.Role is AssignmentRole.Lead or AssignmentRole.Implementing))
                {
                    ModelState.AddModelError($"Tasks[{i}].Units", l.GetString("NoticeImport_NoDoer", task.Label).Value);
                }

                if (task.Units.Any(u => u.Unticked))
                {
                    ModelState.AddModelError($"Tasks[{i}].Units", l.GetString("NoticeImport_UnitUnticked", task.Label).Value);
                }
            }

            form.NeedsConfirmation = !ModelState.IsValid;
        }

        if (ModelState.IsValid && !form.AllowDuplicate
            && await db.DuplicateOfAsync(form.Number, form.IssuingBody, form.MeetingDate!.Value, form.FullText, cancellationToken) is { } existing)
        {
            form.DuplicateOf = existing;
            ModelState.AddModelError(string.Empty, l["Notice_Duplicate"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = form.DuplicateOf is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
            return View("Preview", await PageAsync(form, null, cancellationToken));
        }

        var noticeId = await importer.SaveAsync(form, deadlines.ToDictionary(d => d.Key, d => d.Value!), currentActor.Actor, cancellationToken);
        TempData[Flash.Key] = l.GetString("NoticeImport_Saved", included.Count).Value;
        return RedirectToAction(nameof(NoticesController.Details), "Notices", new { id = noticeId });
    }

    /// <summary>A figure the portal already holds for the district (a notice imported again) is offered unticked.</summary>
    private async Task UntickStoredFiguresAsync(ImportForm form, CancellationToken cancellationToken)
    {
        var stored = await StoredDistrictFiguresAsync(form, cancellationToken);
        foreach (var x in form.Figures.Where(x => x.Keep && stored.Contains((x.KpiCode!, x.From!.Value, x.To!.Value))))
        {
            x.Keep = false;
        }
    }

    /// <summary>The district figures already stored for the KPIs the form's figures name (one query): nothing is overwritten.</summary>
    private async Task<HashSet<(string Code, DateOnly Start, DateOnly End)>> StoredDistrictFiguresAsync(ImportForm form, CancellationToken cancellationToken)
    {
        var codes = form.Figures.Where(x => x.KpiCode is not null).Select(x => x.KpiCode!).Distinct().ToList();
        return (await db.KpiMeasurements.AsNoTracking().Where(m => m.UnitId == null && codes.Contains(m.Kpi.Code))
                .Select(m => new { m.Kpi.Code, m.Period.Start, m.Period.End }).ToListAsync(cancellationToken))
            .Select(m => (m.Code, m.Start, m.End)).ToHashSet();
    }

    /// <summary>
    /// The figures kept must name a KPI and a period that ended by the meeting, and must not be one the portal already
    /// holds for the district (one figure per KPI, unit and period; nothing is overwritten).
    /// </summary>
    private async Task CheckFiguresAsync(ImportForm form, CancellationToken cancellationToken)
    {
        var codes = (await db.KpiDefinitions.Where(k => k.IsActive).Select(k => k.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var stored = await StoredDistrictFiguresAsync(form, cancellationToken);
        foreach (var (x, i) in form.Figures.Select((x, i) => (x, i)).Where(x => x.x.Keep))
        {
            var key = $"Figures[{i}]";
            if (x.KpiCode is null || !codes.Contains(x.KpiCode))
            {
                ModelState.AddModelError($"{key}.KpiCode", l.GetString("NoticeImport_FigureKpi", x.Text).Value);
            }
            else if (x.From is not { } from || x.To is not { } to || from > to || (form.MeetingDate is { } met && to > met.AddDays(DateTime.DaysInMonth(met.Year, met.Month) - met.Day)))
            {
                ModelState.AddModelError($"{key}.From", l.GetString("NoticeImport_FigurePeriod", x.Text).Value);
            }
            else if (stored.Contains((x.KpiCode, from, to)))
            {
                ModelState.AddModelError($"{key}.From", l.GetString("NoticeImport_FigureExists", x.Text).Value);
            }
        }
    }

    /// <summary>The day the work was given by default: the issue date, else the meeting date.</summary>
    private static DateOnly? GivenOnOf(DateOnly? issued, DateOnly? met) => issued ?? met;

    private ImportForm FromParsed(ParsedNotice p) => new()
    {
        Number = p.Number.Value,
        IssuingBody = p.IssuingBody.Value ?? authority.CurrentValue.Name,
        IssueDate = p.IssueDate.Value,
        MeetingDate = p.MeetingDate.Value,
        MeetingGuessed = !p.MeetingDate.Certain,
        GivenOn = GivenOnOf(p.IssueDate.Value, p.MeetingDate.Value),
        Figures = p.Figures.Select(x =>
        {
            var period = (p.MeetingDate.Value ?? p.IssueDate.Value) is { } met ? FigurePeriods.Read(x.Context, met) : null;
            // Kept by default only when the notice names both the KPI and the period: nothing is dated by guess.
            return new ImportFigure { Text = x.Context, KpiCode = x.KpiCode, Value = x.Value, From = period?.Start, To = period?.End, Keep = x.KpiCode is not null && period is not null };
        }).ToList(),
        Title = p.Title.Value ?? string.Empty,
        Session = p.Session.Value,
        ChairedBy = p.ChairedBy.Value,
        SignedBy = p.SignedBy.Value,
        FullText = p.Text,
        MonitoringUnitId = p.MonitoringUnitId.Value,
        Tasks = p.Tasks.Select(t => new ImportTask
        {
            Label = t.Label,
            Title = t.Title.Value,
            FullText = t.FullText,
            Deadline = DeadlineInput.From(t.Deadline.Value),
            DeadlineGuessed = !t.Deadline.Certain,
            References = string.Join('\n', t.References.Select(r => r.Reference.Text)),
            Targets = t.Targets.Select(x => new ImportTarget { Text = x.Text, KpiCode = x.KpiCode, Kind = x.Kind, Value = x.Value, Keep = x.KpiCode is not null }).ToList(),
            // A unit the registry does not know arrives proposed for creation, with its cleaned name.
            Units = t.Units.Select(u => new ImportUnit { UnitId = u.UnitId, Text = u.Text, Role = u.Role, Guessed = !u.Certain, Create = u.UnitId is null }).ToList(),
        }).ToList(),
    };

    private static ImportSource Marks(ParsedNotice p)
    {
        var marks = new List<(Span, string, int)>();
        void Add<T>(Found<T> f, string kind, int task)
        {
            if (f.Span is { } s)
            {
                marks.Add((s, f.Certain ? kind : kind + " guess", task));
            }
        }

        Add(p.Number, "header", 0);
        Add(p.IssueDate, "header", 0);
        Add(p.Title, "header", 0);
        Add(p.MeetingDate, "header", 0);
        Add(p.ChairedBy, "header", 0);
        for (var i = 0; i < p.Tasks.Count; i++)
        {
            var t = p.Tasks[i];
            var marker = p.Text.IndexOfAny([' ', '\n'], t.Span.Start, Math.Min(t.Span.Length, 12));
            marks.Add((new Span(t.Span.Start, marker > t.Span.Start ? marker - t.Span.Start : Math.Min(t.Span.Length, 3)), "label", i + 1));
            Add(t.Deadline, "deadline", i + 1);
            marks.AddRange(t.Units.Where(u => u.Span is not null).Select(u => (u.Span!.Value, u.Certain ? "unit" : "unit guess", i + 1)));
            marks.AddRange(t.References.Select(r => (r.Span, "ref", i + 1)));
            marks.AddRange(t.Targets.Select(x => (x.Span, "target", i + 1)));
        }

        marks.AddRange(p.UnknownUnits.Where(u => u.Span is not null).Select(u => (u.Span!.Value, "unknown", 0)));
        marks.AddRange(p.Figures.Select(f => (f.Span, "figure", 0)));

        // Keep the marks that do not overlap an earlier one, in text order.
        var kept = new List<(Span Span, string Kind, int Task)>();
        foreach (var m in marks.Where(m => m.Item1.Length > 0).OrderBy(m => m.Item1.Start).ThenByDescending(m => m.Item1.Length))
        {
            if (kept.Count == 0 || m.Item1.Start >= kept[^1].Span.End)
            {
                kept.Add(m);
            }
        }

        return new ImportSource(p.Text, kept);
    }

    private async Task<ImportPageModel> PageAsync(ImportForm form, ImportSource? source, CancellationToken cancellationToken, IReadOnlyList<string>? notes = null)
    {
        var former = l["Unit_Former"].Value;
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive || u.SucceededById != null).OrderBy(u => u.SucceededById != null).ThenBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new Work.Option(u.Id, u.SucceededById == null ? u.Name : u.Name + " " + former)).ToListAsync(cancellationToken);
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.Id).ToDictionaryAsync(k => k.Code, k => k.Name, StringComparer.Ordinal, cancellationToken);
        return new ImportPageModel(form, source, units, notes ?? []) { Kpis = kpis };
    }

    /// <summary>
    /// A former unit named by the notice: when the notice's meeting is on or after the day it was succeeded, the work
    /// goes to its successor; before, it stays the former unit's (its open part is carried over on saving). Each is
    /// said in the preview.
    /// </summary>
    private async Task<List<string>> SuccessorsAsync(ImportForm form, CancellationToken cancellationToken)
    {
        var lineage = await db.LineageAsync(cancellationToken);
        var named = form.Tasks.SelectMany(t => t.Units).Where(u => u.UnitId is { } id && lineage.CurrentOf(id) != id).ToList();
        var notes = new List<string>();
        if (named.Count == 0)
        {
            return notes;
        }

        var ids = named.SelectMany(u => new[] { u.UnitId!.Value, lineage.CurrentOf(u.UnitId.Value) }).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.SucceededOn }).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var unit in named)
        {
            var former = units[unit.UnitId!.Value];
            var successor = units[lineage.CurrentOf(former.Id)];
            if (form.MeetingDate is not { } met || met >= former.SucceededOn)
            {
                unit.UnitId = successor.Id;
                notes.Add(l.GetString("NoticeImport_FormerMapped", unit.Text ?? former.Name, former.Name, successor.Name, Format.Date(former.SucceededOn)).Value);
            }
            else
            {
                notes.Add(l.GetString("NoticeImport_FormerKept", unit.Text ?? former.Name, former.Name, successor.Name, Format.Date(former.SucceededOn)).Value);
            }
        }

        return notes.Distinct().ToList();
    }


    private static async Task<string> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxUpload)
        {
            throw new InvalidDataException("too large");
        }

        await using var stream = file.OpenReadStream();
        return await NoticeReading.TextOfAsync(file.FileName, stream, cancellationToken);
    }

}
