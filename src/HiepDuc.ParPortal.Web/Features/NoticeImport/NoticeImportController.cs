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
public sealed class NoticeImportController(ParPortalDbContext db, TimeProvider clock, NoticeReading reading, ICurrentActor currentActor, IStringLocalizer<SharedResource> l) : Controller
{
    public const long MaxUpload = 5 * 1024 * 1024;

    /// <summary>Words of the KPI catalogue the parser links figure targets to.</summary>
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
        return View("Preview", await PageAsync(FromParsed(parsed), Marks(parsed), cancellationToken));
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

        var deadlines = included.ToDictionary(x => x.Index, x => x.Task.Deadline.ToDeadline(ModelState, $"Tasks[{x.Index}].Deadline", l));
        foreach (var dup in included.GroupBy(x => x.Task.Label.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            ModelState.AddModelError($"Tasks[{dup.First().Index}].Label", l.GetString("NoticeImport_DuplicateLabel", dup.Key).Value);
        }

        var unitIds = included.SelectMany(x => x.Task.Units).Where(u => u.UnitId is not null).Select(u => u.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id) && u.IsActive).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var (task, i) in included)
        {
            if (task.Units.Any(u => u.UnitId is { } id && !units.ContainsKey(id)))
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

        var by = currentActor.Actor;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Names the office chose to add to the registry become units first.
            var created = new Dictionary<string, Unit>(StringComparer.Ordinal);
            foreach (var name in included.SelectMany(x => x.Task.Units).Where(u => u.ToCreate).Select(u => u.Text!.Trim()).Distinct())
            {
                var unit = new Unit(await NewCodeAsync(name, cancellationToken), name, UnitKind.OtherBody);
                db.Units.Add(unit);
                created[name] = unit;
            }

            await db.SaveChangesAsync(cancellationToken);
            var notice = new ConclusionNotice(form.IssuingBody, form.Title, form.MeetingDate!.Value, form.FullText);
            notice.Describe(form.Number, form.IssueDate, null, form.Session, form.ChairedBy, form.SignedBy);
            db.Notices.Add(notice);
            foreach (var (task, i) in included)
            {
                var directive = notice.AddDirective(task.Label.Trim(), task.Title, task.FullText, deadlines[i]!, form.MonitoringUnitId, by, now);
                foreach (var line in (task.References ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    directive.Cite(DocumentReference.Parse(line));
                }

                var chosen = task.Units
                    .Select(u => (Unit: u.UnitId is { } id ? units[id] : u.Create && u.Text is { } t ? created.GetValueOrDefault(t.Trim()) : null, u.Role))
                    .Where(u => u.Unit is not null)
                    .GroupBy(u => u.Unit!)
                    .Select(g => (Unit: g.Key, Role: g.Min(x => x.Role)));
                foreach (var (unit, role) in chosen)
                {
                    directive.Assign(unit, role, now, by);
                }
            }

            await db.SaveChangesAsync(cancellationToken);

            // Figure targets become the directive's data targets, for the deadline's month (the lead unit's, else the district's).
            var kpiIds = await db.KpiDefinitions.ToDictionaryAsync(k => k.Code, k => k.Id, cancellationToken);
            foreach (var (task, i) in included)
            {
                var directive = notice.Directives.Single(d => string.Equals(d.Label, task.Label.Trim(), StringComparison.OrdinalIgnoreCase));
                var leads = directive.Assignments.Where(a => a.Role == AssignmentRole.Lead).Select(a => a.UnitId).ToList();
                if (deadlines[i] is not { Kind: Domain.Deadlines.DeadlineKind.Month, LastDay: { } last })
                {
                    continue;
                }

                foreach (var target in task.Targets.Where(x => x.Keep && x.KpiCode is not null && kpiIds.ContainsKey(x.KpiCode) && x.Kind != KpiTargetKind.None))
                {
                    db.DirectiveTargets.Add(new DirectiveTarget(directive.Id, kpiIds[target.KpiCode!], leads.Count == 1 ? leads[0] : null, KpiPeriod.Month(last.Year, last.Month),
                        target.Kind, target.Value, target.Kind == KpiTargetKind.AtLeastReference ? KpiReference.ProvinceAverage : null));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            TempData[Flash.Key] = l.GetString("NoticeImport_Saved", included.Count).Value;
            return Redirect($"/notices/{notice.Id}");
        }
        catch (DomainException ex)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, l.Domain(ex));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Preview", await PageAsync(form, null, cancellationToken));
        }
    }

    private static ImportForm FromParsed(ParsedNotice p) => new()
    {
        Number = p.Number.Value,
        IssuingBody = p.IssuingBody.Value ?? "UBND huyện Hiệp Đức",
        IssueDate = p.IssueDate.Value,
        MeetingDate = p.MeetingDate.Value,
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
            Units = t.Units.Select(u => new ImportUnit { UnitId = u.UnitId, Text = u.Text, Role = u.Role, Guessed = !u.Certain })
                .Concat(p.UnknownUnits.Where(x => x.Span is { } s && s.Start >= t.Span.Start && s.Start < t.Span.End)
                    .Select(x => new ImportUnit { UnitId = null, Text = x.Value, Role = AssignmentRole.Lead, Guessed = true, Create = true }))
                .ToList(),
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

    private async Task<ImportPageModel> PageAsync(ImportForm form, ImportSource? source, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new Work.Option(u.Id, u.Name)).ToListAsync(cancellationToken);
        return new ImportPageModel(form, source, units, []);
    }


    private static async Task<string> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxUpload)
        {
            throw new InvalidDataException("too large");
        }

        var name = file.FileName.ToLowerInvariant();
        await using var stream = file.OpenReadStream();
        if (name.EndsWith(".docx", StringComparison.Ordinal))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return DocxText.Extract(buffer);
        }

        if (name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".md", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(cancellationToken);
        }

        throw new InvalidDataException("type");
    }

    private async Task<string> NewCodeAsync(string name, CancellationToken cancellationToken)
    {
        var letters = new string(VietnameseText.Fold(name).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        var code = letters.Length == 0 ? "DONVI" : letters[..Math.Min(24, letters.Length)];
        var candidate = code;
        for (var n = 2; await db.Units.AnyAsync(u => u.Code == candidate, cancellationToken); n++)
        {
            candidate = $"{code}{n}";
        }

        return candidate;
    }
}
